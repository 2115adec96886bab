// Storing and querying access models (real Postgres): saving by difference (baseline without
// changes, an unchanged model writes no row, added/removed grants recorded with their scan),
// who-can answers equal to @bulwark/rules' whoCan over the same grants, subjects with their
// implicit-group grants, overview, subject list, stale access and the change history; every
// function scoped to the organization.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { whoCan, type AccessGrant, type AccessModel, type AccessQuery, type AccessSubject, type Capability, type GrantRule, type SubjectRef } from "@bulwark/rules";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_access_model";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let prod: string;
let staging: string;
let theirs: string;

const rule = (r: Partial<GrantRule>): GrantRule => ({ apiGroups: [], resources: [], verbs: [], resourceNames: [], nonResourceURLs: [], ...r });

function grant(subject: SubjectRef, b: { kind: "RoleBinding" | "ClusterRoleBinding"; name: string; ns?: string }, role: { kind: "Role" | "ClusterRole"; name: string }, ruleIndex: number, r: GrantRule, builtIn = false): AccessGrant {
  const scope = b.kind === "RoleBinding" ? b.ns : undefined;
  return {
    key: `${b.kind}/${b.ns ?? ""}/${b.name}|${subject.kind}/${subject.namespace ?? ""}/${subject.name}|${role.kind}/${role.name}#${ruleIndex}|${JSON.stringify(r)}`,
    subject,
    bindingKind: b.kind,
    bindingName: b.name,
    ...(b.ns ? { bindingNamespace: b.ns } : {}),
    roleKind: role.kind,
    roleName: role.name,
    ruleIndex,
    rule: r,
    ...(scope ? { scope } : {}),
    builtIn,
  };
}

const alice: SubjectRef = { kind: "User", name: "alice" };
const bob: SubjectRef = { kind: "User", name: "bob" };
const carol: SubjectRef = { kind: "User", name: "carol" };
const ops: SubjectRef = { kind: "Group", name: "ops" };
const prom: SubjectRef = { kind: "User", name: "prom" };
const api: SubjectRef = { kind: "ServiceAccount", namespace: "payments", name: "api" };
const authenticated: SubjectRef = { kind: "Group", name: "system:authenticated" };

const admins = { kind: "ClusterRoleBinding" as const, name: "admins" };
const clusterAdmin = { kind: "ClusterRole" as const, name: "cluster-admin" };
const all = rule({ apiGroups: ["*"], resources: ["*"], verbs: ["*"] });
const allUrls = rule({ verbs: ["*"], nonResourceURLs: ["*"] });
const readSecrets = rule({ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] });
const oneSecret = rule({ apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["db-password", 'we"ird\\name'] });
const selfReview = rule({ apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews"], verbs: ["create"] });
const metrics = rule({ verbs: ["get"], nonResourceURLs: ["/metrics", "/logs/*"] });
const scale = rule({ apiGroups: ["apps"], resources: ["deployments/scale"], verbs: ["update"] });

function prodGrants(): AccessGrant[] {
  return [
    grant(alice, admins, clusterAdmin, 0, all),
    grant(alice, admins, clusterAdmin, 1, allUrls),
    grant(ops, admins, clusterAdmin, 0, all),
    grant(ops, admins, clusterAdmin, 1, allUrls),
    grant(api, { kind: "RoleBinding", name: "read-secrets", ns: "payments" }, { kind: "Role", name: "secret-reader" }, 0, readSecrets),
    grant(bob, { kind: "RoleBinding", name: "one-secret", ns: "payments" }, { kind: "Role", name: "one" }, 0, oneSecret),
    grant(bob, { kind: "RoleBinding", name: "scaler", ns: "shop" }, { kind: "ClusterRole", name: "scaler" }, 0, scale),
    grant(authenticated, { kind: "ClusterRoleBinding", name: "system:basic-user" }, { kind: "ClusterRole", name: "system:basic-user" }, 0, selfReview, true),
    grant(prom, { kind: "ClusterRoleBinding", name: "metrics" }, { kind: "ClusterRole", name: "metrics" }, 0, metrics),
  ];
}

function cap(id: Capability["id"], level: Capability["level"], g: AccessGrant): Capability {
  return {
    id,
    level,
    title: id,
    why: `${id} matters`,
    ...(g.scope ? { scope: g.scope } : {}),
    via: { binding: g.bindingName, bindingKind: g.bindingKind, role: g.roleName, roleKind: g.roleKind, ruleIndex: g.ruleIndex, rule: g.rule, builtIn: g.builtIn, ...(g.scope ? { scope: g.scope, bindingNamespace: g.scope } : {}) },
  };
}

function subject(ref: SubjectRef, grants: AccessGrant[], extra: Partial<AccessSubject> = {}): AccessSubject {
  const mine = grants.filter((g) => g.subject.kind === ref.kind && g.subject.name === ref.name && (g.subject.namespace ?? "") === (ref.namespace ?? ""));
  const caps: Capability[] = [];
  const admin = mine.find((g) => g.rule.verbs.includes("*") && g.rule.resources.includes("*"));
  if (admin) caps.push(cap("cluster-admin", "admin", admin));
  const secrets = mine.find((g) => g.rule.resources.includes("secrets") && g.rule.resourceNames.length === 0);
  if (secrets) caps.push(cap("read-secrets", "high", secrets));
  return {
    ref,
    builtIn: mine.length > 0 && mine.every((g) => g.builtIn),
    workloads: [],
    capabilities: caps,
    privilege: caps[0]?.level ?? "",
    ...(ref.kind === "ServiceAccount" ? { exists: true } : {}),
    ...extra,
  };
}

function model(grants: AccessGrant[], refs: SubjectRef[], stale: AccessModel["stale"] = []): AccessModel {
  const subjects = refs.map((r) => subject(r, grants, r === api ? { workloads: [{ kind: "Deployment", namespace: "payments", name: "api" }] } : {}));
  return {
    grants,
    subjects,
    stale,
    counts: { subjects: subjects.length, bindings: new Set(grants.map((g) => `${g.bindingKind}/${g.bindingNamespace ?? ""}/${g.bindingName}`)).size, roles: 3, grants: grants.length, privileged: subjects.filter((s) => s.privilege).length },
  };
}

const PROD_REFS = [alice, ops, api, bob, prom, authenticated];
const unusedSa = { kind: "unused-service-account" as const, object: { kind: "ServiceAccount", namespace: "payments", name: "old" }, detail: "no pod runs as payments/old" };

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "access@example.com", passwordHash: null, orgName: "Access" });
  const b = await m.createUserWithOrganization({ email: "access-other@example.com", passwordHash: null, orgName: "Other" });
  orgId = a.org.id;
  otherOrgId = b.org.id;
  const cluster = async (org: string, actorId: string, name: string) => (await m.createCluster({ orgId: org, actorId, name, server: `https://${name}.example`, credentialCipher: "x", credentialKeyId: "k1" })).id;
  prod = await cluster(orgId, a.user.id, "prod");
  staging = await cluster(orgId, a.user.id, "staging");
  theirs = await cluster(otherOrgId, b.user.id, "theirs");
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

const rowVersions = async (table: string) =>
  (await m.db.$queryRawUnsafe<Array<{ v: string }>>(`SELECT string_agg(xmin::text || ':' || ctid::text, ',' ORDER BY ctid) AS v FROM "${table}"`))[0]!.v;

describe("saveAccessModel", () => {
  it("stores the first build as the baseline, without changes, with every rule list intact", async () => {
    const out = await m.saveAccessModel({ orgId, clusterId: prod, scanId: "scan-1", model: model(prodGrants(), PROD_REFS, [unusedSa]), at: new Date("2026-01-01T00:00:00Z") });
    expect(out).toEqual({ added: 9, removed: 0, baseline: true });
    expect(await m.db.accessChange.count()).toBe(0);
    const one = await m.db.accessGrant.findFirstOrThrow({ where: { clusterId: prod, bindingName: "one-secret" } });
    expect(one).toMatchObject({ orgId, apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["db-password", 'we"ird\\name'], nonResourceUrls: [], scope: "payments", bindingNamespace: "payments", subjectNamespace: "" });
    const sa = await m.db.accessSubject.findFirstOrThrow({ where: { clusterId: prod, kind: "ServiceAccount", name: "api" } });
    expect(sa).toMatchObject({ namespace: "payments", exists: true, privilege: "high", workloads: [{ kind: "Deployment", namespace: "payments", name: "api" }] });
    const snap = await m.db.accessSnapshot.findUniqueOrThrow({ where: { clusterId: prod } });
    expect(snap).toMatchObject({ orgId, scanId: "scan-1", stale: [unusedSa], counts: { grants: 9 } });
    expect(snap.builtAt.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("saving the same model again writes no grant, subject or change row", async () => {
    const before = [await rowVersions("AccessGrant"), await rowVersions("AccessSubject")];
    const out = await m.saveAccessModel({ orgId, clusterId: prod, scanId: "scan-1b", model: model(prodGrants(), PROD_REFS, [unusedSa]) });
    expect(out).toEqual({ added: 0, removed: 0, baseline: false });
    expect([await rowVersions("AccessGrant"), await rowVersions("AccessSubject")]).toEqual(before);
    expect(await m.db.accessChange.count()).toBe(0);
    // The digest that lets an unchanged subject stay unsent: Postgres' jsonb text, predicted.
    const { jsonbText } = await import("./save-access-model");
    const stored = await m.db.$queryRawUnsafe<Array<{ name: string; c: string; w: string }>>(`SELECT name, capabilities::text AS c, workloads::text AS w FROM "AccessSubject" WHERE "clusterId" = $1`, prod);
    const subjects = model(prodGrants(), PROD_REFS).subjects;
    expect(stored.length).toBe(subjects.length);
    for (const r of stored) {
      const s = subjects.find((x) => x.ref.name === r.name)!;
      expect([jsonbText(s.capabilities), jsonbText(s.workloads)]).toEqual([r.c, r.w]);
    }
  });

  it("records added and removed grants with the scan that saw them", async () => {
    const grants = prodGrants().filter((g) => g.bindingName !== "metrics");
    const carolGrant = grant(carol, { kind: "ClusterRoleBinding", name: "carol-admin" }, clusterAdmin, 0, all);
    const out = await m.saveAccessModel({ orgId, clusterId: prod, scanId: "scan-2", model: model([...grants, carolGrant], [...PROD_REFS.filter((r) => r !== prom), carol]), at: new Date("2026-01-02T00:00:00Z") });
    expect(out).toEqual({ added: 1, removed: 1, baseline: false });
    const changes = await m.db.accessChange.findMany({ orderBy: { change: "asc" } });
    expect(changes.map((c) => [c.change, c.subjectName, c.bindingName, c.scanId, c.at.toISOString()])).toEqual([
      ["added", "carol", "carol-admin", "scan-2", "2026-01-02T00:00:00.000Z"],
      ["removed", "prom", "metrics", "scan-2", "2026-01-02T00:00:00.000Z"],
    ]);
    expect(changes[1]!.rule).toEqual({ ...metrics, ruleIndex: 0, ruleSource: null });
    expect(await m.db.accessSubject.count({ where: { clusterId: prod, name: "prom" } })).toBe(0);
    expect(await m.db.accessSubject.count({ where: { clusterId: prod, name: "carol" } })).toBe(1);
    // Put prod back as it was, a day later.
    await m.saveAccessModel({ orgId, clusterId: prod, scanId: "scan-3", model: model(prodGrants(), PROD_REFS, [unusedSa]), at: new Date("2026-01-03T00:00:00Z") });
    expect(await m.db.accessChange.count()).toBe(4);
  });

  it("refuses a cluster of another organization", async () => {
    await expect(m.saveAccessModel({ orgId, clusterId: theirs, scanId: null, model: model([], []) })).rejects.toThrow(/not found/);
    expect(await m.db.accessSnapshot.count({ where: { clusterId: theirs } })).toBe(0);
  });

  it("stores the other clusters", async () => {
    const sg = [grant(bob, { kind: "ClusterRoleBinding", name: "bob-view" }, { kind: "ClusterRole", name: "view" }, 0, rule({ apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] })), grant(carol, admins, clusterAdmin, 0, all)];
    await m.saveAccessModel({ orgId, clusterId: staging, scanId: null, model: model(sg, [bob, carol]) });
    await m.saveAccessModel({ orgId: otherOrgId, clusterId: theirs, scanId: null, model: model([grant(alice, admins, clusterAdmin, 0, all), grant(api, admins, clusterAdmin, 0, all)], [alice, api]) });
  });
});

describe("whoCanQuery", () => {
  const questions: AccessQuery[] = [
    { verb: "get", resource: "secrets", namespace: "payments" },
    { verb: "get", resource: "secrets" },
    { verb: "list", resource: "secrets", namespace: "shop" },
    { verb: "get", resource: "secrets", namespace: "payments", name: "db-password" },
    { verb: "get", resource: "secrets", namespace: "payments", name: 'we"ird\\name' },
    { verb: "get", resource: "secrets", namespace: "payments", includeNamed: true },
    { verb: "update", resource: "deployments.apps/scale", namespace: "shop" },
    { verb: "update", resource: "deployments/scale", namespace: "payments" },
    { verb: "create", resource: "selfsubjectaccessreviews.authorization.k8s.io" },
    { verb: "get", nonResourceURL: "/metrics" },
    { verb: "get", nonResourceURL: "/logs/kubelet" },
    { verb: "delete", resource: "nodes" },
    { verb: "get", resource: "pods", namespace: "default" },
  ];

  it("answers as @bulwark/rules' whoCan over the same grants, per cluster", async () => {
    for (const q of questions) {
      const res = await m.whoCanQuery({ orgId, query: q });
      expect(res.clusters.map((c) => c.clusterName), JSON.stringify(q)).toEqual(["prod", "staging"]);
      expect(res.clusters[0]!.subjects, JSON.stringify(q)).toEqual(whoCan(prodGrants(), q));
    }
  });

  it("names the expected subjects and paths", async () => {
    const names = async (q: AccessQuery, includeBuiltIn?: boolean) =>
      (await m.whoCanQuery({ orgId, query: q, clusterId: prod, ...(includeBuiltIn !== undefined ? { includeBuiltIn } : {}) })).clusters[0]!.subjects.map((s) => `${s.kind}/${s.namespace ?? ""}/${s.name}`);
    expect(await names({ verb: "get", resource: "secrets", namespace: "payments" })).toEqual(["Group//ops", "ServiceAccount/payments/api", "User//alice"]);
    expect(await names({ verb: "get", resource: "secrets" })).toEqual(["Group//ops", "User//alice"]);
    expect(await names({ verb: "get", resource: "secrets", namespace: "payments", name: "db-password" })).toEqual(["Group//ops", "ServiceAccount/payments/api", "User//alice", "User//bob"]);
    expect(await names({ verb: "get", nonResourceURL: "/logs/kubelet" })).toEqual(["Group//ops", "User//alice", "User//prom"]);
    expect(await names({ verb: "create", resource: "selfsubjectaccessreviews.authorization.k8s.io" })).toEqual(["Group//ops", "Group//system:authenticated", "User//alice"]);
    expect(await names({ verb: "create", resource: "selfsubjectaccessreviews.authorization.k8s.io" }, false)).toEqual(["Group//ops", "User//alice"]);
    const res = await m.whoCanQuery({ orgId, query: { verb: "delete", resource: "nodes" }, clusterId: prod });
    expect(res.clusters[0]!.subjects.find((s) => s.name === "alice")!.via).toMatchObject([{ binding: "admins", bindingKind: "ClusterRoleBinding", role: "cluster-admin", roleKind: "ClusterRole", ruleIndex: 0 }]);
  });

  it("never answers over another organization's clusters", async () => {
    expect(await m.whoCanQuery({ orgId, query: { verb: "get", resource: "secrets" }, clusterId: theirs })).toEqual({ clusters: [] });
    const other = await m.whoCanQuery({ orgId: otherOrgId, query: { verb: "get", resource: "secrets" } });
    expect(other.clusters.map((c) => [c.clusterName, c.subjects.map((s) => s.name)])).toEqual([["theirs", ["api", "alice"]]]);
  });
});

describe("getAccessSubject", () => {
  it("gives a service account's own and implicit-group grants, workloads and capabilities", async () => {
    const view = await m.getAccessSubject({ orgId, kind: "ServiceAccount", namespace: "payments", name: "api" });
    expect(view?.ref).toEqual(api);
    expect(view?.clusters.map((c) => c.clusterName)).toEqual(["prod"]);
    const c = view!.clusters[0]!;
    expect(c).toMatchObject({ exists: true, builtIn: false, privilege: "high", workloads: [{ kind: "Deployment", namespace: "payments", name: "api" }] });
    expect(c.capabilities.map((x) => x.id)).toEqual(["read-secrets"]);
    expect(c.vias.map((v) => [v.binding, v.viaGroup ?? null])).toEqual([
      ["read-secrets", null],
      ["system:basic-user", "system:authenticated"],
    ]);
    // The same account named as a user.
    expect(await m.getAccessSubject({ orgId, kind: "User", name: "system:serviceaccount:payments:api" })).toEqual(view);
  });

  it("lists a person in every cluster that binds them, and nothing of another organization", async () => {
    const carolView = await m.getAccessSubject({ orgId, kind: "User", name: "carol" });
    expect(carolView?.clusters.map((c) => [c.clusterName, c.privilege])).toEqual([["staging", "admin"]]);
    expect(await m.getAccessSubject({ orgId, kind: "User", name: "nobody" })).toBeNull();
    expect(await m.getAccessSubject({ orgId: otherOrgId, kind: "User", name: "bob" })).toBeNull();
    const theirAlice = await m.getAccessSubject({ orgId: otherOrgId, kind: "User", name: "alice" });
    expect(theirAlice?.clusters.map((c) => c.clusterName)).toEqual(["theirs"]);
  });
});

describe("overview, subjects, stale access, changes", () => {
  it("overview: counts, admins, stale, changes since the last signed-off review, privileged subjects", async () => {
    let o = await m.getAccessOverview({ orgId });
    expect(o.lastReview).toBeNull();
    expect(o.clusters.map((c) => [c.clusterName, c.admins, c.stale, c.changesSinceReview, c.counts?.grants ?? null])).toEqual([
      ["prod", 2, 1, 4, 9],
      ["staging", 1, 0, 0, 2],
    ]);
    expect(o.privileged.map((p) => [p.ref.name, p.level, p.clusters.map((c) => c.clusterName)])).toEqual([
      ["ops", "admin", ["prod"]],
      ["alice", "admin", ["prod"]],
      ["carol", "admin", ["staging"]],
      ["api", "high", ["prod"]],
    ]);
    const review = await m.db.accessReview.create({ data: { orgId, title: "Q1", createdByName: "a", status: "signed-off", signedOffAt: new Date("2026-01-02T12:00:00Z") } });
    await m.db.accessReview.create({ data: { orgId: otherOrgId, title: "theirs", createdByName: "b", status: "signed-off", signedOffAt: new Date("2026-01-05T00:00:00Z") } });
    o = await m.getAccessOverview({ orgId });
    expect(o.lastReview).toEqual({ id: review.id, title: "Q1", signedOffAt: new Date("2026-01-02T12:00:00Z") });
    expect(o.clusters.map((c) => c.changesSinceReview)).toEqual([2, 0]);
    expect((await m.getAccessOverview({ orgId: otherOrgId })).clusters.map((c) => c.clusterName)).toEqual(["theirs"]);
  });

  it("lists subjects across clusters, most privileged first, with filters", async () => {
    const refs = (rows: Awaited<ReturnType<Mod["listAccessSubjects"]>>) => rows.map((r) => `${r.ref.name}@${r.clusters.map((c) => c.clusterName).join("+")}`);
    expect(refs(await m.listAccessSubjects({ orgId }))).toEqual(["ops@prod", "alice@prod", "carol@staging", "api@prod", "system:authenticated@prod", "bob@prod+staging", "prom@prod"]);
    expect(refs(await m.listAccessSubjects({ orgId, privilege: "admin" }))).toEqual(["ops@prod", "alice@prod", "carol@staging"]);
    expect(refs(await m.listAccessSubjects({ orgId, privilege: "high", clusterId: prod }))).toEqual(["ops@prod", "alice@prod", "api@prod"]);
    expect(refs(await m.listAccessSubjects({ orgId, q: "BO" }))).toEqual(["bob@prod+staging"]);
    expect(refs(await m.listAccessSubjects({ orgId, q: "paym" }))).toEqual(["api@prod"]);
    expect(refs(await m.listAccessSubjects({ orgId, includeBuiltIn: false }))).not.toContain("system:authenticated@prod");
    expect(refs(await m.listAccessSubjects({ orgId, limit: 2 }))).toEqual(["ops@prod", "alice@prod"]);
    expect(await m.listAccessSubjects({ orgId, clusterId: theirs })).toEqual([]);
  });

  it("stale access: each cluster's items and people bound in some clusters only", async () => {
    const s = await m.listStaleAccess({ orgId });
    expect(s.items).toEqual([{ ...unusedSa, clusterId: prod, clusterName: "prod" }]);
    expect(s.partial.map((p) => [`${p.ref.kind}/${p.ref.name}`, p.boundIn.map((c) => c.clusterName), p.missingFrom.map((c) => c.clusterName)])).toEqual([
      ["Group/ops", ["prod"], ["staging"]],
      ["User/alice", ["prod"], ["staging"]],
      ["User/carol", ["staging"], ["prod"]],
      ["User/prom", ["prod"], ["staging"]],
    ]);
    expect((await m.listStaleAccess({ orgId, clusterId: staging })).items).toEqual([]);
    expect(await m.listStaleAccess({ orgId, clusterId: theirs })).toEqual({ items: [], partial: [] });
    expect(await m.listStaleAccess({ orgId: otherOrgId })).toEqual({ items: [], partial: [] });
  });

  it("access changes: newest first, paged, filtered by subject, cluster and time", async () => {
    const page1 = await m.listAccessChanges({ orgId, limit: 3 });
    expect(page1.items.map((c) => [c.change, c.subject.name, c.scanId])).toEqual([
      ["added", "prom", "scan-3"],
      ["removed", "carol", "scan-3"],
      ["added", "carol", "scan-2"],
    ]);
    expect(page1.items[0]!.via).toEqual({ binding: "metrics", bindingKind: "ClusterRoleBinding", role: "metrics", roleKind: "ClusterRole", ruleIndex: 0, rule: metrics, builtIn: false });
    const page2 = await m.listAccessChanges({ orgId, limit: 3, cursor: page1.nextCursor! });
    expect(page2.items.map((c) => [c.change, c.subject.name])).toEqual([["removed", "prom"]]);
    expect(page2.nextCursor).toBeNull();
    expect((await m.listAccessChanges({ orgId, subject: carol })).items.map((c) => c.change)).toEqual(["removed", "added"]);
    expect((await m.listAccessChanges({ orgId, since: new Date("2026-01-03T00:00:00Z") })).items).toHaveLength(2);
    expect((await m.listAccessChanges({ orgId, clusterId: staging })).items).toEqual([]);
    expect((await m.listAccessChanges({ orgId, clusterId: theirs })).items).toEqual([]);
    expect((await m.listAccessChanges({ orgId: otherOrgId })).items).toEqual([]);
  });
});
