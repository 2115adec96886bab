import type { FixBundle, FixInput, FixPlan, FixSkip } from "./types";

/**
 * Plans the fixes of each object's findings: derives edits, orders them so the result is valid
 * (privileged: false before allowPrivilegeEscalation: false), drops an edit the API server would
 * reject (with why), and gives the strategic merge patch of each object.
 */
export function planFixes(inputs: readonly FixInput[]): { plan: FixPlan; skipped: FixSkip[] } {
  void inputs;
  throw new Error("planFixes: not implemented yet");
}

/** A kustomize patch set (kustomization.yaml + patches/*.yaml) and the same strategic-merge patches in one file. */
export function buildFixBundle(inputs: readonly FixInput[]): FixBundle {
  void inputs;
  throw new Error("buildFixBundle: not implemented yet");
}
