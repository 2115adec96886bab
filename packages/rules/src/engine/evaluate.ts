// The engine: judge one snapshot with the built-in (and any extra) rules, applying the
// organization's settings (disabled rules, severity overrides, exceptions).
//
// Coverage policy, in order, per rule:
// 1. A kind in `kinds` ∪ `requiresKinds` that a cluster read did not get (snapshot.kinds says
//    forbidden/failed, or, when the reader listed kinds at all, the kind is missing) makes the rule
//    "not-evaluated". A kind the API server does not serve ("not-served", e.g. PodSecurityPolicy on
//    1.25+) counts as read and empty: no such object can exist.
// 2. `clusterScope` rules need the whole cluster. On a partial snapshot (kindsComplete false, i.e.
//    manifests) they run only when the set contains at least one object of every `requiresKinds`
//    kind (the set then carries that part of the configuration), else "not-evaluated".
//    Other rules run on manifests under a closed-world view: the manifest set is what gets
//    deployed, so "no NetworkPolicy selects these pods" is reported on a set without any, as
//    Polaris and Kubescape do on files.
// 3. `notEvaluable(ctx)` may return a reason.
// A rule that throws is "not-evaluated" with "rule error: ..."; its partial findings are dropped.
// Rules see objects whose metadata matches KubeObject (see normalize.ts): one manifest with
// `name: 123` or `labels: null` must not make every rule that reads metadata throw.
import { allPodSpecs, controllerInSnapshot, withPodSpecSlice, type PodSpecRef } from "../helpers/pod";
import { builtinRules } from "../rules";
import { SEVERITIES } from "../types";
import type {
  BaselineMatch,
  EngineSettings,
  EvaluationResult,
  Exception,
  Finding,
  KindReadResult,
  KubeObject,
  ObjectRef,
  RawFinding,
  Rule,
  RuleContext,
  RuleStatus,
  Profile,
  Severity,
  Snapshot,
  SnapshotIndex,
  SourceLocation,
} from "../types";
import { baselineMatcher } from "./baseline";
import { anchorOf, causeOf } from "./causes";
import { objectKey, sha256Hex } from "./fingerprint";
import { deriveRisks } from "./risks";
import { computeScore } from "./score";
import { normalizeObjects } from "./normalize";
import { POD_LOCAL_RULES } from "./pod-local";
import { buildIndex } from "./snapshot-index";

const OBSERVED_MAX = 200;
const SEVERITY_SET = new Set<string>(SEVERITIES);

let ruleMap: Map<string, Rule> | undefined;

/** A built-in rule by id or alias. */
export function getRule(id: string): Rule | undefined {
  if (!ruleMap) {
    const m = new Map<string, Rule>();
    for (const r of builtinRules) m.set(r.id, r);
    for (const r of builtinRules) for (const a of r.aliases ?? []) if (!m.has(a)) m.set(a, r);
    ruleMap = m;
  }
  return ruleMap.get(id);
}

export function stringifyObserved(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  let s: string;
  if (typeof v === "string") s = v;
  else if (typeof v === "number" || typeof v === "boolean") return String(v);
  else {
    try {
      s = JSON.stringify(v) ?? typeof v;
    } catch {
      // Cycles or objects without a prototype: the type is all that can be shown safely.
      s = typeof v;
    }
  }
  return s.length > OBSERVED_MAX ? `${s.slice(0, OBSERVED_MAX - 1)}…` : s;
}

export function objectRef(obj: KubeObject): ObjectRef {
  const md = obj.metadata ?? {};
  const ref: ObjectRef = { apiVersion: obj.apiVersion, kind: obj.kind, name: md.name ?? "" };
  if (md.namespace) ref.namespace = md.namespace;
  if (md.uid) ref.uid = md.uid;
  return ref;
}

function kindReadMap(snapshot: Snapshot): Map<string, KindReadResult[]> {
  const m = new Map<string, KindReadResult[]>();
  for (const k of snapshot.kinds ?? []) {
    let l = m.get(k.kind);
    if (!l) m.set(k.kind, (l = []));
    l.push(k);
  }
  return m;
}

/** Why a kind cannot be judged on this snapshot, or undefined when it can. */
function kindProblem(kind: string, snapshot: Snapshot, reads: Map<string, KindReadResult[]>): string | undefined {
  // "*" (custom rules over every object) judges whatever was read.
  if (kind === "*") return undefined;
  const entries = reads.get(kind);
  if (!entries || entries.length === 0) {
    // Manifests list no kinds; a cluster reader that listed some but not this one did not read it.
    if (snapshot.source === "cluster" && reads.size > 0) return `kind ${kind} not read`;
    return undefined;
  }
  if (entries.some((e) => e.status === "read")) return undefined;
  if (entries.every((e) => e.status === "not-served")) return undefined;
  const bad = entries.find((e) => e.status === "forbidden" || e.status === "failed") ?? entries[0]!;
  return `kind ${bad.resource} ${bad.status}${bad.error ? `: ${bad.error}` : ""}`;
}

function exceptionMatches(ex: Exception, ruleId: string, obj: KubeObject, settings: EngineSettings, nowMs: number): boolean {
  if (ex.ruleId !== ruleId && ex.ruleId !== "*") return false;
  if (ex.expiresAt) {
    const t = Date.parse(ex.expiresAt);
    // An unparseable expiry is treated as expired: an exception must never silently last forever.
    if (!(t > nowMs)) return false;
  }
  if (ex.cluster !== undefined && ex.cluster !== settings.clusterName) return false;
  const md = obj.metadata ?? {};
  if (ex.namespace !== undefined && ex.namespace !== (md.namespace ?? "")) return false;
  if (ex.kind !== undefined && ex.kind !== obj.kind) return false;
  if (ex.name !== undefined && ex.name !== md.name) return false;
  if (ex.labelSelector) {
    const labels = md.labels ?? {};
    for (const [k, v] of Object.entries(ex.labelSelector)) if (labels[k] !== v) return false;
  }
  return true;
}

interface RefEntry {
  ref: ObjectRef;
  key: string;
  state: KeyState;
}

interface KeyState {
  /** Sequence number of the rule whose findings `paths` describe. */
  rule: number;
  paths: string | Set<string>;
}

export function evaluate(input: Snapshot, settings: EngineSettings = {}): EvaluationResult {
  const p = prepareEvaluation(input, settings);
  runAllRules(p);
  return finishEvaluation(p);
}

/**
 * One evaluation's state between its phases (prepare, run the rules, finish), so incremental
 * judging (incremental.ts) can run some rules on part of the snapshot and reuse the rest.
 */
export interface PreparedEvaluation {
  input: Snapshot;
  /** The normalized snapshot the rules see. */
  snapshot: Snapshot;
  index: SnapshotIndex;
  ctx: RuleContext;
  settings: EngineSettings;
  runs: RuleRun[];
  /** Statuses decided before any rule ran (duplicate ids); finish appends one per run. */
  statuses: RuleStatus[];
  profile: Profile;
  /** The object's ref and key (uid, else kind/namespace/name, plus the file for manifests). */
  refOf(obj: KubeObject): { ref: ObjectRef; key: string };
  /** Runs one rule over a context (the whole snapshot, a pod spec slice or a part of the snapshot), appending to run.out. */
  runOver(run: RuleRun, c: RuleContext): void;
  locationOf(obj: KubeObject): SourceLocation | undefined;
}

/** What a caller (incremental judging) already knows about this snapshot. */
export interface ReuseHints {
  /** The snapshot's objects, already normalized (normalize.ts), for a snapshot without locations. */
  normalized?: readonly KubeObject[];
  /** A rule's notEvaluable answer when it cannot have changed, else undefined (ask the rule). */
  notEvaluable?: (rule: Rule) => { reason: string | undefined } | undefined;
}

/** Normalizes the snapshot, builds the index and decides, per rule, whether it runs. */
export function prepareEvaluation(input: Snapshot, settings: EngineSettings = {}, reuse: ReuseHints = {}): PreparedEvaluation {
  let snapshot: Snapshot;
  if (reuse.normalized) snapshot = reuse.normalized === input.objects ? input : { ...input, objects: reuse.normalized };
  else {
    const norm = normalizeObjects(input.objects ?? [], input.locations);
    snapshot = norm.changed ? { ...input, objects: norm.objects, locations: norm.locations } : input;
  }
  const index = buildIndex(snapshot);
  const reads = kindReadMap(snapshot);
  const disabled = new Set(settings.disabledRules ?? []);
  const only = settings.onlyRules ? new Set(settings.onlyRules) : undefined;
  const overrides = settings.severityOverrides ?? {};
  const profile = settings.profile ?? "default";
  const ctx: RuleContext = { snapshot, index, params: settings.params ?? {}, profile, ...(settings.clusterName ? { clusterName: settings.clusterName } : {}) };

  let locations: Map<KubeObject, SourceLocation> | undefined;
  if (snapshot.locations && snapshot.locations.length > 0) {
    locations = new Map();
    snapshot.objects.forEach((o, i) => {
      const loc = snapshot.locations?.[i];
      if (loc) locations!.set(o, loc);
    });
  }

  const rules: Rule[] = [];
  const seenIds = new Set<string>();
  const statuses: RuleStatus[] = [];
  const notInProfile = new Set<Rule>();
  for (const r of [...builtinRules, ...(settings.extraRules ?? [])]) {
    if (only && !only.has(r.id)) continue;
    // Profiles choose among the built-in rules; an explicit rule list (a framework, conformance) wins.
    if (!only && profile !== "strict" && r.profile === "strict") notInProfile.add(r);
    if (seenIds.has(r.id)) {
      statuses.push({ id: r.id, status: "not-evaluated", reason: "duplicate rule id", findings: 0 });
      continue;
    }
    seenIds.add(r.id);
    rules.push(r);
  }

  // One ObjectRef per object, shared by its findings (consumers treat findings as read-only), and
  // one dedupe state per object key (uid, else kind/namespace/name, and for manifests the file:
  // two copies of an object in one file share it, two files that define it keep their own). The state is reset lazily when a new rule first reports the key, so a
  // finding costs one map lookup instead of a per-rule map of its own.
  const keyStates = new Map<string, KeyState>();
  const refs = new Map<KubeObject, RefEntry>();
  // Rules report an object's findings back to back: the previous lookup answers most of them.
  let lastObj: KubeObject | undefined;
  let lastRef: RefEntry | undefined;
  const refOf = (obj: KubeObject): RefEntry => {
    if (obj === lastObj) return lastRef!;
    let r = refs.get(obj);
    if (!r) {
      const ref = objectRef(obj);
      const loc = locations?.get(obj);
      const key = objectKey(ref, loc?.file);
      let state = keyStates.get(key);
      if (!state) keyStates.set(key, (state = { rule: -1, paths: "" }));
      refs.set(obj, (r = { ref, key, state }));
    }
    lastObj = obj;
    lastRef = r;
    return r;
  };
  let ruleSeq = 0;

  // Decide, per rule, whether it runs (disabled, unread kinds, partial snapshot, notEvaluable).
  const runs: RuleRun[] = [];
  for (const rule of rules) {
    const cause = causeOf(rule.id);
    const run: RuleRun = { rule, seq: ++ruleSeq, severity: rule.severity, disabled: false, reason: undefined, out: [], objs: [], ...(cause ? { cause } : {}) };
    runs.push(run);
    if (notInProfile.has(rule)) {
      run.disabled = true;
      run.reason = `not in the ${profile} profile`;
      continue;
    }
    if (disabled.has(rule.id)) {
      run.disabled = true;
      continue;
    }
    let reason: string | undefined;
    for (const k of rule.kinds) if (!reason) reason = kindProblem(k, snapshot, reads);
    for (const k of rule.requiresKinds ?? []) if (!reason) reason = kindProblem(k, snapshot, reads);
    if (!reason && rule.clusterScope && !snapshot.kindsComplete) {
      const missing = (rule.requiresKinds ?? []).filter((k) => index.byKind(k).length === 0);
      if (!rule.requiresKinds || rule.requiresKinds.length === 0) reason = "needs a whole cluster";
      else if (missing.length > 0) reason = `needs a whole cluster (no ${missing.join(", ")} in the manifest set)`;
    }
    // An override that is not a known severity (bad settings data) is ignored rather than trusted.
    const override = overrides[rule.id];
    run.severity = override && SEVERITY_SET.has(override) ? override : rule.severity;
    if (override && SEVERITY_SET.has(override)) run.overridden = true;
    const known = reason ? undefined : reuse.notEvaluable?.(rule);
    if (known) reason = known.reason;
    else if (!reason) {
      try {
        reason = rule.notEvaluable?.(ctx);
      } catch (err) {
        reason = ruleError(err);
      }
    }
    run.reason = reason;
  }

  /** Judges one raw finding of `run`: dedupe, fingerprint, Finding (exceptions apply per cause, later). */
  const judge = (run: RuleRun, raw: RawFinding): void => {
    // A malformed finding (custom or buggy rule) fails the rule, never the whole evaluation.
    if (!raw) throw new Error("rule returned a finding without an object and a path");
    // Each field is read once: findings come in as many shapes as there are rules, so every
    // property read here is a slow (megamorphic) lookup.
    const obj = raw.object;
    const path = raw.path;
    if (typeof obj !== "object" || obj === null || typeof path !== "string") {
      throw new Error("rule returned a finding without an object and a path");
    }
    const { ref, key, state } = refOf(obj);
    // Dedupe on the fingerprint's inputs (object key and path; the rule is fixed here) before
    // hashing. Most objects get one path per rule, so a plain string is kept until a second
    // distinct path shows up.
    if (state.rule !== run.seq) {
      state.rule = run.seq;
      state.paths = path;
    } else {
      const prev = state.paths;
      if (typeof prev === "string") {
        if (prev === path) return;
        state.paths = new Set([prev, path]);
      } else {
        if (prev.has(path)) return;
        prev.add(path);
      }
    }
    const rule = run.rule;
    // A rule may judge the finding's severity (the worst fixable CVE); an organization override of the rule wins.
    const own = raw.severity;
    const f: Finding = {
      ruleId: rule.id,
      severity: own && !run.overridden && SEVERITY_SET.has(own) ? own : run.severity,
      object: ref,
      path,
      message: raw.message,
      remediation: raw.remediation ?? rule.remediation,
      // Members of a cause get the cause's fingerprint when they are merged (see mergeCauses).
      fingerprint: run.cause ? "" : sha256Hex(`${rule.id}|${key}|${path}`).slice(0, 32),
    };
    const observed = stringifyObserved(raw.observed);
    const fix = raw.fix;
    if (observed !== undefined) f.observed = observed;
    if (fix) f.fix = fix;
    const details = raw.details;
    if (details) f.details = details;
    const loc = locations?.get(obj);
    if (loc) f.location = loc;
    run.out.push(f);
    run.objs.push(obj);
  };
  // A rule that throws is not evaluated; its partial findings are dropped. The key states it
  // touched carry its sequence number, which no other rule uses, so they need no undo.
  const fail = (run: RuleRun, err: unknown): void => {
    run.reason = ruleError(err);
    run.out = [];
    run.objs = [];
  };
  // Findings are judged as the rule yields them, so raw findings die young instead of being
  // buffered (and promoted by the garbage collector) first.
  const runOver = (run: RuleRun, c: RuleContext): void => {
    try {
      for (const raw of run.rule.evaluate(c)) judge(run, raw);
    } catch (err) {
      fail(run, err);
    }
  };

  return { input, snapshot, index, ctx, settings, runs, statuses, profile, refOf, runOver, locationOf: (obj) => locations?.get(obj) };
}

/** Runs every rule that may run over the whole snapshot (evaluate's middle phase). */
export function runAllRules(p: PreparedEvaluation): void {
  const { runs, ctx, runOver } = p;
  const refOf = p.refOf as (obj: KubeObject) => RefEntry;
  // Pod-local rules (see pod-local.ts) run slice by slice of the pod specs, every rule on a slice
  // before the next: the specs are judged while they are in the CPU cache instead of being
  // fetched from memory again by each of a hundred rules. Each rule still sees the specs in the
  // same order and keeps its findings apart, so the result is the one a rule-by-rule run gives.
  const local = runs.filter((r) => !r.disabled && !r.reason && POD_LOCAL_RULES.has(r.rule));
  const specs = local.length > 1 ? allPodSpecs(ctx) : [];
  if (specs.length > POD_SLICE && specKeysUnique(specs, refOf)) {
    for (let i = 0; i < specs.length; i += POD_SLICE) {
      const sliceCtx = withPodSpecSlice(ctx, specs.slice(i, i + POD_SLICE));
      for (const run of local) if (!run.reason) runOver(run, sliceCtx);
    }
  } else {
    for (const run of local) runOver(run, ctx);
  }
  for (const run of runs) if (!run.disabled && !run.reason && !POD_LOCAL_RULES.has(run.rule)) runOver(run, ctx);

}

/** Merges causes, applies exceptions and the baseline, derives statuses, risks and the score from the runs' findings. */
export function finishEvaluation(p: PreparedEvaluation): EvaluationResult {
  const { runs, ctx, settings, statuses, profile, input } = p;
  const refOf = p.refOf;
  const locationOf = p.locationOf;
  const nowMs = settings.now ? Date.parse(settings.now) : Date.now();
  const exceptions = settings.exceptions ?? [];
  const baseline = baselineMatcher(settings.baseline);
  // One cause, one finding (causes.ts): members of a cause on one object and anchor merge into the
  // worst of them; everything else stands alone. `owner` keeps each finding's object for the
  // baseline, the exceptions and the risks.
  const findings: Finding[] = [];
  const owner: KubeObject[] = [];
  const groups = new Map<string, number>();
  const memberRules: Array<Rule[] | undefined> = [];
  const rulesById = new Map<string, Rule>();
  for (const run of runs) {
    rulesById.set(run.rule.id, run.rule);
    if (run.disabled || run.reason) continue;
    const cause = run.cause;
    for (let i = 0; i < run.out.length; i++) {
      const f = run.out[i]!;
      const obj = run.objs[i]!;
      if (!cause) {
        findings.push(f);
        owner.push(obj);
        memberRules.push(undefined);
        continue;
      }
      const anchor = anchorOf(run.rule.id, f.path, (podPath, mountPath) => volumeIndexOf(obj, podPath, mountPath)) ?? f.path;
      const key = refOf(obj).key;
      const gk = `${cause.id}|${key}|${anchor}`;
      const at = groups.get(gk);
      if (at === undefined) {
        f.fingerprint = sha256Hex(`cause:${gk}`).slice(0, 32);
        groups.set(gk, findings.length);
        findings.push(f);
        owner.push(obj);
        memberRules.push([run.rule]);
        continue;
      }
      const lead = findings[at]!;
      const members = memberRules[at]!;
      if (!members.includes(run.rule)) members.push(run.rule);
      const better = SEVERITY_RANK[f.severity] > SEVERITY_RANK[lead.severity] || (f.severity === lead.severity && cause.order < causeOf(lead.ruleId)!.order);
      if (better) {
        const merged: Finding = { ...f, fingerprint: lead.fingerprint };
        findings[at] = merged;
      }
    }
  }

  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const open: Finding[] = [];
  const byObject = new Map<KubeObject, Finding[]>();
  const byFingerprint = new Map<string, Finding>();
  let expected = 0;
  // Per rule: findings it is part of, and whether one of them is open (the rule failed).
  const ruleFindings = new Map<string, { n: number; open: boolean }>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const obj = owner[i]!;
    const members = memberRules[i];
    if (members && members.length > 1) {
      const lead = f.ruleId;
      f.checks = [lead, ...members.map((r) => r.id).filter((id) => id !== lead)];
    }
    const checks = f.checks ?? [f.ruleId];
    // An exception covers a finding when it names its lead rule (or "*"), or every check it covers.
    if (exceptions.length) {
      const ex =
        exceptions.find((e) => exceptionMatches(e, f.ruleId, obj, settings, nowMs)) ??
        (checks.length > 1 ? exceptions.find((e) => checks.every((id) => exceptionMatches(e, id, obj, settings, nowMs))) : undefined);
      if (ex) {
        f.exception = { id: ex.id, justification: ex.justification };
        if (ex.expiresAt) f.exception.expiresAt = ex.expiresAt;
      }
    }
    let base: BaselineMatch | undefined;
    if (baseline) {
      const entry = baseline.objectMatch(obj);
      if (entry && baseline.expects(entry, f.ruleId, rulesById.get(f.ruleId)?.category ?? "")) base = entry.match;
    }
    if (base) {
      f.baseline = base;
      expected++;
    }
    const isOpen = !f.exception && !base;
    if (isOpen) {
      counts[f.severity]++;
      open.push(f);
    }
    for (const id of checks) {
      const rf = ruleFindings.get(id);
      if (rf) {
        rf.n++;
        rf.open ||= isOpen;
      } else ruleFindings.set(id, { n: 1, open: isOpen });
    }
    const l = byObject.get(obj);
    if (l) l.push(f);
    else byObject.set(obj, [f]);
    byFingerprint.set(f.fingerprint, f);
  }

  for (const run of runs) {
    const id = run.rule.id;
    if (run.disabled) {
      statuses.push({ id, status: "disabled", ...(run.reason ? { reason: run.reason } : {}), findings: 0 });
      continue;
    }
    if (run.reason) {
      statuses.push({ id, status: "not-evaluated", reason: run.reason, findings: 0 });
      continue;
    }
    // Findings all covered by exceptions (or expected for platform components) count as passed.
    const rf = ruleFindings.get(id);
    // A pass over no scanner data says so (compliance does not count it as evidence).
    const quiet = rf ? undefined : run.rule.nothingToJudge?.(ctx);
    statuses.push({ id, status: rf?.open ? "failed" : "passed", findings: rf?.n ?? 0, ...(quiet ? { reason: quiet } : {}) });
  }

  const NO_FINDINGS: readonly Finding[] = [];
  const risks = deriveRisks({
    ctx,
    findingsOf: (obj) => byObject.get(obj) ?? NO_FINDINGS,
    keyOf: (obj) => refOf(obj).key,
    refOf: (obj) => refOf(obj).ref,
    locationOf,
    baselineOf: (obj) => baseline?.objectMatch(obj)?.match,
    findingByFingerprint: (fp) => byFingerprint.get(fp),
  });
  const openRisks = risks.filter((r) => !r.exception && !r.baseline);
  const { score, items } = computeScore({
    risks: openRisks,
    findings: open.map((f) => ({ severity: f.severity, fingerprint: f.fingerprint, label: `${f.ruleId} on ${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}` })),
    workloads: allPodSpecs(ctx).length,
  });
  for (const r of risks) delete r.direct;

  return {
    findings,
    risks,
    rules: statuses,
    score,
    scoreItems: items,
    counts,
    expected,
    objectCount: input.objects?.length ?? 0,
    profile,
  };
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** The index in the pod spec's volumes of the volume a container's volumeMounts[j] mounts. */
function volumeIndexOf(obj: KubeObject, podPath: string, mountPath: string): number | undefined {
  let cur: any = obj;
  for (const part of mountPath.split(/\.|\[(\d+)\]/).filter((x) => x !== undefined && x !== "")) {
    cur = cur?.[part];
    if (cur === undefined) return undefined;
  }
  const name = cur?.name;
  let spec: any = obj;
  for (const part of podPath.split(".")) spec = spec?.[part];
  const vols = spec?.volumes;
  if (!Array.isArray(vols) || typeof name !== "string") return undefined;
  const i = vols.findIndex((v: any) => v?.name === name);
  return i >= 0 ? i : undefined;
}

// Pod specs per slice: a slice's objects (a few hundred KiB) stay in the CPU cache while the
// pod-local rules judge them. 16 to 128 measured alike on the corpus; 1024 was ~20% slower.
let POD_SLICE = 128;

/** Tests only: sets the slice size (1 = every pod spec alone), returns the previous one. */
export function setPodSliceForTests(n: number): number {
  const prev = POD_SLICE;
  POD_SLICE = n;
  return prev;
}

/**
 * Slices are only used when every pod spec's object has a key (uid, else kind/namespace/name) of
 * its own: the per-key dedupe state assumes one rule reports a key in one run of findings, which
 * two copies of an object (a manifest set with an overlay repeated) in different slices break.
 */
function specKeysUnique(specs: readonly PodSpecRef[], refOf: (obj: KubeObject) => RefEntry): boolean {
  const seen = new Set<KeyState>();
  for (const s of specs) {
    const state = refOf(s.object).state;
    if (seen.has(state)) return false;
    seen.add(state);
  }
  return true;
}

function ruleError(err: unknown): string {
  return `rule error: ${err instanceof Error ? err.message : String(err)}`;
}

export interface RuleRun {
  rule: Rule;
  /** Sequence number, for the per-key dedupe state. */
  seq: number;
  severity: Severity;
  disabled: boolean;
  reason: string | undefined;
  /** Findings, in the order the rule reported them, and the object of each. */
  out: Finding[];
  objs: KubeObject[];
  /** The cause the rule belongs to (causes.ts), if any. */
  cause?: { id: string; order: number };
  /** An organization severity override applies: it beats a finding's own severity. */
  overridden?: boolean;
}
