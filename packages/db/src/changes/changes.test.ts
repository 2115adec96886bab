// The change history's reads and the continuous-mode settings: filters, the keyset cursor (no row
// twice, none skipped), findings introduced per change, live stamps, audited toggles, tenancy.
// Real Postgres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";
import { describeManager } from "./change-manager";

const DB = "bulwark_be_changes";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let userId: string;
let otherOrgId: string;
let clusterId: string;
let quietId: string;
let foreignId: string;
let liveScanId: string;
const T0 = new Date("2025-03-01T09:00:00Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);
/** When the live judging that included change 110 was recorded (a little after the change). */
const JUDGED = new Date(T0.getTime() + 110_000 + 420);

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const one = await m.createUserWithOrganization({ email: "changes@example.com", passwordHash: null, orgName: "Changes" });
  const two = await m.createUserWithOrganization({ email: "changes-other@example.com", passwordHash: null, orgName: "Other" });
  orgId = one.org.id;
  userId = one.user.id;
  otherOrgId = two.org.id;
  const mk = (org: string, name: string, actorId: string) => m.createCluster({ orgId: org, actorId, name, server: "https://x", credentialCipher: "x", credentialKeyId: "k" });
  clusterId = (await mk(orgId, "shop", userId)).id;
  quietId = (await mk(orgId, "quiet", userId)).id;
  foreignId = (await mk(otherOrgId, "shop", two.user.id)).id;
  liveScanId = (await m.db.scan.create({ data: { orgId, clusterId, trigger: "live", status: "running" } })).id;

  // 120 changes a second apart; every 3rd in namespace "payments", every 10th a privileged pod by kubectl.
  const rows = Array.from({ length: 120 }, (_, i) => ({
    orgId,
    clusterId,
    at: at(i),
    type: (i % 10 === 0 ? "added" : i % 7 === 0 ? "deleted" : "modified") as "added" | "modified" | "deleted",
    apiVersion: i % 10 === 0 ? "v1" : "apps/v1",
    kind: i % 10 === 0 ? "Pod" : "Deployment",
    namespace: i % 3 === 0 ? "payments" : "shop",
    name: i % 10 === 0 ? `debug-${i}` : `web-${i % 5}`,
    manager: i % 10 === 0 ? "kubectl-client-side-apply" : i % 2 ? "helm" : null,
    fields: i % 10 === 0 ? [] : ["spec.replicas"],
    resourceVersion: String(1000 + i),
    scanId: i === 110 ? liveScanId : null,
    judgedAt: i === 110 ? JUDGED : null,
  }));
  await m.db.clusterChange.createMany({ data: rows });
  await m.db.clusterChange.create({ data: { orgId: otherOrgId, clusterId: foreignId, at: at(5), type: "added", apiVersion: "v1", kind: "Pod", namespace: "payments", name: "theirs" } });
  // The privileged pod of change 110 got two findings from the judging that included it; the same
  // judging gave another object one (not this change's); debug-100's finding came from a scan.
  const finding = (name: string, fp: string, firstSeenScanId: string, firstSeenAt: Date) => ({
    orgId, clusterId, fingerprint: fp, ruleId: "privileged-container", severity: "critical" as const, apiVersion: "v1", kind: "Pod", namespace: "shop", name,
    path: "spec.containers[0].securityContext.privileged", message: "privileged", remediation: "don't", firstSeenScanId, lastSeenScanId: firstSeenScanId, firstSeenAt,
  });
  const older = (await m.db.scan.create({ data: { orgId, clusterId, trigger: "manual", status: "succeeded" } })).id;
  await m.db.finding.createMany({
    data: [
      finding("debug-110", "a", liveScanId, JUDGED),
      { ...finding("debug-110", "b", liveScanId, JUDGED), ruleId: "host-pid" },
      finding("web-3", "d", liveScanId, JUDGED),
      // The same object and live record, but a later judging: not introduced by change 110.
      { ...finding("debug-110", "e", liveScanId, new Date(JUDGED.getTime() + 60_000)), ruleId: "run-as-non-root" },
      finding("debug-100", "c", older, at(100)),
    ],
  });
  // And one of debug-110's findings, first seen long before, was reopened by that judging.
  const reopened = await m.db.finding.create({ data: { ...finding("debug-110", "f", older, at(1)), ruleId: "seccomp-required", status: "reopened" } });
  await m.db.findingEvent.create({ data: { orgId, findingId: reopened.id, type: "reopened", scanId: liveScanId, createdAt: JUDGED } });
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("describeManager", () => {
  it("groups raw field managers by the tool behind them", () => {
    expect(describeManager("kubectl-client-side-apply")).toEqual({ group: "kubectl", label: "kubectl (client-side apply)" });
    expect(describeManager("kubectl")).toEqual({ group: "kubectl", label: "kubectl" });
    expect(describeManager("kubectl-edit")?.label).toBe("kubectl (edit)");
    expect(describeManager("helm")).toEqual({ group: "helm", label: "Helm" });
    expect(describeManager("argocd-controller")).toEqual({ group: "gitops", label: "Argo CD (argocd-controller)" });
    expect(describeManager("kustomize-controller")?.label).toBe("Flux (kustomize-controller)");
    expect(describeManager("kube-controller-manager")).toEqual({ group: "controller", label: "controller: kube-controller-manager" });
    expect(describeManager("cert-manager-cainjector")).toEqual({ group: "other", label: "cert-manager-cainjector" });
    expect(describeManager(null)).toBeNull();
    expect(describeManager("  ")).toBeNull();
  });
});

describe("listClusterChanges", () => {
  it("pages newest first with a cursor that neither repeats nor skips a row", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await m.listClusterChanges({ orgId, clusterId, limit: 25, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.resourceVersion!));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => String(1119 - i)));
  });

  it("keeps rows with the same time apart by id across a page boundary", async () => {
    await m.db.clusterChange.createMany({ data: Array.from({ length: 5 }, (_, i) => ({ orgId, clusterId: quietId, at: T0, type: "modified" as const, apiVersion: "v1", kind: "ConfigMap", name: `cm-${i}` })) });
    const first = await m.listClusterChanges({ orgId, clusterId: quietId, limit: 2 });
    const second = await m.listClusterChanges({ orgId, clusterId: quietId, limit: 10, cursor: first.nextCursor! });
    expect(new Set([...first.items, ...second.items].map((r) => r.name)).size).toBe(5);
    expect(second.nextCursor).toBeUndefined();
  });

  it("filters by namespace, kind, manager, type, name and time range together", async () => {
    const page = await m.listClusterChanges({ orgId, clusterId, limit: 200, filter: { namespace: "payments", kind: "Pod", manager: "kubectl-client-side-apply", type: "added", since: at(30), until: at(91) } });
    expect(page.items.map((r) => r.name)).toEqual(["debug-90", "debug-60", "debug-30"]);
    expect(page.items[0]).toMatchObject({ managerView: { group: "kubectl", label: "kubectl (client-side apply)" }, apiVersion: "v1" });
    const deleted = await m.listClusterChanges({ orgId, clusterId, limit: 200, filter: { type: "deleted", q: "WEB-" } });
    expect(deleted.items.length).toBeGreaterThan(0);
    expect(deleted.items.every((r) => r.type === "deleted" && r.name.startsWith("web-"))).toBe(true);
  });

  it("counts the findings the judging of each change introduced on that object", async () => {
    const page = await m.listClusterChanges({ orgId, clusterId, limit: 200, filter: { kind: "Pod" } });
    const by = new Map(page.items.map((r) => [r.name, r]));
    expect(by.get("debug-110")).toMatchObject({ scanId: liveScanId, introduced: 3 });
    // Seen first by another (non-live) scan: not introduced by a change here.
    expect(by.get("debug-100")?.introduced).toBe(0);
  });

  it("does not find another organization's cluster or show its changes", async () => {
    await expect(m.listClusterChanges({ orgId, clusterId: foreignId })).rejects.toBeInstanceOf(m.NotFoundError);
    const page = await m.listClusterChanges({ orgId, clusterId, limit: 200, filter: { q: "theirs" } });
    expect(page.items).toEqual([]);
  });
});

describe("listChangeFacets", () => {
  it("lists the kinds, namespaces and managers of the cluster's history only", async () => {
    const f = await m.listChangeFacets({ orgId, clusterId });
    expect(f.kinds).toEqual(["Deployment", "Pod"]);
    expect(f.namespaces).toEqual(["payments", "shop"]);
    expect(f.managers.map((x) => [x.manager, x.group])).toEqual([["helm", "helm"], ["kubectl-client-side-apply", "kubectl"]]);
    expect(f.total).toBe(120);
  });
});

describe("live stamps", () => {
  it("moves when continuous judging or a scan changed results, not on a bare watch event", async () => {
    const before = (await m.getLiveStamps({ orgId, clusterId }))!;
    await m.db.cluster.update({ where: { id: clusterId }, data: { lastEventAt: new Date() } });
    const afterEvent = (await m.getLiveStamps({ orgId, clusterId }))!;
    expect(afterEvent.stamp).toBe(before.stamp);
    expect(afterEvent.lastEventAt).not.toBeNull();
    await m.db.cluster.update({ where: { id: clusterId }, data: { liveUpdatedAt: new Date(), watchState: "live" } });
    const afterJudge = (await m.getLiveStamps({ orgId }))!;
    expect(afterJudge.stamp).not.toBe(before.stamp);
    expect(afterJudge).toMatchObject({ clusters: 2, live: 1 });
    expect(afterJudge.watch).toBeUndefined();
    expect(await m.getLiveStamps({ orgId, clusterId })).toMatchObject({ watch: { continuous: true, state: "live", error: null }, lastChangeAt: at(119) });
    expect(await m.getLiveStamps({ orgId, clusterId: foreignId })).toBeNull();
  });
});

describe("settings", () => {
  it("turns continuous mode off and on, audited, and moves the watch state with it", async () => {
    expect(await m.setClusterContinuous({ orgId, clusterId, actorId: userId, continuous: false, ip: "10.0.0.2" })).toMatchObject({ continuous: false, watchState: "off" });
    expect(await m.setClusterContinuous({ orgId, clusterId, actorId: userId, continuous: true })).toMatchObject({ continuous: true, watchState: "starting" });
    const audit = await m.db.auditLog.findMany({ where: { orgId, action: "cluster.continuous" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.data)).toEqual([{ from: true, to: false }, { from: false, to: true }]);
    expect(audit[0]).toMatchObject({ actorId: userId, targetId: clusterId, ip: "10.0.0.2" });
    await expect(m.setClusterContinuous({ orgId, clusterId: foreignId, actorId: userId, continuous: false })).rejects.toBeInstanceOf(m.NotFoundError);
    expect((await m.db.cluster.findUniqueOrThrow({ where: { id: foreignId } })).continuous).toBe(true);
  });

  it("keeps retention between 1 and 3650 days, audited", async () => {
    expect(await m.getChangeRetention({ orgId })).toBe(90);
    expect(await m.updateChangeRetention({ orgId, actorId: userId, days: 30 })).toEqual({ changeRetentionDays: 30 });
    await expect(m.updateChangeRetention({ orgId, actorId: userId, days: 0 })).rejects.toBeInstanceOf(m.DomainError);
    await expect(m.updateChangeRetention({ orgId, actorId: userId, days: 3651 })).rejects.toBeInstanceOf(m.DomainError);
    await expect(m.updateChangeRetention({ orgId, actorId: userId, days: 1.5 })).rejects.toBeInstanceOf(m.DomainError);
    expect(await m.getChangeRetention({ orgId })).toBe(30);
    expect(await m.getChangeRetention({ orgId: otherOrgId })).toBe(90);
    expect((await m.db.auditLog.findFirst({ where: { orgId, action: "org.change_retention" } }))?.data).toEqual({ from: 90, to: 30 });
  });

  it("finds the last succeeded report covering the cluster", async () => {
    expect(await m.getLastClusterReport({ orgId, clusterId })).toBeNull();
    await m.db.report.create({ data: { orgId, framework: "cis-1.9", clusterIds: [clusterId], status: "succeeded", createdAt: at(10) } });
    await m.db.report.create({ data: { orgId, framework: "nsa", clusterIds: [clusterId, quietId], status: "succeeded", createdAt: at(20), asOf: at(15) } });
    await m.db.report.create({ data: { orgId, framework: "nsa", clusterIds: [clusterId], status: "failed", createdAt: at(30) } });
    await m.db.report.create({ data: { orgId, framework: "nsa", clusterIds: [quietId], status: "succeeded", createdAt: at(40) } });
    expect(await m.getLastClusterReport({ orgId, clusterId })).toMatchObject({ framework: "nsa", at: at(15) });
    expect(await m.getLastClusterReport({ orgId: otherOrgId, clusterId })).toBeNull();
  });
});
