// The fix model (issue 19): a finding's Fix turned into structured edits that can be applied to a
// manifest (`bulwark fix`), packed as patches for a GitOps repository (fix bundles), or sent to a
// cluster as a strategic merge patch at the controlling owner (fixes applied with approval).
import type { KubeObject, Severity } from "../types";

/** A field path: keys and list indexes, e.g. ["spec", "template", "spec", "containers", 0, "securityContext", "privileged"]. */
export type FixPath = readonly (string | number)[];

/** One change to an object: set `value` at `path` (creating maps on the way), or remove the field. */
export type FixEdit = { readonly path: FixPath; readonly value: unknown } | { readonly path: FixPath; readonly remove: true };

/** The object a fix applies to. */
export interface FixTarget {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** Why one finding's fix was not applied (or could not be derived). */
export interface FixSkip {
  fingerprint: string;
  ruleId: string;
  /** e.g. "needs a value only you know (memory limit for this workload)", "conflicts with privileged: true" */
  reason: string;
}

/** The input of planning for one object: the object as read, and its open findings. */
export interface FixInput {
  object: KubeObject;
  findings: readonly {
    fingerprint: string;
    ruleId: string;
    severity?: Severity;
    path: string;
    fix?: { type: "merge-patch" | "yaml"; content: string; description?: string } | null;
    /** the web's finding id, carried through to the plan */
    id?: string;
  }[];
}

/** One object's part of a plan: what to change, for which findings, and what was left out. */
export interface FixPlanEntry {
  target: FixTarget;
  /** the edits, in order of application */
  edits: FixEdit[];
  /** strategic merge patch equivalent to `edits` (lists of containers, volumes... keyed by name) */
  patch: Record<string, unknown>;
  /** the findings the edits fix */
  fingerprints: string[];
  findingIds: string[];
  ruleIds: string[];
  skipped: FixSkip[];
}

/** A plan over several objects; objects with nothing to change are left out. */
export type FixPlan = FixPlanEntry[];

/** A file of a fix bundle (a kustomize patch set plus the equivalent strategic-merge patches). */
export interface FixBundleFile {
  /** relative path, "/" separated, e.g. "kustomization.yaml", "patches/deployment-shop-web.yaml" */
  path: string;
  content: string;
}

export interface FixBundle {
  files: FixBundleFile[];
  plan: FixPlan;
  /** findings whose fix could not go in, with why */
  skipped: FixSkip[];
}
