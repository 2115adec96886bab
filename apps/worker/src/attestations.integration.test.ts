// The attestation expiry sweep with an injected clock: real Postgres, real Redis (the sweep also
// runs as a BullMQ job). Reminders go once, ATTESTATION_REMINDER_DAYS ahead, to admins, owners and
// the attester (not to other members, never to another organization); expiry is noted once.
import { getFramework } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "./test-helpers";

const DB = "bulwark_be_attest_worker";
Object.assign(process.env, {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL,
  BULWARK_QUEUE_PREFIX: `attest-test-${process.pid}`,
  BULWARK_SECRET_KEY: testSecretKey(),
});

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
let db: Db;
let jobs: Jobs;
let sweep: typeof import("./processors/attestation-expiry.processor");
let orgId: string;
let ownerId: string;
let adminId: string;
let memberId: string;
let viewerId: string;
let otherOrgId: string;
let otherOwnerId: string;
const DAY = 86_400_000;
const logs: string[] = [];
const ctx = { log: (m: string) => void logs.push(m) };
const control = () => getFramework("hipaa")!.controls.find((c) => c.manual && !c.notApplicable)!.id;

async function member(org: string, email: string, role: "admin" | "member" | "viewer"): Promise<string> {
  const u = await db.createUser({ email, passwordHash: null });
  await db.db.membership.create({ data: { orgId: org, userId: u.id, role } });
  return u.id;
}

const notes = (kind: string, org = orgId) => db.db.notification.findMany({ where: { orgId: org, kind }, orderBy: { userId: "asc" } });

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  sweep = await import("./processors/attestation-expiry.processor");
  await jobs.getQueue(jobs.QUEUE_COMPLIANCE).obliterate({ force: true });
  const a = await db.createUserWithOrganization({ email: "owner@attest.test", passwordHash: null, orgName: "Attest" });
  orgId = a.org.id;
  ownerId = a.user.id;
  adminId = await member(orgId, "admin@attest.test", "admin");
  memberId = await member(orgId, "member@attest.test", "member");
  viewerId = await member(orgId, "viewer@attest.test", "viewer");
  const b = await db.createUserWithOrganization({ email: "owner@other.test", passwordHash: null, orgName: "Other" });
  otherOrgId = b.org.id;
  otherOwnerId = b.user.id;
}, 120_000);

afterAll(async () => {
  await jobs?.getQueue(jobs.QUEUE_COMPLIANCE).obliterate({ force: true }).catch(() => {});
  await jobs?.closeQueues();
  await db?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("attestation expiry sweep", () => {
  it("reminds admins, owners and the attester once, 14 days ahead, then notes the expiry once", async () => {
    const created = new Date();
    const expiresAt = new Date(created.getTime() + 60 * DAY);
    // Attested by an admin; a member's role does not get reminders, nor does anyone of another org.
    const a = await db.createAttestation({ orgId, actor: { id: adminId }, framework: "hipaa", controlId: control(), statement: "Reviewed.", owner: "Security", reviewedAt: created, expiresAt, now: created });
    const theirs = await db.createAttestation({ orgId: otherOrgId, actor: { id: otherOwnerId }, framework: "hipaa", controlId: control(), statement: "Theirs.", owner: "Other", reviewedAt: created, expiresAt: new Date(created.getTime() + 90 * DAY), now: created });

    // 15 days before: nothing yet.
    const early = await sweep.processAttestationSweep({ data: {} }, ctx, () => new Date(expiresAt.getTime() - 15 * DAY));
    expect(early).toEqual({ reminded: 0, expired: 0, notified: 0 });

    // 13 days before: one reminder each for the owner and the admin (the attester), none for member or viewer.
    const at = new Date(expiresAt.getTime() - 13 * DAY);
    const first = await sweep.processAttestationSweep({ data: {} }, ctx, () => at);
    expect(first).toEqual({ reminded: 1, expired: 0, notified: 2 });
    const reminders = await notes("attestation_expiring");
    expect(reminders.map((n) => n.userId).sort()).toEqual([adminId, ownerId].sort());
    expect(reminders[0]!.title).toMatch(/expires in 13 days/);
    expect(reminders[0]!.link).toBe(`/compliance/hipaa/controls/${encodeURIComponent(control())}`);
    expect(reminders.some((n) => n.userId === memberId || n.userId === viewerId)).toBe(false);
    expect((await db.db.attestation.findUniqueOrThrow({ where: { id: a.id } })).reminderSentAt?.getTime()).toBe(at.getTime());

    // Once: later sweeps before expiry send nothing more.
    expect(await sweep.processAttestationSweep({ data: {} }, ctx, () => new Date(expiresAt.getTime() - 2 * DAY))).toEqual({ reminded: 0, expired: 0, notified: 0 });
    expect(await notes("attestation_expiring")).toHaveLength(2);
    // The other organization's attestation is further out: untouched, and its owner got nothing.
    expect((await db.db.attestation.findUniqueOrThrow({ where: { id: theirs.id } })).reminderSentAt).toBeNull();
    expect(await notes("attestation_expiring", otherOrgId)).toHaveLength(0);

    // The sweep as a real BullMQ job, its clock injected through the payload: the expiry is noted.
    const worker = jobs.getQueueConnection().createWorker(jobs.QUEUE_COMPLIANCE, (job) => sweep.processAttestationSweep(job, ctx), { concurrency: 1 });
    try {
      const job = await jobs.getQueue(jobs.QUEUE_COMPLIANCE).add(jobs.ATTESTATION_SWEEP_JOB_NAME, { now: new Date(expiresAt.getTime() + 60_000).toISOString() });
      await waitFor("sweep job", async () => ((await job.isCompleted()) ? true : (await job.isFailed()) ? Promise.reject(new Error(job.failedReason)) : null), 30_000);
    } finally {
      await worker.close();
    }
    const expired = await notes("attestation_expired");
    expect(expired.map((n) => n.userId).sort()).toEqual([adminId, ownerId].sort());
    expect(expired[0]!.body).toMatch(/Manual – pending/);
    const audit = await db.db.auditLog.findMany({ where: { orgId, action: "attestation.expire", targetId: a.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBeNull();
    // The control is pending again at that time.
    expect((await db.listActiveAttestations({ orgId, framework: "hipaa", now: new Date(expiresAt.getTime() + 60_000) })).size).toBe(0);

    // Once: a later sweep notes nothing more.
    expect(await sweep.processAttestationSweep({ data: {} }, ctx, () => new Date(expiresAt.getTime() + DAY))).toEqual({ reminded: 0, expired: 0, notified: 0 });
    expect(await notes("attestation_expired")).toHaveLength(2);
  }, 120_000);

  it("does not remind for superseded or revoked attestations; a replacement gets its own reminder", async () => {
    const now = new Date();
    const gdprControl = getFramework("gdpr")!.controls.find((c) => !c.notApplicable)!.id;
    const old = await db.createAttestation({ orgId, actor: { id: ownerId }, framework: "gdpr", controlId: gdprControl, statement: "v1", owner: "DPO", reviewedAt: now, expiresAt: new Date(now.getTime() + 10 * DAY), now });
    const replacement = await db.createAttestation({ orgId, actor: { id: ownerId }, framework: "gdpr", controlId: gdprControl, statement: "v2", owner: "DPO", reviewedAt: now, expiresAt: new Date(now.getTime() + 20 * DAY), now: new Date(now.getTime() + 1000) });
    const another = getFramework("hipaa")!.controls.find((c) => !c.notApplicable && c.id !== control())!.id;
    const revokedOne = await db.createAttestation({ orgId, actor: { id: ownerId }, framework: "hipaa", controlId: another, statement: "r", owner: "x", reviewedAt: now, expiresAt: new Date(now.getTime() + 5 * DAY), now });
    await db.revokeAttestation({ orgId, actorId: ownerId, attestationId: revokedOne.id });
    const before = (await notes("attestation_expiring")).length;
    const res = await sweep.processAttestationSweep({ data: {} }, ctx, () => new Date(now.getTime() + 8 * DAY));
    expect(res.reminded).toBe(1);
    const rows = await db.db.attestation.findMany({ where: { id: { in: [old.id, replacement.id, revokedOne.id] } }, select: { id: true, reminderSentAt: true } });
    expect(rows.filter((r) => r.reminderSentAt).map((r) => r.id)).toEqual([replacement.id]);
    expect((await notes("attestation_expiring")).length).toBe(before + 2);
  }, 60_000);
});
