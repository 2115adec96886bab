import { stringify } from "yaml";
import { SEVERITIES, type KubeObject, type Severity } from "../types";
import { applyEdits, validateFixedObject } from "./apply";
import { fixEdits, pathText } from "./edits";
import { strategicPatch } from "./strategic";
import type { FixBundle, FixBundleFile, FixEdit, FixInput, FixPlan, FixPlanEntry, FixSkip } from "./types";

type InputFinding = FixInput["findings"][number];

interface Group {
  finding: InputFinding;
  edits: FixEdit[];
  rank: number;
}

const sevRank = (s: Severity | undefined) => (s ? SEVERITIES.indexOf(s) : SEVERITIES.length);

// Edits that take a privilege away go first: the API server accepts allowPrivilegeEscalation: false
// only once privileged: true and CAP_SYS_ADMIN are gone.
function rankOf(edits: readonly FixEdit[]): number {
  let r = 2;
  for (const e of edits) {
    const last = e.path[e.path.length - 1];
    if (last === "privileged" || e.path.includes("capabilities")) r = Math.min(r, 0);
    else if (last === "hostNetwork" || last === "hostPID" || last === "hostIPC") r = Math.min(r, 1);
  }
  return r;
}

const keyOf = (path: FixEdit["path"]) => JSON.stringify(path);

function valueAt(object: unknown, path: FixEdit["path"]): { found: boolean; value?: unknown } {
  let node: unknown = object;
  for (const seg of path) {
    if (node === null || typeof node !== "object") return { found: false };
    const next = (node as Record<string | number, unknown>)[seg];
    if (next === undefined) return { found: false };
    node = next;
  }
  return { found: true, value: node };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(e: FixEdit): string {
  return "remove" in e ? `removes ${pathText(e.path)}` : `sets ${pathText(e.path)} to ${JSON.stringify(e.value)}`;
}

/** Why a finding whose check has no fix at all is left out (the web shows its remediation instead). */
export const NO_FIX_REASON = "its check has no automatic fix; follow its remediation";

/** One object's findings planned: edits in a valid order, skips with why. */
function planObject(input: FixInput): { entry?: FixPlanEntry; skipped: FixSkip[] } {
  const { object } = input;
  const skipped: FixSkip[] = [];
  const skip = (f: InputFinding, reason: string) => skipped.push({ fingerprint: f.fingerprint, ruleId: f.ruleId, reason });
  const groups: Group[] = [];
  for (const f of input.findings) {
    if (!f.fix) {
      skip(f, NO_FIX_REASON);
      continue;
    }
    const derived = fixEdits(f.fix);
    if ("manual" in derived) skip(f, derived.manual);
    else groups.push({ finding: f, edits: derived.edits, rank: rankOf(derived.edits) });
  }
  if (groups.length > 0 && !object.metadata?.name) {
    for (const g of groups) skip(g.finding, "the object has no metadata.name, so a patch cannot name it");
    return { skipped };
  }
  groups.sort((a, b) => a.rank - b.rank || sevRank(a.finding.severity) - sevRank(b.finding.severity));

  // Problems the object had before any fix are not the fixes' doing.
  const before = new Set(validateFixedObject(object));
  let current: KubeObject = object;
  const edits: FixEdit[] = [];
  const setBy = new Map<string, { edit: FixEdit; ruleId: string }>();
  const fixed: InputFinding[] = [];
  let pending = groups;
  const reasons = new Map<InputFinding, string>();
  // Greedy rounds: a group refused now may become valid once a later group (privileged: false) is in.
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    const rest: Group[] = [];
    for (const g of pending) {
      let conflict: string | undefined;
      const fresh: FixEdit[] = [];
      for (const e of g.edits) {
        const prior = setBy.get(keyOf(e.path));
        if (prior) {
          const same = "remove" in prior.edit ? "remove" in e : !("remove" in e) && sameValue(prior.edit.value, e.value);
          if (!same) {
            conflict = `conflicts with the fix of ${prior.ruleId}, which ${show(prior.edit)}`;
            break;
          }
          continue;
        }
        const now = valueAt(current, e.path);
        if ("remove" in e ? !now.found : now.found && sameValue(now.value, e.value)) continue;
        fresh.push(e);
      }
      if (conflict) {
        skip(g.finding, conflict);
        continue;
      }
      let next: KubeObject;
      try {
        next = fresh.length > 0 ? applyEdits(current, fresh) : current;
      } catch (e) {
        reasons.set(g.finding, `cannot be applied: ${(e as Error).message}`);
        rest.push(g);
        continue;
      }
      const problems = validateFixedObject(next).filter((p) => !before.has(p));
      if (problems.length > 0) {
        reasons.set(g.finding, `the API server would reject the result: ${problems[0]}`);
        rest.push(g);
        continue;
      }
      current = next;
      for (const e of fresh) {
        edits.push(e);
        setBy.set(keyOf(e.path), { edit: e, ruleId: g.finding.ruleId });
      }
      fixed.push(g.finding);
      progress = true;
    }
    pending = rest;
  }
  for (const g of pending) skip(g.finding, reasons.get(g.finding) ?? "cannot be applied");
  if (edits.length === 0 && fixed.length === 0) return { skipped };
  const md = object.metadata;
  const entry: FixPlanEntry = {
    target: { apiVersion: object.apiVersion, kind: object.kind, ...(md.namespace ? { namespace: md.namespace } : {}), name: md.name! },
    edits,
    patch: strategicPatch(object, edits),
    fingerprints: fixed.map((f) => f.fingerprint),
    findingIds: fixed.flatMap((f) => (f.id ? [f.id] : [])),
    ruleIds: [...new Set(fixed.map((f) => f.ruleId))],
    skipped,
  };
  return { entry, skipped };
}

/**
 * Plans the fixes of each object's findings: derives edits, orders them so the result is valid
 * (privileged: false before allowPrivilegeEscalation: false), drops an edit the API server would
 * reject (with why), and gives the strategic merge patch of each object.
 */
export function planFixes(inputs: readonly FixInput[]): { plan: FixPlan; skipped: FixSkip[] } {
  const plan: FixPlan = [];
  const skipped: FixSkip[] = [];
  for (const input of inputs) {
    const r = planObject(input);
    skipped.push(...r.skipped);
    // An entry whose findings are fixed already (no edit left) changes nothing: left out.
    if (r.entry && r.entry.edits.length > 0) plan.push(r.entry);
  }
  return { plan, skipped };
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const BUNDLE_README = (entries: FixPlan, skipped: readonly FixSkip[]) => {
  const lines = [
    "Bulwark fix bundle",
    "",
    "Two equivalent forms of the same changes:",
    "",
    "  kustomization.yaml + patches/   a kustomize patch set. Copy patches/ next to your",
    "                                  kustomization.yaml and add its `patches:` entries to it (or",
    "                                  add your manifests under `resources:` in this one), then",
    "                                  `kustomize build` / `kubectl apply -k`.",
    "  strategic-merge-patches.yaml    the same patches as one multi-document file of strategic",
    "                                  merge patches, e.g. for",
    "                                  kubectl patch -n NS KIND NAME --type strategic --patch-file F",
    "",
    "Lists of containers, volumes, env and ports are matched by name (or port), not position.",
    "",
    `Objects changed: ${entries.length}`,
  ];
  for (const e of entries) lines.push(`  ${e.target.kind} ${e.target.namespace ? `${e.target.namespace}/` : ""}${e.target.name}: ${e.ruleIds.join(", ")}`);
  lines.push("", `Not fixed automatically: ${skipped.length}`);
  for (const s of skipped) lines.push(`  ${s.ruleId} (${s.fingerprint.slice(0, 12)}): ${s.reason}`);
  return `${lines.join("\n")}\n`;
};

/** A kustomize patch set (kustomization.yaml + patches/*.yaml) and the same strategic-merge patches in one file. */
export function buildFixBundle(inputs: readonly FixInput[]): FixBundle {
  const { plan, skipped } = planFixes(inputs);
  const files: FixBundleFile[] = [];
  const used = new Set<string>();
  const patches: { path: string; target: Record<string, string> }[] = [];
  const docs: string[] = [];
  for (const entry of plan) {
    const t = entry.target;
    const base = `patches/${[t.kind, t.namespace, t.name].filter(Boolean).map((s) => slug(s!)).join("-")}`;
    let path = `${base}.yaml`;
    for (let n = 2; used.has(path); n++) path = `${base}-${n}.yaml`;
    used.add(path);
    const content = stringify(entry.patch, { lineWidth: 0 });
    files.push({ path, content });
    docs.push(content);
    patches.push({ path, target: { kind: t.kind, name: t.name, ...(t.namespace ? { namespace: t.namespace } : {}) } });
  }
  const kustomization =
    "# Bulwark fix bundle: add `resources:` (your manifests) here, or copy these `patches:` entries\n" +
    "# into your own kustomization.yaml. README.txt lists what could not be fixed automatically.\n" +
    stringify({ apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", patches }, { lineWidth: 0 });
  files.unshift({ path: "kustomization.yaml", content: kustomization });
  files.push({ path: "strategic-merge-patches.yaml", content: docs.length > 0 ? docs.join("---\n") : "# nothing to patch\n" });
  files.push({ path: "README.txt", content: BUNDLE_README(plan, skipped) });
  return { files, plan, skipped };
}
