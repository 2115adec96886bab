// Exceptions and policy end to end: real Postgres, real Redis (the expiry sweep runs as a BullMQ
// job), kube-sim over HTTPS, the worker's scan processor with the real reader and engine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, scenarios, type KubeSim } from "@bulwark/kube-sim";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "./test-helpers";

const DB = "bulwark_be_exc_worker";
const PREFIX = "exc-test";
const SECRET = testSecretKey();
Object.assign(process.env, {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL,
  BULWARK_QUEUE_PREFIX: PREFIX,
  BULWARK_SECRET_KEY: SECRET,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
});

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
let db: Db;
let jobs: Jobs;
let processScan: typeof import("./processors/scan.processor").processScan;
let sweep: typeof import("./processors/exception-expiry.processor");
let sim: KubeSim;
let orgId: string;
let adminId: string;
let memberId: string;
let clusterId: string;
const keyring = parseKeyring(SECRET);
const DAY = 86_400_000;
const logs: string[] = [];
const ctx = () => ({ workerId: "exc-test", keyring, allowPrivateNetworks: true, staleMs: 30_000, scanDeadlineMs: 60_000, log: (m: string) => void logs.push(m) });

async function scan() {
  const s = await db.createScan({ orgId, clusterId, trigger: "manual", actorId: adminId });
  const res = await processScan({ id: `t-${s.id}`, data: { orgId, clusterId, scanId: s.id, trigger: "manual" } }, ctx());
  expect(res.outcome === "succeeded" || res.outcome === "partial").toBe(true);
  return (await db.getScan({ orgId, scanId: s.id }))!;
}

const findingsOf = (where: Record<string, unknown>) => db.db.finding.findMany({ where: { orgId, clusterId, ...where }, orderBy: { id: "asc" } });

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  processScan = (await import("./processors/scan.processor")).processScan;
  sweep = await import("./processors/exception-expiry.processor");
  await jobs.getQueue(jobs.QUEUE_EXCEPTIONS).obliterate({ force: true });
  const { user, org } = await db.createUserWithOrganization({ email: "exc-admin@example.com", passwordHash: null, orgName: "Exc" });
  orgId = org.id;
  adminId = user.id;
  const member = await db.createUser({ email: "exc-member@example.com", passwordHash: null });
  memberId = member.id;
  await db.db.membership.create({ data: { orgId, userId: memberId, role: "member" } });
  const shop = scenarios["shop-staging"]!();
  sim = await startKubeSim({ objects: shop.objects, version: shop.version });
  const { ciphertext, keyId } = encryptCredential(sim.kubeconfig({ identity: "admin" }), keyring);
  clusterId = (await db.createCluster({ orgId, actorId: adminId, name: "shop", server: sim.url, credentialCipher: ciphertext, credentialKeyId: keyId })).id;
}, 120_000);

afterAll(async () => {
  await jobs?.getQueue(jobs.QUEUE_EXCEPTIONS).obliterate({ force: true }).catch(() => {});
  await jobs?.closeQueues();
  await db?.disconnectDb();
  await sim?.close();
  await dropDatabase(DB).catch(() => {});
});

describe("exceptions", () => {
  let ruleId: string;
  let namespace: string;
  let exceptionId: string;
  let expiresAt: Date;

  it("a member's request covers nothing until an admin approves it; then the findings are excepted at once", async () => {
    const first = await scan();
    expect(first.status).toBe("succeeded");
    // A rule with findings in several namespaces, so the scope visibly leaves some open.
    // (Findings expected for platform components are not open work: not candidates.)
    const rows = await findingsOf({ status: "open", namespace: { not: null }, baselineId: null });
    const byRule = new Map<string, Set<string>>();
    for (const r of rows) byRule.set(r.ruleId, (byRule.get(r.ruleId) ?? new Set()).add(r.namespace!));
    [ruleId] = [...byRule].find(([, ns]) => ns.size >= 2)!;
    namespace = [...byRule.get(ruleId)!][0]!;
    const inScope = await findingsOf({ ruleId, namespace });
    const outOfScope = await findingsOf({ ruleId, namespace: { not: namespace } });
    expect(inScope.length).toBeGreaterThan(0);
    expect(outOfScope.length).toBeGreaterThan(0);
    await db.assignFinding({ orgId, findingId: inScope[0]!.id, actorId: adminId, assigneeId: memberId });

    expiresAt = new Date(Date.now() + 30 * DAY);
    const req = await db.requestException({ orgId, actorId: memberId, ruleId, clusterId, namespace, justification: "vendor chart, fixed upstream next quarter", expiresAt, findingId: inScope[0]!.id, ip: "10.0.0.7" });
    exceptionId = req.id;
    expect(req.status).toBe("requested");
    expect((await findingsOf({ ruleId, namespace })).every((f) => f.status === "open" && f.exceptionId === null)).toBe(true);

    // Bad requests are refused with a reason.
    await expect(db.requestException({ orgId, actorId: memberId, ruleId, justification: "long enough reason", expiresAt: new Date(Date.now() - 1000) })).rejects.toThrow(/future/);
    await expect(db.requestException({ orgId, actorId: memberId, ruleId, justification: "long enough reason", expiresAt: new Date(Date.now() + 400 * DAY) })).rejects.toThrow(/at most/);
    await expect(db.requestException({ orgId, actorId: memberId, ruleId: "no-such-rule", justification: "long enough reason", expiresAt })).rejects.toThrow(/unknown rule/);

    const { covered } = await db.decideException({ orgId, exceptionId, actorId: adminId, decision: "approve", note: "ok until the upgrade" });
    expect(covered).toBe(inScope.length);
    const after = await findingsOf({ ruleId, namespace });
    expect(after.every((f) => f.status === "excepted" && f.exceptionId === exceptionId)).toBe(true);
    expect((await findingsOf({ ruleId, namespace: { not: namespace } })).every((f) => f.status === "open")).toBe(true);
    const events = await db.db.findingEvent.findMany({ where: { findingId: inScope[0]!.id, type: "excepted" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(adminId);
    // Deciding twice is refused.
    await expect(db.decideException({ orgId, exceptionId, actorId: adminId, decision: "reject" })).rejects.toThrow(/approved/);
    const audit = await db.db.auditLog.findMany({ where: { orgId, targetId: exceptionId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["exception.request", "exception.approve"]);
    expect(audit[0]!.ip).toBe("10.0.0.7");
    const listed = await db.listExceptions({ orgId, statuses: ["approved"] });
    expect(listed.find((e) => e.id === exceptionId)?.covered).toBe(inScope.length);
    expect(listed.find((e) => e.id === exceptionId)?.clusterName).toBe("shop");
  }, 120_000);

  it("hides nothing: the next scan stores the covered findings as excepted, lists and counts them, and drops none", async () => {
    const before = await findingsOf({});
    const inScope = await findingsOf({ ruleId, namespace });
    const s = await scan();
    const after = await findingsOf({});
    expect(after.length).toBe(before.length);
    const covered = await findingsOf({ ruleId, namespace });
    expect(covered.map((f) => f.id)).toEqual(inScope.map((f) => f.id));
    expect(covered.map((f) => [f.status, f.exceptionId])).toEqual(covered.map(() => ["excepted", exceptionId]));
    // Seen again, so not resolved (rows record the last scan that changed them, so no lastSeen check).
    expect(covered.every((f) => f.resolvedAt === null)).toBe(true);
    const listed = await db.listFindings({ orgId, status: ["excepted"], limit: 200 });
    expect(listed.items.filter((f) => f.ruleId === ruleId).length).toBe(covered.length);
    // The scan's rule status counts them as excepted findings, not as missing ones.
    const status = (s.rules as Array<{ id: string; findings: number }>).find((r) => r.id === ruleId)!;
    // A rule's count includes the merged findings it stands for (stored checks), not only those it leads.
    expect(status.findings).toBe((await findingsOf({ checks: { has: ruleId } })).length);
  }, 120_000);

  it("warns once before expiry, then expires on time with an injected clock: findings back to open, event and notification", async () => {
    // A week before: nothing expires, the requester and the assignee are warned once.
    const early = await sweep.processExceptionSweep({ data: {} }, ctx(), () => new Date(expiresAt.getTime() - 3 * DAY));
    expect(early).toEqual({ expired: 0, released: 0, warned: 1 });
    expect(await db.db.notification.count({ where: { orgId, kind: "exception_expiring" } })).toBe(1);
    const again = await sweep.processExceptionSweep({ data: {} }, ctx(), () => new Date(expiresAt.getTime() - 2 * DAY));
    expect(again.warned).toBe(0);
    // One minute before its expiry the exception still holds.
    const notYet = await sweep.processExceptionSweep({ data: {} }, ctx(), () => new Date(expiresAt.getTime() - 60_000));
    expect(notYet.expired).toBe(0);
    expect((await db.getException({ orgId, exceptionId }))?.status).toBe("approved");

    // The sweep as a real BullMQ job, its clock injected through the payload.
    const worker = jobs.getQueueConnection().createWorker(jobs.QUEUE_EXCEPTIONS, (job) => sweep.processExceptionSweep(job, ctx()), { concurrency: 1 });
    try {
      const covered = await findingsOf({ exceptionId });
      const job = await jobs.getQueue(jobs.QUEUE_EXCEPTIONS).add("exception-sweep", { now: new Date(expiresAt.getTime() + 60_000).toISOString() });
      await waitFor("sweep job", async () => ((await job.isCompleted()) ? true : (await job.isFailed()) ? Promise.reject(new Error(job.failedReason)) : null), 30_000);
      expect((await db.getException({ orgId, exceptionId }))?.status).toBe("expired");
      const back = await findingsOf({ id: { in: covered.map((f) => f.id) } });
      expect(back.every((f) => f.status === "open" && f.exceptionId === null)).toBe(true);
      const ev = await db.db.findingEvent.findMany({ where: { findingId: covered[0]!.id, type: "exception_expired" } });
      expect(ev).toHaveLength(1);
      expect(ev[0]!.actorId).toBeNull();
      const notes = await db.db.notification.findMany({ where: { orgId, kind: "exception_expired" } });
      expect(notes.map((n) => n.userId)).toEqual([memberId]);
      expect((await db.db.auditLog.findFirst({ where: { orgId, targetId: exceptionId, action: "exception.expire" } }))?.actorId).toBeNull();
    } finally {
      await worker.close();
    }
    // The next scan (real clock, before the original date) does not bring it back.
    await scan();
    expect((await findingsOf({ ruleId, namespace })).every((f) => f.status === "open")).toBe(true);
  }, 120_000);

  it("grant by an admin covers an object or a label selector; revoke returns its findings to open", async () => {
    // One object's findings of one rule.
    const target = (await findingsOf({ status: "open", kind: "Deployment" }))[0]!;
    const granted = await db.grantException({ orgId, actorId: adminId, ruleId: target.ruleId, clusterId, namespace: target.namespace, kind: target.kind, name: target.name, justification: "accepted for the load test", expiresAt: new Date(Date.now() + 10 * DAY) });
    expect(granted.exception.status).toBe("approved");
    const held = await findingsOf({ exceptionId: granted.exception.id });
    expect(held.map((f) => f.id)).toContain(target.id);
    expect(held.every((f) => f.kind === target.kind && f.name === target.name && f.ruleId === target.ruleId)).toBe(true);
    await db.assignFinding({ orgId, findingId: target.id, actorId: adminId, assigneeId: memberId });
    const { released } = await db.revokeException({ orgId, exceptionId: granted.exception.id, actorId: adminId, note: "load test over" });
    expect(released).toBe(held.length);
    expect((await db.db.finding.findUnique({ where: { id: target.id } }))?.status).toBe("open");
    expect(await db.db.notification.count({ where: { orgId, userId: memberId, kind: "exception_expired", link: `/exceptions/${granted.exception.id}` } })).toBe(1);
    const ev = await db.db.findingEvent.findFirst({ where: { findingId: target.id, type: "exception_expired" }, orderBy: { createdAt: "desc" } });
    expect(ev?.actorId).toBe(adminId);
    await expect(db.revokeException({ orgId, exceptionId: granted.exception.id, actorId: adminId })).rejects.toThrow(/already revoked/);

    // A label selector, across all clusters: only findings whose object carries the label.
    const objects = await db.db.clusterObject.findMany({ where: { orgId, clusterId } });
    const labelled = objects.find((o) => Object.keys(((o.manifest as { metadata?: { labels?: object } }).metadata?.labels ?? {})).length > 0)!;
    const [k, v] = Object.entries((labelled.manifest as { metadata: { labels: Record<string, string> } }).metadata.labels)[0]!;
    const withLabel = new Set(objects.filter((o) => (o.manifest as { metadata?: { labels?: Record<string, string> } }).metadata?.labels?.[k] === v).map((o) => `${o.kind}/${o.namespace ?? ""}/${o.name}`));
    const sample = (await findingsOf({ status: "open", kind: labelled.kind, name: labelled.name }))[0]!;
    const bySelector = await db.grantException({ orgId, actorId: adminId, ruleId: sample.ruleId, labelSelector: { [k]: v }, justification: "labelled as accepted by the platform team", expiresAt: new Date(Date.now() + 10 * DAY) });
    const sel = await findingsOf({ exceptionId: bySelector.exception.id });
    expect(sel.length).toBeGreaterThan(0);
    expect(sel.every((f) => withLabel.has(`${f.kind}/${f.namespace ?? ""}/${f.name}`))).toBe(true);
    const left = await findingsOf({ ruleId: sample.ruleId, status: "open" });
    expect(left.every((f) => !withLabel.has(`${f.kind}/${f.namespace ?? ""}/${f.name}`))).toBe(true);
    // The engine agrees on the next scan.
    await scan();
    const afterScan = await findingsOf({ ruleId: sample.ruleId, status: "excepted" });
    expect(afterScan.map((f) => f.id).sort()).toEqual(sel.map((f) => f.id).sort());
  }, 120_000);

  it("another organization cannot see or change an exception", async () => {
    const other = await db.createUserWithOrganization({ email: "exc-other@example.com", passwordHash: null, orgName: "Other" });
    expect(await db.getException({ orgId: other.org.id, exceptionId })).toBeNull();
    await expect(db.revokeException({ orgId: other.org.id, exceptionId, actorId: other.user.id })).rejects.toThrow(/not found/);
    expect(await db.listExceptions({ orgId: other.org.id })).toEqual([]);
  });
});

describe("policy and custom rules", () => {
  it("a saved custom rule produces findings on the next scan; a broken one is not evaluated and the scan succeeds", async () => {
    await expect(
      db.createCustomRule({ orgId, actorId: adminId, ruleId: "custom-bad", title: "Bad", severity: "low", kinds: ["Deployment"], expression: "object.spec.replicas <", message: "m", remediation: "r" }),
    ).rejects.toThrow(/does not compile/);
    const rule = await db.createCustomRule({
      orgId, actorId: adminId, ip: "10.0.0.8",
      ruleId: "custom-single-replica", title: "Deployments run one replica", severity: "medium", kinds: ["Deployment"],
      expression: "has(object.spec.replicas) && object.spec.replicas < 2", message: "{{namespace}}/{{name}} runs one replica", remediation: "Run at least two replicas.", path: "spec.replicas",
    });
    // A rule stored before an engine change that no longer compiles (written past the check).
    await db.db.customRule.create({ data: { orgId, ruleId: "custom-legacy", title: "Legacy", severity: "high", kinds: ["Pod"], expression: "object.spec.(", message: "m", remediation: "r" } });
    const s = await scan();
    expect(s.status).toBe("succeeded");
    const mine = await findingsOf({ ruleId: "custom-single-replica" });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]!.message).toMatch(/runs one replica$/);
    const statuses = s.rules as Array<{ id: string; status: string; reason?: string }>;
    expect(statuses.find((r) => r.id === "custom-single-replica")?.status).toBe("failed");
    const legacy = statuses.find((r) => r.id === "custom-legacy");
    expect(legacy?.status).toBe("not-evaluated");
    expect(legacy?.reason).toMatch(/does not compile/);

    // Disabled: the next scan no longer runs it.
    await db.setCustomRuleEnabled({ orgId, id: rule.id, actorId: adminId, enabled: false });
    const s2 = await scan();
    expect((s2.rules as Array<{ id: string }>).some((r) => r.id === "custom-single-replica")).toBe(false);
    const audit = await db.db.auditLog.findMany({ where: { orgId, targetId: rule.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["custom_rule.create", "custom_rule.disable"]);
    expect(audit[0]!.ip).toBe("10.0.0.8");
  }, 120_000);

  it("severity overrides and disabled rules apply to the next scan; unknown rules are refused", async () => {
    // A finding that stands for its own rule only: a merged cause finding takes the highest
    // severity of all its checks, so overriding one of them need not change it.
    const candidates = await findingsOf({ status: "open" });
    const open = candidates.find((f) => f.checks.every((c) => c === f.ruleId))!;
    const other = candidates.find((f) => f.ruleId !== open.ruleId && !open.checks.includes(f.ruleId) && !f.checks.includes(open.ruleId))!;
    const to = open.severity === "info" ? "critical" : "info";
    await expect(db.updatePolicy({ orgId, actorId: adminId, policy: { disabledRules: ["nope-rule"] } })).rejects.toThrow(/unknown rule/);
    await expect(db.updatePolicy({ orgId, actorId: adminId, policy: { params: { allowedRegistries: ["not a registry!"] } } })).rejects.toThrow(/invalid policy/);
    await db.updatePolicy({ orgId, actorId: adminId, policy: { severityOverrides: { [open.ruleId]: to }, disabledRules: [other.ruleId], params: { allowedRegistries: ["ghcr.io/acme"] } } });
    const s = await scan();
    expect((await db.db.finding.findUnique({ where: { id: open.id } }))?.severity).toBe(to);
    const st = s.rules as Array<{ id: string; status: string }>;
    expect(st.find((r) => r.id === other.ruleId)?.status).toBe("disabled");
    expect(st.find((r) => r.id === "image-registry-not-allowed")?.status).toBe("failed");
    const p = await db.getPolicy({ orgId });
    expect(p?.policy.params.allowedRegistries).toEqual(["ghcr.io/acme"]);
    expect(await db.db.auditLog.count({ where: { orgId, action: "policy.update" } })).toBe(1);
  }, 120_000);
});
