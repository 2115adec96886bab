// The headers every response carries (next.config.ts), matched as Next matches them. HSTS was
// missing (found by the reliability suite); browsers ignore it over plain http, so it is sent
// always. Evidence file downloads keep their own sandboxing policy: the app's CSP is not on them.
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { describe, expect, it } from "vitest";
import config from "../../next.config";

async function headersFor(path: string): Promise<Record<string, string>> {
  const rules = await config.headers!();
  const out: Record<string, string> = {};
  for (const r of rules) if (getPathMatch(r.source)(path) !== false) for (const h of r.headers) out[h.key.toLowerCase()] = h.value;
  return out;
}

describe("security headers", () => {
  it("sends CSP with frame-ancestors, HSTS, a referrer policy and friends on every path", async () => {
    for (const path of ["/", "/overview", "/compliance/hipaa/controls/164.308(a)(1)", "/api/compliance/hipaa/attestations", "/api/reports/r1/download"]) {
      const h = await headersFor(path);
      expect(h["strict-transport-security"], path).toMatch(/max-age=(\d{8,}|[3-9]\d{7})/);
      expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(h["content-security-policy"], path).toContain("default-src 'self'");
      expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(h["x-frame-options"], path).toBe("DENY");
      expect(h["x-content-type-options"], path).toBe("nosniff");
    }
  });

  it("leaves the evidence download's own sandboxing CSP in place (the app's would replace it)", async () => {
    const h = await headersFor("/api/compliance/attestation-files/f1");
    expect(h["content-security-policy"]).toBeUndefined();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
  });
});
