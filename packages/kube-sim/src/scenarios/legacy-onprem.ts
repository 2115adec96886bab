// An on-premises cluster left at 1.24: PodSecurityPolicies, privileged host-level DaemonSets,
// cluster-admin handed to a service account and a group, deprecated API versions, and
// control-plane static pods with insecure flags; Trivy Operator reports critical fixable CVEs in the
// exposed CRM (Spring4Shell), the privileged log agent (Log4Shell) and Jenkins.
import type { KubeObject } from "../types";
import { basics, namespaceDefaults } from "./basics";
import {
  clusterRole,
  clusterRoleBinding,
  configMap,
  container,
  cronJob,
  ctx,
  daemonSet,
  deployment,
  ingress,
  meta,
  namespace,
  pdb,
  podSpec,
  roleBinding,
  secret,
  service,
  serviceAccount,
  statefulSet,
  digestOf,
} from "./builders";
import { controllerOf, CVES, trivyOperatorCrds, vulnerabilityReport, type Cve } from "./scanners";

function psp(c: ReturnType<typeof ctx>, name: string, privileged: boolean): KubeObject {
  const spec: Record<string, unknown> = privileged
    ? {
        privileged: true,
        allowPrivilegeEscalation: true,
        allowedCapabilities: ["*"],
        volumes: ["*"],
        hostNetwork: true,
        hostPorts: [{ min: 0, max: 65535 }],
        hostIPC: true,
        hostPID: true,
        runAsUser: { rule: "RunAsAny" },
        seLinux: { rule: "RunAsAny" },
        supplementalGroups: { rule: "RunAsAny" },
        fsGroup: { rule: "RunAsAny" },
      }
    : {
        privileged: false,
        allowPrivilegeEscalation: false,
        requiredDropCapabilities: ["ALL"],
        volumes: ["configMap", "emptyDir", "projected", "secret", "downwardAPI", "persistentVolumeClaim"],
        hostNetwork: false,
        hostIPC: false,
        hostPID: false,
        runAsUser: { rule: "MustRunAsNonRoot" },
        seLinux: { rule: "RunAsAny" },
        supplementalGroups: { rule: "MustRunAs", ranges: [{ min: 1, max: 65535 }] },
        fsGroup: { rule: "MustRunAs", ranges: [{ min: 1, max: 65535 }] },
        readOnlyRootFilesystem: false,
      };
  return { apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", metadata: meta(c, "PodSecurityPolicy", name, undefined, { annotations: { "seccomp.security.alpha.kubernetes.io/allowedProfileNames": "*" } }), spec };
}

function lastApplied(obj: KubeObject, apiVersion: string): KubeObject {
  const applied = JSON.stringify({ apiVersion, kind: obj.kind, metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace } });
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), "kubectl.kubernetes.io/last-applied-configuration": applied + "\n" };
  return obj;
}

export function legacyOnprem(): { objects: KubeObject[]; version: string } {
  const c = ctx(1124, ["master-01", "node-01", "node-02", "node-03", "node-04"]);
  const objs: KubeObject[] = basics(c, 24, { controlPlane: { insecure: true } });
  objs.push(
    namespace(c, "erp"),
    namespace(c, "crm"),
    namespace(c, "monitoring"),
    namespace(c, "ci"),
    namespace(c, "logging"),
    psp(c, "privileged", true),
    psp(c, "restricted", false),
    clusterRole(c, "psp:privileged", [{ apiGroups: ["policy"], resources: ["podsecuritypolicies"], resourceNames: ["privileged"], verbs: ["use"] }]),
    clusterRole(c, "psp:restricted", [{ apiGroups: ["policy"], resources: ["podsecuritypolicies"], resourceNames: ["restricted"], verbs: ["use"] }]),
    clusterRoleBinding(c, "psp:restricted:authenticated", "psp:restricted", [{ kind: "Group", name: "system:authenticated" }]),
    roleBinding(c, "kube-system", "psp:privileged:nodes", "ClusterRole", "psp:privileged", [{ kind: "Group", name: "system:nodes" }, { kind: "Group", name: "system:serviceaccounts:kube-system" }]),
    roleBinding(c, "logging", "psp:privileged:logging", "ClusterRole", "psp:privileged", [{ kind: "Group", name: "system:serviceaccounts:logging" }]),
    // The two cluster-admin grants the issue is about.
    serviceAccount(c, "ci", "jenkins"),
    clusterRoleBinding(c, "jenkins-cluster-admin", "cluster-admin", [{ kind: "ServiceAccount", name: "jenkins", namespace: "ci" }]),
    clusterRoleBinding(c, "ops-team-admin", "cluster-admin", [{ kind: "Group", name: "ops-team" }, { kind: "User", name: "alice@corp.example" }]),
    clusterRole(c, "secret-reader", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }]),
    clusterRoleBinding(c, "monitoring-secret-reader", "secret-reader", [{ kind: "ServiceAccount", name: "default", namespace: "monitoring" }]),
    clusterRole(c, "pod-exec", [{ apiGroups: [""], resources: ["pods/exec", "pods"], verbs: ["create", "get"] }, { apiGroups: ["*"], resources: ["*"], verbs: ["escalate", "bind"] }]),
  );
  // Host-level DaemonSets.
  objs.push(
    serviceAccount(c, "logging", "log-agent"),
    ...daemonSet(c, "logging", "log-agent", {
      spec: podSpec({
        serviceAccountName: "log-agent",
        hostNetwork: true,
        containers: [container({ name: "agent", image: "corp-registry.local/log-agent:3.1", privileged: true, runAsRoot: true, volumeMounts: [{ name: "host-root", mountPath: "/host" }] })],
        volumes: [{ name: "host-root", hostPath: { path: "/" } }],
        tolerations: [{ operator: "Exists" }],
      }),
    }),
    ...daemonSet(c, "monitoring", "node-exporter", {
      spec: podSpec({
        hostNetwork: true,
        hostPID: true,
        containers: [container({ name: "node-exporter", image: "prom/node-exporter:v1.3.1", args: ["--path.rootfs=/host"], port: 9100, capabilitiesAdd: ["SYS_ADMIN", "SYS_PTRACE"], volumeMounts: [{ name: "root", mountPath: "/host", readOnly: true }] })],
        volumes: [{ name: "root", hostPath: { path: "/" } }, { name: "docker-sock", hostPath: { path: "/var/run/docker.sock" } }],
      }),
    }),
  );
  // Applications: root, no limits, hostPath, deprecated API versions.
  objs.push(
    ...deployment(c, "erp", "erp-backend", {
      replicas: 3,
      annotations: {},
      spec: podSpec({
        containers: [container({ name: "erp", image: "corp-registry.local/erp/backend:2019.4", port: 8080, runAsRoot: true, env: [{ name: "DB_PASSWORD", value: "Winter2019!" }], volumeMounts: [{ name: "shared", mountPath: "/data" }] })],
        volumes: [{ name: "shared", hostPath: { path: "/mnt/erp-share" } }],
      }),
    }).map((o) => (o.kind === "Deployment" ? lastApplied(o, "extensions/v1beta1") : o)),
    service(c, "erp", "erp-backend", 8080, "NodePort"),
    ...deployment(c, "erp", "erp-frontend", {
      replicas: 2,
      spec: podSpec({ containers: [container({ name: "web", image: "corp-registry.local/erp/frontend:latest", port: 8080 })] }),
    }),
    service(c, "erp", "erp-frontend", 8080),
    ingress(c, "erp", "erp", "erp.corp.local", "erp-frontend", 80, false),
    pdb(c, "erp", "erp-backend", 1, "policy/v1beta1"),
    {
      apiVersion: "autoscaling/v2beta1",
      kind: "HorizontalPodAutoscaler",
      metadata: meta(c, "HorizontalPodAutoscaler", "erp-backend", "erp"),
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "erp-backend" }, minReplicas: 3, maxReplicas: 6, metrics: [{ type: "Resource", resource: { name: "cpu", targetAverageUtilization: 80 } }] },
    },
    secret(c, "erp", "erp-db", { password: "Winter2019!" }),
    ...deployment(c, "crm", "crm", {
      replicas: 2,
      spec: podSpec({ containers: [container({ name: "crm", image: "corp-registry.local/crm:5.2", port: 8080, resources: "requests-only", allowPrivilegeEscalation: true })] }),
    }),
    service(c, "crm", "crm", 8080, "LoadBalancer"),
    ...statefulSet(c, "crm", "mysql", {
      replicas: 1,
      volumeClaim: "standard",
      spec: podSpec({ containers: [container({ name: "mysql", image: "mysql:5.7", port: 3306, runAsRoot: true, env: [{ name: "MYSQL_ROOT_PASSWORD", value: "root" }], volumeMounts: [{ name: "data", mountPath: "/var/lib/mysql" }] })] }),
    }),
    service(c, "crm", "mysql", 3306),
    cronJob(c, "crm", "nightly-export", "30 1 * * *", podSpec({ containers: [container({ name: "export", image: "corp-registry.local/crm-export:1.0", command: ["/export.sh"] })] }), "batch/v1beta1"),
    pdb(c, "crm", "crm", 1, "policy/v1beta1"),
    ...deployment(c, "ci", "jenkins", {
      replicas: 1,
      spec: podSpec({
        serviceAccountName: "jenkins",
        containers: [container({ name: "jenkins", image: "jenkins/jenkins:2.289", port: 8080, runAsRoot: true, volumeMounts: [{ name: "docker", mountPath: "/var/run/docker.sock" }] })],
        volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }],
      }),
    }),
    service(c, "ci", "jenkins", 8080, "NodePort"),
    configMap(c, "ci", "jenkins-casc", { "jenkins.yaml": "jenkins:\n  securityRealm:\n    local:\n      allowsSignup: true\n" }),
    ...deployment(c, "monitoring", "grafana", {
      replicas: 1,
      spec: podSpec({ containers: [container({ name: "grafana", image: "grafana/grafana:8.3.0", port: 3000, env: [{ name: "GF_SECURITY_ADMIN_PASSWORD", value: "admin" }] })] }),
    }),
    service(c, "monitoring", "grafana", 3000, "LoadBalancer"),
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "MutatingWebhookConfiguration",
      metadata: meta(c, "MutatingWebhookConfiguration", "legacy-injector"),
      webhooks: [
        {
          name: "inject.corp.local",
          admissionReviewVersions: ["v1"],
          sideEffects: "None",
          failurePolicy: "Ignore",
          clientConfig: { url: "http://injector.corp.local/mutate" },
          rules: [{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }],
        },
      ],
    },
  );
  // kube-system add-ons of that era: flannel, metrics-server, and a dashboard bound to cluster-admin.
  objs.push(
    serviceAccount(c, "kube-system", "flannel"),
    ...daemonSet(c, "kube-system", "kube-flannel-ds", {
      labels: { app: "flannel", tier: "node" },
      spec: podSpec({
        serviceAccountName: "flannel",
        hostNetwork: true,
        priorityClassName: "system-node-critical",
        containers: [container({ name: "kube-flannel", image: "quay.io/coreos/flannel:v0.15.1", args: ["--ip-masq", "--kube-subnet-mgr"], resources: true, capabilitiesAdd: ["NET_ADMIN", "NET_RAW"], volumeMounts: [{ name: "run", mountPath: "/run/flannel" }] })],
        volumes: [{ name: "run", hostPath: { path: "/run/flannel" } }, { name: "cni", hostPath: { path: "/etc/cni/net.d" } }],
        tolerations: [{ operator: "Exists", effect: "NoSchedule" }],
      }),
    }),
    serviceAccount(c, "kube-system", "metrics-server"),
    ...deployment(c, "kube-system", "metrics-server", {
      replicas: 1,
      spec: podSpec({ serviceAccountName: "metrics-server", containers: [container({ name: "metrics-server", image: "k8s.gcr.io/metrics-server/metrics-server:v0.5.2", args: ["--kubelet-insecure-tls", "--kubelet-preferred-address-types=InternalIP"], port: 4443, resources: "requests-only" })] }),
    }),
    namespace(c, "kubernetes-dashboard"),
    serviceAccount(c, "kubernetes-dashboard", "kubernetes-dashboard"),
    clusterRoleBinding(c, "kubernetes-dashboard", "cluster-admin", [{ kind: "ServiceAccount", name: "kubernetes-dashboard", namespace: "kubernetes-dashboard" }]),
    ...deployment(c, "kubernetes-dashboard", "kubernetes-dashboard", {
      replicas: 1,
      spec: podSpec({ serviceAccountName: "kubernetes-dashboard", containers: [container({ name: "kubernetes-dashboard", image: "kubernetesui/dashboard:v2.0.0", args: ["--enable-skip-login", "--disable-settings-authorizer"], port: 9090 })] }),
    }),
    service(c, "kubernetes-dashboard", "kubernetes-dashboard", 9090, "NodePort"),
    secret(c, "kubernetes-dashboard", "kubernetes-dashboard-token-x7k2p", { token: "legacy-sa-token-simulated", namespace: "kubernetes-dashboard" }, "kubernetes.io/service-account-token"),
    namespace(c, "reporting"),
    ...deployment(c, "reporting", "report-engine", {
      replicas: 3,
      spec: podSpec({ containers: [container({ name: "engine", image: "corp-registry.local/reporting/engine:4.1", port: 8080, runAsRoot: true })] }),
    }),
    service(c, "reporting", "report-engine", 8080),
    configMap(c, "reporting", "report-engine-config", { "db.url": "jdbc:mysql://mysql.crm.svc:3306/crm", "db.password": "root" }),
    cronJob(c, "reporting", "weekly-report", "0 6 * * 1", podSpec({ containers: [container({ name: "report", image: "corp-registry.local/reporting/engine:4.1", command: ["/run-report.sh"] })] }), "batch/v1beta1"),
  );
  // Trivy Operator was installed once; it still scans, except reporting, whose reports stopped three weeks ago.
  objs.push(...trivyOperatorCrds(c));
  const rsOf = (ns: string, name: string) => controllerOf(objs, "Deployment", name, ns).rs!;
  const scanned = (owner: KubeObject, containerName: string, image: string, cves: Cve[], hoursAgo?: number) =>
    vulnerabilityReport(c, owner, containerName, image, cves, { digest: digestOf(image), os: { family: "debian", name: "9.13" }, ...(hoursAgo ? { hoursAgo } : {}) });
  objs.push(
    scanned(rsOf("crm", "crm"), "crm", "corp-registry.local/crm:5.2", [CVES.springShell, CVES.opensslStretch]),
    scanned(controllerOf(objs, "DaemonSet", "log-agent", "logging").top, "agent", "corp-registry.local/log-agent:3.1", [CVES.log4Shell, CVES.opensslStretch]),
    scanned(rsOf("ci", "jenkins"), "jenkins", "jenkins/jenkins:2.289", [CVES.jenkinsCli, CVES.opensslStretch]),
    scanned(rsOf("monitoring", "grafana"), "grafana", "grafana/grafana:8.3.0", [CVES.grafanaTraversal]),
    scanned(controllerOf(objs, "StatefulSet", "mysql", "crm").top, "mysql", "mysql:5.7", [CVES.mysqlServer]),
    scanned(rsOf("erp", "erp-backend"), "erp", "corp-registry.local/erp/backend:2019.4", [CVES.opensslStretch]),
    scanned(rsOf("reporting", "report-engine"), "engine", "corp-registry.local/reporting/engine:4.1", [CVES.opensslStretch], 21 * 24),
  );
  return { objects: namespaceDefaults(c, objs), version: "1.24" };
}
