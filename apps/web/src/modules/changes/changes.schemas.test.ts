import { describe, expect, it } from "vitest";
import { ZChangeFilters, ZChangeRetention, changeWindow, changesQuery } from "./changes.schemas";

describe("change history filters", () => {
  it("parses the URL's values, first of repeated ones, empty as not given", () => {
    const f = ZChangeFilters.parse({ clusterId: "c1", namespace: ["shop", "other"], kind: "Pod", type: "modified", manager: "", since: "2025-03-01T09:00:00Z", limit: "20" });
    expect(f).toMatchObject({ clusterId: "c1", namespace: "shop", kind: "Pod", type: "modified", limit: 20 });
    expect(f.manager).toBeUndefined();
    expect(f.since?.toISOString()).toBe("2025-03-01T09:00:00.000Z");
    expect(ZChangeFilters.safeParse({ clusterId: "c1", type: "renamed" }).success).toBe(false);
    expect(ZChangeFilters.safeParse({ clusterId: "c1", kind: "Pod; drop" }).success).toBe(false);
  });

  it("turns a preset into a window, explicit times first, 'report' only when there is one", () => {
    const now = new Date("2025-03-02T12:00:00Z");
    const report = new Date("2025-02-20T00:00:00Z");
    expect(changeWindow({ range: "24h" }, now, null)).toEqual({ since: new Date("2025-03-01T12:00:00Z") });
    expect(changeWindow({ range: "report" }, now, report)).toEqual({ since: report });
    expect(changeWindow({ range: "report" }, now, null)).toEqual({});
    const since = new Date("2025-01-01T00:00:00Z");
    expect(changeWindow({ range: "1h", since, until: now }, now, report)).toEqual({ since, until: now });
  });

  it("writes short links", () => {
    expect(changesQuery({ kind: "Pod", namespace: undefined, manager: "", since: new Date("2025-03-01T09:00:00Z") })).toBe("?kind=Pod&since=2025-03-01T09%3A00%3A00.000Z");
    expect(changesQuery({})).toBe("");
  });

  it("keeps retention between 1 and 3650 whole days", () => {
    expect(ZChangeRetention.parse({ days: "90" })).toEqual({ days: 90 });
    for (const days of ["0", "3651", "1.5", "x"]) expect(ZChangeRetention.safeParse({ days }).success, days).toBe(false);
  });
});
