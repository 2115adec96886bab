// The cluster reader: a vetted kubeconfig in, an immutable Snapshot out. Kubeconfig vetting,
// credential encryption and network guards live in @bulwark/security; bench and test helpers in
// @bulwark/k8s/testing.
export { ClusterUnreachableError, ScanLimitError } from "./errors";
export { readCluster, testConnection, kubeVersionOf, DEFAULT_SCAN_MAX_BYTES, type ReadOptions, type TestConnectionResult } from "./reader";
export { parseByteSize } from "./http";
export { OPTIONAL_KINDS, RESOURCES_TO_READ, type ResourceSpec } from "./resources";
export { detectPlatform, platformFromVersion } from "./platform";
export {
  watchCluster,
  MAX_PENDING_CHANGES,
  type ClusterWatch,
  type ClusterWatchOptions,
  type ClusterWatchStats,
  type WatchChange,
  type WatchChangeType,
  type WatchState,
} from "./watch";
export { changedFields, managerOf, MAX_CHANGED_FIELDS } from "./changes";
export {
  applyPatches,
  rerootPatch,
  gitOpsManager,
  describeWriteError,
  FixRefusedError,
  FIELD_MANAGER,
  POD_TEMPLATE_PATH,
  type ApplyPatchesOptions,
  type ApplyPatchesResult,
  type PatchOutcome,
  type WriteTarget,
} from "./writer";
