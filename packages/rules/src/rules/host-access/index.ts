import type { Rule } from "../../types";

export const hostAccessRules: Rule[] = [];
