// Small builders for realistic cluster objects. Every object gets a deterministic uid up front so
// owner references (Deployment -> ReplicaSet -> Pod) resolve exactly as in a real cluster.
import { createHash } from "node:crypto";
import type { KubeObject } from "../types";

export type Rng = () => number;

/** mulberry32: tiny, fast, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
export const chance = (r: Rng, p: number): boolean => r() < p;

const ALNUM = "bcdfghjklmnpqrstvwxz2456789";
export function suffix(r: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += ALNUM[Math.floor(r() * ALNUM.length)];
  return s;
}

export function uid(...parts: string[]): string {
  const h = createHash("sha1").update(parts.join("|")).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function digestOf(image: string): string {
  return "sha256:" + createHash("sha256").update(image).digest("hex");
}

export interface Ctx {
  r: Rng;
  seed: string;
  /** creation time base (ms) */
  now: number;
  nodes: string[];
}

export function ctx(seed: number, nodes: string[]): Ctx {
  return { r: rng(seed), seed: String(seed), now: Math.floor(Date.now() / 86_400_000) * 86_400_000, nodes };
}

function ts(c: Ctx, daysAgoMax = 120): string {
  return new Date(c.now - Math.floor(c.r() * daysAgoMax * 86_400_000) - 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Nodes and namespaces predate what runs on them: 150..180 days old. */
function longAgo(c: Ctx, name: string): string {
  const days = 150 + (parseInt(uid(c.seed, name).slice(0, 4), 16) % 30);
  return new Date(c.now - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function meta(c: Ctx, kind: string, name: string, namespace?: string, extra: Partial<KubeObject["metadata"]> = {}): KubeObject["metadata"] {
  const md: KubeObject["metadata"] = { name };
  if (namespace) md.namespace = namespace;
  md.uid = uid(c.seed, kind, namespace ?? "", name);
  md.creationTimestamp = ts(c);
  return { ...md, ...extra };
}

export function namespace(c: Ctx, name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: meta(c, "Namespace", name, undefined, { labels: { "kubernetes.io/metadata.name": name, ...labels }, creationTimestamp: longAgo(c, name) }),
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  };
}

export function serviceAccount(c: Ctx, ns: string, name: string, automount?: boolean): KubeObject {
  const o: KubeObject = { apiVersion: "v1", kind: "ServiceAccount", metadata: meta(c, "ServiceAccount", name, ns) };
  if (automount !== undefined) o.automountServiceAccountToken = automount;
  return o;
}

export interface ContainerOpts {
  name: string;
  image: string;
  hardened?: boolean;
  privileged?: boolean;
  runAsRoot?: boolean;
  resources?: boolean | "requests-only";
  probes?: boolean;
  port?: number;
  env?: Array<Record<string, unknown>>;
  command?: string[];
  args?: string[];
  volumeMounts?: Array<Record<string, unknown>>;
  capabilitiesAdd?: string[];
  allowPrivilegeEscalation?: boolean;
}

export function container(o: ContainerOpts): Record<string, unknown> {
  const c: Record<string, unknown> = { name: o.name, image: o.image, imagePullPolicy: o.image.includes("@") ? "IfNotPresent" : "Always" };
  if (o.command) c.command = o.command;
  if (o.args) c.args = o.args;
  if (o.port) c.ports = [{ name: "http", containerPort: o.port, protocol: "TCP" }];
  if (o.env) c.env = o.env;
  if (o.resources === true) c.resources = { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } };
  else if (o.resources === "requests-only") c.resources = { requests: { cpu: "50m", memory: "64Mi" } };
  else c.resources = {};
  if (o.probes && o.port) {
    c.livenessProbe = { httpGet: { path: "/healthz", port: o.port }, periodSeconds: 10, failureThreshold: 3 };
    c.readinessProbe = { httpGet: { path: "/ready", port: o.port }, periodSeconds: 5 };
  }
  if (o.hardened) {
    c.securityContext = {
      runAsNonRoot: true,
      runAsUser: 10001,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
      seccompProfile: { type: "RuntimeDefault" },
    };
  } else if (o.privileged || o.runAsRoot || o.capabilitiesAdd || o.allowPrivilegeEscalation !== undefined) {
    const sc: Record<string, unknown> = {};
    if (o.privileged) sc.privileged = true;
    if (o.runAsRoot) sc.runAsUser = 0;
    if (o.capabilitiesAdd) sc.capabilities = { add: o.capabilitiesAdd };
    if (o.allowPrivilegeEscalation !== undefined) sc.allowPrivilegeEscalation = o.allowPrivilegeEscalation;
    c.securityContext = sc;
  }
  if (o.volumeMounts) c.volumeMounts = o.volumeMounts;
  c.terminationMessagePath = "/dev/termination-log";
  c.terminationMessagePolicy = "File";
  return c;
}

export interface PodSpecOpts {
  containers: Array<Record<string, unknown>>;
  initContainers?: Array<Record<string, unknown>>;
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  volumes?: Array<Record<string, unknown>>;
  podSecurity?: boolean;
  nodeSelector?: Record<string, string>;
  tolerations?: Array<Record<string, unknown>>;
  priorityClassName?: string;
}

export function podSpec(o: PodSpecOpts): Record<string, unknown> {
  const s: Record<string, unknown> = {
    containers: o.containers,
    restartPolicy: "Always",
    dnsPolicy: o.hostNetwork ? "ClusterFirstWithHostNet" : "ClusterFirst",
    schedulerName: "default-scheduler",
    terminationGracePeriodSeconds: 30,
    serviceAccountName: o.serviceAccountName ?? "default",
    serviceAccount: o.serviceAccountName ?? "default",
  };
  if (o.initContainers) s.initContainers = o.initContainers;
  if (o.automountServiceAccountToken !== undefined) s.automountServiceAccountToken = o.automountServiceAccountToken;
  if (o.hostNetwork) s.hostNetwork = true;
  if (o.hostPID) s.hostPID = true;
  if (o.hostIPC) s.hostIPC = true;
  if (o.volumes) s.volumes = o.volumes;
  if (o.nodeSelector) s.nodeSelector = o.nodeSelector;
  if (o.tolerations) s.tolerations = o.tolerations;
  if (o.priorityClassName) s.priorityClassName = o.priorityClassName;
  s.securityContext = o.podSecurity ? { runAsNonRoot: true, fsGroup: 10001, seccompProfile: { type: "RuntimeDefault" } } : {};
  return s;
}

function ip(c: Ctx, prefix = "10.244"): string {
  return `${prefix}.${Math.floor(c.r() * 250) + 1}.${Math.floor(c.r() * 250) + 2}`;
}

export function pod(
  c: Ctx,
  ns: string,
  name: string,
  labels: Record<string, string>,
  spec: Record<string, unknown>,
  owner?: { apiVersion: string; kind: string; name: string; uid: string },
  node?: string,
): KubeObject {
  const containers = (spec.containers as Array<{ name: string; image: string }>) ?? [];
  const nodeName = node ?? (c.nodes.length ? pick(c.r, c.nodes) : undefined);
  const md = meta(c, "Pod", name, ns, { labels });
  if (owner) md.ownerReferences = [{ ...owner, controller: true, blockOwnerDeletion: true } as never];
  const hostIP = `10.0.0.${(c.nodes.indexOf(nodeName ?? "") + 10) % 250}`;
  const podIP = spec.hostNetwork ? hostIP : ip(c);
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: md,
    spec: { ...spec, ...(nodeName ? { nodeName } : {}) },
    status: {
      phase: "Running",
      conditions: [
        { type: "Initialized", status: "True" },
        { type: "Ready", status: "True" },
        { type: "ContainersReady", status: "True" },
        { type: "PodScheduled", status: "True" },
      ],
      hostIP,
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: md.creationTimestamp,
      qosClass: "Burstable",
      containerStatuses: containers.map((ct) => ({
        name: ct.name,
        image: ct.image,
        imageID: ct.image.includes("@") ? ct.image : `${ct.image.split(":")[0]}@${digestOf(ct.image)}`,
        ready: true,
        started: true,
        restartCount: Math.floor(c.r() * 1.3),
        state: { running: { startedAt: md.creationTimestamp } },
      })),
    },
  };
}

export interface WorkloadOpts {
  replicas?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  spec: Record<string, unknown>;
  /** Emit the ReplicaSet and Pods a running cluster has. */
  withPods?: boolean;
}

export function deployment(c: Ctx, ns: string, name: string, o: WorkloadOpts): KubeObject[] {
  const replicas = o.replicas ?? 1;
  const selector = { "app.kubernetes.io/name": name };
  const labels = { ...selector, ...(o.labels ?? {}) };
  const dMeta = meta(c, "Deployment", name, ns, { labels, annotations: { "deployment.kubernetes.io/revision": "1", ...(o.annotations ?? {}) }, generation: 1 });
  const dep: KubeObject = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: dMeta,
    spec: {
      replicas,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: selector },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      template: { metadata: { labels }, spec: o.spec },
    },
    status: { observedGeneration: 1, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas },
  };
  if (o.withPods === false) return [dep];
  const hash = createHash("sha1").update(c.seed + ns + name).digest("hex").replace(/[^a-f0-9]/g, "").slice(0, 10).replace(/[aeiou]/g, "b");
  const rsName = `${name}-${hash}`;
  const podLabels = { ...labels, "pod-template-hash": hash };
  const rsMeta = meta(c, "ReplicaSet", rsName, ns, {
    labels: podLabels,
    annotations: { "deployment.kubernetes.io/desired-replicas": String(replicas), "deployment.kubernetes.io/max-replicas": String(replicas + 1), "deployment.kubernetes.io/revision": "1" },
    ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name, uid: dMeta.uid!, controller: true, blockOwnerDeletion: true } as never],
    generation: 1,
  });
  const rs: KubeObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: rsMeta,
    spec: { replicas, selector: { matchLabels: { ...selector, "pod-template-hash": hash } }, template: { metadata: { labels: podLabels }, spec: o.spec } },
    status: { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
  };
  const out = [dep, rs];
  for (let i = 0; i < replicas; i++) {
    out.push(pod(c, ns, `${rsName}-${suffix(c.r, 5)}`, podLabels, o.spec, { apiVersion: "apps/v1", kind: "ReplicaSet", name: rsName, uid: rsMeta.uid! }));
  }
  return out;
}

export function daemonSet(c: Ctx, ns: string, name: string, o: WorkloadOpts): KubeObject[] {
  const selector = { "app.kubernetes.io/name": name };
  const labels = { ...selector, ...(o.labels ?? {}) };
  const n = c.nodes.length;
  const md = meta(c, "DaemonSet", name, ns, { labels, generation: 1, annotations: o.annotations });
  const ds: KubeObject = {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: md,
    spec: { selector: { matchLabels: selector }, updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } }, template: { metadata: { labels }, spec: o.spec } },
    status: { currentNumberScheduled: n, desiredNumberScheduled: n, numberReady: n, numberAvailable: n, updatedNumberScheduled: n, observedGeneration: 1 },
  };
  if (o.withPods === false) return [ds];
  const out = [ds];
  for (const node of c.nodes) {
    out.push(pod(c, ns, `${name}-${suffix(c.r, 5)}`, { ...labels, "controller-revision-hash": "6d4f8b7c9" }, o.spec, { apiVersion: "apps/v1", kind: "DaemonSet", name, uid: md.uid! }, node));
  }
  return out;
}

export function statefulSet(c: Ctx, ns: string, name: string, o: WorkloadOpts & { volumeClaim?: string }): KubeObject[] {
  const replicas = o.replicas ?? 1;
  const selector = { "app.kubernetes.io/name": name };
  const labels = { ...selector, ...(o.labels ?? {}) };
  const md = meta(c, "StatefulSet", name, ns, { labels, generation: 1 });
  const spec: Record<string, unknown> = { replicas, serviceName: name, selector: { matchLabels: selector }, podManagementPolicy: "OrderedReady", template: { metadata: { labels }, spec: o.spec } };
  if (o.volumeClaim) {
    spec.volumeClaimTemplates = [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], storageClassName: o.volumeClaim, resources: { requests: { storage: "10Gi" } } } }];
  }
  const sts: KubeObject = { apiVersion: "apps/v1", kind: "StatefulSet", metadata: md, spec, status: { replicas, readyReplicas: replicas, currentReplicas: replicas, updatedReplicas: replicas, observedGeneration: 1 } };
  if (o.withPods === false) return [sts];
  const out = [sts];
  for (let i = 0; i < replicas; i++) {
    out.push(pod(c, ns, `${name}-${i}`, { ...labels, "statefulset.kubernetes.io/pod-name": `${name}-${i}` }, o.spec, { apiVersion: "apps/v1", kind: "StatefulSet", name, uid: md.uid! }));
    if (o.volumeClaim) {
      out.push({
        apiVersion: "v1",
        kind: "PersistentVolumeClaim",
        metadata: meta(c, "PersistentVolumeClaim", `data-${name}-${i}`, ns, { labels: selector }),
        spec: { accessModes: ["ReadWriteOnce"], storageClassName: o.volumeClaim, resources: { requests: { storage: "10Gi" } }, volumeName: `pvc-${uid(c.seed, name, String(i))}` },
        status: { phase: "Bound", capacity: { storage: "10Gi" } },
      });
    }
  }
  return out;
}

export function cronJob(c: Ctx, ns: string, name: string, schedule: string, spec: Record<string, unknown>, apiVersion = "batch/v1"): KubeObject {
  return {
    apiVersion,
    kind: "CronJob",
    metadata: meta(c, "CronJob", name, ns, { generation: 1 }),
    spec: { schedule, concurrencyPolicy: "Forbid", successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, jobTemplate: { spec: { backoffLimit: 2, template: { spec: { ...spec, restartPolicy: "OnFailure" } } } } },
    status: {},
  };
}

export function service(c: Ctx, ns: string, name: string, port: number, type = "ClusterIP", extra: Record<string, unknown> = {}): KubeObject {
  const spec: Record<string, unknown> = {
    type,
    selector: { "app.kubernetes.io/name": name },
    ports: [{ name: "http", port: port === 8080 ? 80 : port, targetPort: port, protocol: "TCP" }],
    clusterIP: `10.96.${Math.floor(c.r() * 250)}.${Math.floor(c.r() * 250) + 2}`,
    sessionAffinity: "None",
    ...extra,
  };
  const status: Record<string, unknown> = type === "LoadBalancer" ? { loadBalancer: { ingress: [{ ip: `203.0.113.${Math.floor(c.r() * 200) + 10}` }] } } : { loadBalancer: {} };
  return { apiVersion: "v1", kind: "Service", metadata: meta(c, "Service", name, ns, { labels: { "app.kubernetes.io/name": name } }), spec, status };
}

export function configMap(c: Ctx, ns: string, name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: meta(c, "ConfigMap", name, ns), data };
}

export function secret(c: Ctx, ns: string, name: string, data: Record<string, string>, type = "Opaque"): KubeObject {
  const enc: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) enc[k] = Buffer.from(v).toString("base64");
  const metadata = meta(c, "Secret", name, ns);
  // The token controller names the account a legacy token belongs to (and which one it must match).
  if (type === "kubernetes.io/service-account-token") {
    const account = /^(.+)-token-[a-z0-9]{5}$/.exec(name)?.[1];
    if (account) metadata.annotations = { ...metadata.annotations, "kubernetes.io/service-account.name": account };
  }
  return { apiVersion: "v1", kind: "Secret", metadata, type, data: enc };
}

export function defaultDeny(c: Ctx, ns: string): KubeObject {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: meta(c, "NetworkPolicy", "default-deny-all", ns),
    spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
  };
}

export function allowFrom(c: Ctx, ns: string, name: string, target: string, fromLabels: Record<string, string>, port: number): KubeObject {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: meta(c, "NetworkPolicy", name, ns),
    spec: {
      podSelector: { matchLabels: { "app.kubernetes.io/name": target } },
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ podSelector: { matchLabels: fromLabels } }], ports: [{ protocol: "TCP", port }] }],
    },
  };
}

export function allowDns(c: Ctx, ns: string): KubeObject {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: meta(c, "NetworkPolicy", "allow-dns-egress", ns),
    spec: {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }], ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }] }],
    },
  };
}

export function pdb(c: Ctx, ns: string, name: string, minAvailable: number | string, apiVersion = "policy/v1"): KubeObject {
  return {
    apiVersion,
    kind: "PodDisruptionBudget",
    metadata: meta(c, "PodDisruptionBudget", name, ns),
    spec: { minAvailable, selector: { matchLabels: { "app.kubernetes.io/name": name } } },
    status: { currentHealthy: 2, desiredHealthy: 1, disruptionsAllowed: 1, expectedPods: 2 },
  };
}

export function role(c: Ctx, ns: string, name: string, rules: Array<Record<string, unknown>>): KubeObject {
  return { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: meta(c, "Role", name, ns), rules };
}

export function clusterRole(c: Ctx, name: string, rules: Array<Record<string, unknown>>, extra: Partial<KubeObject["metadata"]> = {}, aggregationRule?: Record<string, unknown>): KubeObject {
  const o: KubeObject = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: meta(c, "ClusterRole", name, undefined, extra), rules };
  if (aggregationRule) o.aggregationRule = aggregationRule;
  return o;
}

export type Subject = { kind: "ServiceAccount" | "User" | "Group"; name: string; namespace?: string };

function subjects(list: Subject[]): Array<Record<string, unknown>> {
  return list.map((s) => (s.kind === "ServiceAccount" ? { kind: s.kind, name: s.name, namespace: s.namespace } : { kind: s.kind, apiGroup: "rbac.authorization.k8s.io", name: s.name }));
}

export function roleBinding(c: Ctx, ns: string, name: string, roleKind: "Role" | "ClusterRole", roleName: string, subs: Subject[]): KubeObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: meta(c, "RoleBinding", name, ns),
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: roleKind, name: roleName },
    subjects: subjects(subs),
  };
}

export function clusterRoleBinding(c: Ctx, name: string, roleName: string, subs: Subject[], extra: Partial<KubeObject["metadata"]> = {}): KubeObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: meta(c, "ClusterRoleBinding", name, undefined, extra),
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName },
    subjects: subjects(subs),
  };
}

export function ingress(c: Ctx, ns: string, name: string, host: string, svc: string, port: number, tls: boolean, apiVersion = "networking.k8s.io/v1"): KubeObject {
  const spec: Record<string, unknown> =
    apiVersion === "networking.k8s.io/v1"
      ? { ingressClassName: "nginx", rules: [{ host, http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: svc, port: { number: port } } } }] } }] }
      : { rules: [{ host, http: { paths: [{ path: "/", backend: { serviceName: svc, servicePort: port } }] } }] };
  if (tls) spec.tls = [{ hosts: [host], secretName: `${name}-tls` }];
  return {
    apiVersion,
    kind: "Ingress",
    metadata: meta(c, "Ingress", name, ns, apiVersion === "networking.k8s.io/v1" ? {} : { annotations: { "kubernetes.io/ingress.class": "nginx" } }),
    spec,
    status: { loadBalancer: { ingress: [{ ip: "203.0.113.20" }] } },
  };
}

export function node(c: Ctx, name: string, minor: number, role: "control-plane" | "worker"): KubeObject {
  const labels: Record<string, string> = {
    "kubernetes.io/hostname": name,
    "kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "beta.kubernetes.io/arch": "amd64",
    "node.kubernetes.io/instance-type": "m5.xlarge",
    "topology.kubernetes.io/zone": pick(c.r, ["zone-a", "zone-b", "zone-c"]),
  };
  if (role === "control-plane") labels["node-role.kubernetes.io/control-plane"] = "";
  const spec: Record<string, unknown> = { podCIDR: `10.244.${c.nodes.indexOf(name) + 1}.0/24` };
  if (role === "control-plane") spec.taints = [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }];
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: meta(c, "Node", name, undefined, { creationTimestamp: longAgo(c, name), labels, annotations: { "node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true" } }),
    spec,
    status: {
      capacity: { cpu: "4", memory: "16246528Ki", pods: "110", "ephemeral-storage": "101430960Ki" },
      allocatable: { cpu: "3920m", memory: "15095552Ki", pods: "110", "ephemeral-storage": "93478772582" },
      conditions: [
        { type: "MemoryPressure", status: "False", reason: "KubeletHasSufficientMemory" },
        { type: "DiskPressure", status: "False", reason: "KubeletHasNoDiskPressure" },
        { type: "PIDPressure", status: "False", reason: "KubeletHasSufficientPID" },
        { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" },
      ],
      addresses: [
        { type: "InternalIP", address: `10.0.0.${(c.nodes.indexOf(name) + 10) % 250}` },
        { type: "Hostname", address: name },
      ],
      nodeInfo: {
        architecture: "amd64",
        bootID: uid(c.seed, "boot", name),
        containerRuntimeVersion: "containerd://1.7.13",
        kernelVersion: "6.1.0-18-amd64",
        kubeProxyVersion: `v1.${minor}.0`,
        kubeletVersion: `v1.${minor}.0`,
        machineID: uid(c.seed, "machine", name).replace(/-/g, ""),
        operatingSystem: "linux",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        systemUUID: uid(c.seed, "sys", name),
      },
    },
  };
}
