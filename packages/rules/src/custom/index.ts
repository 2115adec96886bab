export {
  compileCustomRule,
  customRuleObjectErrors,
  CUSTOM_RULE_ID,
  MAX_EXPRESSION_CHARS,
  MAX_EXPRESSION_NODES,
  MAX_COMPREHENSION_NESTING,
  EVALUATION_BUDGET_MS,
} from "./compile-custom-rule";
export type { CustomRuleDef, CustomRuleError, CompileResult, ObjectError } from "./compile-custom-rule";
export { tryCustomRule, type TryResult } from "./try-custom-rule";
