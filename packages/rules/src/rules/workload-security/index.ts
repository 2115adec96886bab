import type { Rule } from "../../types";

export const workloadSecurityRules: Rule[] = [];
