import type { Rule } from "../../types";

export const imagesRules: Rule[] = [];
