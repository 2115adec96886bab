// Fix bundles as one zip: each cluster's kustomize patch set and strategic-merge patches
// (@bulwark/rules buildFixBundle), under "<cluster>/" when the findings span several clusters.
import { strToU8, zipSync, type Zippable } from "fflate";
import { buildFixBundle, planFixes, type FixInput, type FixPlan, type FixSkip } from "@bulwark/rules";

export interface TClusterInputs {
  clusterId: string;
  clusterName: string;
  inputs: FixInput[];
}

export interface TZippedBundle {
  bytes: Uint8Array;
  filename: string;
  files: string[];
  /** objects patched, and findings fixed / left out */
  targets: number;
  fixed: number;
  skipped: FixSkip[];
}

/** A cluster's name as a folder: no separators, no dot-only names. */
export function clusterFolder(name: string): string {
  const safe = name.trim().replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "");
  return safe || "cluster";
}

/** The zip, or `empty` when nothing of the inputs can be fixed automatically (the skipped list says why). */
export function zipFixBundle(groups: readonly TClusterInputs[], now = new Date()): TZippedBundle | { empty: true; skipped: FixSkip[] } {
  const files: Zippable = {};
  const names: string[] = [];
  const skipped: FixSkip[] = [];
  let targets = 0;
  let fixed = 0;
  const prefix = groups.length > 1;
  const used = new Set<string>();
  for (const g of groups) {
    const bundle = buildFixBundle(g.inputs);
    skipped.push(...bundle.skipped);
    if (bundle.plan.length === 0) continue;
    targets += bundle.plan.length;
    fixed += bundle.plan.reduce((n, e) => n + e.fingerprints.length, 0);
    let folder = clusterFolder(g.clusterName);
    // Two clusters whose names differ only in characters a path cannot hold keep apart.
    while (prefix && used.has(folder)) folder = `${folder}-${g.clusterId.slice(-6)}`;
    used.add(folder);
    for (const f of bundle.files) {
      const path = prefix ? `${folder}/${f.path}` : f.path;
      files[path] = [strToU8(f.content), { mtime: now }];
      names.push(path);
    }
  }
  if (targets === 0) return { empty: true, skipped };
  return { bytes: zipSync(files, { level: 6 }), filename: `bulwark-fixes-${now.toISOString().slice(0, 10)}.zip`, files: names, targets, fixed, skipped };
}

/** What a proposal would change, per cluster (the dialog's preview): the plan and what is left out. */
export function planGroups(groups: readonly TClusterInputs[]): { clusterId: string; clusterName: string; plan: FixPlan; skipped: FixSkip[] }[] {
  return groups.map((g) => ({ clusterId: g.clusterId, clusterName: g.clusterName, ...planFixes(g.inputs) }));
}

/** The reasons nothing could be fixed, one line each, for a 400's message. */
export function nothingFixableMessage(skipped: readonly FixSkip[]): string {
  if (skipped.length === 0) return "Nothing to fix: none of these findings has an automatic fix (or their objects' manifests are not stored)";
  const reasons = [...new Set(skipped.map((s) => `${s.ruleId}: ${s.reason}`))];
  return `Nothing can be fixed automatically: ${reasons.slice(0, 5).join("; ")}${reasons.length > 5 ? ` (and ${reasons.length - 5} more)` : ""}`;
}
