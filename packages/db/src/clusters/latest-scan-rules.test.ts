// Each cluster's latest completed scan (succeeded or partial) supplies the rule statuses a
// framework is judged from; running and failed scans never do, and other tenants' clusters never
// appear. Real Postgres.
import { evaluateFramework, getFramework, type KindReadResult, type RuleStatus } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_cmatrix";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let userId: string;

const read: KindReadResult[] = [{ resource: "v1/pods", kind: "Pod", status: "read", count: 0 }];
const forbidden: KindReadResult[] = [{ resource: "v1/pods", kind: "Pod", status: "forbidden", count: 0, error: "pods is forbidden" }];

async function cluster(org: string, name: string): Promise<string> {
  return (await m.createCluster({ orgId: org, actorId: userId, name, server: `https://${name}.example`, credentialCipher: "x", credentialKeyId: "k1" })).id;
}

async function complete(org: string, clusterId: string, rules: RuleStatus[], kinds = read): Promise<string> {
  const s = await m.createScan({ orgId: org, clusterId, trigger: "manual" });
  await m.claimScan({ orgId: org, scanId: s.id, workerId: "w" });
  await m.recordScanResults({ orgId: org, scanId: s.id, workerId: "w", result: { findings: [], rules, score: 80, counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 }, objectCount: 0 }, kinds, objects: [] });
  return s.id;
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "cm@example.com", passwordHash: null, orgName: "CM" });
  const b = await m.createUserWithOrganization({ email: "cm-other@example.com", passwordHash: null, orgName: "Other" });
  orgId = a.org.id;
  otherOrgId = b.org.id;
  userId = a.user.id;
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("listLatestScanRules", () => {
  it("returns each cluster's latest succeeded or partial scan, skipping later running and failed ones", async () => {
    const pss = getFramework("pss-baseline")!;
    const ok = await cluster(orgId, "prod");
    const part = await cluster(orgId, "edge");
    await cluster(orgId, "fresh");
    await cluster(otherOrgId, "theirs");

    await complete(orgId, ok, [{ id: "privileged-container", status: "passed", findings: 0 }]);
    const latestOk = await complete(orgId, ok, [{ id: "privileged-container", status: "failed", findings: 2 }]);
    // A later scan that fails, and one still queued, must not replace the stored result.
    const failed = await m.createScan({ orgId, clusterId: ok, trigger: "manual" });
    await m.claimScan({ orgId, scanId: failed.id, workerId: "w" });
    await m.failScan({ orgId, scanId: failed.id, reason: "cluster unreachable", workerId: "w" });
    await m.createScan({ orgId, clusterId: ok, trigger: "manual" });

    const partialId = await complete(orgId, part, [{ id: "privileged-container", status: "not-evaluated", findings: 0, reason: "kind v1/pods forbidden" }], forbidden);

    const rows = await m.listLatestScanRules({ orgId });
    expect(rows.map((r) => r.clusterName)).toEqual(["edge", "fresh", "prod"]);
    const by = Object.fromEntries(rows.map((r) => [r.clusterName, r]));
    expect(by.prod!.scan).toMatchObject({ id: latestOk, status: "succeeded", rules: [{ id: "privileged-container", status: "failed", findings: 2 }] });
    expect(by.prod!.scan!.finishedAt).toBeInstanceOf(Date);
    expect(by.edge!.scan).toMatchObject({ id: partialId, status: "partial" });
    expect(by.fresh!.scan).toBeNull();

    // Judged by the engine, the stored statuses give failed / not evaluated, never passed.
    const status = (name: string) => evaluateFramework(pss, by[name]!.scan?.rules ?? []).controls.find((c) => c.id === "privileged")!.status;
    expect(status("prod")).toBe("failed");
    expect(status("edge")).toBe("not-evaluated");
    expect(status("fresh")).toBe("not-evaluated");

    expect((await m.listLatestScanRules({ orgId: otherOrgId })).map((r) => r.clusterName)).toEqual(["theirs"]);
  });
});
