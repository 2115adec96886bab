import type { RuleStatusValue } from "../types";

/** What a person must supply where no rule can check a control. */
export interface ManualEvidence {
  evidence: string;
}

/**
 * The security property a control protects. Resource hygiene (limits, requests, probes, replicas,
 * disruption budgets, labels) may only be evidence for a control that protects availability alone:
 * it says nothing about who can read or alter data (the registry test enforces it).
 */
export type Protects = "confidentiality" | "integrity" | "availability";

/** A control as written in a framework's data file (before rule ids are resolved). */
export interface ControlDef {
  id: string;
  title: string;
  /** Bulwark's own words on what the control asks of a cluster. */
  description: string;
  /**
   * One paragraph for the auditor: what the control asks, which configuration answers it, and what
   * Bulwark cannot see.
   */
  rationale: string;
  /** Rule ids named directly: the few rules that are evidence for the control. */
  ruleIds?: string[];
  /**
   * The control needs evidence no rule can give: it is "pending" until someone attests it, and
   * never passes on its own; rules listed with it are supporting evidence.
   */
  manual?: ManualEvidence;
  /** Why the control does not apply to a cluster (e.g. the managed provider's responsibility). */
  notApplicable?: string;
  /** Required when the control resolves to more than 15 rules: why so many are evidence. */
  broadReason?: string;
  /** What the control protects; absent means confidentiality and integrity (no hygiene rules). */
  protects?: Protects[];
}

/** The rules' own peer claims, peer id -> rule ids, for resolving benchmark controls. */
export type PeerKey = "kubescape" | "cis" | "nsa" | "pss";
export type PeerIndex = Record<PeerKey, Map<string, string[]>>;

/** A framework as written in its data file. */
export interface FrameworkDefinition {
  id: string;
  name: string;
  version: string;
  description: string;
  /** Present where the mapping is Bulwark's interpretation (HIPAA, GDPR, SOC 2, ...). */
  disclaimer?: string;
  controls: ControlDef[];
  /** Extra rule ids for a control from the rules' own peer claims. */
  fromPeers?: (control: ControlDef, idx: PeerIndex) => string[];
}

export interface FrameworkControl {
  id: string;
  title: string;
  description: string;
  rationale: string;
  /** Resolved rule ids, sorted, unique. */
  ruleIds: string[];
  manual?: ManualEvidence;
  notApplicable?: string;
  broadReason?: string;
  protects?: Protects[];
}

export interface Framework {
  id: string;
  name: string;
  version: string;
  description: string;
  /** Present where the mapping is Bulwark's interpretation of a law or criteria (HIPAA, GDPR, ...). */
  disclaimer?: string;
  controls: FrameworkControl[];
}

export type ControlStatus = "passed" | "failed" | "not-evaluated" | "not-applicable" | "attested" | "pending";

export const CONTROL_STATUS_LABELS: Record<ControlStatus, string> = {
  passed: "Passed",
  failed: "Failed",
  "not-evaluated": "Not evaluated",
  "not-applicable": "Not applicable",
  attested: "Manual – attested",
  pending: "Manual – pending",
};

/** An attestation as the evaluation needs it: who signed off, until when. */
export interface AttestationRef {
  by: string;
  expiresAt: Date | string;
  id?: string;
}

export interface EvaluateOptions {
  /** Current attestations by control id; expired ones are ignored. */
  attestations?: ReadonlyMap<string, AttestationRef>;
  /** For attestation expiry; default new Date(). */
  now?: Date;
}

export interface ControlRuleResult {
  id: string;
  status: RuleStatusValue | "not-run";
  findings: number;
  reason?: string;
}

export interface ControlResult {
  id: string;
  title: string;
  status: ControlStatus;
  rules: ControlRuleResult[];
  /** Why the control is failed, not evaluated or not applicable, or what evidence it needs. */
  reason?: string;
  /** The unexpired attestation, also shown beside a failing or passing control. */
  attestation?: AttestationRef;
}

export interface FrameworkSummary {
  passed: number;
  failed: number;
  notEvaluated: number;
  notApplicable: number;
  attested: number;
  pending: number;
}

/** The summary field that counts each status (one mapping for the engine, the web app and reports). */
export const CONTROL_STATUS_SUMMARY_KEY: Record<ControlStatus, keyof FrameworkSummary> = {
  passed: "passed",
  failed: "failed",
  "not-evaluated": "notEvaluated",
  "not-applicable": "notApplicable",
  attested: "attested",
  pending: "pending",
};

/** A summary with every status at zero. */
export const emptyFrameworkSummary = (): FrameworkSummary => ({ passed: 0, failed: 0, notEvaluated: 0, notApplicable: 0, attested: 0, pending: 0 });

export interface FrameworkResult {
  framework: string;
  controls: ControlResult[];
  summary: FrameworkSummary;
}
