// ValidatingAdmissionPolicies from the rules, and the CEL they (and kube-sim's evaluator) run on.
export { generateAdmissionPolicies, ADMISSION_POLICY_RULES, type AdmissionPolicyOptions, type AdmissionPolicySet } from "./generate";
export { compileAdmissionCel, toCelInput, ADMISSION_CEL_VARIABLES, type AdmissionCelProgram, type AdmissionCelResult } from "./cel";
