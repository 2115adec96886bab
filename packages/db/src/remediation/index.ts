// Fixes applied with approval: the cluster's write credential, proposals, decisions, results.
// Signatures are the contract between helpers H3 (implements) and H5 (the web app); the worker's
// functions (claim, record, verify, and the sealed write credential) are for apps/worker only.
export * from "./types";
export { setWriteCredential, clearWriteCredential, getWriteCredentialView, getClusterWriteCredential } from "./write-credential";
export { loadFixInputs, MAX_FIX_FINDINGS, type TFixInputGroup } from "./load-fix-inputs";
export { proposeFix, decideFix, cancelFix, listFixRequests, getFixRequest, ACTIVE_FIX_STATUSES } from "./fix-requests";
export { claimFixApply, recordFixOutcome, setFixVerifyScan, settleFixVerifications, patchChanges, type TClaimedFix, type TFixOutcomeTarget, type TFieldChange } from "./apply-records";
