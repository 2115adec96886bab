// Frameworks as data, resolved against the rule registry: control -> rule ids in one direction,
// the reverse index computed. Regulatory controls name their evidence rules explicitly; benchmark
// controls (benchmarks.ts) also take the rules that claim them in their peer ids.
import { builtinRules } from "../rules";
import type { Rule, RuleStatus } from "../types";
import { benchmarkDefinitions } from "./benchmarks";
import { gdpr } from "./gdpr";
import { hipaa } from "./hipaa";
import { iso27001 } from "./iso-27001";
import { nist80053 } from "./nist-800-53";
import { soc2 } from "./soc2";
import type {
  AttestationRef,
  ControlResult,
  ControlRuleResult,
  EvaluateOptions,
  Framework,
  FrameworkControl,
  FrameworkDefinition,
  FrameworkResult,
  FrameworkSummary,
  PeerIndex,
  PeerKey,
} from "./types";
import { CONTROL_STATUS_SUMMARY_KEY, emptyFrameworkSummary } from "./types";

function peerIndex(rules: readonly Rule[]): PeerIndex {
  const idx: PeerIndex = { kubescape: new Map(), cis: new Map(), nsa: new Map(), pss: new Map() };
  for (const r of rules) {
    for (const key of Object.keys(idx) as PeerKey[]) {
      for (const p of r.peers?.[key] ?? []) {
        const list = idx[key].get(p) ?? [];
        list.push(r.id);
        idx[key].set(p, list);
      }
    }
  }
  return idx;
}

export const definitions: FrameworkDefinition[] = [...benchmarkDefinitions, hipaa, gdpr, soc2, nist80053, iso27001];

/** Every explicit rule-id reference in the framework data (for the registry test). */
export function frameworkReferences(): { framework: string; control: string; ruleId: string }[] {
  const refs: { framework: string; control: string; ruleId: string }[] = [];
  for (const d of definitions) {
    for (const c of d.controls) {
      for (const r of c.ruleIds ?? []) refs.push({ framework: d.id, control: c.id, ruleId: r });
    }
  }
  return refs;
}

/** Builds the frameworks against a rule list (the built-ins by default). */
export function buildFrameworks(rules: readonly Rule[] = builtinRules, defs: readonly FrameworkDefinition[] = definitions): Framework[] {
  const idx = peerIndex(rules);
  return defs.map((d) => {
    const controls: FrameworkControl[] = d.controls.map((c) => {
      const ids = new Set<string>(c.ruleIds ?? []);
      for (const r of d.fromPeers?.(c, idx) ?? []) ids.add(r);
      const control: FrameworkControl = { id: c.id, title: c.title, description: c.description, rationale: c.rationale, ruleIds: [...ids].sort() };
      if (c.manual) control.manual = c.manual;
      if (c.notApplicable) control.notApplicable = c.notApplicable;
      if (c.broadReason) control.broadReason = c.broadReason;
      if (c.protects) control.protects = [...c.protects];
      return control;
    });
    const fw: Framework = { id: d.id, name: d.name, version: d.version, description: d.description, controls };
    if (d.disclaimer) fw.disclaimer = d.disclaimer;
    return fw;
  });
}

export const frameworks: Framework[] = buildFrameworks();

export function getFramework(id: string): Framework | undefined {
  return frameworks.find((f) => f.id === id);
}

let reverse: Map<string, { framework: string; control: string }[]> | undefined;

/** The framework controls a rule answers (computed reverse index). */
export function controlsForRule(ruleId: string): { framework: string; control: string }[] {
  if (!reverse) {
    reverse = new Map();
    for (const f of frameworks) {
      for (const c of f.controls) {
        for (const r of c.ruleIds) {
          const l = reverse.get(r) ?? [];
          l.push({ framework: f.id, control: c.id });
          reverse.set(r, l);
        }
      }
    }
  }
  return reverse.get(ruleId) ?? [];
}

/** The attestation when it is still in force at `now` (an unreadable expiry counts as expired). */
function inForce(a: AttestationRef | undefined, now: Date): AttestationRef | undefined {
  if (!a) return undefined;
  const t = (a.expiresAt instanceof Date ? a.expiresAt : new Date(a.expiresAt)).getTime();
  return Number.isFinite(t) && t > now.getTime() ? a : undefined;
}

const describeRule = (r: ControlRuleResult) => `${r.id} ${r.status}${r.reason ? ` (${r.reason})` : ""}`;

/**
 * Judges each control from its rules' statuses (which count open findings only: expected platform
 * findings and excepted ones make a rule pass; a rule that passed over no scanner data, e.g.
 * image-vulnerabilities without any vulnerability report, counts as not evaluated):
 * - not applicable: the control says why it does not apply; never failed;
 * - manual: attested while an unexpired attestation exists, else pending with the evidence needed;
 * - automated: failed if any rule failed (an attestation never hides a failing check; it is
 *   attached for display); else not evaluated if a rule did not pass (not evaluated, disabled, not
 *   run) or there is no rule, unless attested; else passed.
 */
export function evaluateFramework(framework: Framework, ruleStatuses: readonly RuleStatus[], opts: EvaluateOptions = {}): FrameworkResult {
  const now = opts.now ?? new Date();
  const byId = new Map(ruleStatuses.map((s) => [s.id, s]));
  const summary: FrameworkSummary = emptyFrameworkSummary();
  const controls: ControlResult[] = framework.controls.map((c) => {
    const rules: ControlRuleResult[] = c.ruleIds.map((id) => {
      const s = byId.get(id);
      if (!s) return { id, status: "not-run", findings: 0, reason: "rule was not run in this scan" };
      // A pass with a reason had nothing to judge (no scanner data): no evidence, so not evaluated.
      if (s.status === "passed" && s.reason) return { id, status: "not-evaluated", findings: 0, reason: s.reason };
      return { id, status: s.status, findings: s.findings, ...(s.reason ? { reason: s.reason } : {}) };
    });
    const attestation = inForce(opts.attestations?.get(c.id), now);
    const base = { id: c.id, title: c.title, rules, ...(attestation ? { attestation } : {}) };
    let result: ControlResult;
    if (c.notApplicable) {
      result = { ...base, status: "not-applicable", reason: c.notApplicable };
    } else if (c.manual) {
      result = attestation ? { ...base, status: "attested" } : { ...base, status: "pending", reason: `needs evidence: ${c.manual.evidence}` };
    } else if (rules.some((r) => r.status === "failed")) {
      const failing = rules.filter((r) => r.status === "failed").map((r) => r.id);
      result = { ...base, status: "failed", reason: `failed: ${failing.join(", ")}` };
    } else if (rules.length === 0 || rules.some((r) => r.status !== "passed")) {
      if (attestation) result = { ...base, status: "attested" };
      else if (rules.length === 0) result = { ...base, status: "not-evaluated", reason: "no Bulwark rule checks this control" };
      else result = { ...base, status: "not-evaluated", reason: `not evaluated: ${rules.filter((r) => r.status !== "passed").map(describeRule).join("; ")}` };
    } else {
      result = { ...base, status: "passed" };
    }
    summary[CONTROL_STATUS_SUMMARY_KEY[result.status]]++;
    return result;
  });
  return { framework: framework.id, controls, summary };
}

/**
 * Rule statuses for a part of a cluster (a namespace-scoped compliance scope): passed and failed
 * rules are judged again from the open findings counted in scope (the namespaces plus
 * cluster-scoped objects); not-evaluated and disabled rules stay as they are, since scoping cannot
 * make an unjudged rule judged.
 */
export function scopeRuleStatuses(statuses: readonly RuleStatus[], openByRule: ReadonlyMap<string, number>): RuleStatus[] {
  return statuses.map((s) => {
    if (s.status !== "passed" && s.status !== "failed") return { ...s };
    const open = openByRule.get(s.id) ?? 0;
    // A pass over no scanner data stays one: scoping cannot add data.
    if (s.status === "passed" && s.reason && open === 0) return { ...s };
    return { id: s.id, status: open > 0 ? "failed" : "passed", findings: open };
  });
}

/** Rule ids a framework uses. */
export function frameworkRuleIds(framework: Framework): string[] {
  return [...new Set(framework.controls.flatMap((c) => c.ruleIds))].sort();
}
