export {
  compileCustomRule,
  customRuleObjectErrors,
  CUSTOM_RULE_ID,
  MAX_EXPRESSION_CHARS,
  MAX_EXPRESSION_NODES,
  MAX_COMPREHENSION_NESTING,
  EVALUATION_BUDGET_MS,
} from "./compile-custom-rule";
export type { CustomRuleDef, CustomRuleError, CompileResult, CompileOptions, ObjectError } from "./compile-custom-rule";
export { CEL_COST_LIMIT_PER_OBJECT, CEL_COST_LIMIT_PER_SCAN, CEL_COST_LIMIT_ALL_RULES, ESTIMATE_LIST_ITEMS, ESTIMATE_STRING_CHARS } from "./cel-cost";
export { tryCustomRule, type TryResult } from "./try-custom-rule";
