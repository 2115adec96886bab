// What every kubeadm-style cluster has: system namespaces, nodes, CoreDNS, kube-proxy, the
// default cluster roles with their aggregation, control-plane static pods, and per-namespace
// defaults (the "default" ServiceAccount and kube-root-ca.crt ConfigMap).
import type { KubeObject } from "../types";
import {
  clusterRole,
  clusterRoleBinding,
  configMap,
  container,
  daemonSet,
  deployment,
  meta,
  namespace,
  node,
  pod,
  podSpec,
  service,
  serviceAccount,
  type Ctx,
} from "./builders";

const RBAC_DEFAULTS = { "kubernetes.io/bootstrapping": "rbac-defaults" };
const AUTO_UPDATE = { "rbac.authorization.kubernetes.io/autoupdate": "true" };

export interface ControlPlaneFlags {
  /** add the insecure flags a hardening benchmark flags */
  insecure: boolean;
}

export function systemRoles(c: Ctx): KubeObject[] {
  const agg = (to: string) => ({ clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${to}`]: "true" } }] });
  const md = (labels: Record<string, string> = {}) => ({ labels: { ...RBAC_DEFAULTS, ...labels }, annotations: AUTO_UPDATE });
  const readCore = ["pods", "services", "endpoints", "persistentvolumeclaims", "configmaps", "replicationcontrollers", "serviceaccounts"];
  return [
    clusterRole(c, "cluster-admin", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }], md()),
    clusterRole(c, "admin", [], md(), agg("admin")),
    clusterRole(c, "edit", [], md({ "rbac.authorization.k8s.io/aggregate-to-admin": "true" }), agg("edit")),
    clusterRole(c, "view", [], md({ "rbac.authorization.k8s.io/aggregate-to-edit": "true" }), agg("view")),
    clusterRole(c, "system:aggregate-to-admin", [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles", "rolebindings"], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"] }], md({ "rbac.authorization.k8s.io/aggregate-to-admin": "true" })),
    clusterRole(c, "system:aggregate-to-edit", [
      { apiGroups: [""], resources: ["pods", "pods/exec", "pods/attach", "pods/portforward", "secrets", "services", "configmaps", "persistentvolumeclaims", "serviceaccounts"], verbs: ["create", "delete", "deletecollection", "patch", "update"] },
      { apiGroups: ["apps"], resources: ["deployments", "daemonsets", "statefulsets", "replicasets"], verbs: ["create", "delete", "deletecollection", "patch", "update"] },
    ], md({ "rbac.authorization.k8s.io/aggregate-to-edit": "true" })),
    clusterRole(c, "system:aggregate-to-view", [
      { apiGroups: [""], resources: readCore, verbs: ["get", "list", "watch"] },
      { apiGroups: ["apps"], resources: ["deployments", "daemonsets", "statefulsets", "replicasets"], verbs: ["get", "list", "watch"] },
      { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: ["get", "list", "watch"] },
    ], md({ "rbac.authorization.k8s.io/aggregate-to-view": "true" })),
    clusterRole(c, "system:basic-user", [{ apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], verbs: ["create"] }], md()),
    clusterRole(c, "system:discovery", [{ nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"], verbs: ["get"] }], md()),
    clusterRole(c, "system:node-proxier", [{ apiGroups: [""], resources: ["endpoints", "services"], verbs: ["list", "watch"] }, { apiGroups: [""], resources: ["nodes"], verbs: ["get", "list", "watch"] }], md()),
    clusterRole(c, "system:kube-scheduler", [{ apiGroups: [""], resources: ["pods", "nodes"], verbs: ["get", "list", "watch"] }, { apiGroups: [""], resources: ["pods/binding", "bindings"], verbs: ["create"] }], md()),
    clusterRole(c, "system:kube-controller-manager", [{ apiGroups: [""], resources: ["secrets", "serviceaccounts"], verbs: ["create", "get", "update"] }, { apiGroups: ["*"], resources: ["*"], verbs: ["list", "watch"] }], md()),
    clusterRole(c, "system:coredns", [{ apiGroups: [""], resources: ["endpoints", "services", "pods", "namespaces"], verbs: ["list", "watch"] }, { apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["list", "watch"] }]),
    clusterRoleBinding(c, "cluster-admin", "cluster-admin", [{ kind: "Group", name: "system:masters" }], md()),
    clusterRoleBinding(c, "system:basic-user", "system:basic-user", [{ kind: "Group", name: "system:authenticated" }], md()),
    clusterRoleBinding(c, "system:discovery", "system:discovery", [{ kind: "Group", name: "system:authenticated" }], md()),
    clusterRoleBinding(c, "system:kube-scheduler", "system:kube-scheduler", [{ kind: "User", name: "system:kube-scheduler" }], md()),
    clusterRoleBinding(c, "system:kube-controller-manager", "system:kube-controller-manager", [{ kind: "User", name: "system:kube-controller-manager" }], md()),
    clusterRoleBinding(c, "kubeadm:node-proxier", "system:node-proxier", [{ kind: "ServiceAccount", name: "kube-proxy", namespace: "kube-system" }]),
    clusterRoleBinding(c, "system:coredns", "system:coredns", [{ kind: "ServiceAccount", name: "coredns", namespace: "kube-system" }]),
  ];
}

function staticPod(c: Ctx, component: string, cpNode: string, image: string, command: string[], hostPathDirs: string[]): KubeObject {
  const volumes = hostPathDirs.map((p, i) => ({ name: `vol-${i}`, hostPath: { path: p, type: "DirectoryOrCreate" } }));
  const spec = podSpec({
    containers: [
      {
        ...container({ name: component, image, command, resources: "requests-only" }),
        volumeMounts: hostPathDirs.map((p, i) => ({ name: `vol-${i}`, mountPath: p, readOnly: p !== "/var/lib/etcd" })),
        livenessProbe: { httpGet: { host: "127.0.0.1", path: "/livez", port: 6443, scheme: "HTTPS" }, initialDelaySeconds: 10 },
      },
    ],
    hostNetwork: true,
    volumes,
    priorityClassName: "system-node-critical",
    tolerations: [{ effect: "NoExecute", operator: "Exists" }],
  });
  const p = pod(c, "kube-system", `${component}-${cpNode}`, { component, tier: "control-plane" }, spec, { apiVersion: "v1", kind: "Node", name: cpNode, uid: "" }, cpNode);
  p.metadata.annotations = { "kubernetes.io/config.source": "file", "kubernetes.io/config.mirror": "3f1c0d" };
  // Mirror pods are owned by their Node; resolve the uid now that the Node's uid is deterministic.
  p.metadata.ownerReferences = [{ apiVersion: "v1", kind: "Node", name: cpNode, uid: meta(c, "Node", cpNode).uid!, controller: true }];
  return p;
}

export function controlPlane(c: Ctx, minor: number, cpNode: string, flags: ControlPlaneFlags): KubeObject[] {
  const v = `v1.${minor}.0`;
  const apiserver = [
    "kube-apiserver",
    "--advertise-address=10.0.0.10",
    "--allow-privileged=true",
    `--anonymous-auth=${flags.insecure ? "true" : "false"}`,
    "--authorization-mode=Node,RBAC",
    "--client-ca-file=/etc/kubernetes/pki/ca.crt",
    `--enable-admission-plugins=${flags.insecure ? "NodeRestriction" : "NodeRestriction,PodSecurity"}`,
    "--enable-bootstrap-token-auth=true",
    "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
    "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
    "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
    "--etcd-servers=https://127.0.0.1:2379",
    "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
    "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key",
    "--secure-port=6443",
    "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
    "--service-account-key-file=/etc/kubernetes/pki/sa.pub",
    "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
    "--service-cluster-ip-range=10.96.0.0/12",
    "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
    "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
  ];
  if (flags.insecure) apiserver.push("--profiling=true");
  else
    apiserver.push(
      "--profiling=false",
      "--audit-log-path=/var/log/kubernetes/audit/audit.log",
      "--audit-log-maxage=30",
      "--audit-log-maxbackup=10",
      "--audit-log-maxsize=100",
      "--audit-policy-file=/etc/kubernetes/audit-policy.yaml",
      "--encryption-provider-config=/etc/kubernetes/enc/encryption.yaml",
      "--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt",
      "--tls-min-version=VersionTLS12",
    );
  const etcd = [
    "etcd",
    "--advertise-client-urls=https://10.0.0.10:2379",
    "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
    `--client-cert-auth=${flags.insecure ? "false" : "true"}`,
    "--data-dir=/var/lib/etcd",
    "--key-file=/etc/kubernetes/pki/etcd/server.key",
    "--listen-client-urls=https://127.0.0.1:2379,https://10.0.0.10:2379",
    "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt",
    "--peer-client-cert-auth=true",
    "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
    "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
  ];
  const kcm = [
    "kube-controller-manager",
    "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
    "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf",
    "--bind-address=127.0.0.1",
    "--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt",
    "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key",
    "--controllers=*,bootstrapsigner,tokencleaner",
    "--kubeconfig=/etc/kubernetes/controller-manager.conf",
    "--leader-elect=true",
    `--profiling=${flags.insecure ? "true" : "false"}`,
    "--root-ca-file=/etc/kubernetes/pki/ca.crt",
    "--service-account-private-key-file=/etc/kubernetes/pki/sa.key",
    `--use-service-account-credentials=${flags.insecure ? "false" : "true"}`,
  ];
  const sched = [
    "kube-scheduler",
    "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
    "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf",
    `--bind-address=${flags.insecure ? "0.0.0.0" : "127.0.0.1"}`,
    "--kubeconfig=/etc/kubernetes/scheduler.conf",
    "--leader-elect=true",
    `--profiling=${flags.insecure ? "true" : "false"}`,
  ];
  return [
    staticPod(c, "kube-apiserver", cpNode, `registry.k8s.io/kube-apiserver:${v}`, apiserver, ["/etc/kubernetes/pki", "/etc/ssl/certs"]),
    staticPod(c, "etcd", cpNode, "registry.k8s.io/etcd:3.5.10-0", etcd, ["/etc/kubernetes/pki/etcd", "/var/lib/etcd"]),
    staticPod(c, "kube-controller-manager", cpNode, `registry.k8s.io/kube-controller-manager:${v}`, kcm, ["/etc/kubernetes/pki", "/etc/kubernetes/controller-manager.conf"]),
    staticPod(c, "kube-scheduler", cpNode, `registry.k8s.io/kube-scheduler:${v}`, sched, ["/etc/kubernetes/scheduler.conf"]),
  ];
}

export function basics(c: Ctx, minor: number, opts: { controlPlane?: ControlPlaneFlags } = {}): KubeObject[] {
  const out: KubeObject[] = [
    namespace(c, "default"),
    namespace(c, "kube-system"),
    namespace(c, "kube-public"),
    namespace(c, "kube-node-lease"),
  ];
  c.nodes.forEach((n, i) => out.push(node(c, n, minor, i === 0 ? "control-plane" : "worker")));
  out.push(
    serviceAccount(c, "kube-system", "coredns"),
    serviceAccount(c, "kube-system", "kube-proxy"),
    configMap(c, "kube-system", "coredns", {
      Corefile: ".:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n",
    }),
    configMap(c, "kube-system", "kube-proxy", { "config.conf": "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: iptables\nclusterCIDR: 10.244.0.0/16\n" }),
    ...deployment(c, "kube-system", "coredns", {
      replicas: 2,
      labels: { "k8s-app": "kube-dns" },
      spec: podSpec({
        serviceAccountName: "coredns",
        priorityClassName: "system-cluster-critical",
        containers: [
          {
            ...container({ name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.1", args: ["-conf", "/etc/coredns/Corefile"], resources: true, port: 8080, probes: true }),
            securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] }, readOnlyRootFilesystem: true },
          },
        ],
        volumes: [{ name: "config-volume", configMap: { name: "coredns" } }],
        tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }],
      }),
    }),
    service(c, "kube-system", "kube-dns", 53, "ClusterIP", { clusterIP: "10.96.0.10", selector: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", port: 53, protocol: "UDP", targetPort: 53 }, { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 }] }),
    ...daemonSet(c, "kube-system", "kube-proxy", {
      labels: { "k8s-app": "kube-proxy" },
      spec: podSpec({
        serviceAccountName: "kube-proxy",
        hostNetwork: true,
        priorityClassName: "system-node-critical",
        containers: [
          {
            ...container({ name: "kube-proxy", image: `registry.k8s.io/kube-proxy:v1.${minor}.0`, command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"], privileged: true }),
            volumeMounts: [{ name: "kube-proxy", mountPath: "/var/lib/kube-proxy" }, { name: "xtables-lock", mountPath: "/run/xtables.lock" }, { name: "lib-modules", mountPath: "/lib/modules", readOnly: true }],
          },
        ],
        volumes: [
          { name: "kube-proxy", configMap: { name: "kube-proxy" } },
          { name: "xtables-lock", hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" } },
          { name: "lib-modules", hostPath: { path: "/lib/modules", type: "" } },
        ],
        tolerations: [{ operator: "Exists" }],
      }),
    }),
    { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: meta(c, "PriorityClass", "system-cluster-critical"), value: 2000000000, globalDefault: false, description: "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.", preemptionPolicy: "PreemptLowerPriority" },
    { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: meta(c, "PriorityClass", "system-node-critical"), value: 2000001000, globalDefault: false, description: "Used for system critical pods that must not be moved from their current node.", preemptionPolicy: "PreemptLowerPriority" },
    { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: meta(c, "StorageClass", "standard", undefined, { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }), provisioner: "rancher.io/local-path", reclaimPolicy: "Delete", volumeBindingMode: "WaitForFirstConsumer" },
    { apiVersion: "v1", kind: "Service", metadata: meta(c, "Service", "kubernetes", "default", { labels: { component: "apiserver", provider: "kubernetes" } }), spec: { type: "ClusterIP", clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }], sessionAffinity: "None" }, status: { loadBalancer: {} } },
    ...systemRoles(c),
  );
  if (opts.controlPlane) out.push(...controlPlane(c, minor, c.nodes[0]!, opts.controlPlane));
  return out;
}

/** Adds what the controllers create in every namespace: the default SA and kube-root-ca.crt. */
export function namespaceDefaults(c: Ctx, objects: KubeObject[], defaultAutomount?: boolean): KubeObject[] {
  const have = new Set(objects.filter((o) => o.kind === "ServiceAccount").map((o) => `${o.metadata.namespace}/${o.metadata.name}`));
  const extra: KubeObject[] = [];
  for (const o of objects) {
    if (o.kind !== "Namespace") continue;
    const ns = o.metadata.name!;
    if (!have.has(`${ns}/default`)) extra.push(serviceAccount(c, ns, "default", defaultAutomount));
    extra.push(configMap(c, ns, "kube-root-ca.crt", { "ca.crt": "-----BEGIN CERTIFICATE-----\nMIIC/jCCAeagAwIBAgIBADANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJl\n-----END CERTIFICATE-----\n" }));
  }
  return [...objects, ...extra];
}
