// Errors callers tell apart: a cluster we cannot reach (the scan fails with a reason, the
// kubeconfig may be fine; a refused kubeconfig is @bulwark/security's KubeconfigError).

export class ClusterUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ClusterUnreachableError";
  }
}

/**
 * The API server sent more than the scan may take (a per-scan byte budget): the whole scan stops,
 * never the process. `limit` names the setting an operator raises if the cluster is real.
 */
export class ScanLimitError extends Error {
  constructor(
    message: string,
    readonly limit: string,
  ) {
    super(message);
    this.name = "ScanLimitError";
  }
}
