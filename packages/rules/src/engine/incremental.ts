// Incremental judging for watched clusters: after a batch of changes, produce the result evaluate()
// gives on the current snapshot, re-running each rule only where its findings may have changed.
//
// The model, per rule:
// - Which kinds it reads: its `kinds` and `requiresKinds` plus EXTRA_READS (kinds it looks up
//   beyond them; incremental-model.test.ts traces every built-in rule and keeps this list honest).
//   A batch touching none of them leaves the rule's findings as they were.
// - Pod-local rules (pod-local.ts) judge one pod spec at a time with whole-snapshot lookups: they
//   re-run on the pod specs a change can reach (its owners and children, the workloads whose
//   service account a binding or role touches, the pods a NetworkPolicy selects, the namespace's
//   pod specs for other namespaced kinds), through the same slice mechanism evaluate uses.
// - Other built-in rules are namespace-local: findings on an object in namespace X (or on the
//   Namespace X) depend only on X's objects and cluster-scoped ones, and findings on other
//   cluster-scoped objects only on cluster-scoped ones (the model test checks both on every
//   scenario). A batch of namespaced changes re-runs them on a sub-snapshot of the changed
//   namespaces plus every cluster-scoped object, replacing only those namespaces' findings.
// - Everything else (GLOBAL_RULES, custom rules, a rule that failed, a cluster-scoped change to a
//   kind a namespace-local rule reads) re-runs on the whole snapshot.
// Changed settings, snapshot metadata (kinds read, version), a rule's evaluability or a partial
// snapshot make a full judge. Causes, exceptions, the baseline, statuses, risks and the score are
// always re-derived over the merged findings by evaluate's own finish phase (cheap next to rules).
import { allPodSpecs, WORKLOAD_KINDS, withPodSpecSlice, type PodSpecRef } from "../helpers/pod";
import { selectorMatches } from "../helpers/selectors";
import { builtinRules } from "../rules";
import type { EngineSettings, EvaluationResult, Finding, KubeObject, Rule, RuleContext, Snapshot } from "../types";
import { finishEvaluation, prepareEvaluation, runAllRules, type PreparedEvaluation, type RuleRun } from "./evaluate";
import { objectKey } from "./fingerprint";
import { normalizeObjects } from "./normalize";
import { POD_LOCAL_RULES } from "./pod-local";
import { buildIndex } from "./snapshot-index";

export interface ObjectChangeRef {
  kind: string;
  apiVersion?: string;
  namespace?: string;
  name: string;
  uid?: string;
  /** previous state for modified/deleted objects (dependents of what it used to reference) */
  previous?: KubeObject;
}

/** Opaque state, one per watched cluster. */
export interface IncrementalJudge {
  /** The current full result. */
  readonly result: EvaluationResult;
}

export interface Rejudged {
  /** true when every rule ran over the whole snapshot (first judge or a fallback, see reason). */
  full: boolean;
  reason?: string;
  /** Namespaces some rule re-judged objects in. */
  namespaces: string[];
  /** Objects some rule re-judged. */
  objects: number;
  /** "kind/namespace/name" of the re-judged objects, when there are at most MAX_KEYS of them. */
  objectKeys?: string[];
}

const MAX_KEYS = 2000;
const WORKLOAD = new Set(WORKLOAD_KINDS);
const ALL = "*";

/** Kinds a built-in rule reads besides its kinds and requiresKinds ("*": a table of any kind). */
export const EXTRA_READS: Readonly<Record<string, readonly string[]>> = {
  "liveness-probe-missing": WORKLOAD_KINDS,
  "readiness-probe-missing": WORKLOAD_KINDS,
  "liveness-equals-readiness": WORKLOAD_KINDS,
  "pdb-min-available-too-high": WORKLOAD_KINDS,
  "topology-spread-missing": WORKLOAD_KINDS,
  "node-affinity-missing": WORKLOAD_KINDS,
  "rbac-anonymous-binding": ["ClusterRole", "Role"],
  "rbac-binding-grants-secrets-read": ["ClusterRole", "Role"],
  "rbac-binding-missing-service-account": ["ClusterRole", "Role"],
  "rbac-cluster-admin-binding": ["ClusterRole", "Role", "RoleBinding"],
  "rbac-cluster-binding-exec-attach": ["ClusterRole", "Role", "RoleBinding"],
  "rbac-default-service-account-bound": ["ClusterRole", "Role"],
  "rbac-namespace-admin-role-binding": ["ClusterRole", "Role", "ClusterRoleBinding"],
  "rbac-namespace-binding-clusterrole-exec-attach": ["ClusterRole", "Role", "ClusterRoleBinding"],
  "rbac-namespace-binding-role-exec-attach": ["ClusterRole", "Role", "ClusterRoleBinding"],
  "rbac-namespace-cluster-admin-binding": ["ClusterRole", "Role", "ClusterRoleBinding"],
  "rbac-system-authenticated-binding": ["ClusterRole", "Role"],
  "rbac-system-masters-binding": ["ClusterRole", "Role"],
  "workload-sa-admin-rights": ["ClusterRole", "Role", "RoleBinding", "ClusterRoleBinding", "ServiceAccount"],
  "workload-sa-has-permissions": ["ClusterRole", "Role", "RoleBinding", "ClusterRoleBinding", "ServiceAccount"],
  "workload-sa-risky-permissions": ["ClusterRole", "Role", "RoleBinding", "ClusterRoleBinding", "ServiceAccount"],
  "deprecated-api-deprecated": [ALL],
  "deprecated-api-removed": [ALL],
  "exposure-sensitive-interface": WORKLOAD_KINDS,
  "exposure-service-dangling": WORKLOAD_KINDS,
  "network-namespace-no-default-deny-egress": WORKLOAD_KINDS,
  "network-namespace-no-default-deny-ingress": WORKLOAD_KINDS,
  "network-namespace-without-policy": WORKLOAD_KINDS,
  "network-pod-ingress-egress-not-isolated": ["Namespace"],
  "network-pod-not-isolated": ["Namespace"],
  "network-pod-without-allow-rules": ["Namespace"],
  "network-policy-dangling": WORKLOAD_KINDS,
  "network-policy-peer-dangling": WORKLOAD_KINDS,
  // in-cluster reports, and pods' status imageIDs for digests
  "image-vulnerabilities": ["VulnerabilityReport", "PolicyReport", "ClusterPolicyReport"],
  "image-exposed-secrets": ["ExposedSecretReport"],
};

/** Built-in rules that are neither pod-local nor namespace-local: they re-run over the whole snapshot. */
export const GLOBAL_RULES: ReadonlySet<string> = new Set([
  // a RoleBinding in one namespace may name a service account of another
  "rbac-binding-missing-service-account",
]);

/** Built-in rules that read snapshot fields a watch changes (takenAt): re-run on every batch. */
const SNAPSHOT_TIME_RULES: ReadonlySet<string> = new Set(["deprecated-kubernetes-version-eol"]);

/**
 * The image rules read the clock only to call a scanner report stale (after days) and to end CVE
 * exceptions, and they read snapshot.vulnerabilityReports (the imports attached to each batch).
 * They re-run when the imports change, or when the hour moved and the cluster holds scanner data:
 * an hour's precision is enough for both, and a cluster without any has nothing to re-judge.
 */
const REPORT_TIME_RULES: ReadonlySet<string> = new Set(["image-vulnerabilities", "image-exposed-secrets"]);
const REPORT_KINDS: ReadonlySet<string> = new Set(["VulnerabilityReport", "PolicyReport", "ClusterPolicyReport", "ExposedSecretReport"]);

function hourOf(iso: string | undefined): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? Math.floor(t / 3_600_000) : NaN;
}

function reportsMoved(snapshot: Snapshot, judge: Judge): boolean {
  if (snapshot.vulnerabilityReports !== judge.vulnReports) return true;
  if (snapshot.takenAt === judge.takenAt || hourOf(snapshot.takenAt) === hourOf(judge.takenAt)) return false;
  if ((snapshot.vulnerabilityReports?.length ?? 0) > 0) return true;
  return snapshot.objects.some((o) => REPORT_KINDS.has(o.kind));
}

const BUILTIN: ReadonlySet<Rule> = new Set(builtinRules);

const depsCache = new WeakMap<Rule, ReadonlySet<string>>();
/** The kinds a rule reads; contains "*" when any kind may matter. */
export function ruleReads(rule: Rule): ReadonlySet<string> {
  let deps = depsCache.get(rule);
  if (deps) return deps;
  const s = new Set<string>([...rule.kinds, ...(rule.requiresKinds ?? [])]);
  // Custom rules compile user expressions: nothing says what they read.
  if (!BUILTIN.has(rule)) s.add(ALL);
  for (const k of EXTRA_READS[rule.id] ?? []) s.add(k);
  depsCache.set(rule, (deps = s));
  return deps;
}

type Store = Map<string, Map<string, Finding[]>>; // bucket -> object key -> raw findings

interface RuleState {
  rule: Rule;
  disabled: boolean;
  reason: string | undefined;
  /** Set when the rule threw on its last whole-snapshot run (it is then "not-evaluated"). */
  error: string | undefined;
  findings: Store;
}

class Judge implements IncrementalJudge {
  constructor(
    public result: EvaluationResult,
    readonly settingsKey: string,
    readonly metaKey: string,
    readonly takenAt: string | undefined,
    readonly rules: RuleState[],
    readonly objects: Map<string, KubeObject>,
    /** Objects known to be normalized (normalize.ts): what the judge saw before needs no second look. */
    readonly clean: WeakSet<KubeObject>,
    readonly vulnReports?: Snapshot["vulnerabilityReports"],
  ) {}
}

const CS = "\u0000";

function nsOf(o: KubeObject): string | undefined {
  const ns = o.metadata?.namespace;
  return typeof ns === "string" && ns ? ns : undefined;
}

/** Where an object's findings are kept: its namespace, a Namespace's own name, else cluster-scoped. */
function bucketOf(o: KubeObject): string {
  const ns = nsOf(o);
  if (ns) return ns;
  if (o.kind === "Namespace" && typeof o.metadata?.name === "string") return o.metadata.name;
  return CS;
}

/** evaluate's object key (objectKey(objectRef(o))) without building the ref: uid, else kind/namespace/name. */
function keyOf(o: KubeObject): string {
  const md = o.metadata ?? {};
  return md.uid ? md.uid : `${o.kind}/${md.namespace || ""}/${md.name ?? ""}`;
}

function readable(o: KubeObject): string {
  return `${o.kind}/${nsOf(o) ?? ""}/${o.metadata?.name ?? ""}`;
}

function settingsKeyOf(settings: EngineSettings): string {
  // `now` only moves exception expiry, which the finish phase re-derives on every call; extra rules
  // are compared by identity through the runs.
  return JSON.stringify({ ...settings, now: undefined, extraRules: (settings.extraRules ?? []).map((r) => r.id) });
}

function metaKeyOf(s: Snapshot): string {
  return JSON.stringify([
    s.source,
    s.kindsComplete,
    s.kubeVersion,
    s.gitVersion,
    s.platform,
    s.servedVersions,
    // Counts move with every added object; what was read (and how) is what rules depend on.
    (s.kinds ?? []).map((k) => [k.resource, k.kind, k.status, k.error]),
  ]);
}

function emptyStores(p: PreparedEvaluation): RuleState[] {
  return p.runs.map((run) => ({ rule: run.rule, disabled: run.disabled, reason: run.reason, error: undefined, findings: new Map() }));
}

/** Files a run's findings by bucket and object key (clones: the finish phase mutates findings). */
function file(p: PreparedEvaluation, run: RuleRun, into: Store, keep?: (bucket: string) => boolean): void {
  for (let i = 0; i < run.out.length; i++) {
    const obj = run.objs[i]!;
    const bucket = bucketOf(obj);
    if (keep && !keep(bucket)) continue;
    const key = p.refOf(obj).key;
    let m = into.get(bucket);
    if (!m) into.set(bucket, (m = new Map()));
    const l = m.get(key);
    const f = { ...run.out[i]! };
    if (l) l.push(f);
    else m.set(key, [f]);
  }
  run.out = [];
  run.objs = [];
}

/** Judges the whole snapshot and keeps what incremental judging needs. */
export function judgeFull(snapshot: Snapshot, settings: EngineSettings): { judge: IncrementalJudge; result: EvaluationResult } {
  const { judge, result } = fullJudge(snapshot, settings);
  return { judge, result };
}

function fullJudge(snapshot: Snapshot, settings: EngineSettings, p = prepareEvaluation(snapshot, settings)): { judge: Judge; result: EvaluationResult } {
  const states = emptyStores(p);
  runAllRules(p);
  p.runs.forEach((run, i) => {
    const st = states[i]!;
    if (run.disabled) return;
    if (run.reason !== st.reason) st.error = run.reason; // set by the run: the rule threw
    file(p, run, st.findings);
  });
  // finish reads run.out: give it the findings back (clones again, the stores keep theirs clean).
  const objects = new Map<string, KubeObject>();
  const clean = new WeakSet<KubeObject>();
  for (const o of p.snapshot.objects) {
    objects.set(keyOf(o), o);
    clean.add(o);
  }
  assemble(p, states, objects);
  const result = finishEvaluation(p);
  const judge = new Judge(result, settingsKeyOf(settings), metaKeyOf(p.snapshot), p.snapshot.takenAt, states, objects, clean, p.snapshot.vulnerabilityReports);
  return { judge, result };
}

/** Puts the stored findings back into the runs, in rule order, for evaluate's finish phase. */
function assemble(p: PreparedEvaluation, states: RuleState[], objects: Map<string, KubeObject>): boolean {
  for (let i = 0; i < p.runs.length; i++) {
    const run = p.runs[i]!;
    const st = states[i]!;
    run.out = [];
    run.objs = [];
    if (run.disabled) continue;
    if (st.error) run.reason = st.error;
    if (run.reason) continue;
    for (const m of st.findings.values()) {
      for (const [key, list] of m) {
        const obj = objects.get(key);
        if (!obj) return false;
        for (const f of list) {
          run.out.push({ ...f });
          run.objs.push(obj);
        }
      }
    }
  }
  return true;
}

interface Change {
  key: string;
  cur?: KubeObject;
  /** What the object was (the judge's copy and/or the caller's `previous`). */
  prevs: KubeObject[];
}

function changeObjects(c: Change): KubeObject[] {
  return c.cur ? [c.cur, ...c.prevs] : c.prevs;
}

/**
 * Re-judges what `changed` (and anything else whose object differs from the judge's last snapshot)
 * can affect, and returns the result evaluate(snapshot, settings) gives.
 */
export function judgeChanges(
  judge: IncrementalJudge,
  snapshot: Snapshot,
  changed: ObjectChangeRef[],
  settings: EngineSettings,
): { judge: IncrementalJudge; result: EvaluationResult; rejudged: Rejudged } {
  const full = (reason: string, prepared?: PreparedEvaluation) => {
    const r = fullJudge(snapshot, settings, prepared);
    const objects = r.judge.objects;
    const namespaces = new Set<string>();
    for (const o of objects.values()) if (nsOf(o)) namespaces.add(nsOf(o)!);
    return { judge: r.judge, result: r.result, rejudged: { full: true, reason, namespaces: [...namespaces].sort(), objects: objects.size } };
  };
  if (!(judge instanceof Judge)) return full("not an incremental judge");
  if (settingsKeyOf(settings) !== judge.settingsKey) return full("settings changed");
  if (metaKeyOf(snapshot) !== judge.metaKey) return full("snapshot kinds or version changed");
  if (snapshot.source !== "cluster" || !snapshot.kindsComplete) return full("partial snapshot");
  if (snapshot.locations?.length) return full("snapshot from files");

  // Normalize only what the judge has not seen: an object it judged before is already clean.
  let normalized: KubeObject[] | undefined;
  const input = snapshot.objects ?? [];
  for (let i = 0; i < input.length; i++) {
    const o = input[i]!;
    if (judge.clean.has(o)) {
      normalized?.push(o);
      continue;
    }
    const n = normalizeObjects([o]);
    if (n.changed && !normalized) normalized = input.slice(0, i) as KubeObject[];
    const fixed = n.objects[0];
    if (fixed) {
      judge.clean.add(fixed);
      normalized?.push(fixed);
    }
  }
  const objects: readonly KubeObject[] = normalized ?? input;

  const cur = new Map<string, KubeObject>();
  for (const o of objects) {
    const key = keyOf(o);
    if (cur.has(key)) return full("duplicate object keys");
    cur.set(key, o);
  }

  // What changed: the caller's list, plus every object that differs from the judge's copy (a
  // missed event must not leave a stale finding).
  const changes = new Map<string, Change>();
  const note = (key: string, prev: KubeObject | undefined, extra?: KubeObject) => {
    let c = changes.get(key);
    if (!c) changes.set(key, (c = { key, prevs: [] }));
    const o = cur.get(key);
    if (o) c.cur = o;
    for (const x of [prev, extra]) if (x && !c.prevs.includes(x) && x !== o) c.prevs.push(x);
  };
  for (const [key, o] of cur) {
    const prev = judge.objects.get(key);
    if (prev === o) continue;
    const rv = o.metadata?.resourceVersion;
    if (prev && rv && prev.metadata?.resourceVersion === rv && prev.kind === o.kind) continue;
    note(key, prev);
  }
  for (const [key, prev] of judge.objects) if (!cur.has(key)) note(key, prev);
  let byName: Map<string, string> | undefined;
  for (const ref of changed) {
    let key = ref.uid && (cur.has(ref.uid) || judge.objects.has(ref.uid)) ? ref.uid : undefined;
    if (!key) {
      if (!byName) {
        byName = new Map();
        for (const m of [judge.objects, cur]) for (const [k, o] of m) byName.set(readable(o), k);
      }
      key = byName.get(`${ref.kind}/${ref.namespace ?? ""}/${ref.name}`) ?? objectKey({ apiVersion: ref.apiVersion ?? "", kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}), ...(ref.uid ? { uid: ref.uid } : {}) });
    }
    if (!cur.has(key) && !judge.objects.has(key) && !ref.previous) continue;
    note(key, judge.objects.get(key), ref.previous);
  }
  const changedKinds = new Set<string>();
  for (const c of changes.values()) for (const o of changeObjects(c)) changedKinds.add(o.kind);
  const touches = (rule: Rule) => {
    const reads = ruleReads(rule);
    if (reads.has(ALL)) return changedKinds.size > 0;
    for (const k of changedKinds) if (reads.has(k)) return true;
    return false;
  };
  const timeMoved = snapshot.takenAt !== judge.takenAt;
  const reportTime = reportsMoved(snapshot, judge);
  const onTime = (id: string) => (REPORT_TIME_RULES.has(id) ? reportTime : timeMoved && SNAPSHOT_TIME_RULES.has(id));

  // A rule's notEvaluable answer is a function of the kinds it reads, like its findings.
  const stateOf = new Map<Rule, RuleState>();
  for (const st of judge.rules) if (!stateOf.has(st.rule)) stateOf.set(st.rule, st);
  const p = prepareEvaluation(snapshot, settings, {
    normalized: objects,
    notEvaluable: (rule) => {
      const st = stateOf.get(rule);
      if (!st || touches(rule) || onTime(rule.id)) return undefined;
      return { reason: st.reason };
    },
  });
  if (p.runs.length !== judge.rules.length) return full("rules changed", p);
  for (let i = 0; i < p.runs.length; i++) {
    const run = p.runs[i]!;
    const st = judge.rules[i]!;
    if (run.rule !== st.rule) return full("rules changed", p);
    // Kind reads and notEvaluable are decided on the whole snapshot, as evaluate does.
    if (run.disabled !== st.disabled || run.reason !== st.reason) return full(`rule ${run.rule.id} changed evaluability`, p);
  }
  const list = [...changes.values()];

  const deps = new Dependents(p);
  const rejudgedKeys = new Set<string>();
  const rejudgedNs = new Set<string>();
  const rejudgedObjs: KubeObject[] = [];
  const mark = (o: KubeObject, key: string) => {
    if (rejudgedKeys.has(key)) return;
    rejudgedKeys.add(key);
    rejudgedObjs.push(o);
    const ns = nsOf(o);
    if (ns) rejudgedNs.add(ns);
  };
  let seq = 1_000_000;

  for (let i = 0; i < p.runs.length; i++) {
    const run = p.runs[i]!;
    const st = judge.rules[i]!;
    if (run.disabled || run.reason) continue;
    const reads = ruleReads(run.rule);
    const relevant = reads.has(ALL) ? list : list.filter((c) => changeObjects(c).some((o) => reads.has(o.kind)));
    const timeRule = onTime(run.rule.id);
    if (relevant.length === 0 && !timeRule) continue;

    const wholeRun = () => {
      run.seq = ++seq;
      run.out = [];
      run.objs = [];
      p.runOver(run, p.ctx);
      const store: Store = new Map();
      st.error = run.reason;
      run.reason = undefined;
      if (!st.error) file(p, run, store);
      st.findings = store;
      for (const k of run.rule.kinds) for (const o of k === ALL ? p.snapshot.objects : p.index.byKind(k)) mark(o, p.refOf(o).key);
    };
    const namespaced = relevant.every((c) => changeObjects(c).every((o) => nsOf(o) !== undefined));
    if (st.error || !BUILTIN.has(run.rule) || GLOBAL_RULES.has(run.rule.id) || timeRule || (!POD_LOCAL_RULES.has(run.rule) && !namespaced)) {
      wholeRun();
      continue;
    }

    if (POD_LOCAL_RULES.has(run.rule)) {
      const affected = deps.podSpecsFor(relevant);
      run.seq = ++seq;
      run.out = [];
      run.objs = [];
      p.runOver(run, withPodSpecSlice(p.ctx, affected.specs));
      if (run.reason) {
        // It threw on these pod specs: what a whole run reports (its error) is what evaluate says.
        run.reason = undefined;
        wholeRun();
        continue;
      }
      for (const [key, bucket] of affected.keys) st.findings.get(bucket)?.delete(key);
      file(p, run, st.findings);
      for (const s of affected.specs) mark(s.object, p.refOf(s.object).key);
      continue;
    }

    // Namespace-local: the changed namespaces plus every cluster-scoped object.
    const scope = new Set<string>();
    for (const c of relevant) for (const o of changeObjects(c)) scope.add(nsOf(o)!);
    const sub = deps.subContext(scope);
    run.seq = ++seq;
    run.out = [];
    run.objs = [];
    p.runOver(run, sub);
    if (run.reason) {
      run.reason = undefined;
      wholeRun();
      continue;
    }
    for (const ns of scope) st.findings.delete(ns);
    file(p, run, st.findings, (b) => scope.has(b));
    const kinds = new Set(run.rule.kinds);
    for (const o of sub.snapshot.objects) if (kinds.has(o.kind) && scope.has(bucketOf(o))) mark(o, p.refOf(o).key);
  }

  if (!assemble(p, judge.rules, cur)) return full("a stored finding's object is gone");
  const result = finishEvaluation(p);
  const next = new Judge(result, judge.settingsKey, judge.metaKey, p.snapshot.takenAt, judge.rules, cur, judge.clean, p.snapshot.vulnerabilityReports);
  // The new judge takes over the old one's stores: only the newest may be passed on.
  const rejudged: Rejudged = { full: false, namespaces: [...rejudgedNs].sort(), objects: rejudgedKeys.size };
  if (rejudgedObjs.length <= MAX_KEYS) rejudged.objectKeys = rejudgedObjs.map(readable).sort();
  return { judge: next, result, rejudged };
}

/** Lookups for the dependents of a batch of changes, built on first use. */
class Dependents {
  private specs?: readonly PodSpecRef[];
  private specsByNs?: Map<string, PodSpecRef[]>;
  private specByObj?: Map<KubeObject, PodSpecRef>;
  private children?: Map<string, KubeObject[]>;
  private subs = new Map<string, RuleContext>();
  private podCache = new Map<string, { specs: PodSpecRef[]; keys: Map<string, string> }>();

  constructor(private readonly p: PreparedEvaluation) {}

  private allSpecs(): readonly PodSpecRef[] {
    return (this.specs ??= allPodSpecs(this.p.ctx));
  }

  private nsSpecs(ns: string | undefined): readonly PodSpecRef[] {
    if (!this.specsByNs) {
      this.specsByNs = new Map();
      for (const s of this.allSpecs()) {
        const k = nsOf(s.object) ?? CS;
        const l = this.specsByNs.get(k);
        if (l) l.push(s);
        else this.specsByNs.set(k, [s]);
      }
    }
    return this.specsByNs.get(ns ?? CS) ?? [];
  }

  /** The sub-snapshot of some namespaces plus every cluster-scoped object, as a rule context. */
  subContext(scope: Set<string>): RuleContext {
    const id = [...scope].sort().join("\n");
    let c = this.subs.get(id);
    if (c) return c;
    const objects = this.p.snapshot.objects.filter((o) => {
      const ns = nsOf(o);
      return ns === undefined || scope.has(ns);
    });
    const snapshot: Snapshot = { ...this.p.snapshot, objects };
    c = { ...this.p.ctx, snapshot, index: buildIndex(snapshot) };
    this.subs.set(id, c);
    return c;
  }

  /** Owner references resolved to keys of owners and children maps. */
  private ownerKeys(o: KubeObject): string[] {
    const out: string[] = [];
    const refs = o.metadata?.ownerReferences;
    if (!Array.isArray(refs)) return out;
    for (const r of refs) {
      if (!r) continue;
      if (r.uid) out.push(`uid:${r.uid}`);
      if (r.kind && r.name) out.push(`name:${r.kind}/${nsOf(o) ?? ""}/${r.name}`);
    }
    return out;
  }

  private selfKeys(o: KubeObject): string[] {
    const out = [`name:${readable(o)}`];
    const uid = o.metadata?.uid;
    if (uid) out.push(`uid:${uid}`);
    return out;
  }

  private childrenOf(o: KubeObject): KubeObject[] {
    if (!this.children) {
      this.children = new Map();
      for (const x of this.p.snapshot.objects) {
        for (const k of this.ownerKeys(x)) {
          const l = this.children.get(k);
          if (l) l.push(x);
          else this.children.set(k, [x]);
        }
      }
    }
    const out: KubeObject[] = [];
    for (const k of this.selfKeys(o)) for (const c of this.children.get(k) ?? []) if (!out.includes(c)) out.push(c);
    return out;
  }

  private ownersOf(o: KubeObject): KubeObject[] {
    const out: KubeObject[] = [];
    const refs = o.metadata?.ownerReferences;
    if (!Array.isArray(refs)) return out;
    for (const r of refs) {
      if (!r) continue;
      // By name first: a per-kind name map is far cheaper to build than the uid map over everything.
      const named = r.kind && r.name ? this.p.index.byName(r.kind, nsOf(o), r.name) : undefined;
      const x = named && (!r.uid || named.metadata?.uid === r.uid) ? named : r.uid ? this.p.index.byUid(r.uid) : undefined;
      if (x) out.push(x);
    }
    return out;
  }

  /**
   * The pod specs (and object keys whose pod-local findings are replaced) that `changes` reach.
   * Keys include changed objects that are no pod spec any more (deleted, or now controlled).
   */
  podSpecsFor(changes: Change[]): { specs: PodSpecRef[]; keys: Map<string, string> } {
    const id = changes.map((c) => c.key).join("\n");
    const hit = this.podCache.get(id);
    if (hit) return hit;
    const keys = new Map<string, string>(); // key -> bucket
    const objs = new Set<KubeObject>();
    let all = false;
    const addObj = (o: KubeObject) => {
      objs.add(o);
      keys.set(this.p.refOf(o).key, bucketOf(o));
    };
    const addSpecs = (l: readonly PodSpecRef[]) => {
      for (const s of l) addObj(s.object);
    };
    const saSpecs = (ns: string, name: string) => {
      for (const s of this.nsSpecs(ns)) {
        const spec = s.spec ?? {};
        const sa = spec.serviceAccountName || spec.serviceAccount || "default";
        if (sa === name || spec.serviceAccount === name) addObj(s.object);
      }
    };
    const subjectsOf = (b: KubeObject) => {
      const subjects = (b as any).subjects;
      if (!Array.isArray(subjects)) return;
      for (const s of subjects) {
        if (!s || typeof s.name !== "string") continue;
        if (s.kind === "ServiceAccount") saSpecs(s.namespace || nsOf(b) || "", s.name);
        else if (s.kind === "User" && s.name.startsWith("system:serviceaccount:")) {
          const [, , ns, name] = s.name.split(":");
          if (ns && name) saSpecs(ns, name);
        } else if (s.kind === "Group") {
          if (s.name.startsWith("system:serviceaccounts:")) addSpecs(this.nsSpecs(s.name.slice("system:serviceaccounts:".length)));
          else if (s.name === "system:serviceaccounts" || s.name === "system:authenticated") all = true;
        }
      }
    };
    const bindingsTo = (roleKind: string, name: string, ns: string | undefined, aggregated: boolean) => {
      for (const kind of ["RoleBinding", "ClusterRoleBinding"]) {
        for (const b of this.p.index.byKind(kind)) {
          const ref = (b as any).roleRef;
          if (!ref || ref.kind !== roleKind) continue;
          if (roleKind === "Role" && nsOf(b) !== ns) continue;
          const target = roleKind === "ClusterRole" && aggregated ? this.p.index.byName("ClusterRole", undefined, ref.name) : undefined;
          if (ref.name === name || (target && (target as any).aggregationRule)) subjectsOf(b);
        }
      }
    };
    const family = (o: KubeObject) => {
      // Up the owner chain, then every descendant of each: whether a pod spec is judged on itself
      // or on its controller depends on both directions.
      const tops: KubeObject[] = [o];
      for (let i = 0; i < tops.length && i < 16; i++) for (const x of this.ownersOf(tops[i]!)) if (!tops.includes(x)) tops.push(x);
      const seen = new Set<KubeObject>(tops);
      // A Pod owns nothing a rule judges, and its owners' standing does not depend on it.
      if (o.kind === "Pod") {
        for (const x of seen) if (WORKLOAD.has(x.kind)) addObj(x);
        return;
      }
      const queue = [...tops];
      for (let i = 0; i < queue.length && i < 4096; i++) {
        for (const c of this.childrenOf(queue[i]!)) if (!seen.has(c)) (seen.add(c), queue.push(c));
      }
      for (const x of seen) if (WORKLOAD.has(x.kind)) addObj(x);
    };

    for (const c of changes) {
      if (all) break;
      const aggregated = this.p.index.byKind("ClusterRole").some((r) => (r as any).aggregationRule) || c.prevs.some((r) => (r as any).aggregationRule);
      for (const o of changeObjects(c)) {
        const ns = nsOf(o);
        switch (o.kind) {
          case "ServiceAccount":
            if (ns) saSpecs(ns, o.metadata?.name ?? "");
            break;
          case "RoleBinding":
          case "ClusterRoleBinding":
            subjectsOf(o);
            break;
          case "Role":
            bindingsTo("Role", o.metadata?.name ?? "", ns, false);
            break;
          case "ClusterRole":
            bindingsTo("ClusterRole", o.metadata?.name ?? "", undefined, aggregated);
            break;
          case "NetworkPolicy": {
            const sel = (o as any).spec?.podSelector;
            for (const s of this.nsSpecs(ns)) {
              if (!sel || typeof sel !== "object" || selectorMatches(sel, s.meta.labels, true) || selectorMatches(sel, s.object.metadata?.labels, true)) addObj(s.object);
            }
            break;
          }
          default:
            if (WORKLOAD.has(o.kind)) family(o); else if (ns) addSpecs(this.nsSpecs(ns));
            else all = true; // Namespace, Node and other cluster-scoped kinds: rare, judged everywhere
        }
      }
    }
    if (all) for (const s of this.allSpecs()) addObj(s.object);
    if (!this.specByObj) {
      this.specByObj = new Map();
      for (const s of this.allSpecs()) this.specByObj.set(s.object, s);
    }
    const specs: PodSpecRef[] = [];
    for (const o of objs) {
      const s = this.specByObj.get(o);
      if (s) specs.push(s);
    }
    const out = { specs, keys };
    this.podCache.set(id, out);
    return out;
  }
}
