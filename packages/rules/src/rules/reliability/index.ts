import type { Rule } from "../../types";
import { deploymentSingleReplica } from "./deployment-single-replica";
import { duplicateEnvVar } from "./duplicate-env-var";
import { hpaMinEqualsMax } from "./hpa-min-equals-max";
import { hpaMinReplicasLow } from "./hpa-min-replicas-low";
import { hpaTargetNotFound } from "./hpa-target-not-found";
import { instanceLabelMismatch } from "./instance-label-mismatch";
import { jobTtlMissing } from "./job-ttl-missing";
import { nakedPod } from "./naked-pod";
import { nodeAffinityMissing } from "./node-affinity-missing";
import { pdbDisruptionsZero } from "./pdb-disruptions-zero";
import { pdbMinAvailableTooHigh } from "./pdb-min-available-too-high";
import { pdbMissing } from "./pdb-missing";
import { pdbUnhealthyEvictionPolicy } from "./pdb-unhealthy-eviction-policy";
import { podAntiAffinityMissing } from "./pod-anti-affinity-missing";
import { priorityClassNotSet } from "./priority-class-not-set";
import { recommendedLabelsMissing } from "./recommended-labels-missing";
import { rollingUpdateStrategyMissing } from "./rolling-update-strategy-missing";
import { selectorTemplateMismatch } from "./selector-template-mismatch";
import { topologySpreadMissing } from "./topology-spread-missing";

export const reliabilityRules: Rule[] = [
  deploymentSingleReplica,
  pdbMissing,
  pdbDisruptionsZero,
  pdbMinAvailableTooHigh,
  pdbUnhealthyEvictionPolicy,
  hpaMinReplicasLow,
  hpaMinEqualsMax,
  hpaTargetNotFound,
  priorityClassNotSet,
  topologySpreadMissing,
  podAntiAffinityMissing,
  rollingUpdateStrategyMissing,
  selectorTemplateMismatch,
  jobTtlMissing,
  instanceLabelMismatch,
  nakedPod,
  duplicateEnvVar,
  nodeAffinityMissing,
  recommendedLabelsMissing,
];
