// listObjectGroups: one row per object with its open findings, worst object first, within the
// queue's filters and the organization. Real Postgres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Severity } from "../generated/prisma/client";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_object_groups";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;

async function seed(org: string, actorId: string, cluster: string, rows: Array<{ kind: string; ns: string | null; name: string; rule: string; sev: Severity; status?: "open" | "resolved" }>) {
  const clusterId = (await m.createCluster({ orgId: org, actorId, name: cluster, server: "https://x", credentialCipher: "x", credentialKeyId: "k" })).id;
  const scan = await m.db.scan.create({ data: { orgId: org, clusterId, trigger: "manual", status: "succeeded" } });
  await m.db.finding.createMany({
    data: rows.map((r, i) => ({
      orgId: org, clusterId, fingerprint: `fp-${cluster}-${i}`, ruleId: r.rule, severity: r.sev, status: r.status ?? "open",
      apiVersion: "apps/v1", kind: r.kind, namespace: r.ns, name: r.name, path: "spec.x", message: "m", remediation: "r",
      firstSeenScanId: scan.id, lastSeenScanId: scan.id,
    })),
  });
  return clusterId;
}

let shop: string;
beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const one = await m.createUserWithOrganization({ email: "objects@example.com", passwordHash: null, orgName: "Objects" });
  const two = await m.createUserWithOrganization({ email: "objects-other@example.com", passwordHash: null, orgName: "Other" });
  orgId = one.org.id;
  otherOrgId = two.org.id;
  shop = await seed(orgId, one.user.id, "shop", [
    { kind: "Deployment", ns: "shop", name: "catalog", rule: "run-as-root", sev: "medium" },
    { kind: "Deployment", ns: "shop", name: "catalog", rule: "privileged", sev: "critical" },
    { kind: "Deployment", ns: "shop", name: "catalog", rule: "no-limits", sev: "low" },
    { kind: "Deployment", ns: "shop", name: "cart", rule: "run-as-root", sev: "medium" },
    { kind: "Deployment", ns: "shop", name: "cart", rule: "no-limits", sev: "low" },
    { kind: "Deployment", ns: "shop", name: "cart", rule: "privileged", sev: "critical", status: "resolved" },
    { kind: "ClusterRole", ns: null, name: "admin-ish", rule: "wildcard", sev: "high" },
  ]);
  await seed(otherOrgId, two.user.id, "foreign", [{ kind: "Deployment", ns: "shop", name: "catalog", rule: "privileged", sev: "critical" }]);
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("listObjectGroups", () => {
  it("groups open findings by object, worst object first, findings worst first", async () => {
    const { groups, more } = await m.listObjectGroups({ orgId });
    expect(more).toBe(false);
    expect(groups.map((g) => [g.kind, g.namespace, g.name, g.count, g.worstSeverity])).toEqual([
      ["Deployment", "shop", "catalog", 3, "critical"],
      ["ClusterRole", null, "admin-ish", 1, "high"],
      ["Deployment", "shop", "cart", 2, "medium"],
    ]);
    expect(groups[0]!.findings.map((f) => f.ruleId)).toEqual(["privileged", "run-as-root", "no-limits"]);
    expect(groups[0]!.clusterName).toBe("shop");
    expect(groups[0]!.clusterId).toBe(shop);
  });
  it("applies the queue's filters and pages by object", async () => {
    const high = await m.listObjectGroups({ orgId, severity: ["critical", "high"] });
    expect(high.groups.map((g) => g.name)).toEqual(["catalog", "admin-ish"]);
    expect(high.groups[0]!.findings.map((f) => f.ruleId)).toEqual(["privileged"]);
    const first = await m.listObjectGroups({ orgId, limit: 1 });
    expect(first.groups).toHaveLength(1);
    expect(first.more).toBe(true);
    const resolved = await m.listObjectGroups({ orgId, status: ["resolved"] });
    expect(resolved.groups.map((g) => [g.name, g.count])).toEqual([["cart", 1]]);
  });
  it("never shows another organization's objects", async () => {
    const other = await m.listObjectGroups({ orgId: otherOrgId });
    expect(other.groups.map((g) => g.clusterName)).toEqual(["foreign"]);
  });
});
