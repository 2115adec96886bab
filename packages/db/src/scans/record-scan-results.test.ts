// Ingestion semantics and cost, against real Postgres: 10,000 findings in one scan.
import type { Finding as EngineFinding, KindReadResult, KubeObject, RuleStatus, Severity } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_ingest";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let clusterId: string;

const SEVS: Severity[] = ["critical", "high", "medium", "low", "info"];
const KINDS = ["Deployment", "Secret", "Role"] as const;

function objects(n: number): KubeObject[] {
  return Array.from({ length: n }, (_, i) => {
    const kind = KINDS[i % KINDS.length]!;
    return {
      apiVersion: kind === "Deployment" ? "apps/v1" : kind === "Role" ? "rbac.authorization.k8s.io/v1" : "v1",
      kind,
      metadata: { name: `obj-${i}`, namespace: `ns-${i % 7}`, uid: `uid-${i}`, ...(kind === "Secret" ? { annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"data":{"pw":"c2VjcmV0"}}' } } : {}) },
      ...(kind === "Secret" ? { data: { pw: "c2VjcmV0" } } : { spec: { replicas: 1 } }),
    };
  });
}

/** `perObject` findings on each object, each from a different rule; fingerprints are stable. */
function findings(objs: KubeObject[], perObject: number, opts: { message?: (i: number) => string } = {}): EngineFinding[] {
  const out: EngineFinding[] = [];
  objs.forEach((o, oi) => {
    for (let r = 0; r < perObject; r++) {
      const i = oi * perObject + r;
      out.push({
        ruleId: `rule-${o.kind.toLowerCase()}-${r}`,
        severity: SEVS[i % SEVS.length]!,
        object: { apiVersion: o.apiVersion, kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name!, uid: o.metadata.uid },
        path: `spec.field${r}`,
        observed: "true",
        message: opts.message?.(i) ?? `problem ${r} on ${o.metadata.name}`,
        remediation: "fix it",
        fix: { type: "merge-patch", content: `{"spec":{"field${r}":false}}` },
        fingerprint: `fp-${o.metadata.uid}-${r}`,
      });
    }
  });
  return out;
}

function rules(fs: EngineFinding[], notEvaluated: string[] = []): RuleStatus[] {
  const ids = new Set(fs.map((f) => f.ruleId));
  for (const k of KINDS) for (let r = 0; r < 5; r++) ids.add(`rule-${k.toLowerCase()}-${r}`);
  return [...ids].map((id) => ({ id, status: notEvaluated.includes(id) ? "not-evaluated" : fs.some((f) => f.ruleId === id) ? "failed" : "passed", findings: 0 }));
}

function counts(fs: EngineFinding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of fs) c[f.severity]++;
  return c;
}

const allRead: KindReadResult[] = KINDS.map((k) => ({ resource: k, kind: k, status: "read", count: 1 }));

async function scan(fs: EngineFinding[], objs: KubeObject[], opts: { kinds?: KindReadResult[]; notEvaluated?: string[] } = {}) {
  const s = await m.createScan({ orgId, clusterId, trigger: "manual" });
  const claimed = await m.claimScan({ orgId, scanId: s.id, workerId: "w1" });
  expect(claimed?.status).toBe("running");
  const res = await m.recordScanResults({
    orgId,
    scanId: s.id,
    workerId: "w1",
    result: { findings: fs, rules: rules(fs, opts.notEvaluated), score: 50, counts: counts(fs), objectCount: objs.length },
    kinds: opts.kinds ?? allRead,
    objects: objs,
  });
  return { scanId: s.id, res: res! };
}

/** Rows of "Finding" written (inserted or updated) since the transaction id `since`. */
async function findingRowsWrittenSince(since: bigint): Promise<number> {
  const [r] = await m.db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "Finding" WHERE xmin::text::bigint >= $1`, since);
  return r!.n;
}
async function txid(): Promise<bigint> {
  const [r] = await m.db.$queryRawUnsafe<Array<{ t: string }>>(`SELECT txid_current()::text AS t`);
  return BigInt(r!.t);
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "Ingest@Example.com", passwordHash: null, orgName: "Ingest" });
  const b = await m.createUserWithOrganization({ email: "other-ingest@example.com", passwordHash: null, orgName: "Other" });
  orgId = a.org.id;
  otherOrgId = b.org.id;
  clusterId = (await m.createCluster({ orgId, actorId: a.user.id, name: "big", server: "https://k.example", credentialCipher: "x", credentialKeyId: "k1" })).id;
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("recordScanResults", () => {
  const objs = objects(2000);
  const base = findings(objs, 5); // 10,000 findings

  it("stores 10,000 findings once per fingerprint, fast", async () => {
    const t0 = Date.now();
    const { scanId, res } = await scan(base, objs);
    const ms = Date.now() - t0;
    console.log(`ingest: 10k findings first scan ${res.stats.ms} ms in the transaction (${ms} ms with claim), ${res.stats.objectsWritten} objects`);
    expect(res.status).toBe("succeeded");
    expect(res.stats.inserted).toBe(10_000);
    expect(await m.db.finding.count({ where: { clusterId } })).toBe(10_000);
    expect(res.stats.objectsWritten).toBe(2000);
    expect(ms).toBeLessThan(20_000);
    const s = await m.getScan({ orgId, scanId });
    expect([s?.newCount, s?.openCount, s?.critical]).toEqual([10_000, 10_000, 2000]);
    const cluster = await m.getCluster({ orgId, clusterId });
    expect(cluster?.lastResult?.id).toBe(scanId);
  });

  it("never stores a Secret value", async () => {
    const rows = await m.db.clusterObject.findMany({ where: { clusterId, kind: "Secret" }, take: 20 });
    expect(rows.length).toBe(20);
    for (const r of rows) {
      const text = JSON.stringify(r.manifest);
      expect(text).not.toContain("c2VjcmV0");
      expect(text).not.toContain("last-applied-configuration");
    }
  });

  it("an unchanged rescan writes no finding rows", async () => {
    const before = await txid();
    const t0 = Date.now();
    const { res } = await scan(base, objs);
    console.log(`ingest: unchanged 10k rescan ${Date.now() - t0} ms, finding rows written ${await findingRowsWrittenSince(before)}, objects written ${res.stats.objectsWritten}`);
    expect(res.stats).toMatchObject({ inserted: 0, updated: 0, resolved: 0, reopened: 0, objectsWritten: 0, compared: 0 });
    expect(await findingRowsWrittenSince(before)).toBe(0);
  });

  it("a changed message rewrites only that row; vanished findings resolve; returning ones reopen", async () => {
    const changed = base.map((f, i) => (i === 3 ? { ...f, message: "new wording" } : f));
    const before = await txid();
    const { res } = await scan(changed.slice(0, 9_990), objs);
    expect(res.stats).toMatchObject({ inserted: 0, updated: 1, compared: 1, resolved: 10 });
    expect(await findingRowsWrittenSince(before)).toBe(11);
    const back = await scan(changed, objs);
    expect(back.res.stats).toMatchObject({ inserted: 0, reopened: 10, resolved: 0 });
    const events = await m.db.findingEvent.groupBy({ by: ["type"], where: { orgId }, _count: { _all: true } });
    expect(Object.fromEntries(events.map((e) => [e.type, e._count._all]))).toEqual({ resolved: 10, reopened: 10 });
  });

  it("a partial scan never resolves findings of unread kinds or unevaluated rules", async () => {
    const noSecrets = base.filter((f) => f.object.kind !== "Secret" && f.ruleId !== "rule-role-0");
    const kinds = allRead.map((k) => (k.kind === "Secret" ? { ...k, status: "forbidden" as const, error: "forbidden" } : k));
    const { scanId, res } = await scan(noSecrets, objs.filter((o) => o.kind !== "Secret"), { kinds, notEvaluated: ["rule-role-0"] });
    expect(res.status).toBe("partial");
    expect(res.stats.resolved).toBe(0);
    expect(res.stats.keptUnjudged).toBe(base.length - noSecrets.length);
    expect(await m.db.finding.count({ where: { clusterId, status: "resolved" } })).toBe(0);
    expect((await m.getScan({ orgId, scanId }))?.error).toMatch(/Secret forbidden/);
  });

  it("retires (does not fix) findings of a disabled or removed rule, and reopens them when the rule returns", async () => {
    const ruleIds = [...new Set(base.map((f) => f.ruleId))];
    const [disabledRule, removedRule] = [ruleIds[0]!, ruleIds[1]!];
    const kept = base.filter((f) => f.ruleId !== disabledRule && f.ruleId !== removedRule);
    const retiredCount = base.length - kept.length;
    const s = await m.createScan({ orgId, clusterId, trigger: "manual" });
    await m.claimScan({ orgId, scanId: s.id, workerId: "w1" });
    const statuses = rules(kept).filter((r) => r.id !== removedRule).map((r) => (r.id === disabledRule ? { ...r, status: "disabled" as const } : r));
    const res = (await m.recordScanResults({ orgId, scanId: s.id, workerId: "w1", result: { findings: kept, rules: statuses, score: 50, counts: counts(kept), objectCount: objs.length }, kinds: allRead, objects: objs }))!;
    expect(res.stats).toMatchObject({ resolved: 0, retired: retiredCount });
    expect((await m.getScan({ orgId, scanId: s.id }))?.fixedCount).toBe(0);
    const retired = await m.db.findingEvent.findMany({ where: { orgId, type: "retired", scanId: s.id } });
    expect(retired.length).toBe(retiredCount);
    expect(new Set(retired.map((e) => (e.data as { reason: string }).reason))).toEqual(new Set(["rule disabled in the policy", "rule no longer exists"]));
    expect(await m.db.finding.count({ where: { clusterId, ruleId: { in: [disabledRule, removedRule] }, status: { not: "resolved" } } })).toBe(0);
    const back = await scan(base, objs);
    expect(back.res.stats).toMatchObject({ reopened: retiredCount, resolved: 0, retired: 0 });
  });

  it("retires (does not fix) a check that now stands inside one finding of its cause", async () => {
    const [a, b] = base.filter((f) => f.object.name === base[0]!.object.name);
    expect(a && b).toBeTruthy();
    // One finding per cause: a and b become one finding with a fingerprint of its own.
    const merged: EngineFinding = { ...a!, fingerprint: `cause-${a!.fingerprint}`, checks: [a!.ruleId, b!.ruleId] };
    const rest = base.filter((f) => f !== a && f !== b);
    const { scanId, res } = await scan([...rest, merged], objs);
    expect(res.stats).toMatchObject({ resolved: 0, retired: 2, inserted: 1 });
    expect((await m.getScan({ orgId, scanId }))?.fixedCount).toBe(0);
    const events = await m.db.findingEvent.findMany({ where: { orgId, type: "retired", scanId } });
    expect(events.map((e) => (e.data as { reason: string }).reason)).toEqual([`now part of one finding per cause, led by ${a!.ruleId}`, `now part of one finding per cause, led by ${a!.ruleId}`]);
    // Put the fixture back as the other tests expect it: the old rows open again, no merged row.
    await scan(base, objs);
    await m.db.finding.deleteMany({ where: { clusterId, fingerprint: merged.fingerprint } });
    await m.db.finding.updateMany({ where: { clusterId, status: "reopened" }, data: { status: "open" } });
  });

  it("records nothing for a scan that is not running under this claim", async () => {
    const s = await m.createScan({ orgId, clusterId, trigger: "manual" });
    const input = { orgId, scanId: s.id, result: { findings: [], rules: [], score: 100, counts: counts([]), objectCount: 0 }, kinds: allRead, objects: [] };
    expect(await m.recordScanResults(input)).toBeNull(); // still queued
    await m.claimScan({ orgId, scanId: s.id, workerId: "w1" });
    expect(await m.recordScanResults({ ...input, workerId: "w2" })).toBeNull(); // someone else's claim
    expect(await m.recordScanResults({ ...input, orgId: otherOrgId })).toBeNull(); // another org
    expect(await m.claimScan({ orgId, scanId: s.id, workerId: "w2" })).toBeNull(); // live claim is not stolen
    await m.failScan({ orgId, scanId: s.id, reason: "test" });
    expect(await m.claimScan({ orgId, scanId: s.id, workerId: "w2", staleMs: 0 })).toBeNull(); // finished stays finished
    expect(await m.db.finding.count({ where: { clusterId, status: "resolved" } })).toBe(0);
  });

  it("lists findings with keyset pagination, worst first, scoped to the org", async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let prevRank = 0;
    let pages = 0;
    const rank = (s: Severity) => SEVS.indexOf(s);
    do {
      const page = await m.listFindings({ orgId, clusterId, limit: 200, cursor, status: ["open", "reopened", "in_progress", "resolved"] });
      expect(page.total).toBe(10_000);
      for (const f of page.items) {
        expect(seen.has(f.id)).toBe(false);
        seen.add(f.id);
        expect(rank(f.severity)).toBeGreaterThanOrEqual(prevRank);
        prevRank = rank(f.severity);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.size).toBe(10_000);
    expect(pages).toBe(50);
    expect((await m.listFindings({ orgId: otherOrgId })).total).toBe(0);
    const q = await m.listFindings({ orgId, q: "obj-17", severity: ["critical", "high", "medium", "low", "info"] });
    expect(q.items.every((f) => f.name.startsWith("obj-17"))).toBe(true);
    const facets = await m.listFindingFacets({ orgId });
    expect(facets.namespaces).toHaveLength(7);
    const overview = await m.getOverview({ orgId });
    expect(overview.counts.critical).toBe(2000);
    expect(overview.clusters).toHaveLength(1);
  });

  it("getFinding returns the stored object and refuses other orgs", async () => {
    const one = await m.db.finding.findFirstOrThrow({ where: { clusterId, kind: "Deployment" } });
    const f = await m.getFinding({ orgId, findingId: one.id });
    expect((f?.object?.manifest as KubeObject).metadata.name).toBe(one.name);
    expect(await m.getFinding({ orgId: otherOrgId, findingId: one.id })).toBeNull();
  });
});
