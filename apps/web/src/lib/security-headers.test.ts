// The headers every response carries (next.config.ts). HSTS was missing (found by the reliability
// suite); browsers ignore it over plain http, so it is sent always.
import { describe, expect, it } from "vitest";
import config from "../../next.config";

describe("security headers", () => {
  it("sends CSP with frame-ancestors, HSTS, a referrer policy and friends on every path", async () => {
    const rules = await config.headers!();
    const all = rules.find((r) => r.source === "/:path*");
    const h = Object.fromEntries((all?.headers ?? []).map((x) => [x.key.toLowerCase(), x.value]));
    expect(h["strict-transport-security"]).toMatch(/max-age=(\d{8,}|[3-9]\d{7})/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toContain("default-src 'self'");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
  });
});
