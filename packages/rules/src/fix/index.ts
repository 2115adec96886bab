// Public surface of the fix model (helper H1 implements; signatures are the contract).
export * from "./types";
export { fixEdits } from "./edits";
export { applyEdits, validateFixedObject } from "./apply";
export { strategicPatch } from "./strategic";
export { planFixes, buildFixBundle, NO_FIX_REASON } from "./plan";
