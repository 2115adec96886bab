// Risks (attack paths) against real Postgres: a scan's risks move through new -> open, resolved when
// a complete scan no longer sees them, reopened when one does again, excepted and expected for a
// platform component; a partial scan never resolves what it could not judge. Lists are worst first
// with stable keysets; a risk's findings come from its steps; assignment carries its findings.
// Also the one open-work predicate: overview, findings list and queue count the same findings.
import type { Finding as EngineFinding, KindReadResult, Risk as EngineRisk, RuleStatus, Severity } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_risks_db";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let ownerId: string;
let memberId: string;
let outsiderId: string;
let clusterId: string;
let clusterB: string;
const DAY = 86_400_000;
const SEVS: Severity[] = ["critical", "high", "medium", "low", "info"];

function finding(name: string, rule: string, sev: Severity, opts: { kind?: string; ns?: string; baseline?: boolean; checks?: string[]; exception?: string } = {}): EngineFinding {
  return {
    ruleId: rule,
    severity: sev,
    object: { apiVersion: "apps/v1", kind: opts.kind ?? "Deployment", namespace: opts.ns ?? "shop", name, uid: `uid-${name}` },
    path: "spec.template.spec.containers[0].securityContext.privileged",
    message: `${rule} on ${name}`,
    remediation: "fix it",
    fingerprint: `fp-${name}-${rule}`,
    ...(opts.checks ? { checks: opts.checks } : {}),
    ...(opts.baseline ? { baseline: { id: "kube-proxy", reason: "kube-proxy needs host networking" } } : {}),
    ...(opts.exception ? { exception: { id: opts.exception, justification: "accepted" } } : {}),
  };
}

function risk(name: string, fps: string[], opts: { sev?: Severity; score?: number; type?: EngineRisk["type"]; ns?: string; baseline?: boolean; exception?: string; kind?: string; extraKind?: string } = {}): EngineRisk {
  return {
    id: `risk-${name}`,
    type: opts.type ?? "node-takeover",
    title: `${name} can take over its node`,
    severity: opts.sev ?? "critical",
    score: opts.score ?? 90.5,
    objects: [{ apiVersion: "apps/v1", kind: opts.kind ?? "Deployment", namespace: opts.ns ?? "shop", name }],
    steps: [
      { kind: "exposure", text: "reachable from outside", findings: [], ...(opts.extraKind ? { objects: [{ apiVersion: "v1", kind: opts.extraKind, namespace: "shop", name: `${name}-svc` }] } : {}) },
      { kind: "privilege", text: "runs privileged", findings: fps },
    ],
    factors: [{ name: "exposed", multiplier: 1.5, message: "a LoadBalancer exposes it" }],
    remediation: "drop privileged",
    ...(opts.baseline ? { baseline: { id: "kube-proxy", reason: "kube-proxy needs host networking" } } : {}),
    ...(opts.exception ? { exception: { id: opts.exception, justification: "accepted" } } : {}),
  };
}

const RULES = ["privileged-container", "host-network", "run-as-root"];
const readAll: KindReadResult[] = [
  { resource: "apps/v1/deployments", kind: "Deployment", status: "read", count: 3 },
  { resource: "v1/services", kind: "Service", status: "read", count: 1 },
  { resource: "apps/v1/daemonsets", kind: "DaemonSet", status: "read", count: 1 },
];

async function scan(cluster: string, findings: EngineFinding[], risks: EngineRisk[], opts: { kinds?: KindReadResult[]; rules?: RuleStatus[]; score?: number } = {}) {
  const s = await m.createScan({ orgId, clusterId: cluster, trigger: "manual" });
  await m.claimScan({ orgId, scanId: s.id, workerId: "w" });
  const rules: RuleStatus[] = opts.rules ?? RULES.map((id) => ({ id, status: findings.some((f) => f.ruleId === id) ? "failed" : "passed", findings: 0 }));
  const open = findings.filter((f) => !f.exception && !f.baseline);
  const counts = Object.fromEntries(SEVS.map((sev) => [sev, open.filter((f) => f.severity === sev).length])) as Record<Severity, number>;
  const res = await m.recordScanResults({
    orgId,
    scanId: s.id,
    workerId: "w",
    result: { findings, risks, rules, score: opts.score ?? 61.27, counts, objectCount: 5, expected: findings.filter((f) => f.baseline).length, profile: "default", scoreItems: [{ kind: "risk", label: "web can take over its node", severity: "critical", impact: 12.5, riskId: "risk-web" }] },
    kinds: opts.kinds ?? readAll,
    objects: [],
  });
  return { scanId: s.id, res: res! };
}

const webPriv = finding("web", "privileged-container", "critical", { checks: ["privileged-container", "run-as-root"] });
const apiPriv = finding("api", "privileged-container", "high");
const proxyNet = finding("kube-proxy", "host-network", "high", { kind: "DaemonSet", ns: "kube-system", baseline: true });
const webNet = finding("web", "host-network", "medium");

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "risk-owner@example.com", passwordHash: null, orgName: "Risks" });
  const b = await m.createUserWithOrganization({ email: "risk-outsider@example.com", passwordHash: null, orgName: "Other" });
  orgId = a.org.id;
  ownerId = a.user.id;
  otherOrgId = b.org.id;
  outsiderId = b.user.id;
  memberId = (await m.createUser({ email: "risk-member@example.com", name: "Mo Member", passwordHash: null })).id;
  await m.db.membership.create({ data: { orgId, userId: memberId, role: "member" } });
  const mk = (name: string) => m.createCluster({ orgId, actorId: ownerId, name, server: "https://k.example", credentialCipher: "x", credentialKeyId: "k1" });
  clusterId = (await mk("prod")).id;
  clusterB = (await mk("stage")).id;
  await m.db.riskException.create({ data: { id: "exc-api", orgId, ruleId: "privileged-container", name: "api", justification: "accepted", expiresAt: new Date(Date.now() + 30 * DAY), status: "approved" } });
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("risks", () => {
  it("stores a scan's risks, findings' checks and baseline, the one-decimal score and the risk and expected counts", async () => {
    const t0 = Date.now();
    const { scanId, res } = await scan(
      clusterId,
      [webPriv, webNet, apiPriv, proxyNet],
      [
        risk("web", [webPriv.fingerprint, webNet.fingerprint], { extraKind: "Service" }),
        risk("api", [apiPriv.fingerprint], { sev: "high", score: 70, exception: "exc-api", type: "exposed-weak" }),
        risk("kube-proxy", [proxyNet.fingerprint], { sev: "high", score: 40, baseline: true, kind: "DaemonSet", ns: "kube-system", type: "host-access" }),
      ],
    );
    expect(res.stats.risks).toMatchObject({ inserted: 3, resolved: 0, reopened: 0 });
    const rows = await m.db.risk.findMany({ where: { clusterId }, orderBy: { riskKey: "asc" } });
    expect(rows.map((r) => [r.riskKey, r.status, r.baselineId, r.exceptionId, r.kind, r.namespace, r.name])).toEqual([
      ["risk-api", "excepted", null, "exc-api", "Deployment", "shop", "api"],
      ["risk-kube-proxy", "open", "kube-proxy", null, "DaemonSet", "kube-system", "kube-proxy"],
      ["risk-web", "open", null, null, "Deployment", "shop", "web"],
    ]);
    const web = rows.find((r) => r.riskKey === "risk-web")!;
    expect(web.score).toBe(90.5);
    expect(Math.abs(web.dueAt!.getTime() - (t0 + 7 * DAY))).toBeLessThan(5000);
    expect(rows.find((r) => r.riskKey === "risk-kube-proxy")!.dueAt).toBeNull();
    expect(await m.db.riskEvent.count({ where: { orgId, type: "created", scanId } })).toBe(3);

    const f = await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: webPriv.fingerprint } });
    expect(f.checks).toEqual(["privileged-container", "run-as-root"]);
    expect((await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: webNet.fingerprint } })).checks).toEqual(["host-network"]);
    const proxy = await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: proxyNet.fingerprint } });
    expect([proxy.baselineId, proxy.baselineReason, proxy.dueAt, proxy.status]).toEqual(["kube-proxy", "kube-proxy needs host networking", null, "open"]);

    const s = await m.db.scan.findUniqueOrThrow({ where: { id: scanId } });
    expect([s.score, s.riskCritical, s.riskHigh, s.riskMedium, s.riskLow, s.expectedCount, s.openCount, s.profile]).toEqual([61.3, 1, 0, 0, 0, 1, 3, "default"]);
    expect(s.scoreItems).toEqual([{ kind: "risk", label: "web can take over its node", severity: "critical", impact: 12.5, riskId: "risk-web" }]);
    expect((await m.db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).score).toBe(61.3);
  });

  it("an unchanged rescan writes no risk rows; a changed one updates in place", async () => {
    const before = await m.db.risk.findFirstOrThrow({ where: { clusterId, riskKey: "risk-web" } });
    const same = await scan(clusterId, [webPriv, webNet, apiPriv, proxyNet], [
      risk("web", [webPriv.fingerprint, webNet.fingerprint], { extraKind: "Service" }),
      risk("api", [apiPriv.fingerprint], { sev: "high", score: 70, exception: "exc-api", type: "exposed-weak" }),
      risk("kube-proxy", [proxyNet.fingerprint], { sev: "high", score: 40, baseline: true, kind: "DaemonSet", ns: "kube-system", type: "host-access" }),
    ]);
    expect(same.res.stats.risks).toMatchObject({ inserted: 0, updated: 0, resolved: 0 });
    expect((await m.db.risk.findFirstOrThrow({ where: { id: before.id } })).lastSeenScanId).toBe(before.lastSeenScanId);
  });

  it("a partial scan keeps a vanished risk it could not judge; a complete one resolves it; seeing it again reopens it", async () => {
    const keep = [webPriv, webNet, apiPriv, proxyNet];
    const risks = (withWeb: boolean) => [
      ...(withWeb ? [risk("web", [webPriv.fingerprint, webNet.fingerprint], { extraKind: "Service" })] : []),
      risk("api", [apiPriv.fingerprint], { sev: "high", score: 70, exception: "exc-api", type: "exposed-weak" }),
      risk("kube-proxy", [proxyNet.fingerprint], { sev: "high", score: 40, baseline: true, kind: "DaemonSet", ns: "kube-system", type: "host-access" }),
    ];
    // Services forbidden: the web risk's exposure step can't be judged, so its absence means nothing.
    const forbidden = readAll.map((k) => (k.kind === "Service" ? { ...k, status: "forbidden" as const } : k));
    const partial = await scan(clusterId, keep, risks(false), { kinds: forbidden });
    expect(partial.res.status).toBe("partial");
    expect(partial.res.stats.risks).toMatchObject({ resolved: 0, keptUnjudged: 1 });
    // The privileged rule not evaluated: the web risk's findings are unjudged.
    const notEvaluated: RuleStatus[] = [
      { id: "privileged-container", status: "not-evaluated", reason: "test", findings: 0 },
      { id: "host-network", status: "failed", findings: 2 },
      { id: "run-as-root", status: "passed", findings: 0 },
    ];
    const unjudged = await scan(clusterId, [webNet, apiPriv, proxyNet], risks(false), { rules: notEvaluated });
    expect(unjudged.res.stats.risks).toMatchObject({ resolved: 0, keptUnjudged: 1 });
    expect((await m.db.risk.findFirstOrThrow({ where: { clusterId, riskKey: "risk-web" } })).status).toBe("open");

    const complete = await scan(clusterId, keep, risks(false));
    expect(complete.res.stats.risks).toMatchObject({ resolved: 1 });
    const resolved = await m.db.risk.findFirstOrThrow({ where: { clusterId, riskKey: "risk-web" } });
    expect([resolved.status, resolved.lastSeenScanId]).toEqual(["resolved", complete.scanId]);
    expect(resolved.resolvedAt).not.toBeNull();

    const t1 = Date.now();
    const again = await scan(clusterId, keep, risks(true));
    expect(again.res.stats.risks).toMatchObject({ reopened: 1, inserted: 0 });
    const reopened = await m.db.risk.findFirstOrThrow({ where: { id: resolved.id } });
    expect([reopened.status, reopened.resolvedAt]).toEqual(["reopened", null]);
    expect(reopened.dueAt!.getTime()).toBeGreaterThanOrEqual(t1 + 7 * DAY - 1000);
    const types = (await m.db.riskEvent.findMany({ where: { riskId: resolved.id }, orderBy: { createdAt: "asc" } })).map((e) => [e.type, e.scanId]);
    expect(types).toEqual([
      ["created", expect.any(String)],
      ["resolved", complete.scanId],
      ["reopened", again.scanId],
    ]);
  });

  it("an exception that stops covering a risk hands it back as open", async () => {
    await scan(clusterId, [webPriv, webNet, apiPriv, proxyNet], [
      risk("web", [webPriv.fingerprint, webNet.fingerprint], { extraKind: "Service" }),
      risk("api", [apiPriv.fingerprint], { sev: "high", score: 70, type: "exposed-weak" }),
      risk("kube-proxy", [proxyNet.fingerprint], { sev: "high", score: 40, baseline: true, kind: "DaemonSet", ns: "kube-system", type: "host-access" }),
    ]);
    const api = await m.db.risk.findFirstOrThrow({ where: { clusterId, riskKey: "risk-api" } });
    expect([api.status, api.exceptionId]).toEqual(["open", null]);
    expect((await m.db.riskEvent.findMany({ where: { riskId: api.id } })).map((e) => e.type).sort()).toEqual(["created", "exception_ended"]);
  });

  it("lists risks worst first with a stable keyset, filters them, keeps expected ones apart and other organizations out", async () => {
    // A second cluster with many risks of mixed severity and tied scores.
    const many = Array.from({ length: 23 }, (_, i) => risk(`svc-${i}`, [], { sev: SEVS[i % 4]!, score: [50, 50, 61.5][i % 3]!, ns: i % 2 ? "a" : "b", type: i % 2 ? "lateral-movement" : "credential-theft" }));
    await scan(clusterB, [], many);
    const all = await m.db.risk.findMany({ where: { orgId, status: { in: ["open", "reopened", "in_progress"] }, baselineId: null } });
    const rank = (s: Severity) => SEVS.indexOf(s);
    const expected = [...all].sort((a, b) => rank(a.severity) - rank(b.severity) || b.score - a.score || (a.id < b.id ? -1 : 1)).map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await m.listRisks({ orgId, limit: 4, cursor });
      expect(page.total).toBe(expected.length);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);

    const first = (await m.listRisks({ orgId, limit: 1 })).items[0]!;
    expect(first.steps[1]!.findings).toEqual([webPriv.fingerprint, webNet.fingerprint]);
    expect(first.cluster.name).toBe("prod");
    expect((await m.listRisks({ orgId, clusterId: clusterB, type: ["lateral-movement"], namespace: "a" })).items.every((r) => r.type === "lateral-movement" && r.namespace === "a")).toBe(true);
    expect((await m.listRisks({ orgId, q: "SVC-1" })).items.map((r) => r.name).sort()).toEqual(["svc-1", "svc-10", "svc-11", "svc-12", "svc-13", "svc-14", "svc-15", "svc-16", "svc-17", "svc-18", "svc-19"]);
    expect((await m.listRisks({ orgId, severity: ["critical"], clusterId })).items.map((r) => r.name)).toEqual(["web"]);
    // The platform's risk is listed only when asked for.
    expect((await m.listRisks({ orgId, limit: 200 })).items.some((r) => r.baselineId)).toBe(false);
    expect((await m.listRisks({ orgId, limit: 200, includeExpected: true })).items.filter((r) => r.baselineId).map((r) => r.name)).toEqual(["kube-proxy"]);
    expect((await m.listRisks({ orgId: otherOrgId })).items).toHaveLength(0);

    const top = await m.topRisks({ orgId, limit: 3 });
    expect(top.map((r) => r.id)).toEqual(expected.slice(0, 3));
    expect(new Set(top.map((r) => r.clusterId)).size).toBe(2);
    expect(await m.topRisks({ orgId: otherOrgId })).toEqual([]);
    const fleet = await m.getFleetOverview({ orgId });
    expect(fleet.risks.critical).toBe(all.filter((r) => r.severity === "critical").length);
  });

  it("a risk's page resolves its findings from the steps in the same cluster only", async () => {
    // The same fingerprint in another cluster is not this risk's finding.
    await scan(clusterB, [webPriv], [risk("svc-0", [], { sev: "critical", score: 50, ns: "b", type: "credential-theft" })]);
    const web = await m.db.risk.findFirstOrThrow({ where: { clusterId, riskKey: "risk-web" } });
    const detail = (await m.getRisk({ orgId, id: web.id }))!;
    expect(detail.findings.map((f) => [f.fingerprint, f.clusterId])).toEqual([
      [webPriv.fingerprint, clusterId],
      [webNet.fingerprint, clusterId],
    ]);
    expect(detail.factors[0]!.multiplier).toBe(1.5);
    expect(detail.events.map((e) => e.type)).toEqual(["created", "resolved", "reopened"]);
    expect(await m.getRisk({ orgId: otherOrgId, id: web.id })).toBeNull();
  });

  it("assigning a risk assigns its open findings, with events on both, one notification and an audit row", async () => {
    const web = await m.db.risk.findFirstOrThrow({ where: { clusterId, riskKey: "risk-web" } });
    // One of its findings is already resolved by hand: not open work, so not assigned.
    const net = await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: webNet.fingerprint } });
    await m.updateFindingStatus({ orgId, findingId: net.id, actorId: ownerId, status: "resolved" });
    await m.assignRisk({ orgId, riskId: web.id, actorId: ownerId, assigneeId: memberId, ip: "10.0.0.7" });
    expect((await m.db.risk.findUniqueOrThrow({ where: { id: web.id } })).assigneeId).toBe(memberId);
    const priv = await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: webPriv.fingerprint } });
    expect(priv.assigneeId).toBe(memberId);
    expect((await m.db.finding.findUniqueOrThrow({ where: { id: net.id } })).assigneeId).toBeNull();
    expect((await m.db.findingEvent.findMany({ where: { findingId: priv.id, type: "assigned" } })).map((e) => e.actorId)).toEqual([ownerId]);
    expect((await m.db.riskEvent.findMany({ where: { riskId: web.id, type: "assigned" } })).map((e) => e.data)).toEqual([{ from: null, to: memberId, findings: 1 }]);
    const notes = await m.db.notification.findMany({ where: { userId: memberId, orgId } });
    expect(notes.map((n) => [n.title, n.link])).toEqual([[`Risk assigned to you: ${web.title}`, `/risks/${web.id}`]]);
    expect((await m.db.auditLog.findFirstOrThrow({ where: { orgId, action: "risk.assign", targetId: web.id } })).ip).toBe("10.0.0.7");
    expect((await m.listRisks({ orgId, assignee: memberId })).items.map((r) => r.id)).toEqual([web.id]);
    // Again: nothing changes, nothing is written.
    await m.assignRisk({ orgId, riskId: web.id, actorId: ownerId, assigneeId: memberId });
    expect(await m.db.riskEvent.count({ where: { riskId: web.id, type: "assigned" } })).toBe(1);
    await expect(m.assignRisk({ orgId, riskId: web.id, actorId: ownerId, assigneeId: outsiderId })).rejects.toThrow(/assignee not found/);
    await expect(m.assignRisk({ orgId: otherOrgId, riskId: web.id, actorId: outsiderId, assigneeId: null })).rejects.toThrow(/risk not found/);
  });

  it("people track a risk's status and comment on it; an excepted risk can't be moved by hand", async () => {
    const web = await m.db.risk.findFirstOrThrow({ where: { clusterId, riskKey: "risk-web" } });
    await m.setRiskStatus({ orgId, riskId: web.id, actorId: memberId, status: "in_progress", comment: "patching" });
    expect((await m.db.risk.findUniqueOrThrow({ where: { id: web.id } })).status).toBe("in_progress");
    await m.commentOnRisk({ orgId, riskId: web.id, actorId: memberId, body: "  PR #42  " });
    const events = (await m.getRisk({ orgId, id: web.id }))!.events;
    expect(events.slice(-2).map((e) => [e.type, e.data, e.actor?.id])).toEqual([
      ["status", { from: "reopened", to: "in_progress", comment: "patching" }, memberId],
      ["comment", { body: "PR #42" }, memberId],
    ]);
    expect(await m.db.auditLog.count({ where: { orgId, action: { in: ["risk.status", "risk.comment"] }, targetId: web.id } })).toBe(2);
    await expect(m.commentOnRisk({ orgId, riskId: web.id, actorId: memberId, body: "  " })).rejects.toThrow(/1 to 4000/);
    await expect(m.setRiskStatus({ orgId: otherOrgId, riskId: web.id, actorId: outsiderId, status: "resolved" })).rejects.toThrow(/risk not found/);
    // A scan still seeing it leaves it in progress.
    await scan(clusterId, [webPriv, webNet, apiPriv, proxyNet], [risk("web", [webPriv.fingerprint, webNet.fingerprint], { extraKind: "Service" })]);
    expect((await m.db.risk.findUniqueOrThrow({ where: { id: web.id } })).status).toBe("in_progress");
    await m.db.risk.update({ where: { id: web.id }, data: { status: "excepted", exceptionId: "exc-api" } });
    await expect(m.setRiskStatus({ orgId, riskId: web.id, actorId: ownerId, status: "open" })).rejects.toThrow(/exception covers/);
  });

  it("the overview, the findings list and the queue count the same open work", async () => {
    const counts = async () => {
      const fleet = await m.getFleetOverview({ orgId });
      const overview = await m.getOverview({ orgId });
      const sum = (c: Record<Severity, number>) => SEVS.reduce((n, s) => n + c[s], 0);
      return { fleet: sum(fleet.counts), overview: sum(overview.counts), list: (await m.listFindings({ orgId })).total, queue: (await m.countQueue({ orgId })).value };
    };
    const before = await counts();
    expect(new Set(Object.values(before)).size).toBe(1);
    // A manual resolve, an exception-excepted finding and a platform finding are not open work anywhere.
    const open = await m.db.finding.findMany({ where: m.openFindingWhere(orgId) });
    expect(open.some((f) => f.baselineId || f.status === "excepted" || f.status === "resolved")).toBe(false);
    await m.updateFindingStatus({ orgId, findingId: open[0]!.id, actorId: ownerId, status: "resolved" });
    const after = await counts();
    expect(after).toEqual({ fleet: before.fleet - 1, overview: before.fleet - 1, list: before.fleet - 1, queue: before.fleet - 1 });
    const perCluster = (await m.getFleetOverview({ orgId })).openByCluster;
    expect(Object.values(perCluster).reduce((n, c) => n + SEVS.reduce((k, s) => k + c[s], 0), 0)).toBe(after.fleet);
    // The platform section: expected findings only when asked for.
    expect((await m.listFindings({ orgId, expected: true })).items.map((f) => f.fingerprint)).toEqual([proxyNet.fingerprint]);
    expect((await m.listQueue({ orgId, expected: true })).items.map((f) => f.fingerprint)).toEqual([proxyNet.fingerprint]);
    // A new SLA moves open due dates, never gives a platform finding one.
    const r = await m.updateSlaPolicy({ orgId, actorId: ownerId, policy: { critical: 3, high: 14, medium: 60, low: 90, info: 365 } });
    expect(r.findingsUpdated).toBeGreaterThan(0);
    expect((await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: proxyNet.fingerprint } })).dueAt).toBeNull();
  });
});
