import type { RuleStatusValue } from "../types";
import type { TopicId } from "./topics";

/** What a person must supply where no rule can check a control. */
export interface ManualEvidence {
  evidence: string;
}

/** A control as written in a framework's data file (before rule ids are resolved). */
export interface ControlDef {
  id: string;
  title: string;
  /** Bulwark's own words on what the control asks of a cluster. */
  description: string;
  /** Rule ids named directly. */
  ruleIds?: string[];
  /** Posture topics (see topics.ts) whose rules check this control. */
  topics?: TopicId[];
  /**
   * The control needs evidence no rule can give: it is reported "manual" and never passes on its
   * own; rules listed with it are supporting evidence.
   */
  manual?: ManualEvidence;
}

export interface FrameworkControl {
  id: string;
  title: string;
  description: string;
  /** Resolved rule ids, sorted, unique. */
  ruleIds: string[];
  manual?: ManualEvidence;
}

export interface Framework {
  id: string;
  name: string;
  version: string;
  description: string;
  /** Present where the mapping is Bulwark's interpretation of a law (HIPAA, GDPR). */
  disclaimer?: string;
  controls: FrameworkControl[];
}

export type ControlStatus = "passed" | "failed" | "not-evaluated" | "manual";

export interface ControlResult {
  id: string;
  title: string;
  status: ControlStatus;
  rules: { id: string; status: RuleStatusValue | "not-run"; findings: number; reason?: string }[];
  /** Why the control is not evaluated, or what evidence a manual control needs. */
  reason?: string;
}

export interface FrameworkResult {
  framework: string;
  controls: ControlResult[];
  summary: { passed: number; failed: number; notEvaluated: number; manual: number };
}
