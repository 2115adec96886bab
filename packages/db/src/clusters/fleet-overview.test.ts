// listClusters and getFleetOverview: each cluster's most recent scan (any state) and last result,
// open work counted with the one open-work predicate (not the scans' stored counts: exceptions,
// manual resolves and platform findings are not open), the last 24 hours' changes from scan
// summaries, and nothing of another organization. Real Postgres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_pages_fleet";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let a: string;
let b: string;

const now = new Date("2026-11-23T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

async function scan(org: string, clusterId: string, at: Date, fields: Partial<{ status: "succeeded" | "running" | "failed"; score: number; critical: number; high: number; newCount: number; fixedCount: number; reopenedCount: number }> = {}) {
  const status = fields.status ?? "succeeded";
  const s = await m.db.scan.create({
    data: { orgId: org, clusterId, trigger: "schedule", ...fields, status, createdAt: at, startedAt: at, finishedAt: status === "running" ? null : at },
  });
  if (status === "succeeded") await m.db.cluster.update({ where: { id: clusterId }, data: { lastScanId: s.id, lastScanAt: at, score: fields.score ?? null } });
  return s;
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const one = await m.createUserWithOrganization({ email: "fleet@example.com", passwordHash: null, orgName: "Fleet" });
  const two = await m.createUserWithOrganization({ email: "fleet-other@example.com", passwordHash: null, orgName: "Other" });
  orgId = one.org.id;
  otherOrgId = two.org.id;
  const mk = (org: string, name: string, actorId: string) => m.createCluster({ orgId: org, actorId, name, server: "https://x", credentialCipher: "x", credentialKeyId: "k" });
  a = (await mk(orgId, "a", one.user.id)).id;
  b = (await mk(orgId, "b", one.user.id)).id;
  await mk(orgId, "never-scanned", one.user.id);
  const foreign = (await mk(otherOrgId, "f", two.user.id)).id;
  await scan(orgId, a, hoursAgo(50), { score: 40, critical: 9, newCount: 100 });
  const last = await scan(orgId, a, hoursAgo(2), { score: 60.4, critical: 3, high: 4, newCount: 2, fixedCount: 8, reopenedCount: 1 });
  let n = 0;
  const finding = (org: string, clusterId: string, scanId: string, severity: "critical" | "high" | "low", extra: Record<string, unknown> = {}) =>
    m.db.finding.create({
      data: { orgId: org, clusterId, fingerprint: `fp-${n++}`, ruleId: "r", severity, apiVersion: "v1", kind: "Pod", name: `p${n}`, path: "spec", message: "m", remediation: "r", firstSeenScanId: scanId, lastSeenScanId: scanId, ...extra },
    });
  for (const sev of ["critical", "critical", "high", "low"] as const) await finding(orgId, a, last.id, sev);
  await finding(orgId, a, last.id, "high", { status: "in_progress" });
  await finding(orgId, a, last.id, "critical", { status: "reopened" });
  // Not open work: resolved by hand, excepted, expected for a platform component.
  await finding(orgId, a, last.id, "critical", { status: "resolved" });
  await finding(orgId, a, last.id, "critical", { status: "excepted" });
  await finding(orgId, a, last.id, "critical", { baselineId: "kube-proxy", baselineReason: "platform" });
  await scan(orgId, a, hoursAgo(1), { status: "running" });
  await scan(orgId, b, hoursAgo(30), { score: 80, high: 2, newCount: 5 });
  await scan(orgId, b, hoursAgo(3), { status: "failed", newCount: 500 });
  const foreignScan = await scan(otherOrgId, foreign, hoursAgo(1), { score: 5, critical: 99, newCount: 1000 });
  await finding(otherOrgId, foreign, foreignScan.id, "critical");
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("listClusters", () => {
  it("gives each cluster its most recent scan in any state and its last result, worst first", async () => {
    const list = await m.listClusters({ orgId });
    expect(list.map((c) => [c.name, c.score, c.lastScan?.status ?? null, c.lastResult?.score ?? null])).toEqual([
      ["a", 60.4, "running", 60.4],
      ["b", 80, "failed", 80],
      ["never-scanned", null, null, null],
    ]);
    expect(list[0]!.lastScan?.createdAt).toEqual(hoursAgo(1));
    expect(list.some((c) => "credentialCipher" in c)).toBe(false);
  });
});

describe("getFleetOverview", () => {
  it("counts open work, sums the last 24 hours' successful scans and running scans of the organization only", async () => {
    const o = await m.getFleetOverview({ orgId, now });
    // The engine's fleet score (harmonic: the worse cluster weighs more), not the mean 70.2.
    expect(o.score).toBe(68.8);
    expect(o.counts).toEqual({ critical: 3, high: 2, medium: 0, low: 1, info: 0 });
    expect(o.openByCluster).toEqual({ [a]: { critical: 3, high: 2, medium: 0, low: 1, info: 0 } });
    expect(o.risks).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
    expect(o.changes24h).toEqual({ new: 2, fixed: 8, reopened: 1 });
    // The other organization's only scan is its cluster's first: a baseline, not 1000 new findings.
    expect((await m.getFleetOverview({ orgId: otherOrgId, now })).changes24h.new).toBe(0);
    expect(o.scansRunning).toBe(1);
    expect(o.clusters).toHaveLength(3);
  });
});
