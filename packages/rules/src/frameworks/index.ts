export {
  frameworks,
  getFramework,
  controlsForRule,
  evaluateFramework,
  scopeRuleStatuses,
  frameworkRuleIds,
  frameworkReferences,
  buildFrameworks,
} from "./registry";
export { HIPAA_DISCLAIMER } from "./hipaa";
export { GDPR_DISCLAIMER } from "./gdpr";
export { SOC2_DISCLAIMER } from "./soc2";
export { NIST_DISCLAIMER } from "./nist-800-53";
export { ISO27001_DISCLAIMER } from "./iso-27001";
export { CONTROL_STATUS_LABELS, CONTROL_STATUS_SUMMARY_KEY, emptyFrameworkSummary } from "./types";
export type {
  AttestationRef,
  ControlDef,
  ControlResult,
  ControlRuleResult,
  ControlStatus,
  EvaluateOptions,
  Framework,
  FrameworkControl,
  FrameworkDefinition,
  FrameworkResult,
  FrameworkSummary,
  ManualEvidence,
  PeerIndex,
  PeerKey,
  Protects,
} from "./types";
