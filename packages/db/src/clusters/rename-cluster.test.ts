// renameCluster: names stay unique per organization, the rename is audited with both names, and
// another organization's cluster is not found. Real Postgres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_rename_cluster";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let userId: string;
let otherOrgId: string;
let a: string;
let foreign: string;

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const one = await m.createUserWithOrganization({ email: "rename@example.com", passwordHash: null, orgName: "Rename" });
  const two = await m.createUserWithOrganization({ email: "rename-other@example.com", passwordHash: null, orgName: "Other" });
  orgId = one.org.id;
  userId = one.user.id;
  otherOrgId = two.org.id;
  const mk = (org: string, name: string, actorId: string) => m.createCluster({ orgId: org, actorId, name, server: "https://x", credentialCipher: "x", credentialKeyId: "k" });
  a = (await mk(orgId, "kind-kind", userId)).id;
  await mk(orgId, "shop-prod", userId);
  foreign = (await mk(otherOrgId, "payments", two.user.id)).id;
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("renameCluster", () => {
  it("renames and audits who renamed what to what", async () => {
    expect(await m.renameCluster({ orgId, clusterId: a, actorId: userId, name: "  shop-staging ", ip: "10.0.0.1" })).toEqual({ id: a, name: "shop-staging" });
    expect((await m.getCluster({ orgId, clusterId: a }))?.name).toBe("shop-staging");
    const audit = await m.db.auditLog.findFirst({ where: { orgId, action: "cluster.rename" } });
    expect(audit).toMatchObject({ actorId: userId, targetId: a, ip: "10.0.0.1", data: { from: "kind-kind", to: "shop-staging" } });
  });
  it("refuses a name another cluster of the organization has, but not one of another organization", async () => {
    await expect(m.renameCluster({ orgId, clusterId: a, actorId: userId, name: "shop-prod" })).rejects.toThrow(/already exists/);
    expect((await m.renameCluster({ orgId, clusterId: a, actorId: userId, name: "payments" })).name).toBe("payments");
  });
  it("does not find another organization's cluster, and refuses an empty name", async () => {
    await expect(m.renameCluster({ orgId, clusterId: foreign, actorId: userId, name: "mine-now" })).rejects.toBeInstanceOf(m.NotFoundError);
    await expect(m.renameCluster({ orgId, clusterId: a, actorId: userId, name: "   " })).rejects.toBeInstanceOf(m.DomainError);
    expect((await m.getCluster({ orgId: otherOrgId, clusterId: foreign }))?.name).toBe("payments");
  });
});
