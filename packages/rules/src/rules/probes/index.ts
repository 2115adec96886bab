import type { Rule } from "../../types";

export const probesRules: Rule[] = [];
