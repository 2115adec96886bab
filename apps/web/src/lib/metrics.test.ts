// GET /api/metrics: 404 without BULWARK_METRICS_TOKEN, 401 without the right bearer token, and
// with it Prometheus text in which the API's own requests appear by route template.
import { describe, expect, it } from "vitest";
import { apiRoute } from "./api-routes";
import { metricsResponse } from "./metrics";

const ctx = { params: Promise.resolve({}) };
const TOKEN = "metrics-token-0123456789";
let token: string | undefined;
const scrape = (auth?: string) => metricsResponse(new Request("http://app.test/api/metrics", auth ? { headers: { authorization: auth } } : {}), token);

describe("/api/metrics", () => {
  it("is not there unless an operator set a token", async () => {
    token = undefined;
    expect((await scrape("Bearer anything")).status).toBe(404);
  });

  it("refuses a missing or wrong token", async () => {
    token = TOKEN;
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer metrics-token-012345678X")).status).toBe(401);
    expect((await scrape("Bearer short")).status).toBe(401);
  });

  it("answers request durations by route template with the token", async () => {
    token = TOKEN;
    const health = await apiRoute("GET /api/health")(new Request("http://app.test/api/health"), ctx);
    expect(health.status).toBe(200);
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/bulwark_http_request_duration_seconds_count\{route="\/api\/health",method="GET",status="200"\} [1-9]/);
    expect(text).toContain("bulwark_process_cpu_seconds_total");
  });
});
