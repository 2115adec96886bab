import { describe, expect, it } from "vitest";
import type { TTrendPoint } from "@bulwark/db";
import { bucketRows, bucketVulnDays, buildTrendRows, dayList } from "./trends-series";
import { ZTrendsQuery, rangeOf, trendsHref } from "./trends.schemas";

const pt = (clusterId: string, day: string, score: number, extra: Partial<TTrendPoint> = {}): TTrendPoint => ({
  clusterId, day, at: new Date(`${day}T12:00:00Z`), scanId: `${clusterId}-${day}`, score,
  critical: 1, high: 2, medium: 0, low: 0, info: 0, riskCritical: 1, riskHigh: 0, riskMedium: 0, riskLow: 0, openCount: 3, newCount: 0, fixedCount: 0, reopenedCount: 0, scans: 1, ...extra,
});

describe("buildTrendRows", () => {
  const from = new Date("2026-11-01T00:00:00Z");
  const to = new Date("2026-11-04T10:00:00Z");

  it("lists every day of the range, inclusive", () => {
    expect(dayList(from, to)).toEqual(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"]);
  });

  it("carries each cluster's last state forward and averages scores over clusters", () => {
    const rows = buildTrendRows({
      from, to, clusterIds: ["a", "b"],
      baseline: [pt("a", "2026-10-20", 40)],
      points: [pt("b", "2026-11-02", 80, { newCount: 5, fixedCount: 2 }), pt("a", "2026-11-03", 60, { critical: 0 })],
    });
    expect(rows.map((r) => r.score)).toEqual([40, 60, 70, 70]);
    expect(rows[0]!.clusters).toEqual({ a: 40, b: null });
    // severity counts are the sum of each cluster's latest known scan
    expect(rows[1]!.critical).toBe(2);
    expect(rows[2]!.critical).toBe(1);
    // and so are the risk counts
    expect(rows.map((r) => r.riskCritical)).toEqual([1, 2, 2, 2]);
    // new/fixed belong to the day of the scan only, never carried
    expect(rows.map((r) => r.new)).toEqual([0, 5, 0, 0]);
    expect(rows.map((r) => r.fixed)).toEqual([0, 2, 0, 0]);
  });

  it("has no score before any scan, rather than a made-up 0 or 100", () => {
    const rows = buildTrendRows({ from, to, clusterIds: ["a"], baseline: [], points: [pt("a", "2026-11-03", 55)] });
    expect(rows.map((r) => r.score)).toEqual([null, null, 55, 55]);
  });

  it("buckets long ranges, summing new and fixed", () => {
    const rows = buildTrendRows({ from, to, clusterIds: ["a"], baseline: [], points: [pt("a", "2026-11-01", 50, { newCount: 3 }), pt("a", "2026-11-02", 52, { newCount: 4, fixedCount: 1 })] });
    const b = bucketRows(rows, 2);
    expect(b).toHaveLength(2);
    expect(b[0]).toMatchObject({ day: "2026-11-02", score: 52, new: 7, fixed: 1 });
  });
});

describe("trends query", () => {
  it("defaults bad input to 30 days and keeps clusters as a list", () => {
    expect(ZTrendsQuery.parse({ range: "999", cluster: "c1" })).toMatchObject({ range: "30", cluster: ["c1"] });
    expect(ZTrendsQuery.parse({ range: "custom" }).range).toBe("30");
  });
  it("computes whole-day ranges and round-trips through the URL", () => {
    const q = ZTrendsQuery.parse({ range: "custom", from: "2026-01-01", to: "2026-01-31", cluster: ["a", "b"] });
    const r = rangeOf(q);
    expect(r.from.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-01-31T23:59:59.999Z");
    expect(trendsHref(q, {})).toBe("/trends?range=custom&from=2026-01-01&to=2026-01-31&cluster=a&cluster=b");
    expect(rangeOf(ZTrendsQuery.parse({ range: "7" }), new Date("2026-11-23T05:00:00Z")).from.toISOString()).toBe("2026-11-17T00:00:00.000Z");
  });
});

describe("bucketVulnDays", () => {
  it("keeps each week's last day: open CVEs are a state, not a sum", () => {
    const days = Array.from({ length: 9 }, (_, i) => ({ day: `2026-11-0${i + 1}`, critical: i, high: 10 - i }));
    expect(bucketVulnDays(days, 1)).toBe(days);
    expect(bucketVulnDays(days, 7).map((d) => [d.day, d.critical, d.high])).toEqual([
      ["2026-11-07", 6, 4],
      ["2026-11-09", 8, 2],
    ]);
  });
});
