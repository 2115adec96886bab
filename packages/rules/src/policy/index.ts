// The severity policy and the profiles (README, "Severity policy").
import type { Profile, RuleMeta } from "../types";
import { SEVERITY_POLICY, type SeverityClass } from "./severity-policy";

export { CLASS_SEVERITY, SEVERITY_POLICY, type PeerSeverities, type SeverityClass, type SeverityPolicyEntry } from "./severity-policy";

/** The policy class of a built-in rule (undefined for custom or unknown rules). */
export function severityClass(ruleId: string): SeverityClass | undefined {
  return Object.hasOwn(SEVERITY_POLICY, ruleId) ? SEVERITY_POLICY[ruleId]!.class : undefined;
}

/** Whether `profile` runs the rule: strict runs every rule, default those not marked strict. */
export function inProfile(rule: Pick<RuleMeta, "profile">, profile: Profile): boolean {
  return profile === "strict" || rule.profile !== "strict";
}
