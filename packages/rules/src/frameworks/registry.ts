// Frameworks as data, resolved against the rule registry: control -> rule ids in one direction,
// the reverse index computed. Rules join controls through explicit ids, topics, or their own peer
// claims (cis, nsa, pss, kubescape), so a new rule that claims a control needs no edit here.
import { builtinRules } from "../rules";
import type { Rule, RuleStatus } from "../types";
import { cisControls } from "./cis";
import { GDPR_DISCLAIMER, gdprControls } from "./gdpr";
import { HIPAA_DISCLAIMER, hipaaControls } from "./hipaa";
import { nsaControls } from "./nsa";
import { PSS_BASELINE, PSS_RESTRICTED_ONLY } from "./pss";
import { TOPICS, type Topic } from "./topics";
import type { ControlDef, ControlResult, Framework, FrameworkControl, FrameworkResult } from "./types";

type PeerKey = "kubescape" | "cis" | "nsa" | "pss";

function peerIndex(rules: readonly Rule[]): Record<PeerKey, Map<string, string[]>> {
  const idx: Record<PeerKey, Map<string, string[]>> = { kubescape: new Map(), cis: new Map(), nsa: new Map(), pss: new Map() };
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

interface Definition {
  id: string;
  name: string;
  version: string;
  description: string;
  disclaimer?: string;
  controls: ControlDef[];
  /** Extra rule ids for a control from the rules' own peer claims. */
  fromPeers?: (control: ControlDef, idx: Record<PeerKey, Map<string, string[]>>) => string[];
}

function topicRules(topic: Topic, idx: Record<PeerKey, Map<string, string[]>>): string[] {
  const ids = [...topic.ruleIds];
  for (const k of topic.kubescape ?? []) ids.push(...(idx.kubescape.get(k) ?? []));
  for (const c of topic.cis ?? []) ids.push(...(idx.cis.get(c) ?? []));
  return ids;
}

const pssControl = (c: { id: string; title: string; description: string }): ControlDef => ({
  id: c.id,
  title: c.title,
  description: c.description,
});

const definitions: Definition[] = [
  {
    id: "cis-1.9",
    name: "CIS Kubernetes Benchmark",
    version: "1.9",
    description: "The Center for Internet Security's configuration benchmark for Kubernetes: control plane, etcd, nodes and policies.",
    controls: cisControls,
    fromPeers: (c, idx) => idx.cis.get(c.id) ?? [],
  },
  {
    id: "nsa-cisa-1.2",
    name: "NSA/CISA Kubernetes Hardening Guidance",
    version: "1.2",
    description: "The U.S. National Security Agency and CISA's hardening guidance for Kubernetes clusters.",
    controls: nsaControls,
    fromPeers: (c, idx) => idx.nsa.get(c.id) ?? [],
  },
  {
    id: "pss-baseline",
    name: "Pod Security Standards: baseline",
    version: "v1.37",
    description: "The Kubernetes Pod Security Standards baseline level: prevents known privilege escalations.",
    controls: PSS_BASELINE.map(pssControl),
    fromPeers: (c, idx) => idx.pss.get(`baseline:${c.id}`) ?? [],
  },
  {
    id: "pss-restricted",
    name: "Pod Security Standards: restricted",
    version: "v1.37",
    description: "The Kubernetes Pod Security Standards restricted level: baseline plus current pod hardening practice.",
    controls: [...PSS_BASELINE, ...PSS_RESTRICTED_ONLY].map(pssControl),
    // A restricted check is answered by rules claiming it at either level (restricted includes baseline).
    fromPeers: (c, idx) => [...(idx.pss.get(`restricted:${c.id}`) ?? []), ...(idx.pss.get(`baseline:${c.id}`) ?? [])],
  },
  {
    id: "hipaa",
    name: "HIPAA Security Rule",
    version: "45 CFR Part 164 Subpart C",
    description: "Administrative and technical safeguards for electronic protected health information, as they bear on a Kubernetes cluster.",
    disclaimer: HIPAA_DISCLAIMER,
    controls: hipaaControls,
  },
  {
    id: "gdpr",
    name: "GDPR",
    version: "Regulation (EU) 2016/679",
    description: "Security-of-processing articles of the EU General Data Protection Regulation, as they bear on a Kubernetes cluster.",
    disclaimer: GDPR_DISCLAIMER,
    controls: gdprControls,
  },
];

/** Every explicit rule-id reference in the framework data (for the registry test). */
export function frameworkReferences(): { framework: string; control: string; ruleId: string; via: string }[] {
  const refs: { framework: string; control: string; ruleId: string; via: string }[] = [];
  for (const d of definitions) {
    for (const c of d.controls) {
      for (const r of c.ruleIds ?? []) refs.push({ framework: d.id, control: c.id, ruleId: r, via: "control" });
      for (const t of c.topics ?? []) for (const r of TOPICS[t].ruleIds) refs.push({ framework: d.id, control: c.id, ruleId: r, via: `topic ${t}` });
    }
  }
  return refs;
}

/** Builds the frameworks against a rule list (the built-ins by default). */
export function buildFrameworks(rules: readonly Rule[] = builtinRules): Framework[] {
  const idx = peerIndex(rules);
  return definitions.map((d) => {
    const controls: FrameworkControl[] = d.controls.map((c) => {
      const ids = new Set<string>(c.ruleIds ?? []);
      for (const t of c.topics ?? []) for (const r of topicRules(TOPICS[t], idx)) ids.add(r);
      for (const r of d.fromPeers?.(c, idx) ?? []) ids.add(r);
      const control: FrameworkControl = { id: c.id, title: c.title, description: c.description, ruleIds: [...ids].sort() };
      if (c.manual) control.manual = c.manual;
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

/**
 * Judges each control from its rules' statuses: failed if any rule failed; not evaluated if none
 * failed but some rule was not evaluated, disabled or not run (or the control has no rule);
 * manual if it needs a person's evidence; passed only when every rule passed.
 */
export function evaluateFramework(framework: Framework, ruleStatuses: readonly RuleStatus[]): FrameworkResult {
  const byId = new Map(ruleStatuses.map((s) => [s.id, s]));
  const summary = { passed: 0, failed: 0, notEvaluated: 0, manual: 0 };
  const controls: ControlResult[] = framework.controls.map((c) => {
    const rules = c.ruleIds.map((id) => {
      const s = byId.get(id);
      if (!s) return { id, status: "not-run" as const, findings: 0, reason: "rule was not run in this scan" };
      return { id, status: s.status, findings: s.findings, ...(s.reason ? { reason: s.reason } : {}) };
    });
    let result: ControlResult;
    if (c.manual) {
      result = { id: c.id, title: c.title, status: "manual", rules, reason: `needs evidence: ${c.manual.evidence}` };
    } else if (rules.length === 0) {
      result = { id: c.id, title: c.title, status: "not-evaluated", rules, reason: "no Bulwark rule checks this control" };
    } else if (rules.some((r) => r.status === "failed")) {
      const failing = rules.filter((r) => r.status === "failed").map((r) => r.id);
      result = { id: c.id, title: c.title, status: "failed", rules, reason: `failed: ${failing.join(", ")}` };
    } else if (rules.some((r) => r.status !== "passed")) {
      const open = rules.filter((r) => r.status !== "passed").map((r) => `${r.id} ${r.status}${r.reason ? ` (${r.reason})` : ""}`);
      result = { id: c.id, title: c.title, status: "not-evaluated", rules, reason: `not evaluated: ${open.join("; ")}` };
    } else {
      result = { id: c.id, title: c.title, status: "passed", rules };
    }
    if (result.status === "passed") summary.passed++;
    else if (result.status === "failed") summary.failed++;
    else if (result.status === "manual") summary.manual++;
    else summary.notEvaluated++;
    return result;
  });
  return { framework: framework.id, controls, summary };
}

/** Rule ids a framework uses (for `bulwark scan --framework`). */
export function frameworkRuleIds(framework: Framework): string[] {
  return [...new Set(framework.controls.flatMap((c) => c.ruleIds))].sort();
}
