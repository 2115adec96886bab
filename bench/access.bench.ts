// The access model on a generated 100,000-object cluster with 5,000 bindings: building the model
// (buildAccessModel) against the rule engine's evaluate() on the same snapshot, storing it
// (saveAccessModel: first build, then a rebuild with 1% of the bindings changed), and who-can
// server time (whoCanQuery: SQL prefilter + the RBAC decision) over 50 varied questions, 3 times each.
// Prints one JSON line.
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { generateCluster } from "@bulwark/kube-sim";
import { buildAccessModel, evaluate, type AccessQuery, type KubeObject, type Snapshot } from "@bulwark/rules";
import { benchDatabaseUrl } from "./lib";

const RBAC = "rbac.authorization.k8s.io";
/** Each of the 50 questions is asked this many times (p50/p95 over every answer). */
const ROUNDS = 3;

/** A seeded generator, so every run builds the same cluster and asks the same questions. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const rule = (apiGroups: string[], resources: string[], verbs: string[], extra: Record<string, string[]> = {}) => ({ apiGroups, resources, verbs, ...extra });

/** Rules of the custom ClusterRoles: the kinds of grants real clusters carry. */
const CUSTOM_RULES = [
  [rule([""], ["pods", "pods/log"], ["get", "list", "watch"])],
  [rule([""], ["secrets"], ["get", "list"])],
  [rule(["apps"], ["deployments", "statefulsets", "daemonsets"], ["*"]), rule([""], ["pods"], ["delete"])],
  [rule([""], ["pods/exec", "pods/attach"], ["create"]), rule([""], ["pods"], ["get"])],
  [rule(["*"], ["*"], ["*"])],
  [rule([""], ["nodes"], ["get", "list"]), { nonResourceURLs: ["/metrics", "/metrics/*"], verbs: ["get"] }],
  [rule([""], ["secrets"], ["get"], { resourceNames: ["tls-cert", "db-password"] })],
  [rule(["*"], ["*/scale"], ["get", "update", "patch"])],
  [rule([""], ["configmaps"], ["get", "list", "watch", "create", "update", "patch", "delete"])],
  [rule([RBAC], ["roles", "rolebindings"], ["get", "list", "create", "update", "patch"])],
  [rule([""], ["serviceaccounts/token"], ["create"])],
  [rule(["batch"], ["jobs", "cronjobs"], ["*"])],
];

/**
 * generateCluster's objects with ConfigMaps traded for RBAC until there are `bindings` bindings:
 * custom ClusterRoles, RoleBindings (to namespace Roles, the built-in admin/edit/view and custom
 * ClusterRoles) and ClusterRoleBindings, each naming one to three users, groups or service accounts.
 */
export function accessCluster(n: number, bindings: number): KubeObject[] {
  const base = generateCluster({ objects: n, seed: 7 });
  const random = rng(17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const namespaces = base.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name!);
  const sas = new Map<string, string[]>();
  const roles = new Map<string, string[]>();
  for (const o of base) {
    const ns = o.metadata.namespace;
    if (!ns) continue;
    const into = o.kind === "ServiceAccount" ? sas : o.kind === "Role" ? roles : undefined;
    if (into) (into.get(ns) ?? into.set(ns, []).get(ns)!).push(o.metadata.name!);
  }
  const extra: KubeObject[] = CUSTOM_RULES.map((rules, i) => ({ apiVersion: `${RBAC}/v1`, kind: "ClusterRole", metadata: { name: `bench-role-${i}`, uid: `bench-cr-${i}` }, rules }));
  const have = base.filter((o) => o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding").length;
  const subject = (ns: string) => {
    const r = random();
    if (r < 0.45) return { apiGroup: RBAC, kind: "User", name: `user-${Math.floor(random() * 2000)}@example.com` };
    if (r < 0.6) return { apiGroup: RBAC, kind: "Group", name: `team-${Math.floor(random() * 200)}` };
    return { kind: "ServiceAccount", name: pick(sas.get(ns) ?? ["default"]), namespace: ns };
  };
  for (let i = 0; i < bindings - have; i++) {
    const ns = pick(namespaces);
    const subjects = Array.from({ length: 1 + Math.floor(random() * 3) }, () => subject(ns));
    if (i % 12 === 0) {
      const name = random() < 0.1 ? "cluster-admin" : random() < 0.5 ? "view" : `bench-role-${Math.floor(random() * CUSTOM_RULES.length)}`;
      extra.push({ apiVersion: `${RBAC}/v1`, kind: "ClusterRoleBinding", metadata: { name: `bench-crb-${i}`, uid: `bench-crb-${i}` }, roleRef: { apiGroup: RBAC, kind: "ClusterRole", name }, subjects });
      continue;
    }
    const r = random();
    const nsRoles = roles.get(ns) ?? [];
    const roleRef =
      r < 0.3 && nsRoles.length
        ? { apiGroup: RBAC, kind: "Role", name: pick(nsRoles) }
        : { apiGroup: RBAC, kind: "ClusterRole", name: r < 0.6 ? pick(["admin", "edit", "view"]) : `bench-role-${Math.floor(random() * CUSTOM_RULES.length)}` };
    extra.push({ apiVersion: `${RBAC}/v1`, kind: "RoleBinding", metadata: { name: `bench-rb-${i}`, namespace: ns, uid: `bench-rb-${i}` }, roleRef, subjects });
  }
  // Keep the object count: drop as many ConfigMaps as RBAC objects were added.
  let drop = extra.length;
  const kept = base.filter((o) => !(o.kind === "ConfigMap" && drop-- > 0));
  return [...kept, ...extra];
}

/** 50 questions: verbs, resources (subresources, groups, named objects) and namespaces, some cluster-wide, some URLs. */
function questions(namespaces: string[]): AccessQuery[] {
  const random = rng(5);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const asks: Array<[string, string]> = [
    ["get", "secrets"],
    ["list", "secrets"],
    ["create", "pods"],
    ["delete", "pods"],
    ["create", "pods/exec"],
    ["update", "deployments.apps"],
    ["patch", "deployments.apps/scale"],
    ["get", "configmaps"],
    ["create", "rolebindings.rbac.authorization.k8s.io"],
    ["create", "serviceaccounts/token"],
    ["delete", "jobs.batch"],
    ["watch", "pods"],
  ];
  const out: AccessQuery[] = [];
  for (let i = 0; out.length < 44; i++) {
    const [verb, resource] = asks[i % asks.length]!;
    const q: AccessQuery = { verb, resource };
    if (i % 4 !== 3) q.namespace = pick(namespaces);
    if (i % 9 === 4) q.name = "db-password";
    out.push(q);
  }
  out.push({ verb: "get", resource: "nodes" }, { verb: "impersonate", resource: "users" }, { verb: "escalate", resource: "clusterroles.rbac.authorization.k8s.io" }, { verb: "get", resource: "nodes/proxy" });
  out.push({ verb: "get", nonResourceURL: "/metrics" }, { verb: "get", nonResourceURL: "/healthz" });
  return out;
}

v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export async function benchAccess(n: number, bindings: number) {
  const objects = accessCluster(n, bindings);
  const snapshot: Snapshot = { source: "cluster", objects, kinds: [], kindsComplete: true, kubeVersion: "1.29" };

  collect();
  let t = performance.now();
  const model = buildAccessModel(objects);
  const buildMs = performance.now() - t;
  collect();
  t = performance.now();
  evaluate(snapshot);
  const evalMs = performance.now() - t;

  process.env.DATABASE_URL = benchDatabaseUrl();
  const db = await import("@bulwark/db");
  const tag = `${process.pid}-${Date.now()}`;
  const { user, org } = await db.createUserWithOrganization({ email: `access-${tag}@example.com`, passwordHash: null, orgName: `Access ${tag}` });
  const cluster = await db.createCluster({ orgId: org.id, actorId: user.id, name: "access", server: "https://127.0.0.1", credentialCipher: "x", credentialKeyId: "x" });
  collect();
  t = performance.now();
  const first = await db.saveAccessModel({ orgId: org.id, clusterId: cluster.id, scanId: null, model });
  const saveMs = performance.now() - t;

  // 1% of the bindings changed: their subject swapped.
  let changed = 0;
  const next = objects.map((o) => {
    if (o.kind !== "RoleBinding" || changed >= bindings / 100 || !o.metadata.name?.startsWith("bench-rb-")) return o;
    changed++;
    return { ...o, subjects: [{ apiGroup: RBAC, kind: "User", name: `moved-${changed}@example.com` }] } as KubeObject;
  });
  const nextModel = buildAccessModel(next);
  t = performance.now();
  const second = await db.saveAccessModel({ orgId: org.id, clusterId: cluster.id, scanId: null, model: nextModel });
  const resaveMs = performance.now() - t;
  t = performance.now();
  await db.saveAccessModel({ orgId: org.id, clusterId: cluster.id, scanId: null, model: nextModel });
  const unchangedSaveMs = performance.now() - t;

  // Statistics as autovacuum would have them a minute after the first build (the planner then
  // narrows by (clusterId, scope) instead of reading the organization's every grant).
  await db.db.$executeRawUnsafe(`ANALYZE "AccessGrant"`);
  const namespaces = objects.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name!);
  const qs = questions(namespaces);
  for (const q of qs.slice(0, 5)) await db.whoCanQuery({ orgId: org.id, query: q });
  // Server time of one answer: the query, the RBAC decision and the grouping, as a route calls it.
  const times: number[] = [];
  let subjects = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of qs) {
      const s = performance.now();
      const res = await db.whoCanQuery({ orgId: org.id, query: q });
      times.push(performance.now() - s);
      if (round === 0) subjects += res.clusters[0]?.subjects.length ?? 0;
    }
  }
  await db.disconnectDb();
  return {
    objects: objects.length,
    bindings: model.counts.bindings,
    grants: model.grants.length,
    subjects: model.subjects.length,
    buildMs,
    evalMs,
    buildVsEngine: buildMs / evalMs,
    saveMs,
    saveAdded: first.added,
    resaveMs,
    resaveAdded: second.added,
    resaveRemoved: second.removed,
    unchangedSaveMs,
    whoCanP50: percentile(times, 50),
    whoCanP95: percentile(times, 95),
    whoCanMax: Math.max(...times),
    questions: qs.length,
    avgSubjects: subjects / qs.length,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 100_000);
  const bindings = Number(process.argv[3] ?? 5000);
  benchAccess(n, bindings).then(
    (r) => process.stdout.write(JSON.stringify(r) + "\n"),
    (e: Error) => {
      process.stderr.write(`${e.stack ?? e.message}\n`);
      process.exit(1);
    },
  );
}
