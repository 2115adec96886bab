import type { KubeObject, Snapshot, SourceLocation } from "../types";

/** A snapshot of a set of manifests: not a whole cluster, so absence of an object proves nothing. */
export function snapshotFromManifests(
  objects: readonly KubeObject[],
  locations: readonly (SourceLocation | undefined)[],
  opts: { kubeVersion?: string; takenAt?: string } = {},
): Snapshot {
  return {
    source: "manifests",
    objects,
    locations,
    kinds: [],
    kindsComplete: false,
    ...(opts.kubeVersion ? { kubeVersion: opts.kubeVersion } : {}),
    takenAt: opts.takenAt ?? new Date().toISOString(),
  };
}
