// "Scan now" and the API's POST /clusters/{id}/scans, against real Postgres and Redis: a second
// request while a scan is queued or running answers 409 naming that scan (twenty at once make one
// scan), and one organization's requests are rate limited without touching another's.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";
import { failure } from "../../auth/server/with-org";
import { HttpError } from "../../auth/server/errors";

const DB = "bulwark_be_scan_requests";
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
process.env.BULWARK_QUEUE_PREFIX = `bulwark-test-scanreq-${randomBytes(3).toString("hex")}`;
delete process.env.BULWARK_QUEUE_BACKEND;

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
type M = typeof import("./scan-requests");
let db: Db;
let jobs: Jobs;
let m: M;
let ctxA: { orgId: string; userId: string; ip: string | null };
let ctxB: { orgId: string; userId: string; ip: string | null };

beforeAll(async () => {
  await useFreshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  m = await import("./scan-requests");
  const a = await db.createUserWithOrganization({ email: "a@example.com", passwordHash: null, orgName: "A" });
  const b = await db.createUserWithOrganization({ email: "b@example.com", passwordHash: null, orgName: "B" });
  ctxA = { orgId: a.org.id, userId: a.user.id, ip: "10.0.0.1" };
  ctxB = { orgId: b.org.id, userId: b.user.id, ip: "10.0.0.2" };
});

afterAll(async () => {
  await jobs.getQueue(jobs.QUEUE_SCAN).obliterate({ force: true }).catch(() => {});
  await jobs.closeQueues();
  await jobs.closeRateLimiter();
  await db.disconnectDb();
  await dropDatabase(DB);
});

const cluster = (ctx: typeof ctxA, name: string) => db.createCluster({ orgId: ctx.orgId, actorId: ctx.userId, name, server: "https://x", credentialCipher: "x", credentialKeyId: "k" });

describe("requested scans", () => {
  it("twenty concurrent requests: one scan and one job; the others answer 409 with that scan's id", async () => {
    const c = await cluster(ctxA, "one");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => m.requestScan(ctxA, c.id, "api")));
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [failure(r.reason)] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const f of refused) expect(f).toMatchObject({ ok: false, status: 409, code: "scan_in_progress", details: { scanId: ok[0]!.id, status: "queued" } });
    expect(await db.db.scan.count({ where: { clusterId: c.id } })).toBe(1);
    const waiting = await jobs.getQueue(jobs.QUEUE_SCAN).getJobs(["waiting", "prioritized"]);
    expect(waiting.filter((j) => (j.data as { clusterId: string }).clusterId === c.id)).toHaveLength(1);
  });

  it("an organization's later scans queue behind other tenants' (priority from its backlog)", async () => {
    const c1 = await cluster(ctxA, "two");
    const c2 = await cluster(ctxB, "theirs");
    const second = await m.requestScan(ctxA, c1.id, "manual");
    const theirs = await m.requestScan(ctxB, c2.id, "manual");
    const q = jobs.getQueue(jobs.QUEUE_SCAN);
    expect((await q.getJob(jobs.scanJobId(second.id)))?.opts.priority).toBe(1);
    expect((await q.getJob(jobs.scanJobId(theirs.id)))?.opts.priority ?? 0).toBe(0);
  });

  it("requests beyond the organization's hourly limit answer 429; another organization is unaffected", async () => {
    let refused: HttpError | undefined;
    for (let i = 0; i < m.MANUAL_SCANS_PER_ORG.limit + 1 && !refused; i++) {
      await m.checkScanRate(ctxA).catch((e: HttpError) => (refused = e));
    }
    expect(refused).toBeInstanceOf(HttpError);
    expect(failure(refused)).toMatchObject({ status: 429, code: "rate_limited" });
    expect(refused!.details?.retryAfterSeconds).toBeGreaterThan(0);
    await expect(m.checkScanRate(ctxB)).resolves.toBeUndefined();
  });
});
