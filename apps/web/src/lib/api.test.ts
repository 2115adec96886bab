// The shared guards of JSON route handlers (found by the reliability suite: no Sec-Fetch-Site
// check, and bodies of any size were read into memory).
import { describe, expect, it } from "vitest";
import { crossSiteRefusal, jsonBody, MAX_JSON_BODY_BYTES, withJsonBody } from "./api";
import { NextResponse } from "next/server";

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

describe("JSON bodies", () => {
  it("parses JSON and turns invalid JSON into {}", async () => {
    expect(await jsonBody(req({ "content-type": "application/json" }, '{"a":1}'))).toEqual({ a: 1 });
    expect(await jsonBody(req({}, "{nope"))).toEqual({});
    expect(await jsonBody(req({}))).toEqual({});
  });
  it("refuses bodies over the cap with 413, declared or streamed, without reading them whole", async () => {
    const big = "x".repeat(MAX_JSON_BODY_BYTES + 10);
    const ok = async () => NextResponse.json({ ran: true });
    expect((await withJsonBody(req({}, JSON.stringify({ k: big })), ok)).status).toBe(413);
    // No Content-Length: a stream that keeps going.
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    expect((await withJsonBody(req({}, stream), ok)).status).toBe(413);
    expect(await jsonBody(req({}, JSON.stringify({ k: big })))).toEqual({});
    expect((await withJsonBody(req({}, '{"a":1}'), ok)).status).toBe(200);
  });
});
