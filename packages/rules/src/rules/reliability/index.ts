import type { Rule } from "../../types";

export const reliabilityRules: Rule[] = [];
