// ValidatingAdmissionPolicies from the rules (helper H2 implements; signatures are the contract).
export { generateAdmissionPolicies, ADMISSION_POLICY_RULES, type AdmissionPolicyOptions, type AdmissionPolicySet } from "./generate";
