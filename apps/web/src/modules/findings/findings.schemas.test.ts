import { describe, expect, it } from "vitest";
import { ZFindingFilters, filtersToQuery } from "./findings.schemas";

describe("ZFindingFilters", () => {
  it("reads comma lists and repeated params alike", () => {
    expect(ZFindingFilters.parse({ severity: "critical,high" }).severity).toEqual(["critical", "high"]);
    expect(ZFindingFilters.parse({ severity: ["critical", "low"] }).severity).toEqual(["critical", "low"]);
  });
  it("rejects unknown severities and statuses", () => {
    expect(ZFindingFilters.safeParse({ severity: "urgent" }).success).toBe(false);
    expect(ZFindingFilters.safeParse({ status: "open,done" }).success).toBe(false);
  });
  it("round-trips through the query string", () => {
    const q = filtersToQuery({ cluster: "c1", severity: ["critical", "high"], status: [], q: "nginx" });
    expect(q).toBe("?cluster=c1&severity=critical%2Chigh&q=nginx");
    const back = ZFindingFilters.parse(Object.fromEntries(new URLSearchParams(q)));
    expect(back).toMatchObject({ cluster: "c1", severity: ["critical", "high"], q: "nginx", status: [] });
  });
});
