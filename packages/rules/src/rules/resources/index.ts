import type { Rule } from "../../types";
import { cpuLimitsMissing } from "./cpu-limits-missing";
import { cpuRequestsMissing } from "./cpu-requests-missing";
import { ephemeralStorageLimitsMissing } from "./ephemeral-storage-limits-missing";
import { limitrangeIncomplete } from "./limitrange-incomplete";
import { memoryLimitsMissing } from "./memory-limits-missing";
import { memoryRequestsMissing } from "./memory-requests-missing";
import { namespaceWithoutLimitrange } from "./namespace-without-limitrange";
import { namespaceWithoutResourcequota } from "./namespace-without-resourcequota";
import { resourcequotaIncomplete } from "./resourcequota-incomplete";

export const resourcesRules: Rule[] = [
  cpuRequestsMissing,
  cpuLimitsMissing,
  memoryRequestsMissing,
  memoryLimitsMissing,
  ephemeralStorageLimitsMissing,
  namespaceWithoutLimitrange,
  namespaceWithoutResourcequota,
  limitrangeIncomplete,
  resourcequotaIncomplete,
];
