// The HTTP pieces of the route wrapper: the cross-site check and the one capped JSON body reader
// (found by the reliability suite: no Sec-Fetch-Site check, bodies of any size read into memory,
// and two readers that disagreed about oversize and invalid bodies).
import { describe, expect, it } from "vitest";
import { crossSiteRefusal, MAX_JSON_BODY_BYTES, readJsonBody, respond } from "./api";

const req = (headers: Record<string, string>, body?: BodyInit) => new Request("http://app.example/api/x", { method: "POST", headers: { host: "app.example", ...headers }, ...(body !== undefined ? { body, duplex: "half" } : {}) } as RequestInit);

describe("crossSiteRefusal", () => {
  it("refuses another site's Origin and requests browsers label cross-site", () => {
    expect(crossSiteRefusal(req({ origin: "https://evil.example" }))?.status).toBe(403);
    expect(crossSiteRefusal(req({ "sec-fetch-site": "cross-site" }))?.status).toBe(403);
    expect(crossSiteRefusal(req({ origin: "null" }))?.status).toBe(403);
  });
  it("lets same-origin browsers and non-browser clients through", () => {
    expect(crossSiteRefusal(req({ origin: "http://app.example", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteRefusal(req({}))).toBeNull();
    expect(crossSiteRefusal(req({ "sec-fetch-site": "none" }))).toBeNull();
  });
});

describe("readJsonBody", () => {
  it("parses JSON; an empty body is {}; invalid JSON is a 400, not {}", async () => {
    expect(await readJsonBody(req({ "content-type": "application/json" }, '{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
    expect(await readJsonBody(req({}))).toEqual({ ok: true, value: {} });
    expect(await readJsonBody(req({}, ""))).toEqual({ ok: true, value: {} });
    expect(await readJsonBody(req({}, "{nope"))).toMatchObject({ ok: false, status: 400, code: "invalid_json" });
  });
  it("refuses bodies over the cap with 413, declared or streamed, without reading them whole", async () => {
    const big = "x".repeat(MAX_JSON_BODY_BYTES + 10);
    expect(await readJsonBody(req({}, JSON.stringify({ k: big })))).toMatchObject({ ok: false, status: 413 });
    expect(await readJsonBody(req({ "content-length": String(MAX_JSON_BODY_BYTES + 1) }, "{}"))).toMatchObject({ ok: false, status: 413 });
    // No Content-Length: a stream that never ends is cut at the cap.
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += 64 * 1024;
        c.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    expect(await readJsonBody(req({}, stream))).toMatchObject({ ok: false, status: 413 });
    expect(pulled).toBeLessThan(MAX_JSON_BODY_BYTES + 4 * 64 * 1024);
  });
});

describe("respond", () => {
  it("a rate-limited answer carries Retry-After from its details; other errors do not", () => {
    const limited = respond({ ok: false, status: 429, code: "rate_limited", error: "Too many scans", details: { retryAfterSeconds: 41.2 } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("42");
    expect(respond({ ok: false, status: 409, code: "conflict", error: "busy", details: { scanId: "s1" } }).headers.get("retry-after")).toBeNull();
  });
});
