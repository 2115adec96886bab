// One cause, one finding. Several checks often describe the same thing to change: the capabilities
// family all point at one container's `capabilities`, runAsNonRoot is judged at pod and container
// level, one hostPath volume is "a hostPath", "a sensitive path", "a runtime socket" and "writable",
// one `*/*/*` PolicyRule is a dozen RBAC checks. Each such family is a *cause*: its findings on one
// object and one anchor (the container, the volume, the PolicyRule, the pod) become one finding at
// the worst severity, led by the worst check, listing every check it covers in `checks` (so a peer
// id claimed by any of them stays reachable, and compliance still sees each rule fail).
//
// A cause's finding has a fingerprint of its own, sha256(`cause:<id>|<object>|<anchor>`), so it
// keeps its identity whichever of its checks fire from scan to scan. Checks that belong to no cause
// keep the rule's fingerprint (sha256(`<rule>|<object>|<path>`)).

/** How a finding path is cut down to the anchor its cause is judged at. */
type Anchor = "container" | "pod" | "volume" | "object" | "path";

interface Cause {
  id: string;
  anchor: Anchor;
  /** Member rules, in lead order for equal severities. */
  rules: readonly string[];
}

export const CAUSES: readonly Cause[] = [
  {
    id: "capabilities",
    anchor: "container",
    rules: [
      "sys-admin-capability",
      "sys-module-added",
      "dangerous-caps-added",
      "caps-added-beyond-baseline",
      "caps-drop-all",
      "net-raw-added",
      "net-raw-not-dropped",
      "caps-only-net-bind-service",
      "capabilities-added",
      "caps-drop-any",
    ],
  },
  { id: "root-user", anchor: "container", rules: ["run-as-user-0", "run-as-non-root", "container-may-run-as-root", "root-group"] },
  { id: "syscall-filter", anchor: "container", rules: ["seccomp-unconfined", "seccomp-required", "linux-hardening"] },
  { id: "resources", anchor: "container", rules: ["memory-limits-missing", "memory-requests-missing", "cpu-requests-missing", "cpu-limits-missing", "ephemeral-storage-limits-missing"] },
  { id: "probes", anchor: "container", rules: ["liveness-probe-missing", "readiness-probe-missing"] },
  { id: "image-reference", anchor: "container", rules: ["image-tag-latest", "image-not-pinned-by-digest"] },
  { id: "uid-gid-range", anchor: "container", rules: ["uid-above-10000", "gid-above-10000"] },
  {
    id: "host-path",
    anchor: "volume",
    rules: ["runtime-socket-mount", "host-path-sensitive", "host-path-writable", "host-path-volume", "restricted-volume-types", "cloud-credentials-mount"],
  },
  {
    id: "network-isolation",
    anchor: "object",
    rules: ["network-pod-not-isolated", "network-namespace-without-policy", "network-pod-ingress-egress-not-isolated", "network-pod-without-allow-rules", "network-namespace-no-default-deny-ingress", "network-namespace-no-default-deny-egress"],
  },
  {
    id: "service-account-rights",
    anchor: "pod",
    rules: ["workload-sa-admin-rights", "workload-sa-risky-permissions", "workload-sa-has-permissions"],
  },
  {
    id: "token-automount",
    anchor: "pod",
    rules: ["sa-token-automount", "default-service-account-used"],
  },
  {
    id: "rbac-policy-rule",
    anchor: "path",
    rules: [
      "rbac-admin-equivalent-role",
      "rbac-wildcard-all-resources",
      "rbac-bind-escalate",
      "rbac-impersonate",
      "rbac-grant-any-role",
      "rbac-create-service-account-token",
      "rbac-node-proxy",
      "rbac-manage-webhooks",
      "rbac-approve-csr",
      "rbac-exec-attach",
      "rbac-create-persistent-volumes",
      "rbac-secrets-access",
      "rbac-manage-workloads",
      "rbac-modify-rolebindings",
      "rbac-port-forward",
      "rbac-delete-pod-logs",
      "rbac-wildcard-rules",
      "rbac-manage-configmaps",
      "rbac-manage-networking",
      "rbac-delete-events",
      "rbac-delete-resources",
    ],
  },
  {
    id: "rbac-binding-grant",
    anchor: "path",
    rules: [
      "rbac-cluster-admin-binding",
      "rbac-namespace-cluster-admin-binding",
      "rbac-system-masters-binding",
      "rbac-cluster-binding-exec-attach",
      "rbac-namespace-binding-clusterrole-exec-attach",
      "rbac-namespace-binding-role-exec-attach",
      "rbac-namespace-admin-role-binding",
      "rbac-binding-grants-secrets-read",
    ],
  },
];

interface Membership {
  cause: Cause;
  order: number;
}

const MEMBERS = new Map<string, Membership>();
for (const cause of CAUSES) cause.rules.forEach((r, order) => MEMBERS.set(r, { cause, order }));

/** The cause a rule belongs to, if any. */
export function causeOf(ruleId: string): { id: string; order: number } | undefined {
  const m = MEMBERS.get(ruleId);
  return m ? { id: m.cause.id, order: m.order } : undefined;
}

const CONTAINER = /^(.*?(?:containers|initContainers|ephemeralContainers)\[\d+\])/;
const VOLUME = /^(.*?\.volumes\[\d+\])/;
const MOUNT = /^(.*?)\.(?:containers|initContainers|ephemeralContainers)\[\d+\]\.volumeMounts\[\d+\]/;

/**
 * The anchor of a finding of `ruleId` at `path`, or undefined when the rule belongs to no cause.
 * `volumeIndex` resolves a container's volumeMounts[j] to its volume's index in the pod spec.
 */
export function anchorOf(ruleId: string, path: string, volumeIndex: (podPath: string, mountPath: string) => number | undefined): string | undefined {
  const m = MEMBERS.get(ruleId);
  if (!m) return undefined;
  switch (m.cause.anchor) {
    case "path":
      return path;
    case "object":
      return "";
    case "container": {
      const c = CONTAINER.exec(path);
      return c ? c[1] : podPathOf(path);
    }
    case "pod":
      return podPathOf(path);
    case "volume": {
      const v = VOLUME.exec(path);
      if (v) return v[1];
      const mount = MOUNT.exec(path);
      if (mount) {
        const i = volumeIndex(mount[1]!, mount[0]);
        if (i !== undefined) return `${mount[1]}.volumes[${i}]`;
      }
      return path;
    }
  }
}

/** The pod spec part of a path: "spec.template.spec.containers[0]..." -> "spec.template.spec". */
function podPathOf(path: string): string {
  for (const p of ["spec.jobTemplate.spec.template.spec", "spec.template.spec", "spec"]) if (path === p || path.startsWith(`${p}.`)) return p;
  return "";
}
