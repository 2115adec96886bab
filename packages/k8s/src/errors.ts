// Errors callers tell apart: a kubeconfig we refuse (the user must fix it) versus a cluster we
// cannot reach (the scan fails with a reason, the kubeconfig may be fine).

export class KubeconfigError extends Error {
  /** Path of the offending field, e.g. `users[0].user.exec`; absent for whole-file problems. */
  field?: string;
  constructor(message: string, field?: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = "KubeconfigError";
    if (field !== undefined) this.field = field;
  }
}

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
