// Trend series and remediation figures against real Postgres: day bucketing, the baseline rule,
// failed scans left out, organization and cluster scoping, and the cost of a year of daily scans.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_trends";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let a: string;
let b: string;

const day = (d: string, h = 12) => new Date(`${d}T${String(h).padStart(2, "0")}:00:00Z`);

async function scan(clusterId: string, at: Date, fields: Partial<{ score: number; critical: number; high: number; riskCritical: number; newCount: number; fixedCount: number; status: "succeeded" | "failed" | "partial" }> = {}, org = orgId) {
  return m.db.scan.create({
    data: {
      orgId: org, clusterId, trigger: "schedule", status: fields.status ?? "succeeded", score: fields.score ?? 50, critical: fields.critical ?? 0, high: fields.high ?? 0,
      riskCritical: fields.riskCritical ?? 0, newCount: fields.newCount ?? 0, fixedCount: fields.fixedCount ?? 0, createdAt: at, startedAt: at, finishedAt: at,
    },
  });
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const one = await m.createUserWithOrganization({ email: "t@example.com", passwordHash: null, orgName: "T" });
  const two = await m.createUserWithOrganization({ email: "o@example.com", passwordHash: null, orgName: "O" });
  orgId = one.org.id;
  otherOrgId = two.org.id;
  const mk = (org: string, name: string, actorId: string) => m.createCluster({ orgId: org, actorId, name, server: "https://x", credentialCipher: "x", credentialKeyId: "k" });
  a = (await mk(orgId, "a", one.user.id)).id;
  b = (await mk(orgId, "b", one.user.id)).id;
  const foreign = (await mk(otherOrgId, "f", two.user.id)).id;
  await scan(a, day("2026-10-20"), { score: 30, critical: 9, riskCritical: 3, newCount: 40 }); // before range: baseline row, and a's first scan
  await scan(a, day("2026-11-01", 8), { score: 40, newCount: 3, fixedCount: 1 });
  await scan(a, day("2026-11-01", 20), { score: 45, critical: 2, riskCritical: 1, newCount: 2, fixedCount: 4 });
  await scan(a, day("2026-11-02"), { score: 99, status: "failed", newCount: 100 });
  await scan(b, day("2026-11-02"), { score: 80.2, high: 5, riskCritical: 2, newCount: 50 }); // b's first scan: baseline, no "new"
  await scan(b, day("2026-11-03"), { score: 82.7, high: 4, newCount: 1, fixedCount: 2 });
  await scan(foreign, day("2026-11-02"), { score: 1, newCount: 1000 }, otherOrgId);
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("getTrendSeries", () => {
  it("keeps each cluster's last successful scan per day, sums the day's changes, skips failed scans and other orgs", async () => {
    const s = await m.getTrendSeries({ orgId, from: day("2026-11-01", 0), to: day("2026-11-30") });
    expect(s.clusters.map((c) => c.name)).toEqual(["a", "b"]);
    const rows = s.points.map((p) => [p.clusterId === a ? "a" : "b", p.day, p.score, p.critical, p.high, p.riskCritical, p.newCount, p.fixedCount, p.scans]);
    expect(rows).toEqual([
      ["a", "2026-11-01", 45, 2, 0, 1, 5, 5, 2],
      ["b", "2026-11-02", 80.2, 0, 5, 2, 0, 0, 1],
      ["b", "2026-11-03", 82.7, 0, 4, 0, 1, 2, 1],
    ]);
    expect(s.baseline.map((p) => [p.clusterId === a ? "a" : "b", p.score, p.critical])).toEqual([["a", 30, 9]]);
  });

  it("filters by cluster, still listing every cluster for the filter", async () => {
    const s = await m.getTrendSeries({ orgId, from: day("2026-11-01", 0), to: day("2026-11-30"), clusterIds: [b] });
    expect(s.allClusters).toHaveLength(2);
    expect(new Set(s.points.map((p) => p.clusterId))).toEqual(new Set([b]));
    const foreignOnly = await m.getTrendSeries({ orgId: otherOrgId, from: day("2026-11-01", 0), to: day("2026-11-30"), clusterIds: [a] });
    expect(foreignOnly.points).toHaveLength(0);
  });
});

describe("getTrendTotals", () => {
  it("gives the organization's state per day from changes: carried forward, baseline first, failed scans and other orgs left out", async () => {
    const t = await m.getTrendTotals({ orgId, from: day("2026-11-01", 0), to: day("2026-11-30") });
    const rows = t.map((r) => [r.day, r.critical, r.high, r.riskCritical, r.scored, r.scoreSum, r.newCount, r.fixedCount, r.scans]);
    expect(rows).toEqual([
      ["", 9, 0, 3, 1, 30, 0, 0, 0], // a's scan before the range
      ["2026-11-01", 2, 0, 1, 1, 45, 5, 5, 2], // a's last scan that day; both scans' changes
      ["2026-11-02", 2, 5, 3, 2, 125.2, 0, 0, 1], // b's first scan: its baseline adds no "new"; a carried forward
      ["2026-11-03", 2, 4, 1, 2, 127.7, 1, 2, 1], // one decimal kept
    ]);
    const onlyB = await m.getTrendTotals({ orgId, from: day("2026-11-01", 0), to: day("2026-11-30"), clusterIds: [b] });
    expect(onlyB.map((r) => [r.day, r.high, r.scored])).toEqual([["2026-11-02", 5, 1], ["2026-11-03", 4, 1]]);
    expect(await m.getTrendTotals({ orgId: otherOrgId, from: day("2026-11-01", 0), to: day("2026-11-30"), clusterIds: [a] })).toEqual([]);
  });

  it("omits per-cluster points beyond perClusterUpTo", async () => {
    const s = await m.getTrendSeries({ orgId, from: day("2026-11-01", 0), to: day("2026-11-30"), perClusterUpTo: 1 });
    expect(s.pointsOmitted).toBe(true);
    expect(s.points).toEqual([]);
    expect(s.clusters).toHaveLength(2);
  });
});

describe("getRemediationStats", () => {
  it("computes MTTR, age buckets and top rules from findings of the org only", async () => {
    const firstScan = await m.db.scan.findFirstOrThrow({ where: { clusterId: a } });
    const now = day("2026-11-23");
    const f = (i: number, sev: "critical" | "high", status: "open" | "resolved", firstSeen: Date, resolvedAt?: Date, ns = "shop") => ({
      orgId, clusterId: a, fingerprint: `fp${i}`, ruleId: i % 2 ? "r-odd" : "r-even", severity: sev, status, apiVersion: "v1", kind: "Pod", namespace: ns, name: `p${i}`,
      path: "spec", message: "m", remediation: "r", firstSeenScanId: firstScan.id, lastSeenScanId: firstScan.id, firstSeenAt: firstSeen, ...(resolvedAt ? { resolvedAt } : {}),
    });
    await m.db.finding.createMany({
      data: [
        f(1, "critical", "resolved", day("2026-11-10"), day("2026-11-12")), // 48 h
        f(2, "critical", "resolved", day("2026-11-10"), day("2026-11-11")), // 24 h
        f(3, "high", "open", day("2026-11-20")), // 3 days old
        f(4, "high", "open", day("2026-10-01")), // 53 days
        f(5, "high", "open", day("2026-06-01"), undefined, "kube-system"), // > 90 days
      ],
    });
    const st = await m.getRemediationStats({ orgId, from: day("2026-11-01", 0), now });
    expect(st.mttr).toEqual([{ severity: "critical", hours: 36, resolved: 2 }]);
    expect(st.age.sort((x, y) => x.bucket.localeCompare(y.bucket))).toEqual([
      { bucket: "0-7d", severity: "high", count: 1 },
      { bucket: "30-90d", severity: "high", count: 1 },
      { bucket: "90d+", severity: "high", count: 1 },
    ]);
    expect(st.topRules).toEqual([{ ruleId: "r-odd", count: 2 }, { ruleId: "r-even", count: 1 }]);
    expect(st.topNamespaces[0]).toEqual({ namespace: "shop", count: 2 });
    const other = await m.getRemediationStats({ orgId: otherOrgId, from: day("2026-01-01", 0), now });
    expect(other.topRules).toEqual([]);
  });
});

// Speed is measured in `npm run bench` (pages: trends over 365 days), never timed here.
describe("a year of history", () => {
  it("a year of daily scans on 20 clusters gives one point per cluster and day", async () => {
    const user = await m.createUserWithOrganization({ email: "big@example.com", passwordHash: null, orgName: "Big" });
    const bigOrg = user.org.id;
    const clusters: string[] = [];
    for (let i = 0; i < 20; i++) clusters.push((await m.createCluster({ orgId: bigOrg, actorId: user.user.id, name: `c${i}`, server: "https://x", credentialCipher: "x", credentialKeyId: "k" })).id);
    const start = Date.UTC(2025, 10, 23);
    const rows = clusters.flatMap((clusterId) =>
      Array.from({ length: 365 }, (_, d) => {
        const at = new Date(start + d * 86_400_000);
        return { orgId: bigOrg, clusterId, trigger: "schedule" as const, status: "succeeded" as const, score: 50 + (d % 40), high: d % 7, newCount: d % 3, createdAt: at, startedAt: at, finishedAt: at };
      }),
    );
    for (let i = 0; i < rows.length; i += 5000) await m.db.scan.createMany({ data: rows.slice(i, i + 5000) });
    await m.db.$executeRawUnsafe('ANALYZE "Scan"');
    const s = await m.getTrendSeries({ orgId: bigOrg, from: new Date(start), to: new Date(start + 365 * 86_400_000) });
    expect(s.points).toHaveLength(7_300);
  }, 120_000);
});
