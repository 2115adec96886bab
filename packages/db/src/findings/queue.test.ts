// The remediation queue against real Postgres: keyset order with ties and missing due dates,
// filters, bulk changes with events, audit and notifications, SLA due dates and their recompute.
import type { Finding as EngineFinding, KindReadResult, RuleStatus, Severity } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_queue_db";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let ownerId: string;
let memberId: string;
let outsiderId: string;
let clusterId: string;
const DAY = 86_400_000;

const SEVS: Severity[] = ["critical", "high", "medium", "low", "info"];

function finding(i: number, sev: Severity, opts: { ns?: string; rule?: string; exception?: string } = {}): EngineFinding {
  return {
    ruleId: opts.rule ?? `rule-${i % 4}`,
    severity: sev,
    object: { apiVersion: "v1", kind: "Pod", namespace: opts.ns ?? `ns-${i % 3}`, name: `pod-${i}`, uid: `uid-${i}` },
    path: "spec.x",
    observed: "true",
    message: `problem ${i}`,
    remediation: "fix",
    fingerprint: `fp-${i}`,
    ...(opts.exception ? { exception: { id: opts.exception, justification: "accepted" } } : {}),
  };
}

const kinds: KindReadResult[] = [{ resource: "pods", kind: "Pod", status: "read", count: 1 }];
const rules = (fs: EngineFinding[]): RuleStatus[] => [0, 1, 2, 3, 9].map((r) => ({ id: `rule-${r}`, status: fs.some((f) => f.ruleId === `rule-${r}`) ? "failed" : "passed", findings: 0 }));
const counts = (fs: EngineFinding[]) => Object.fromEntries(SEVS.map((s) => [s, fs.filter((f) => f.severity === s).length])) as Record<Severity, number>;

async function scan(fs: EngineFinding[]) {
  const s = await m.createScan({ orgId, clusterId, trigger: "manual" });
  await m.claimScan({ orgId, scanId: s.id, workerId: "w" });
  const res = await m.recordScanResults({ orgId, scanId: s.id, workerId: "w", result: { findings: fs, rules: rules(fs), score: 50, counts: counts(fs), objectCount: fs.length }, kinds, objects: [] });
  return { scanId: s.id, res: res! };
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "queue-owner@example.com", passwordHash: null, orgName: "Queue" });
  const b = await m.createUserWithOrganization({ email: "queue-outsider@example.com", passwordHash: null, orgName: "Other" });
  orgId = a.org.id;
  ownerId = a.user.id;
  otherOrgId = b.org.id;
  outsiderId = b.user.id;
  const member = await m.createUser({ email: "queue-member@example.com", name: "Mia Member", passwordHash: null });
  memberId = member.id;
  await m.db.membership.create({ data: { orgId, userId: memberId, role: "member" } });
  clusterId = (await m.createCluster({ orgId, actorId: ownerId, name: "q", server: "https://k.example", credentialCipher: "x", credentialKeyId: "k1" })).id;
  await m.db.riskException.create({ data: { id: "exc-1", orgId, ruleId: "rule-0", justification: "accepted", expiresAt: new Date(Date.now() + 30 * DAY), status: "approved" } });
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("the remediation queue", () => {
  const base = Array.from({ length: 60 }, (_, i) => finding(i, SEVS[i % 5]!));

  it("sets due dates from the SLA policy on insert (info has none) and persists exception ids", async () => {
    const t0 = Date.now();
    const { res } = await scan([...base, finding(100, "high", { exception: "exc-1" })]);
    expect(res.stats.inserted).toBe(61);
    const rows = await m.db.finding.findMany({ where: { clusterId } });
    for (const r of rows) {
      const days = { critical: 7, high: 30, medium: 90, low: 180, info: null }[r.severity];
      if (days === null) expect(r.dueAt).toBeNull();
      else expect(Math.abs(r.dueAt!.getTime() - (r.firstSeenAt.getTime() + days * DAY))).toBeLessThan(1000);
      expect(r.firstSeenAt.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
    }
    const exc = rows.find((r) => r.fingerprint === "fp-100")!;
    expect([exc.status, exc.exceptionId]).toEqual(["excepted", "exc-1"]);
  });

  it("pages with keysets in severity, due date, age order, without gaps or repeats", async () => {
    // Ties on due date and a missing due date inside one severity.
    const some = await m.db.finding.findMany({ where: { clusterId, severity: "high" }, take: 4, orderBy: { id: "asc" } });
    await m.db.finding.updateMany({ where: { id: { in: some.slice(0, 2).map((f) => f.id) } }, data: { dueAt: new Date("2030-01-01T00:00:00Z") } });
    await m.db.finding.update({ where: { id: some[2]!.id }, data: { dueAt: null } });
    const all = await m.db.finding.findMany({ where: { orgId, status: { in: ["open", "reopened", "in_progress"] } } });
    const expected = [...all].sort(m.compareQueueRows).map((f) => f.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await m.listQueue({ orgId, limit: 7, cursor });
      expect(page.count).toEqual({ value: 60, capped: false });
      seen.push(...page.items.map((f) => f.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
    // A garbled cursor is the first page, not an error.
    expect((await m.listQueue({ orgId, limit: 5, cursor: "garbage" })).items.map((f) => f.id)).toEqual(expected.slice(0, 5));
  });

  it("filters by namespace, severity, rules, assignee, overdue; other orgs see nothing", async () => {
    const q = (f: Omit<import("./queue-filters").TQueueFilter, "orgId">) => m.listQueue({ orgId, limit: 200, ...f });
    expect((await q({ namespace: "ns-1" })).items.every((f) => f.namespace === "ns-1")).toBe(true);
    expect((await q({ severity: ["critical"] })).items).toHaveLength(12);
    expect((await q({ ruleIds: ["rule-1", "rule-2"] })).items.every((f) => ["rule-1", "rule-2"].includes(f.ruleId))).toBe(true);
    expect((await q({ ruleIds: [] })).items).toHaveLength(0);
    expect((await q({ assignee: "unassigned" })).items).toHaveLength(60);
    expect((await q({ overdue: true })).items).toHaveLength(0);
    expect((await q({ overdue: true, now: new Date(Date.now() + 8 * DAY) } as never)).items.map((f) => f.severity)).toEqual(Array(12).fill("critical"));
    expect((await m.listQueue({ orgId: otherOrgId })).items).toHaveLength(0);
    const groups = await m.listQueueGroups({ orgId });
    expect(groups.map((g) => g.ruleId).sort()).toEqual(["rule-0", "rule-1", "rule-2", "rule-3"]);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(60);
    expect(groups[0]!.worstSeverity).toBe("critical");
  });

  it("assigns with an event, an audit row and a notification; refuses non-members and other orgs' findings", async () => {
    const f = (await m.listQueue({ orgId, limit: 1 })).items[0]!;
    await m.assignFinding({ orgId, findingId: f.id, actorId: ownerId, assigneeId: memberId, ip: "10.0.0.9" });
    const events = await m.listFindingEvents({ orgId, findingId: f.id });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([["assigned", ownerId]]);
    const audit = await m.db.auditLog.findFirstOrThrow({ where: { orgId, action: "finding.assign", targetId: f.id } });
    expect(audit.ip).toBe("10.0.0.9");
    const note = await m.db.notification.findFirstOrThrow({ where: { userId: memberId, orgId } });
    expect([note.kind, note.link]).toEqual(["assigned", `/findings/${f.id}`]);
    // Assigning to oneself notifies nobody; assigning again changes nothing.
    await m.assignFinding({ orgId, findingId: f.id, actorId: memberId, assigneeId: memberId });
    expect(await m.db.notification.count({ where: { userId: memberId } })).toBe(1);
    expect(await m.db.findingEvent.count({ where: { findingId: f.id } })).toBe(1);
    await expect(m.assignFinding({ orgId, findingId: f.id, actorId: ownerId, assigneeId: outsiderId })).rejects.toThrow(/assignee not found/);
    await expect(m.assignFinding({ orgId: otherOrgId, findingId: f.id, actorId: outsiderId, assigneeId: outsiderId })).rejects.toThrow(/finding not found/);
    expect((await m.listQueue({ orgId, assignee: memberId })).items.map((x) => x.id)).toEqual([f.id]);
    await m.commentOnFinding({ orgId, findingId: f.id, actorId: memberId, body: "on it" });
    expect((await m.listFindingEvents({ orgId, findingId: f.id })).map((e) => e.type)).toEqual(["assigned", "comment"]);
  });

  it("bulk-changes a selection or a filter; a selection with a foreign id is refused whole", async () => {
    const crit = (await m.listQueue({ orgId, severity: ["critical"], limit: 200 })).items;
    const r = await m.bulkUpdateFindings({ orgId, actorId: ownerId, target: { filter: { severity: ["critical"] } }, change: { kind: "status", status: "in_progress" } });
    expect(r).toEqual({ matched: 12, changed: 12 });
    expect(await m.db.findingEvent.count({ where: { orgId, type: "status" } })).toBe(12);
    const again = await m.bulkUpdateFindings({ orgId, actorId: ownerId, target: { ids: crit.map((f) => f.id) }, change: { kind: "status", status: "in_progress" } });
    expect(again.changed).toBe(0);
    const other = await m.createCluster({ orgId: otherOrgId, actorId: outsiderId, name: "o", server: "https://o.example", credentialCipher: "x", credentialKeyId: "k" });
    expect(other.id).toBeTruthy();
    await expect(m.bulkUpdateFindings({ orgId: otherOrgId, actorId: outsiderId, target: { ids: [crit[0]!.id] }, change: { kind: "assign", assigneeId: outsiderId } })).rejects.toThrow(/not found/);
    const assigned = await m.bulkUpdateFindings({ orgId, actorId: ownerId, target: { ids: crit.filter((f) => f.assigneeId !== memberId).slice(0, 3).map((f) => f.id) }, change: { kind: "assign", assigneeId: memberId } });
    expect(assigned.changed).toBe(3);
    const n = await m.db.notification.findFirstOrThrow({ where: { userId: memberId }, orderBy: { createdAt: "desc" } });
    expect(n.title).toMatch(/3 findings assigned to you/);
    expect(await m.db.auditLog.count({ where: { orgId, action: { in: ["finding.bulk_status", "finding.bulk_assign"] } } })).toBe(2);
    expect((await m.countQueue({ orgId, severity: ["critical"] })).value).toBe(12);
  });

  it("a severity change moves the due date on the same clock; a person's resolve reopens on rescan with a fresh due date", async () => {
    const before = await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: "fp-2" } }); // medium
    const changed = base.map((f) => (f.fingerprint === "fp-2" ? { ...f, severity: "critical" as const } : f));
    await scan([...changed, finding(100, "high", { exception: "exc-1" })]);
    const after = await m.db.finding.findFirstOrThrow({ where: { id: before.id } });
    expect(after.severity).toBe("critical");
    expect(after.dueAt!.getTime()).toBe(before.firstSeenAt.getTime() + 7 * DAY);

    const target = await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: "fp-1" } });
    await m.updateFindingStatus({ orgId, findingId: target.id, actorId: ownerId, status: "resolved" });
    const t1 = Date.now();
    const { scanId } = await scan([...changed, finding(100, "high", { exception: "exc-1" })]);
    const reopened = await m.db.finding.findFirstOrThrow({ where: { id: target.id } });
    expect(reopened.status).toBe("reopened");
    expect(reopened.dueAt!.getTime()).toBeGreaterThanOrEqual(t1 + 30 * DAY - 1000);
    const ev = await m.db.findingEvent.findFirstOrThrow({ where: { findingId: target.id, type: "reopened" } });
    expect(ev.scanId).toBe(scanId);
  });

  it("an exception that stops covering a finding hands it back as open", async () => {
    await scan([...base.map((f) => (f.fingerprint === "fp-2" ? { ...f, severity: "critical" as const } : f)), finding(100, "high")]);
    const row = await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: "fp-100" } });
    expect([row.status, row.exceptionId]).toEqual(["open", null]);
    expect((await m.listFindingEvents({ orgId, findingId: row.id })).map((e) => e.type)).toEqual(["exception_ended"]);
  });

  it("updating the SLA policy recomputes unresolved due dates and is audited", async () => {
    expect(await m.getSlaPolicy({ orgId })).toEqual(m.DEFAULT_SLA_POLICY);
    const f = await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: "fp-3" } }); // low, 180 days
    const r = await m.updateSlaPolicy({ orgId, actorId: ownerId, policy: { critical: 3, high: 14, medium: 60, low: 90, info: 365 }, ip: "10.1.1.1" });
    expect(r.findingsUpdated).toBeGreaterThan(0);
    const g = await m.db.finding.findFirstOrThrow({ where: { id: f.id } });
    expect(g.dueAt!.getTime()).toBe(f.dueAt!.getTime() - 90 * DAY);
    const info = await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: "fp-4" } });
    expect(info.dueAt!.getTime()).toBe(info.firstSeenAt.getTime() + 365 * DAY);
    expect(await m.getSlaPolicy({ orgId })).toMatchObject({ critical: 3, info: 365 });
    expect((await m.db.auditLog.findFirstOrThrow({ where: { orgId, action: "sla.update" } })).ip).toBe("10.1.1.1");
    await expect(m.updateSlaPolicy({ orgId, actorId: ownerId, policy: { critical: 0, high: 1, medium: 1, low: 1, info: null } })).rejects.toThrow();
  });

  it("the scan diff lists new, fixed and reopened findings", async () => {
    const first = await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: "fp-5" } });
    const { scanId } = await scan([...base.filter((f) => f.fingerprint !== "fp-5"), finding(100, "high"), finding(200, "low")]);
    const diff = await m.getScanDiff({ orgId, scanId });
    expect(diff!.new.map((f) => f.name)).toEqual(["pod-200"]);
    expect(diff!.fixed.map((f) => f.id)).toEqual([first.id]);
    expect(diff!.reopened).toEqual([]);
    expect(diff!.previous).not.toBeNull();
    const back = await scan([...base, finding(100, "high"), finding(200, "low")]);
    const d2 = await m.getScanDiff({ orgId, scanId: back.scanId });
    expect(d2!.reopened.map((f) => f.id)).toEqual([first.id]);
    expect(d2!.totals).toEqual({ new: 0, fixed: 0, reopened: 1 });
    expect(await m.getScanDiff({ orgId: otherOrgId, scanId })).toBeNull();
  });
});
