// One queued or running scan per cluster, against real Postgres: concurrent requests (as from two
// web processes, or a request racing a scheduler firing) create exactly one scan; the others are
// told which scan is already there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_create_scan";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let userId: string;

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "a@example.com", passwordHash: null, orgName: "A" });
  const b = await m.createUserWithOrganization({ email: "b@example.com", passwordHash: null, orgName: "B" });
  orgId = a.org.id;
  userId = a.user.id;
  otherOrgId = b.org.id;
}, 120_000);

afterAll(async () => {
  await m.disconnectDb();
  await dropDatabase(DB);
});

const cluster = (name: string, org = orgId) => m.createCluster({ orgId: org, actorId: userId, name, server: "https://x", credentialCipher: "x", credentialKeyId: "k" });

describe("createScan", () => {
  it("twenty concurrent requests for one cluster create one scan; the rest name it", async () => {
    const c = await cluster("busy");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => m.createScan({ orgId, clusterId: c.id, trigger: "api", actorId: userId })));
    const created = results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ id: string }>).value);
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as Error);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const e of refused) {
      expect(e).toBeInstanceOf(m.ScanInProgressError);
      expect((e as InstanceType<Mod["ScanInProgressError"]>).scanId).toBe(created[0]!.id);
      expect(e.message).toMatch(/already queued/);
    }
    expect(await m.db.scan.count({ where: { clusterId: c.id } })).toBe(1);
    // A scheduler firing meanwhile creates nothing either.
    expect(await m.createScheduledScan({ orgId, clusterId: c.id })).toBeNull();
  });

  it("a running scan also blocks a new one; once it has finished a new one is accepted", async () => {
    const c = await cluster("running");
    const first = await m.createScan({ orgId, clusterId: c.id, trigger: "manual" });
    await m.claimScan({ orgId, scanId: first.id, workerId: "w1" });
    await expect(m.createScan({ orgId, clusterId: c.id, trigger: "manual" })).rejects.toMatchObject({ name: "ScanInProgressError", scanId: first.id, status: "running" });
    await m.failScan({ orgId, scanId: first.id, reason: "test", workerId: "w1" });
    const second = await m.createScan({ orgId, clusterId: c.id, trigger: "manual" });
    expect(second.id).not.toBe(first.id);
  });

  it("another organization's cluster is not found, and its scans do not block ours", async () => {
    const theirs = await cluster("theirs", otherOrgId);
    await expect(m.createScan({ orgId, clusterId: theirs.id, trigger: "manual" })).rejects.toThrow(m.NotFoundError);
    const ours = await cluster("ours");
    await m.createScan({ orgId: otherOrgId, clusterId: theirs.id, trigger: "manual" });
    await expect(m.createScan({ orgId, clusterId: ours.id, trigger: "manual" })).resolves.toMatchObject({ status: "queued" });
  });
});
