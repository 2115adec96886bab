// A typical web shop's staging cluster with the mistakes such clusters have: latest tags, missing
// limits, no NetworkPolicies in "shop", a LoadBalancer, a literal secret in env, a privileged
// sidecar, auto-mounted default tokens, an Ingress without TLS, a Role that reads secrets; Trivy
// Operator reports high fixable CVEs in the exposed frontend and in cart.
import type { KubeObject } from "../types";
import { basics, namespaceDefaults } from "./basics";
import {
  allowDns,
  clusterRole,
  clusterRoleBinding,
  configMap,
  container,
  cronJob,
  ctx,
  daemonSet,
  defaultDeny,
  deployment,
  ingress,
  meta,
  namespace,
  podSpec,
  role,
  roleBinding,
  secret,
  service,
  serviceAccount,
  statefulSet,
  digestOf,
} from "./builders";
import { controllerOf, CVES, kyvernoPolicyReport, policyReportCrds, trivyOperatorCrds, vulnerabilityReport, type Cve } from "./scanners";

export function shopStaging(): { objects: KubeObject[]; version: string } {
  const c = ctx(2002, ["kind-control-plane", "kind-worker", "kind-worker2"]);
  const objs: KubeObject[] = basics(c, 29, { controlPlane: { insecure: false } });
  objs.push(
    namespace(c, "shop", { environment: "staging", team: "storefront" }),
    namespace(c, "data", { environment: "staging", team: "storefront", "pod-security.kubernetes.io/enforce": "baseline" }),
    namespace(c, "tools", { environment: "staging" }),
    defaultDeny(c, "data"),
    allowDns(c, "data"),
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta(c, "NetworkPolicy", "allow-shop-to-data", "data"),
      spec: { podSelector: {}, policyTypes: ["Ingress"], ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } } }] }] },
    },
  );

  // frontend: latest tag, LoadBalancer, default SA with automounted token.
  objs.push(
    ...deployment(c, "shop", "frontend", {
      replicas: 3,
      spec: podSpec({ containers: [container({ name: "frontend", image: "ghcr.io/acme-shop/frontend:latest", port: 8080, resources: "requests-only", probes: true })] }),
    }),
    service(c, "shop", "frontend", 8080, "LoadBalancer", { externalTrafficPolicy: "Cluster" }),
    configMap(c, "shop", "frontend-config", { API_URL: "http://cart.shop.svc:8080", FEATURE_FLAGS: "new-checkout=true" }),
  );
  // cart: no resource limits at all, runs as root.
  objs.push(
    serviceAccount(c, "shop", "cart"),
    ...deployment(c, "shop", "cart", {
      replicas: 2,
      spec: podSpec({ serviceAccountName: "cart", containers: [container({ name: "cart", image: "ghcr.io/acme-shop/cart:1.8.2", port: 8080, runAsRoot: true, env: [{ name: "REDIS_URL", value: "redis://redis.data.svc:6379" }] })] }),
    }),
    service(c, "shop", "cart", 8080),
  );
  // checkout: payment provider key as a literal env value.
  objs.push(
    serviceAccount(c, "shop", "checkout"),
    ...deployment(c, "shop", "checkout", {
      replicas: 2,
      spec: podSpec({
        serviceAccountName: "checkout",
        containers: [
          container({
            name: "checkout",
            image: "ghcr.io/acme-shop/checkout:2.3.0",
            port: 8080,
            resources: true,
            probes: true,
            allowPrivilegeEscalation: false,
            env: [
              { name: "PAYMENT_PROVIDER", value: "stripe" },
              { name: "STRIPE_API_KEY", value: "sk_test_51HxSimulatedKeyNotReal0000000000" },
              { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "postgres-credentials", key: "password" } } },
            ],
          }),
        ],
      }),
    }),
    service(c, "shop", "checkout", 8080),
    configMap(c, "shop", "checkout-config", { PAYMENT_PROVIDER_URL: "https://api.stripe.example", CURRENCY: "EUR" }),
    configMap(c, "shop", "cart-config", { SESSION_TTL: "3600" }),
  );
  // catalog: untagged image and a privileged log-shipping sidecar.
  objs.push(
    ...deployment(c, "shop", "catalog", {
      replicas: 3,
      spec: podSpec({
        containers: [
          container({ name: "catalog", image: "ghcr.io/acme-shop/catalog", port: 8080 }),
          container({ name: "log-shipper", image: "fluent/fluent-bit:2.2", privileged: true, volumeMounts: [{ name: "varlog", mountPath: "/var/log" }] }),
        ],
        volumes: [{ name: "varlog", hostPath: { path: "/var/log", type: "Directory" } }],
      }),
    }),
    service(c, "shop", "catalog", 8080),
    ingress(c, "shop", "storefront", "shop-staging.acme.example", "frontend", 80, false),
    { apiVersion: "networking.k8s.io/v1", kind: "IngressClass", metadata: meta(c, "IngressClass", "nginx", undefined, { annotations: { "ingressclass.kubernetes.io/is-default-class": "true" } }), spec: { controller: "k8s.io/ingress-nginx" } },
  );
  // data: redis and postgres; postgres password literal in env, credentials secret alongside.
  objs.push(
    ...deployment(c, "data", "redis", {
      replicas: 1,
      spec: podSpec({ containers: [container({ name: "redis", image: "redis:7.2", port: 6379, resources: true })] }),
    }),
    service(c, "data", "redis", 6379),
    secret(c, "data", "postgres-credentials", { username: "shop", password: "staging-password" }),
    secret(c, "shop", "postgres-credentials", { username: "shop", password: "staging-password" }),
    ...statefulSet(c, "data", "postgres", {
      replicas: 1,
      volumeClaim: "standard",
      spec: podSpec({
        containers: [
          container({
            name: "postgres",
            image: "postgres:16.1",
            port: 5432,
            resources: true,
            env: [{ name: "POSTGRES_USER", value: "shop" }, { name: "POSTGRES_PASSWORD", value: "staging-password" }],
            volumeMounts: [{ name: "data", mountPath: "/var/lib/postgresql/data" }],
          }),
        ],
      }),
    }),
    service(c, "data", "postgres", 5432, "ClusterIP", { clusterIP: "None" }),
  );
  // tools: a CI deployer Role that can read secrets, and a nightly job.
  objs.push(
    serviceAccount(c, "tools", "ci-deployer"),
    role(c, "shop", "ci-deployer", [
      { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "patch", "update"] },
      { apiGroups: [""], resources: ["secrets", "configmaps"], verbs: ["get", "list", "watch"] },
    ]),
    roleBinding(c, "shop", "ci-deployer", "Role", "ci-deployer", [{ kind: "ServiceAccount", name: "ci-deployer", namespace: "tools" }]),
    roleBinding(c, "shop", "storefront-devs-edit", "ClusterRole", "edit", [{ kind: "Group", name: "storefront-devs" }]),
    cronJob(c, "tools", "db-backup", "0 2 * * *", podSpec({ containers: [container({ name: "backup", image: "postgres:16.1", command: ["sh", "-c", "pg_dump -h postgres.data.svc shop > /backup/shop.sql"] })] })),
    ...deployment(c, "tools", "adminer", {
      replicas: 1,
      spec: podSpec({ containers: [container({ name: "adminer", image: "adminer:latest", port: 8080 })] }),
    }),
    service(c, "tools", "adminer", 8080, "NodePort"),
  );
  // monitoring and search: what a staging cluster accumulates besides the shop itself.
  objs.push(
    namespace(c, "monitoring", { environment: "staging", team: "platform" }),
    namespace(c, "search", { environment: "staging", team: "storefront" }),
    serviceAccount(c, "monitoring", "prometheus"),
    clusterRole(c, "prometheus", [
      { apiGroups: [""], resources: ["nodes", "nodes/metrics", "services", "endpoints", "pods"], verbs: ["get", "list", "watch"] },
      { nonResourceURLs: ["/metrics"], verbs: ["get"] },
    ]),
    clusterRoleBinding(c, "prometheus", "prometheus", [{ kind: "ServiceAccount", name: "prometheus", namespace: "monitoring" }]),
    ...deployment(c, "monitoring", "prometheus", {
      replicas: 1,
      spec: podSpec({ serviceAccountName: "prometheus", containers: [container({ name: "prometheus", image: "quay.io/prometheus/prometheus:v2.48.1", port: 9090, resources: true, probes: true })] }),
    }),
    service(c, "monitoring", "prometheus", 9090),
    ...deployment(c, "monitoring", "grafana", {
      replicas: 1,
      spec: podSpec({ containers: [container({ name: "grafana", image: "grafana/grafana:10.2.3", port: 3000, resources: true, env: [{ name: "GF_SECURITY_ADMIN_PASSWORD", valueFrom: { secretKeyRef: { name: "grafana-admin", key: "password" } } }] })] }),
    }),
    secret(c, "monitoring", "grafana-admin", { password: "grafana-staging" }),
    service(c, "monitoring", "grafana", 3000),
    ...daemonSet(c, "monitoring", "node-exporter", {
      spec: podSpec({
        hostNetwork: true,
        hostPID: true,
        containers: [container({ name: "node-exporter", image: "quay.io/prometheus/node-exporter:v1.7.0", args: ["--path.rootfs=/host"], port: 9100, resources: true, volumeMounts: [{ name: "root", mountPath: "/host", readOnly: true }] })],
        volumes: [{ name: "root", hostPath: { path: "/" } }],
        tolerations: [{ operator: "Exists" }],
      }),
    }),
    ...statefulSet(c, "search", "elasticsearch", {
      replicas: 3,
      volumeClaim: "standard",
      spec: podSpec({
        initContainers: [container({ name: "sysctl", image: "busybox:1.36", command: ["sysctl", "-w", "vm.max_map_count=262144"], privileged: true })],
        containers: [container({ name: "elasticsearch", image: "docker.elastic.co/elasticsearch/elasticsearch:8.11.3", port: 9200, resources: true, volumeMounts: [{ name: "data", mountPath: "/usr/share/elasticsearch/data" }] })],
      }),
    }),
    service(c, "search", "elasticsearch", 9200, "ClusterIP", { clusterIP: "None" }),
    ...deployment(c, "search", "recommendations", {
      replicas: 2,
      spec: podSpec({ containers: [container({ name: "recommendations", image: "ghcr.io/acme-shop/recommendations:0.9.1", port: 8080, resources: "requests-only", probes: true })] }),
    }),
    service(c, "search", "recommendations", 8080),
    {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: meta(c, "HorizontalPodAutoscaler", "frontend", "shop"),
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "frontend" }, minReplicas: 2, maxReplicas: 5, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }] },
    },
  );
  // Trivy Operator and Kyverno run here: their reports are read with the cluster.
  objs.push(...trivyOperatorCrds(c), ...policyReportCrds(c));
  const rsOf = (ns: string, name: string) => controllerOf(objs, "Deployment", name, ns).rs!;
  const scanned = (owner: KubeObject, containerName: string, image: string, cves: Cve[]) => vulnerabilityReport(c, owner, containerName, image, cves, { digest: digestOf(image) });
  objs.push(
    scanned(rsOf("shop", "frontend"), "frontend", "ghcr.io/acme-shop/frontend:latest", [CVES.http2RapidReset, CVES.goStdlibNetHttp, CVES.aptKey]),
    scanned(rsOf("shop", "cart"), "cart", "ghcr.io/acme-shop/cart:1.8.2", [CVES.qsPrototype, CVES.semverRedos, CVES.aptKey]),
    scanned(rsOf("shop", "checkout"), "checkout", "ghcr.io/acme-shop/checkout:2.3.0", [CVES.semverRedos, CVES.aptKey]),
    scanned(rsOf("shop", "catalog"), "catalog", "ghcr.io/acme-shop/catalog", [CVES.coreutils]),
    scanned(rsOf("shop", "catalog"), "log-shipper", "fluent/fluent-bit:2.2", [CVES.aptKey, CVES.libgcrypt]),
    scanned(rsOf("data", "redis"), "redis", "redis:7.2", [CVES.zlibMinizip, CVES.aptKey]),
    scanned(controllerOf(objs, "StatefulSet", "postgres", "data").top, "postgres", "postgres:16.1", [CVES.perlCpan, CVES.opensslLow]),
    kyvernoPolicyReport(c, controllerOf(objs, "Deployment", "frontend", "shop").top, [
      { policy: "disallow-latest-tag", rule: "autogen-validate-image-tag", result: "fail", severity: "medium", category: "Best Practices", message: "validation error: Using a mutable image tag e.g. 'latest' is not allowed." },
      { policy: "disallow-privileged-containers", rule: "autogen-privileged-containers", result: "pass", severity: "medium", message: "validation rule 'autogen-privileged-containers' passed." },
    ]),
  );
  return { objects: namespaceDefaults(c, objs), version: "1.29" };
}
