import type { CustomRuleDef } from "../custom";
import type { KubeObject } from "../types";

export interface AdmissionPolicyOptions {
  /** "deny" (Deny + Audit), "warn" (Warn + Audit) or "audit" (Audit only); default "deny" */
  action?: "deny" | "warn" | "audit";
  /** only these rule ids (default: every rule that can be expressed) */
  ruleIds?: readonly string[];
  /** namespaces the bindings apply to (default: all but kube-system, kube-public, kube-node-lease) */
  namespaces?: readonly string[];
  excludeNamespaces?: readonly string[];
  /** allowed image registries (policy for image-registry rules), from the organization's settings */
  allowedRegistries?: readonly string[];
  /** the organization's exceptions: objects they cover are let through by a matchCondition */
  exceptions?: readonly { ruleId: string; namespace?: string; kind?: string; name?: string }[];
  /** custom CEL rules (object-level; true = violation) turned into policies too */
  customRules?: readonly CustomRuleDef[];
  /** name prefix of every policy and binding (default "bulwark-") */
  prefix?: string;
}

export interface AdmissionPolicySet {
  /** ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding objects (admissionregistration.k8s.io/v1), in pairs */
  objects: KubeObject[];
  /** rule ids that got a policy */
  ruleIds: string[];
  /** rules asked for that cannot be expressed on one object, with why */
  skipped: { ruleId: string; reason: string }[];
}

/** Rule ids with a single-object CEL expression. */
export const ADMISSION_POLICY_RULES: readonly string[] = [];

export function generateAdmissionPolicies(options: AdmissionPolicyOptions = {}): AdmissionPolicySet {
  void options;
  throw new Error("generateAdmissionPolicies: not implemented yet");
}
