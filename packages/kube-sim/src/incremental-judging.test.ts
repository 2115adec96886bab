// The rule engine's incremental judging (packages/rules engine/incremental.ts) must give exactly
// what evaluate() gives on the current snapshot, after every batch of changes: a seeded random walk
// of mutations over each scenario (and a generated cluster), compared on findings, risks, score,
// counts and rule statuses. It lives here because packages/rules may not import the simulator;
// the targeted "what a change re-judges" checks sit beside the engine (incremental.test.ts).
import { evaluate, judgeChanges, judgeFull, type EngineSettings, type EvaluationResult, type KubeObject, type ObjectChangeRef, type Snapshot } from "@bulwark/rules";
import { changeRef as ref, clusterSnapshot, comparableResult, testPod as podObject } from "@bulwark/rules/testing";
import { describe, expect, it } from "vitest";
import { rng as mulberry32 } from "./scenarios/builders";
import { generateCluster } from "./generate";
import { scenarios } from "./scenarios";

const snap = clusterSnapshot;
const canon = comparableResult;

/** A failure message that names the first differences instead of dumping two huge results. */
function diff(a: ReturnType<typeof canon>, b: ReturnType<typeof canon>): string {
  const out: string[] = [];
  for (const k of ["findings", "risks", "rules"] as const) {
    const sa = new Set(a[k]);
    const sb = new Set(b[k]);
    const missing = b[k].filter((x) => !sa.has(x)).slice(0, 3);
    const extra = a[k].filter((x) => !sb.has(x)).slice(0, 3);
    if (missing.length || extra.length || a[k].length !== b[k].length) out.push(`${k}: incremental lacks ${missing.join(" ; ")} | has extra ${extra.join(" ; ")} (${a[k].length} vs ${b[k].length})`);
  }
  for (const k of ["score", "expected", "objectCount"] as const) if (a[k] !== b[k]) out.push(`${k}: ${a[k]} vs ${b[k]}`);
  if (JSON.stringify(a.counts) !== JSON.stringify(b.counts)) out.push(`counts: ${JSON.stringify(a.counts)} vs ${JSON.stringify(b.counts)}`);
  return out.join("\n");
}

let rvSeq = 1_000_000;
let uidSeq = 0;
const clone = <T>(o: T): T => structuredClone(o);
const ns = (o: KubeObject) => o.metadata.namespace;
const nm = (o: KubeObject) => o.metadata.name ?? "";

/** One mutation: returns the new object list and the change refs it made. */
type Mutation = (objs: KubeObject[], r: () => number) => { objs: KubeObject[]; changed: ObjectChangeRef[]; label: string } | undefined;

function pick<T>(r: () => number, l: readonly T[]): T | undefined {
  return l.length ? l[Math.floor(r() * l.length)] : undefined;
}
function add(objs: KubeObject[], o: KubeObject, label: string) {
  o.metadata.resourceVersion = String(++rvSeq);
  o.metadata.uid ??= `uid-new-${++uidSeq}`;
  return { objs: [...objs, o], changed: [ref(o)], label };
}
function replace(objs: KubeObject[], prev: KubeObject, next: KubeObject, label: string, r: () => number) {
  next.metadata.resourceVersion = String(++rvSeq);
  // Half the time the caller gives no previous state: the judge must keep its own.
  return { objs: objs.map((o) => (o === prev ? next : o)), changed: [ref(next, r() < 0.5 ? prev : undefined)], label };
}
function remove(objs: KubeObject[], gone: KubeObject[], label: string) {
  const set = new Set(gone);
  return { objs: objs.filter((o) => !set.has(o)), changed: gone.map((g) => ref(g, g)), label };
}
const namespaces = (objs: KubeObject[]) => objs.filter((o) => o.kind === "Namespace").map(nm);
const ofKind = (objs: KubeObject[], k: string) => objs.filter((o) => o.kind === k);
const nsWorkload = (objs: KubeObject[]) => objs.filter((o) => ["Deployment", "StatefulSet", "DaemonSet", "Pod"].includes(o.kind) && ns(o));


const MUTATIONS: Record<string, Mutation> = {
  privilegedPod: (objs, r) => {
    const n = pick(r, namespaces(objs));
    if (!n) return undefined;
    const sa = pick(r, ofKind(objs, "ServiceAccount").filter((s) => ns(s) === n));
    return add(objs, podObject(n, `priv-${++uidSeq}`, { privileged: r() < 0.7, hostNetwork: r() < 0.3, ...(sa ? { sa: nm(sa) } : {}) }), `privileged pod in ${n}`);
  },
  deleteDeployment: (objs, r) => {
    const d = pick(r, ofKind(objs, "Deployment"));
    if (!d) return undefined;
    const gone = new Set<KubeObject>([d]);
    // Its ReplicaSets and their pods go with it (sometimes the pods linger, as with orphan deletion).
    const orphan = r() < 0.3;
    for (let round = 0; round < 2; round++) {
      for (const o of objs) {
        const owners = o.metadata.ownerReferences ?? [];
        if (owners.some((x) => [...gone].some((g) => g.metadata.uid === x.uid)) && !(orphan && o.kind === "Pod")) gone.add(o);
      }
    }
    return remove(objs, [...gone], `delete Deployment ${ns(d)}/${nm(d)}${orphan ? " (orphaning pods)" : ""}`);
  },
  deleteReplicaSet: (objs, r) => {
    const rs = pick(r, ofKind(objs, "ReplicaSet"));
    return rs ? remove(objs, [rs], `delete ReplicaSet ${ns(rs)}/${nm(rs)} only`) : undefined;
  },
  roleBindingSubjects: (objs, r) => {
    const b = pick(r, ofKind(objs, "RoleBinding"));
    if (!b) return undefined;
    const next = clone(b);
    const sa = pick(r, ofKind(objs, "ServiceAccount"));
    const roll = r();
    if (roll < 0.5 && sa) (next as any).subjects = [...((next as any).subjects ?? []), { kind: "ServiceAccount", name: nm(sa), namespace: ns(sa) }];
    else if (roll < 0.7) (next as any).subjects = [{ kind: "Group", name: `system:serviceaccounts:${ns(b)}`, apiGroup: "rbac.authorization.k8s.io" }];
    else (next as any).subjects = [];
    return replace(objs, b, next, `RoleBinding ${ns(b)}/${nm(b)} subjects`, r);
  },
  roleBindingRoleRef: (objs, r) => {
    const b = pick(r, ofKind(objs, "RoleBinding"));
    const role = pick(r, [...ofKind(objs, "ClusterRole"), ...ofKind(objs, "Role").filter((x) => b && ns(x) === ns(b))]);
    if (!b || !role) return undefined;
    const next = clone(b);
    (next as any).roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: role.kind, name: nm(role) };
    return replace(objs, b, next, `RoleBinding ${ns(b)}/${nm(b)} roleRef -> ${role.kind} ${nm(role)}`, r);
  },
  newRoleBinding: (objs, r) => {
    const sa = pick(r, ofKind(objs, "ServiceAccount"));
    const role = pick(r, [...ofKind(objs, "ClusterRole"), ...ofKind(objs, "Role").filter((x) => sa && ns(x) === ns(sa))]);
    if (!sa || !role) return undefined;
    return add(
      objs,
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: `rb-${++uidSeq}`, namespace: ns(sa) }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: role.kind, name: nm(role) }, subjects: [{ kind: "ServiceAccount", name: nm(sa), namespace: ns(sa) }] },
      `RoleBinding for ${ns(sa)}/${nm(sa)} to ${role.kind} ${nm(role)}`,
    );
  },
  clusterAdminForWorkloadSa: (objs, r) => {
    const w = pick(r, nsWorkload(objs));
    if (!w) return undefined;
    const spec = w.kind === "Pod" ? (w as any).spec : (w as any).spec?.template?.spec;
    const sa = spec?.serviceAccountName ?? "default";
    return add(
      objs,
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: `crb-${++uidSeq}` }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ kind: "ServiceAccount", name: sa, namespace: ns(w) }] },
      `cluster-admin for ${ns(w)}/${sa}`,
    );
  },
  editRole: (objs, r) => {
    const role = pick(r, [...ofKind(objs, "Role"), ...ofKind(objs, "ClusterRole")]);
    if (!role) return undefined;
    const next = clone(role);
    (next as any).rules = r() < 0.5 ? [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] : [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get"] }];
    return replace(objs, role, next, `${role.kind} ${ns(role) ?? ""}/${nm(role)} rules`, r);
  },
  addNetworkPolicy: (objs, r) => {
    const w = pick(r, nsWorkload(objs));
    if (!w) return undefined;
    const labels = w.kind === "Pod" ? w.metadata.labels : (w as any).spec?.template?.metadata?.labels;
    const sel = r() < 0.3 || !labels ? {} : { matchLabels: labels };
    return add(
      objs,
      { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: `np-${++uidSeq}`, namespace: ns(w) }, spec: { podSelector: sel, policyTypes: r() < 0.5 ? ["Ingress"] : ["Ingress", "Egress"], ingress: r() < 0.5 ? [{}] : [] } },
      `NetworkPolicy in ${ns(w)} selecting ${JSON.stringify(sel)}`,
    );
  },
  removeNetworkPolicy: (objs, r) => {
    const np = pick(r, ofKind(objs, "NetworkPolicy"));
    return np ? remove(objs, [np], `remove NetworkPolicy ${ns(np)}/${nm(np)}`) : undefined;
  },
  relabelNamespace: (objs, r) => {
    const n = pick(r, ofKind(objs, "Namespace"));
    if (!n) return undefined;
    const next = clone(n);
    const labels = { ...(next.metadata.labels ?? {}) };
    const level = pick(r, ["privileged", "baseline", "restricted", undefined]);
    if (level) labels["pod-security.kubernetes.io/enforce"] = level;
    else delete labels["pod-security.kubernetes.io/enforce"];
    next.metadata.labels = labels;
    return replace(objs, n, next, `Namespace ${nm(n)} enforce=${level}`, r);
  },
  serviceSelector: (objs, r) => {
    const s = pick(r, ofKind(objs, "Service"));
    if (!s) return undefined;
    const next = clone(s);
    (next as any).spec = { ...(next as any).spec, selector: r() < 0.5 ? { app: `nothing-${uidSeq++}` } : { app: "api" } };
    return replace(objs, s, next, `Service ${ns(s)}/${nm(s)} selector`, r);
  },
  deleteServiceAccount: (objs, r) => {
    const sa = pick(r, ofKind(objs, "ServiceAccount"));
    return sa ? remove(objs, [sa], `delete ServiceAccount ${ns(sa)}/${nm(sa)}`) : undefined;
  },
  hardenOrBreakWorkload: (objs, r) => {
    const d = pick(r, ofKind(objs, "Deployment"));
    if (!d) return undefined;
    const next = clone(d);
    const spec = (next as any).spec.template.spec;
    const c0 = spec.containers?.[0];
    if (!c0) return undefined;
    const roll = r();
    if (roll < 0.3) c0.securityContext = { privileged: true, runAsUser: 0 };
    else if (roll < 0.6) c0.securityContext = { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } };
    else if (roll < 0.8) c0.image = `${String(c0.image).split(/[:@]/)[0]}:latest`;
    else spec.serviceAccountName = pick(r, ofKind(objs, "ServiceAccount").filter((s) => ns(s) === ns(d)).map(nm)) ?? "default";
    return replace(objs, d, next, `Deployment ${ns(d)}/${nm(d)} template`, r);
  },
  deletePod: (objs, r) => {
    const p = pick(r, ofKind(objs, "Pod"));
    return p ? remove(objs, [p], `delete Pod ${ns(p)}/${nm(p)}`) : undefined;
  },
  editConfig: (objs, r) => {
    const c = pick(r, [...ofKind(objs, "ConfigMap"), ...ofKind(objs, "Secret")]);
    if (!c) return undefined;
    const next = clone(c);
    (next as any).data = { ...((next as any).data ?? {}), [`k${uidSeq++}`]: c.kind === "Secret" ? "<redacted:8 bytes>" : r() < 0.5 ? "password=hunter2" : "x" };
    return replace(objs, c, next, `${c.kind} ${ns(c)}/${nm(c)} data`, r);
  },
  exceptedPod: (objs, r) => {
    const n = pick(r, namespaces(objs));
    return n ? add(objs, podObject(n, "excepted", { privileged: true }), `exception-matching pod in ${n}`) : undefined;
  },
  addNode: (objs, r) => {
    const n = pick(r, ofKind(objs, "Node"));
    if (!n) return undefined;
    const next = clone(n);
    next.metadata.labels = { ...(next.metadata.labels ?? {}), [`touched-${uidSeq++}`]: "yes" };
    return replace(objs, n, next, `Node ${nm(n)} relabeled`, r);
  },
};

const SETTINGS: EngineSettings = {
  now: "2025-06-01T00:00:00Z",
  exceptions: [
    { id: "ex-priv", ruleId: "privileged-container", name: "excepted", justification: "test" },
    { id: "ex-all", ruleId: "*", kind: "Pod", name: "excepted", justification: "test", expiresAt: "2025-06-01T00:00:30Z" },
  ],
};

function walk(name: string, start: KubeObject[], version: string, steps: number, seed: number) {
  const r = mulberry32(seed);
  let objs = start;
  let settings: EngineSettings = SETTINGS;
  let { judge } = judgeFull(snap(objs, version), settings);
  const names = Object.keys(MUTATIONS);
  const history: string[] = [];
  let incremental = 0;
  for (let step = 0; step < steps; step++) {
    const batch: ObjectChangeRef[] = [];
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const m = MUTATIONS[pick(r, names)!]!(objs, r);
      if (!m) continue;
      objs = m.objs;
      batch.push(...m.changed);
      history.push(`step ${step}: ${m.label}`);
    }
    // Time passes: the second exception expires half-way (exception expiry follows settings.now).
    if (step === Math.floor(steps / 2)) settings = { ...SETTINGS, now: "2025-06-01T00:01:00Z" };
    const s = snap(objs, version, step % 10 === 9 ? `2025-01-0${1 + (step % 7)}T00:00:00Z` : "2025-01-01T00:00:00Z");
    const out = judgeChanges(judge, s, batch, settings);
    judge = out.judge;
    if (!out.rejudged.full) incremental++;
    const want = canon(evaluate(s, settings));
    const got = canon(out.result);
    const d = diff(got, want);
    if (d) throw new Error(`${name}: incremental result differs from evaluate after:\n${history.slice(-6).join("\n")}\n${d}`);
    expect(judge.result).toBe(out.result);
  }
  return { incremental };
}

describe("judgeChanges equals evaluate after every batch", () => {
  for (const [name, make] of Object.entries(scenarios)) {
    it(`scenario ${name}`, () => {
      const { objects, version } = make();
      const { incremental } = walk(name, objects, version, 120, name.length * 7919);
      // Most batches must be judged incrementally (a Node relabel or settings change may not).
      expect(incremental).toBeGreaterThan(100);
    });
  }
  it("a generated 1,500-object cluster", () => {
    const { incremental } = walk("generated", generateCluster({ objects: 1500, seed: 11 }), "1.29", 80, 4242);
    expect(incremental).toBeGreaterThan(65);
  });
});

