import { describe, expect, it } from "vitest";
import { ZExceptionFromFinding, ZLabelSelectorText, expiryDateToInstant } from "./exceptions.schemas";

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const base = { findingId: "f1", scope: "object" as const, expiresAt: day(30), justification: "vendor chart, fixed upstream soon" };

describe("exception request schema", () => {
  it("accepts a complete request and parses the label selector", () => {
    const r = ZExceptionFromFinding.parse({ ...base, labelSelector: "app=web, app.kubernetes.io/part-of=shop" });
    expect(r.labelSelector).toEqual({ app: "web", "app.kubernetes.io/part-of": "shop" });
    expect(ZExceptionFromFinding.parse({ ...base, labelSelector: "  " }).labelSelector).toBeUndefined();
  });

  it("requires an expiry in the future and at most a year away, and a justification", () => {
    const errs = (v: object) => [...new Set(ZExceptionFromFinding.safeParse({ ...base, ...v }).error?.issues.map((i) => i.path.join(".")) ?? [])];
    expect(errs({ expiresAt: "" })).toEqual(["expiresAt"]);
    expect(errs({ expiresAt: day(-1) })).toEqual(["expiresAt"]);
    expect(errs({ expiresAt: day(400) })).toEqual(["expiresAt"]);
    expect(errs({ expiresAt: day(365) })).toEqual([]);
    expect(errs({ justification: "too short" })).toEqual(["justification"]);
    expect(errs({ scope: "galaxy" })).toEqual(["scope"]);
  });

  it("refuses label selectors that are not key=value", () => {
    expect(ZLabelSelectorText.safeParse("app").success).toBe(false);
    expect(ZLabelSelectorText.safeParse("app=we b").success).toBe(false);
    expect(ZLabelSelectorText.safeParse("-bad=x").success).toBe(false);
    expect(ZLabelSelectorText.parse("tier=")).toEqual({ tier: "" });
  });

  it("an expiry date lasts to the end of that day, UTC", () => {
    expect(expiryDateToInstant("2027-01-31").toISOString()).toBe("2027-01-31T23:59:59.000Z");
  });
});
