// ValidatingAdmissionPolicies (admissionregistration.k8s.io/v1) that stop what the rules flag from
// being admitted again: one policy + binding per built-in rule that can be judged on a single
// object in Kubernetes CEL, and per custom CEL rule. Each expression mirrors its rule's code
// (rules/**); kube-sim's test evaluates every policy on the rules' own fixtures to keep it so.
// Expressions use standard CEL and the strings extension only (no optional types), so they run on
// every Kubernetes version that serves admissionregistration.k8s.io/v1 (1.30+) and in @bufbuild/cel.
import type { CustomRuleDef } from "../custom";
import { CUSTOM_RULE_ID } from "../custom/compile-custom-rule";
import { getRule } from "../engine/evaluate";
import type { KubeObject } from "../types";

export interface AdmissionPolicyOptions {
  /** "deny" (Deny + Audit), "warn" (Warn + Audit) or "audit" (Audit only); default "deny" */
  action?: "deny" | "warn" | "audit";
  /** only these rule ids (default: every rule that can be expressed) */
  ruleIds?: readonly string[];
  /** namespaces the bindings apply to (default: all but kube-system, kube-public, kube-node-lease) */
  namespaces?: readonly string[];
  excludeNamespaces?: readonly string[];
  /** allowed image registries (policy for image-registry rules), from the organization's settings */
  allowedRegistries?: readonly string[];
  /**
   * the organization's exceptions: objects they cover are let through by a matchCondition. Scoped
   * like the engine's (ruleId or "*", exact namespace/kind/name, labels); the caller drops expired
   * ones and those scoped to another cluster.
   */
  exceptions?: readonly { ruleId: string; namespace?: string; kind?: string; name?: string; labelSelector?: Record<string, string> }[];
  /** custom CEL rules (object-level; true = violation) turned into policies too */
  customRules?: readonly CustomRuleDef[];
  /** name prefix of every policy and binding (default "bulwark-") */
  prefix?: string;
}

export interface AdmissionPolicySet {
  /** ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding objects (admissionregistration.k8s.io/v1), in pairs */
  objects: KubeObject[];
  /** rule ids that got a policy */
  ruleIds: string[];
  /** rules asked for that cannot be expressed on one object, with why */
  skipped: { ruleId: string; reason: string }[];
}

export const DEFAULT_EXCLUDED_NAMESPACES: readonly string[] = ["kube-system", "kube-public", "kube-node-lease"];
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const RULE_ID_ANNOTATION = "bulwark.io/rule-id";

// ---- CEL building blocks ---------------------------------------------------------------------

const q = (s: string): string => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
const list = (xs: readonly string[]): string => `[${xs.map(q).join(", ")}]`;

/** `has(b.x) && has(b.x.y) ...` for a dotted path under b. */
function isSet(base: string, path: string): string {
  const parts = path.split(".");
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) out.push(`has(${base}.${parts.slice(0, i).join(".")})`);
  return out.join(" && ");
}
/** The field when set (and not null) equals v. */
const is = (base: string, path: string, v: string): string => `(${isSet(base, path)} && ${base}.${path} == ${v})`;
/** The field is set to something other than null. */
const present = (base: string, path: string): string => `(${isSet(base, path)} && ${base}.${path} != null)`;

/** Upper-cased capability name without a CAP_ prefix (x must be a string). */
const capName = (x: string): string => `(${x}.upperAscii().startsWith('CAP_') ? ${x}.upperAscii().substring(4) : ${x}.upperAscii())`;
const addList = (c: string): string => `(${isSet(c, "securityContext.capabilities.add")} && ${c}.securityContext.capabilities.add != null ? ${c}.securityContext.capabilities.add : [])`;
const dropList = (c: string): string => `(${isSet(c, "securityContext.capabilities.drop")} && ${c}.securityContext.capabilities.drop != null ? ${c}.securityContext.capabilities.drop : [])`;
/** An added capability (compared upper-cased, CAP_ prefix ignored) is one of names. */
const addsCap = (c: string, names: readonly string[]): string => `${addList(c)}.exists(x, type(x) == string && ${capName("x")} in ${list(names)})`;
/** drop (upper-cased strings) contains one of names. */
const dropsAny = (c: string, names: readonly string[]): string => `${dropList(c)}.exists(x, type(x) == string && x.upperAscii() in ${list(names)})`;

const WORKLOAD_VARIABLES: Array<{ name: string; expression: string }> = [
  {
    name: "podTemplate",
    expression:
      "object.kind == 'Pod' ? object : " +
      "object.kind == 'CronJob' ? (has(object.spec) && has(object.spec.jobTemplate) && has(object.spec.jobTemplate.spec) && has(object.spec.jobTemplate.spec.template) ? object.spec.jobTemplate.spec.template : {}) : " +
      "(has(object.spec) && has(object.spec.template) ? object.spec.template : {})",
  },
  { name: "podSpec", expression: "has(variables.podTemplate.spec) && variables.podTemplate.spec != null ? variables.podTemplate.spec : {}" },
  { name: "podMeta", expression: "has(variables.podTemplate.metadata) && variables.podTemplate.metadata != null ? variables.podTemplate.metadata : {}" },
  { name: "podSC", expression: "has(variables.podSpec.securityContext) && variables.podSpec.securityContext != null ? variables.podSpec.securityContext : {}" },
  {
    name: "regularContainers",
    expression:
      "(has(variables.podSpec.containers) && variables.podSpec.containers != null ? variables.podSpec.containers : []) + " +
      "(has(variables.podSpec.initContainers) && variables.podSpec.initContainers != null ? variables.podSpec.initContainers : [])",
  },
  {
    name: "containers",
    expression: "variables.regularContainers + (has(variables.podSpec.ephemeralContainers) && variables.podSpec.ephemeralContainers != null ? variables.podSpec.ephemeralContainers : [])",
  },
  { name: "windows", expression: "has(variables.podSpec.os) && has(variables.podSpec.os.name) && variables.podSpec.os.name == 'windows'" },
];

const WORKLOAD_RESOURCES = [
  { apiGroups: [""], apiVersions: ["v1"], resources: ["pods", "replicationcontrollers"] },
  { apiGroups: ["apps"], apiVersions: ["v1"], resources: ["deployments", "statefulsets", "daemonsets", "replicasets"] },
  { apiGroups: ["batch"], apiVersions: ["v1"], resources: ["jobs", "cronjobs"] },
];

type Target = "workload" | "service" | "persistentvolume";

interface PolicyDef {
  ruleId: string;
  target: Target;
  /** CEL, true = the object violates the rule. For workloads it reads variables.* above. */
  violation: string;
  /** For per-container rules: the predicate over `c`, to name the containers in the message. */
  container?: string;
  /** which container list the predicate runs over (default all three types) */
  list?: "containers" | "regularContainers";
}

/** A per-container rule: violation = some container matches. */
function perContainer(ruleId: string, pred: string, opts: { skipWindows?: boolean; list?: "containers" | "regularContainers"; also?: string } = {}): PolicyDef {
  const l = opts.list ?? "containers";
  let violation = `variables.${l}.exists(c, ${pred})`;
  if (opts.also) violation = `(${opts.also}) || ${violation}`;
  if (opts.skipWindows) violation = `!variables.windows && (${violation})`;
  return { ruleId, target: "workload", violation, container: opts.also ? undefined : pred, list: l };
}
const podLevel = (ruleId: string, violation: string): PolicyDef => ({ ruleId, target: "workload", violation });

const SAFE_SYSCTLS = [
  "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
  "net.ipv4.tcp_notsent_lowat", "net.ipv4.tcp_slow_start_after_idle",
];
const BASELINE_CAPS = ["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"];
const DEFAULT_RUNTIME_CAPS = ["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT", "NET_ADMIN"];
const RESTRICTED_VOLUME_KEYS = ["name", "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret", "image"];
const SELINUX_TYPES = ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"];
const LB_INTERNAL: Array<[string, string]> = [
  ["service.beta.kubernetes.io/aws-load-balancer-internal", "(v == 'true' || v == '0.0.0.0/0')"],
  ["service.beta.kubernetes.io/aws-load-balancer-scheme", "v == 'internal'"],
  ["networking.gke.io/load-balancer-type", "v.lowerAscii() == 'internal'"],
  ["cloud.google.com/load-balancer-type", "v.lowerAscii() == 'internal'"],
  ["service.beta.kubernetes.io/azure-load-balancer-internal", "v == 'true'"],
  ["service.beta.kubernetes.io/oci-load-balancer-internal", "v == 'true'"],
];
const LB_ENTRY_POINTS = [
  "ingress-nginx", "nginx-ingress", "traefik", "contour", "envoy", "kong", "istio-ingressgateway", "ingressgateway",
  "haproxy-ingress", "emissary-ingress", "ambassador", "gateway-api-envoy", "cilium-gateway",
];
const ENTRY_KEYS = ["app.kubernetes.io/name", "app", "istio", "app.kubernetes.io/component"];

/** A security-context field of the pod or of a container equals v. */
const podOrContainer = (path: string, v: string): string => `${is("variables.podSC", path, v)} || variables.containers.exists(c, ${is("c", `securityContext.${path}`, v)})`;

/** seLinuxOptions that set a user, a role or a type outside the container types. */
const selinuxBad = (o: string): string =>
  `(${present(o, "type")} && !(${o}.type in ${list(SELINUX_TYPES)})) || (${present(o, "user")} && ${o}.user != '') || (${present(o, "role")} && ${o}.role != '')`;

const appArmorFieldBad = (p: string): string => `(${p} != null && !(${isSet(p, "type")} && ${p}.type in ['RuntimeDefault', 'Localhost']))`;

const IMAGE = "c.image";
const hasImage = `(has(c.image) && type(c.image) == string && c.image != '')`;

const DEFS: PolicyDef[] = [
  // workload security
  perContainer("privileged-container", is("c", "securityContext.privileged", "true")),
  perContainer("allow-privilege-escalation", `!${is("c", "securityContext.allowPrivilegeEscalation", "false")}`, { skipWindows: true }),
  perContainer("capabilities-added", `${addList("c")}.exists(x, type(x) == string)`),
  perContainer("dangerous-caps-added", addsCap("c", ["ALL", "SYS_ADMIN", "NET_ADMIN"])),
  perContainer("sys-admin-capability", addsCap("c", ["SYS_ADMIN"])),
  perContainer("net-raw-added", addsCap("c", ["NET_RAW"])),
  perContainer("sys-module-added", addsCap("c", ["SYS_MODULE"])),
  perContainer("caps-added-beyond-baseline", `${addList("c")}.exists(x, !(x in ${list(BASELINE_CAPS)}))`),
  perContainer(
    "caps-drop-all",
    `!(${dropsAny("c", ["ALL"])}) && !(${list(DEFAULT_RUNTIME_CAPS)}.all(k, ${dropList("c")}.exists(x, type(x) == string && (x.upperAscii() == k || x.upperAscii() == 'CAP_' + k))))`,
    { skipWindows: true },
  ),
  perContainer("caps-drop-any", `!${dropList("c")}.exists(x, type(x) == string)`, { skipWindows: true }),
  perContainer("net-raw-not-dropped", `!(${dropsAny("c", ["ALL", "NET_RAW", "CAP_NET_RAW"])})`, { skipWindows: true }),
  perContainer("read-only-root-fs", `!${is("c", "securityContext.readOnlyRootFilesystem", "true")}`, { skipWindows: true }),
  perContainer("proc-mount-unmasked", `${present("c", "securityContext.procMount")} && !(c.securityContext.procMount in ['', 'Default'])`),
  podLevel("run-as-user-0", podOrContainer("runAsUser", "0")),
  podLevel(
    "run-as-non-root",
    `${is("variables.podSC", "runAsNonRoot", "false")} || variables.containers.exists(c, ${is("c", "securityContext.runAsNonRoot", "false")}) || ` +
      `(!${is("variables.podSC", "runAsNonRoot", "true")} && !${is("variables.podSC", "runAsNonRoot", "false")} && ` +
      `variables.containers.exists(c, !${is("c", "securityContext.runAsNonRoot", "true")} && !${is("c", "securityContext.runAsNonRoot", "false")}))`,
  ),
  podLevel("seccomp-unconfined", podOrContainer("seccompProfile.type", "'Unconfined'")),
  podLevel(
    "seccomp-required",
    `!variables.windows && (` +
      `(${present("variables.podSC", "seccompProfile")} && !(${isSet("variables.podSC", "seccompProfile.type")} && variables.podSC.seccompProfile.type in ['RuntimeDefault', 'Localhost'])) || ` +
      `variables.containers.exists(c, ${present("c", "securityContext.seccompProfile")} ? !(${isSet("c", "securityContext.seccompProfile.type")} && c.securityContext.seccompProfile.type in ['RuntimeDefault', 'Localhost']) : !${present("variables.podSC", "seccompProfile")}))`,
  ),
  podLevel(
    "apparmor-unconfined",
    `(has(variables.podMeta.annotations) && variables.podMeta.annotations != null && variables.podMeta.annotations.exists(k, k.startsWith('container.apparmor.security.beta.kubernetes.io/') && ` +
      `!(variables.podMeta.annotations[k] == '' || variables.podMeta.annotations[k] == 'runtime/default' || (type(variables.podMeta.annotations[k]) == string && variables.podMeta.annotations[k].startsWith('localhost/'))))) || ` +
      `(has(variables.podSC.appArmorProfile) && ${appArmorFieldBad("variables.podSC.appArmorProfile")}) || ` +
      `variables.containers.exists(c, ${isSet("c", "securityContext.appArmorProfile")} && ${appArmorFieldBad("c.securityContext.appArmorProfile")})`,
  ),
  podLevel(
    "unsafe-sysctls",
    `${present("variables.podSC", "sysctls")} && variables.podSC.sysctls.exists(s, !(type(s) == map && has(s.name) && s.name in ${list(SAFE_SYSCTLS)}))`,
  ),
  podLevel(
    "selinux-custom-options",
    `(${present("variables.podSC", "seLinuxOptions")} && (${selinuxBad("variables.podSC.seLinuxOptions")})) || ` +
      `variables.containers.exists(c, ${present("c", "securityContext.seLinuxOptions")} && (${selinuxBad("c.securityContext.seLinuxOptions")}))`,
  ),
  podLevel("windows-host-process", podOrContainer("windowsOptions.hostProcess", "true")),
  podLevel(
    "restricted-volume-types",
    `has(variables.podSpec.volumes) && variables.podSpec.volumes != null && variables.podSpec.volumes.exists(v, type(v) == map && v.exists(k, !(k in ${list(RESTRICTED_VOLUME_KEYS)}) && v[k] != null))`,
  ),
  perContainer(
    "host-probe-lifecycle-host",
      ["livenessProbe", "readinessProbe", "startupProbe"]
        .flatMap((p) => ["httpGet", "tcpSocket"].map((k) => `(${isSet("c", `${p}.${k}.host`)} && type(c.${p}.${k}.host) == string && c.${p}.${k}.host != '')`))
        .concat(["postStart", "preStop"].flatMap((h) => ["httpGet", "tcpSocket"].map((k) => `(${isSet("c", `lifecycle.${h}.${k}.host`)} && type(c.lifecycle.${h}.${k}.host) == string && c.lifecycle.${h}.${k}.host != '')`)))
        .join(" || "),
  ),
  // host access
  podLevel("host-network", is("variables.podSpec", "hostNetwork", "true")),
  podLevel("host-pid", is("variables.podSpec", "hostPID", "true")),
  podLevel("host-ipc", is("variables.podSpec", "hostIPC", "true")),
  podLevel(
    "host-path-volume",
    `has(variables.podSpec.volumes) && variables.podSpec.volumes != null && variables.podSpec.volumes.exists(v, type(v) == map && has(v.hostPath) && type(v.hostPath) == map)`,
  ),
  podLevel("host-aliases", `has(variables.podSpec.hostAliases) && type(variables.podSpec.hostAliases) == list && size(variables.podSpec.hostAliases) > 0`),
  perContainer("host-port", `has(c.ports) && type(c.ports) == list && c.ports.exists(p, ${present("p", "hostPort")} && p.hostPort != 0 && p.hostPort != '0')`),
  perContainer("privileged-container-ports", `has(c.ports) && type(c.ports) == list && c.ports.exists(p, has(p.containerPort) && type(p.containerPort) == int && p.containerPort > 0 && p.containerPort < 1024)`),
  // images
  perContainer(
    "image-tag-latest",
    `!${hasImage} || (!${IMAGE}.matches('@.') && (!${IMAGE}.matches(':[^/:]+$') || ${IMAGE}.matches(':latest$')))`,
  ),
  perContainer(
    "image-not-pinned-by-digest",
    `${hasImage} && !(${IMAGE}.matches('@[a-z0-9]+([+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$') && ` +
      `(${IMAGE}.matches('@sha256:') ? ${IMAGE}.matches('@sha256:[a-f0-9]{64}$') : ${IMAGE}.matches('@sha384:') ? ${IMAGE}.matches('@sha384:[a-f0-9]{96}$') : ${IMAGE}.matches('@sha512:') ? ${IMAGE}.matches('@sha512:[a-f0-9]{128}$') : true))`,
  ),
  perContainer("image-pull-policy-not-always", `!${is("c", "imagePullPolicy", "'Always'")}`),
  // resources (regular and init containers; ephemeral ones cannot declare resources)
  ...(
    [
      ["cpu-limits-missing", "limits", "cpu"],
      ["memory-limits-missing", "limits", "memory"],
      ["cpu-requests-missing", "requests", "cpu"],
      ["memory-requests-missing", "requests", "memory"],
      ["ephemeral-storage-limits-missing", "limits", "ephemeral-storage"],
    ] as const
  ).map(([id, section, res]) =>
    perContainer(
      id,
      `!(${isSet("c", `resources.${section}`)} && type(c.resources.${section}) == map && ${q(res)} in c.resources.${section} && ` +
        `(type(c.resources.${section}[${q(res)}]) == string ? c.resources.${section}[${q(res)}].trim() != '' : (type(c.resources.${section}[${q(res)}]) == int || type(c.resources.${section}[${q(res)}]) == double)))`,
      { list: "regularContainers" },
    ),
  ),
  // service accounts
  podLevel(
    "deprecated-service-account-field",
    `has(variables.podSpec.serviceAccount) && type(variables.podSpec.serviceAccount) == string && variables.podSpec.serviceAccount != '' && !(has(variables.podSpec.serviceAccountName) && variables.podSpec.serviceAccountName == variables.podSpec.serviceAccount)`,
  ),
  // exposure
  { ruleId: "exposure-service-node-port", target: "service", violation: is("object", "spec.type", "'NodePort'") },
  { ruleId: "exposure-service-external-ips", target: "service", violation: `${isSet("object", "spec.externalIPs")} && type(object.spec.externalIPs) == list && size(object.spec.externalIPs) > 0` },
  {
    ruleId: "exposure-service-load-balancer",
    target: "service",
    violation:
      `${is("object", "spec.type", "'LoadBalancer'")} && ` +
      `!(${isSet("object", "spec.selector")} && type(object.spec.selector) == map && ${list(ENTRY_KEYS)}.exists(k, k in object.spec.selector && object.spec.selector[k] in ${list(LB_ENTRY_POINTS)})) && ` +
      `!(${isSet("object", "metadata.annotations")} && (${LB_INTERNAL.map(([k, ok]) => `(${q(k)} in object.metadata.annotations && type(object.metadata.annotations[${q(k)}]) == string && [object.metadata.annotations[${q(k)}]].exists(v, ${ok}))`).join(" || ")})) && ` +
      `!(${isSet("object", "spec.loadBalancerSourceRanges")} && type(object.spec.loadBalancerSourceRanges) == list && size(object.spec.loadBalancerSourceRanges) > 0 && !('0.0.0.0/0' in object.spec.loadBalancerSourceRanges))`,
  },
  // storage
  { ruleId: "storage-host-path-persistent-volume", target: "persistentvolume", violation: `${isSet("object", "spec.hostPath")} && type(object.spec.hostPath) == map` },
];

/** Rules considered and not expressible on one object in admission, with why. */
const NOT_EXPRESSIBLE: Record<string, string> = {
  "sa-token-automount": "depends on the ServiceAccount object (its automountServiceAccountToken), which admission of the pod cannot read",
  "image-registry-not-allowed": "needs allowedRegistries (the organization's allowed registries)",
};

/** The image registry allow-list rule, built from the organization's allowed registries. */
function registryDef(allowed: readonly string[]): PolicyDef {
  // The image's registry/repository as the rules compare it: an explicit registry host (has '.',
  // ':' or is localhost) or docker.io; tag and digest dropped; lower-cased; docker.io aliases folded.
  const ref = "c.image.trim().split('@')[0]";
  const noTag = `(${ref}.lastIndexOf(':') > ${ref}.lastIndexOf('/') ? ${ref}.substring(0, ${ref}.lastIndexOf(':')) : ${ref})`;
  const first = `${noTag}.split('/')[0]`;
  const hostful = `(${noTag}.indexOf('/') > 0 && (${first}.contains('.') || ${first}.contains(':') || ${first} == 'localhost'))`;
  const host = `(${hostful} ? (${first}.lowerAscii() in ['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'] ? 'docker.io' : ${first}.lowerAscii()) : 'docker.io')`;
  const repo = `(${hostful} ? ${noTag}.substring(${noTag}.indexOf('/') + 1) : ${noTag}).lowerAscii()`;
  const entries = allowed
    .map((e) => e.trim().toLowerCase().replace(/\/+$/, ""))
    .filter((e) => e !== "")
    .map((e) => {
      const slash = e.indexOf("/");
      const h = slash >= 0 ? e.slice(0, slash) : e;
      const nh = h === "index.docker.io" || h === "registry-1.docker.io" || h === "registry.hub.docker.com" ? "docker.io" : h;
      return nh + (slash >= 0 ? e.slice(slash) : "");
    });
  const full = `(${host} + '/' + ${repo})`;
  const pred = `${hasImage} && !${list(entries)}.exists(e, ${full} == e || ${full}.startsWith(e + '/'))`;
  return perContainer("image-registry-not-allowed", pred);
}

/** Rule ids with a single-object CEL expression. */
export const ADMISSION_POLICY_RULES: readonly string[] = [...DEFS.map((d) => d.ruleId), "image-registry-not-allowed"];

// ---- objects -----------------------------------------------------------------------------------

const KIND_RESOURCES: Record<string, { group: string; resource: string }> = {
  Pod: { group: "", resource: "pods" },
  Service: { group: "", resource: "services" },
  ServiceAccount: { group: "", resource: "serviceaccounts" },
  ConfigMap: { group: "", resource: "configmaps" },
  Secret: { group: "", resource: "secrets" },
  Namespace: { group: "", resource: "namespaces" },
  PersistentVolume: { group: "", resource: "persistentvolumes" },
  PersistentVolumeClaim: { group: "", resource: "persistentvolumeclaims" },
  ReplicationController: { group: "", resource: "replicationcontrollers" },
  Deployment: { group: "apps", resource: "deployments" },
  StatefulSet: { group: "apps", resource: "statefulsets" },
  DaemonSet: { group: "apps", resource: "daemonsets" },
  ReplicaSet: { group: "apps", resource: "replicasets" },
  Job: { group: "batch", resource: "jobs" },
  CronJob: { group: "batch", resource: "cronjobs" },
  Role: { group: "rbac.authorization.k8s.io", resource: "roles" },
  ClusterRole: { group: "rbac.authorization.k8s.io", resource: "clusterroles" },
  RoleBinding: { group: "rbac.authorization.k8s.io", resource: "rolebindings" },
  ClusterRoleBinding: { group: "rbac.authorization.k8s.io", resource: "clusterrolebindings" },
  Ingress: { group: "networking.k8s.io", resource: "ingresses" },
  NetworkPolicy: { group: "networking.k8s.io", resource: "networkpolicies" },
  PodDisruptionBudget: { group: "policy", resource: "poddisruptionbudgets" },
  HorizontalPodAutoscaler: { group: "autoscaling", resource: "horizontalpodautoscalers" },
  StorageClass: { group: "storage.k8s.io", resource: "storageclasses" },
};

function resourceRules(target: Target): Array<Record<string, unknown>> {
  const ops = ["CREATE", "UPDATE"];
  if (target === "workload") return WORKLOAD_RESOURCES.map((r) => ({ ...r, operations: ops }));
  if (target === "service") return [{ apiGroups: [""], apiVersions: ["v1"], resources: ["services"], operations: ops }];
  return [{ apiGroups: [""], apiVersions: ["v1"], resources: ["persistentvolumes"], operations: ops }];
}

function customResourceRules(kinds: readonly string[]): Array<Record<string, unknown>> {
  const ops = ["CREATE", "UPDATE"];
  if (kinds.includes("*")) return [{ apiGroups: ["*"], apiVersions: ["*"], resources: ["*"], operations: ops }];
  const byGroup = new Map<string, Set<string>>();
  for (const k of kinds) {
    const known = KIND_RESOURCES[k];
    const group = known ? known.group : "*";
    const resource = known ? known.resource : k.toLowerCase().endsWith("s") ? `${k.toLowerCase()}es` : k.toLowerCase().endsWith("y") ? `${k.toLowerCase().slice(0, -1)}ies` : `${k.toLowerCase()}s`;
    const set = byGroup.get(group) ?? new Set<string>();
    set.add(resource);
    byGroup.set(group, set);
  }
  return [...byGroup].map(([g, rs]) => ({ apiGroups: [g], apiVersions: ["*"], resources: [...rs].sort(), operations: ops }));
}

/** A Kubernetes object name (DNS subdomain): lower-case alphanumerics, '-' and '.', at most 253. */
function objectName(s: string): string {
  const n = s
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  return n.slice(0, 253).replace(/[^a-z0-9]+$/, "");
}

function exceptionCondition(exceptions: AdmissionPolicyOptions["exceptions"], ruleId: string): string | undefined {
  const mine = (exceptions ?? []).filter((e) => e && (e.ruleId === ruleId || e.ruleId === "*"));
  if (mine.length === 0) return undefined;
  const terms = mine.map((e) => {
    const parts: string[] = [];
    if (e.namespace !== undefined) parts.push(`request.namespace == ${q(e.namespace)}`);
    if (e.kind !== undefined) parts.push(`request.kind.kind == ${q(e.kind)}`);
    if (e.name !== undefined) parts.push(`request.name == ${q(e.name)}`);
    for (const [k, v] of Object.entries(e.labelSelector ?? {})) {
      parts.push(`(object != null && has(object.metadata.labels) && ${q(k)} in object.metadata.labels && object.metadata.labels[${q(k)}] == ${q(v)})`);
    }
    return parts.length ? `(${parts.join(" && ")})` : "true";
  });
  return `!(${terms.join(" || ")})`;
}

function validationActions(action: AdmissionPolicyOptions["action"]): string[] {
  if (action === "warn") return ["Warn", "Audit"];
  if (action === "audit") return ["Audit"];
  return ["Deny", "Audit"];
}

function namespaceSelector(opts: AdmissionPolicyOptions): Record<string, unknown> | undefined {
  const exprs: Array<Record<string, unknown>> = [];
  const include = (opts.namespaces ?? []).filter((n) => n.trim() !== "");
  const exclude = (opts.excludeNamespaces ?? DEFAULT_EXCLUDED_NAMESPACES).filter((n) => n.trim() !== "");
  if (include.length) exprs.push({ key: "kubernetes.io/metadata.name", operator: "In", values: [...include] });
  if (exclude.length) exprs.push({ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [...exclude] });
  return exprs.length ? { matchExpressions: exprs } : undefined;
}

function validateOptions(opts: AdmissionPolicyOptions): void {
  if (opts.action !== undefined && !["deny", "warn", "audit"].includes(opts.action)) throw new Error(`action must be deny, warn or audit, got ${JSON.stringify(opts.action)}`);
  const prefix = opts.prefix ?? "bulwark-";
  if (prefix !== "" && !/^[a-z0-9]([a-z0-9.-]*)$/.test(prefix)) throw new Error(`prefix ${JSON.stringify(prefix)} must be lower-case letters, digits, '-' or '.', starting with a letter or digit`);
  for (const e of opts.exceptions ?? []) {
    if (!e || typeof e.ruleId !== "string" || e.ruleId === "") throw new Error("every exception needs a ruleId");
  }
  for (const ns of [...(opts.namespaces ?? []), ...(opts.excludeNamespaces ?? [])]) {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns)) throw new Error(`${JSON.stringify(ns)} is not a valid namespace name`);
  }
}

export function generateAdmissionPolicies(options: AdmissionPolicyOptions = {}): AdmissionPolicySet {
  validateOptions(options);
  const prefix = options.prefix ?? "bulwark-";
  const allowed = (options.allowedRegistries ?? []).filter((r) => typeof r === "string" && r.trim() !== "");
  const defs = new Map(DEFS.map((d) => [d.ruleId, d]));
  if (allowed.length) defs.set("image-registry-not-allowed", registryDef(allowed));
  const customs = options.customRules ?? [];
  const customIds = new Set(customs.map((c) => c.id));
  const wanted = options.ruleIds && options.ruleIds.length ? [...new Set(options.ruleIds)] : [...defs.keys(), ...customIds];
  const skipped: AdmissionPolicySet["skipped"] = [];
  const objects: KubeObject[] = [];
  const ruleIds: string[] = [];
  const nsSel = namespaceSelector(options);
  const actions = validationActions(options.action);

  const emit = (ruleId: string, title: string, severity: string, remediation: string, spec: Record<string, unknown>) => {
    const name = objectName(`${prefix}${ruleId}`);
    const metadata = {
      name,
      labels: { [MANAGED_BY_LABEL]: "bulwark" },
      annotations: { [RULE_ID_ANNOTATION]: ruleId, "bulwark.io/title": title, "bulwark.io/severity": severity, "bulwark.io/remediation": remediation },
    };
    const exc = exceptionCondition(options.exceptions, ruleId);
    const matchConditions = [...((spec.matchConditions as unknown[]) ?? [])];
    if (exc) matchConditions.push({ name: "bulwark-exceptions", expression: exc });
    const policySpec: Record<string, unknown> = { ...spec };
    if (matchConditions.length) policySpec.matchConditions = matchConditions;
    else delete policySpec.matchConditions;
    objects.push({ apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicy", metadata, spec: policySpec });
    const bindingSpec: Record<string, unknown> = { policyName: name, validationActions: [...actions] };
    if (nsSel) bindingSpec.matchResources = { namespaceSelector: nsSel };
    objects.push({
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicyBinding",
      metadata: { name: objectName(`${name}-binding`), labels: { [MANAGED_BY_LABEL]: "bulwark" }, annotations: { [RULE_ID_ANNOTATION]: ruleId } },
      spec: bindingSpec,
    });
    ruleIds.push(ruleId);
  };

  for (const id of wanted) {
    if (customIds.has(id)) {
      const c = customs.find((x) => x.id === id)!;
      if (!CUSTOM_RULE_ID.test(c.id)) {
        skipped.push({ ruleId: id, reason: 'custom rule ids must be kebab-case and start with "custom-"' });
        continue;
      }
      const kinds = Array.isArray(c.kinds) && c.kinds.length ? c.kinds : ["*"];
      const message = `[${c.id}] ${c.title}: ${c.remediation}`.replace(/\s+/g, " ").trim();
      const spec: Record<string, unknown> = {
        // A custom rule's CEL error leaves the object unjudged in a scan: here it admits it.
        failurePolicy: "Ignore",
        matchConstraints: { resourceRules: customResourceRules(kinds) },
        validations: [{ expression: `!(${c.expression})`, message }],
      };
      if (!kinds.includes("*")) spec.matchConditions = [{ name: "bulwark-kinds", expression: `object != null && object.kind in ${list(kinds)}` }];
      emit(c.id, c.title, c.severity, c.remediation, spec);
      continue;
    }
    const rule = getRule(id);
    if (!rule) {
      skipped.push({ ruleId: id, reason: "no such rule" });
      continue;
    }
    const def = defs.get(rule.id);
    if (!def) {
      skipped.push({ ruleId: id, reason: NOT_EXPRESSIBLE[rule.id] ?? "not expressible in CEL on a single object (it needs other objects, the cluster's configuration or scan data)" });
      continue;
    }
    const message = `[${rule.id}] ${rule.title}: ${rule.remediation}`.replace(/\s+/g, " ").trim();
    const validation: Record<string, unknown> = { expression: `!(${def.violation})`, message };
    if (def.container) {
      // Names the containers at fault; the static message stands if this fails to evaluate.
      validation.messageExpression =
        `'[${rule.id}] ${rule.title.replace(/'/g, "\\'")} (container ' + variables.${def.list ?? "containers"}.filter(c, ${def.container}).map(c, has(c.name) ? string(c.name) : '?').join(', ') + '): ${rule.remediation.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\s+/g, " ")}'`;
    }
    const spec: Record<string, unknown> = {
      failurePolicy: "Fail",
      matchConstraints: { resourceRules: resourceRules(def.target) },
      ...(def.target === "workload" ? { variables: WORKLOAD_VARIABLES.map((v) => ({ ...v })) } : {}),
      validations: [validation],
    };
    emit(rule.id, rule.title, rule.severity, rule.remediation, spec);
  }
  return { objects, ruleIds, skipped };
}
