// engine milestone 1 ready
export * from "./types";
export { evaluate, getRule, objectRef, stringifyObserved } from "./engine/evaluate";
export { judgeFull, judgeChanges, type IncrementalJudge, type ObjectChangeRef, type Rejudged } from "./engine/incremental";
export { buildIndex, nameKey } from "./engine/snapshot-index";
export { fingerprint } from "./engine/fingerprint";
export { computeScore, fleetScore, riskPenalty, RISK_PENALTY, FINDING_PENALTY, type ScoreInput, type ScoreResult } from "./engine/score";
export { BUILTIN_BASELINE } from "./engine/baseline";
export { CAUSES, causeOf } from "./engine/causes";
export { RISK_BASE } from "./engine/risks";
export { RULES_VERSION } from "./engine/version";
export {
  WORKLOAD_KINDS,
  podSpecs,
  podSpecOf,
  containers,
  controllerInSnapshot,
  defineRule,
  type PodSpecRef,
  type ContainerRef,
} from "./helpers/pod";
// kube-sim's admission policies select namespaces and objects as the rules do
export { selectorMatches } from "./helpers/selectors";
// the storage redaction (packages/db) shares the rules' notion of a credential
export { containsPrivateKey, isSensitiveName, looksLikeSecretValue } from "./helpers/secrets";
export { builtinRules } from "./rules";
export * from "./manifests";
export * from "./custom";
export * from "./settings";
export * from "./frameworks";
export * from "./access";
export * from "./vulns";
export * from "./fix";
export * from "./admission";
