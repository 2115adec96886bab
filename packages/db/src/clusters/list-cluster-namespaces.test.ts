// The namespaces the scope editor offers per cluster: those of stored objects (namespaced ones and
// Namespace objects themselves), each once, sorted; every cluster listed even with none; another
// organization's clusters and objects never. Real Postgres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_cluster_ns";
type Mod = typeof import("../index");
let m: Mod;

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("listClusterNamespaces", () => {
  it("lists each cluster of the organization with the namespaces seen on it", async () => {
    const a = await m.createUserWithOrganization({ email: "ns@example.com", passwordHash: null, orgName: "NS" });
    const b = await m.createUserWithOrganization({ email: "ns-other@example.com", passwordHash: null, orgName: "Other" });
    const cluster = async (orgId: string, actorId: string, name: string) => (await m.createCluster({ orgId, actorId, name, server: `https://${name}.example`, credentialCipher: "x", credentialKeyId: "k1" })).id;
    const prod = await cluster(a.org.id, a.user.id, "prod");
    const empty = await cluster(a.org.id, a.user.id, "empty");
    const theirs = await cluster(b.org.id, b.user.id, "theirs");
    let n = 0;
    const object = (orgId: string, clusterId: string, kind: string, namespace: string | null, name: string) =>
      m.db.clusterObject.create({ data: { orgId, clusterId, key: `k${++n}`, apiVersion: "v1", kind, namespace, name, hash: "h", manifest: {}, lastSeenScanId: "s" } });
    await object(a.org.id, prod, "Deployment", "shop", "web");
    await object(a.org.id, prod, "Service", "shop", "web");
    await object(a.org.id, prod, "Namespace", null, "billing");
    await object(a.org.id, prod, "Pod", "api", "api-1");
    await object(a.org.id, prod, "ClusterRole", null, "admin-ish");
    await object(b.org.id, theirs, "Deployment", "secret-team", "x");

    expect(await m.listClusterNamespaces({ orgId: a.org.id })).toEqual([
      { clusterId: empty, clusterName: "empty", namespaces: [] },
      { clusterId: prod, clusterName: "prod", namespaces: ["api", "billing", "shop"] },
    ]);
    expect((await m.listClusterNamespaces({ orgId: b.org.id })).map((c) => c.namespaces)).toEqual([["secret-team"]]);
  });
});
