import type { Rule } from "../../types";
import { livenessEqualsReadiness } from "./liveness-equals-readiness";
import { livenessPortNotExposed } from "./liveness-port-not-exposed";
import { livenessProbeMissing } from "./liveness-probe-missing";
import { readinessPortNotExposed } from "./readiness-port-not-exposed";
import { readinessProbeMissing } from "./readiness-probe-missing";
import { startupPortNotExposed } from "./startup-port-not-exposed";

export const probesRules: Rule[] = [
  livenessProbeMissing,
  readinessProbeMissing,
  livenessEqualsReadiness,
  livenessPortNotExposed,
  readinessPortNotExposed,
  startupPortNotExposed,
];
