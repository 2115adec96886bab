// A hardened production cluster: restricted Pod Security, default-deny networking, non-root
// read-only workloads pinned by digest, scanned by Trivy Operator (only low CVEs, or ones without a
// fix). Deliberate findings: "fx-rates" has no PodDisruptionBudget and "notifier" uses an image
// without a digest.
import type { KubeObject } from "../types";
import { basics, namespaceDefaults } from "./basics";
import {
  allowDns,
  allowFrom,
  container,
  ctx,
  defaultDeny,
  deployment,
  digestOf,
  ingress,
  meta,
  namespace,
  pdb,
  podSpec,
  role,
  roleBinding,
  secret,
  service,
  serviceAccount,
  configMap,
} from "./builders";
import { controllerOf, CVES, trivyOperatorCrds, vulnerabilityReport } from "./scanners";

const BASE_CVES = [CVES.glibcLdLibraryPath, CVES.opensslLow, CVES.tarSymlink];

const PSA = {
  "pod-security.kubernetes.io/enforce": "restricted",
  "pod-security.kubernetes.io/enforce-version": "latest",
  "pod-security.kubernetes.io/audit": "restricted",
  "pod-security.kubernetes.io/warn": "restricted",
};

interface App {
  ns: string;
  name: string;
  port: number;
  replicas: number;
  pdb: boolean;
  digest: boolean;
  callers: string[];
  secretEnv?: string;
  /** Its base image also has a medium CVE with no fix released. */
  medium?: boolean;
}

const APPS: App[] = [
  { ns: "payments", name: "payment-api", port: 8080, replicas: 3, pdb: true, digest: true, callers: ["api-gateway"], secretEnv: "payment-db" },
  { ns: "payments", name: "card-vault", port: 8443, replicas: 3, pdb: true, digest: true, callers: ["payment-api"], secretEnv: "vault-hsm" },
  { ns: "payments", name: "fx-rates", port: 8080, replicas: 2, pdb: false, digest: true, callers: ["payment-api"] },
  { ns: "payments", name: "settlement-worker", port: 9090, replicas: 2, pdb: true, digest: true, callers: [] },
  { ns: "ledger", name: "ledger-api", port: 8080, replicas: 3, pdb: true, digest: true, callers: ["payment-api", "settlement-worker"], secretEnv: "ledger-db", medium: true },
  { ns: "ledger", name: "ledger-projector", port: 9090, replicas: 2, pdb: true, digest: true, callers: [] },
  { ns: "fraud", name: "risk-scorer", port: 8080, replicas: 3, pdb: true, digest: true, callers: ["payment-api"] },
  { ns: "fraud", name: "notifier", port: 8080, replicas: 2, pdb: true, digest: false, callers: ["risk-scorer"], medium: true },
  { ns: "gateway", name: "api-gateway", port: 8443, replicas: 3, pdb: true, digest: true, callers: ["ingress-nginx"] },
  { ns: "monitoring", name: "metrics-collector", port: 9100, replicas: 2, pdb: true, digest: true, callers: [] },
];

export function paymentsProd(): { objects: KubeObject[]; version: string } {
  const c = ctx(3001, ["cp-1", "worker-a1", "worker-b1", "worker-c1"]);
  const objs: KubeObject[] = basics(c, 30, { controlPlane: { insecure: false } });
  objs.push(...trivyOperatorCrds(c));
  for (const ns of ["payments", "ledger", "fraud", "gateway", "monitoring"]) {
    objs.push(
      namespace(c, ns, { ...PSA, "team": ns === "monitoring" ? "platform" : ns, "environment": "prod" }),
      serviceAccount(c, ns, "default", false),
      defaultDeny(c, ns),
      allowDns(c, ns),
      { apiVersion: "v1", kind: "ResourceQuota", metadata: meta(c, "ResourceQuota", "compute", ns), spec: { hard: { "requests.cpu": "8", "requests.memory": "16Gi", "limits.cpu": "16", "limits.memory": "32Gi", pods: "50" } }, status: {} },
      { apiVersion: "v1", kind: "LimitRange", metadata: meta(c, "LimitRange", "defaults", ns), spec: { limits: [{ type: "Container", default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } }] } },
      role(c, ns, "app-config-reader", [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }]),
    );
  }
  for (const app of APPS) {
    const image = `registry.payments.example/${app.ns}/${app.name}:2.14.3`;
    const ref = app.digest ? `registry.payments.example/${app.ns}/${app.name}@${digestOf(image)}` : image;
    const env: Array<Record<string, unknown>> = [{ name: "LOG_LEVEL", value: "info" }, { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }];
    if (app.secretEnv) {
      env.push({ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: app.secretEnv, key: "password" } } });
      objs.push(secret(c, app.ns, app.secretEnv, { username: app.name, password: `${app.name}-pw` }));
    }
    objs.push(
      serviceAccount(c, app.ns, app.name, false),
      configMap(c, app.ns, `${app.name}-config`, { "application.yaml": `server:\n  port: ${app.port}\n` }),
      ...deployment(c, app.ns, app.name, {
        replicas: app.replicas,
        labels: { "app.kubernetes.io/part-of": "payments-platform", "app.kubernetes.io/version": "2.14.3" },
        spec: podSpec({
          serviceAccountName: app.name,
          automountServiceAccountToken: false,
          podSecurity: true,
          containers: [container({ name: app.name, image: ref, hardened: true, resources: true, probes: true, port: app.port, env, volumeMounts: [{ name: "tmp", mountPath: "/tmp" }] })],
          volumes: [{ name: "tmp", emptyDir: { medium: "Memory", sizeLimit: "64Mi" } }],
        }),
      }),
      service(c, app.ns, app.name, app.port),
      roleBinding(c, app.ns, `${app.name}-config-reader`, "Role", "app-config-reader", [{ kind: "ServiceAccount", name: app.name, namespace: app.ns }]),
    );
    // Distroless images rebuilt weekly: what Trivy Operator finds is low, or has no fix yet.
    const rs = controllerOf(objs, "Deployment", app.name, app.ns).rs!;
    objs.push(vulnerabilityReport(c, rs, app.name, ref, app.medium ? [...BASE_CVES, CVES.libgccStackProtector] : BASE_CVES, { digest: digestOf(image) }));
    if (app.pdb) objs.push(pdb(c, app.ns, app.name, app.replicas > 2 ? 2 : 1));
    for (const caller of app.callers) objs.push(allowFrom(c, app.ns, `allow-${caller}-to-${app.name}`, app.name, { "app.kubernetes.io/name": caller }, app.port));
  }
  objs.push(
    secret(c, "gateway", "api-gateway-tls", { "tls.crt": "-----BEGIN CERTIFICATE-----\n...\n", "tls.key": "-----BEGIN PRIVATE KEY-----\n...\n" }, "kubernetes.io/tls"),
    ingress(c, "gateway", "api-gateway", "api.payments.example", "api-gateway", 8443, true),
    { apiVersion: "networking.k8s.io/v1", kind: "IngressClass", metadata: meta(c, "IngressClass", "nginx"), spec: { controller: "k8s.io/ingress-nginx" } },
    {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: meta(c, "HorizontalPodAutoscaler", "payment-api", "payments"),
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "payment-api" }, minReplicas: 3, maxReplicas: 12, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] },
      status: { currentReplicas: 3, desiredReplicas: 3 },
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingWebhookConfiguration",
      metadata: meta(c, "ValidatingWebhookConfiguration", "image-signature-policy"),
      webhooks: [
        {
          name: "verify-images.payments.example",
          admissionReviewVersions: ["v1"],
          sideEffects: "None",
          failurePolicy: "Fail",
          timeoutSeconds: 5,
          clientConfig: { service: { name: "image-policy", namespace: "monitoring", path: "/validate", port: 443 } },
          rules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["pods"], scope: "Namespaced" }],
          namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["kube-system"] }] },
        },
      ],
    },
    { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: meta(c, "PriorityClass", "payments-critical"), value: 100000, globalDefault: false, description: "Payment path workloads", preemptionPolicy: "PreemptLowerPriority" },
  );
  return { objects: namespaceDefaults(c, objs, false), version: "1.30" };
}
