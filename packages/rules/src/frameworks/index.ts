export { frameworks, getFramework, controlsForRule, evaluateFramework, frameworkRuleIds, frameworkReferences, buildFrameworks } from "./registry";
export { TOPICS, type Topic, type TopicId } from "./topics";
export { HIPAA_DISCLAIMER } from "./hipaa";
export { GDPR_DISCLAIMER } from "./gdpr";
export type { Framework, FrameworkControl, ControlDef, ControlResult, ControlStatus, FrameworkResult, ManualEvidence } from "./types";
