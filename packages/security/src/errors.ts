// A kubeconfig we refuse: the user must fix it (a cluster we cannot reach is @bulwark/k8s's
// ClusterUnreachableError; the kubeconfig may be fine then).

export class KubeconfigError extends Error {
  /** Path of the offending field, e.g. `users[0].user.exec`; absent for whole-file problems. */
  field?: string;
  constructor(message: string, field?: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = "KubeconfigError";
    if (field !== undefined) this.field = field;
  }
}
