// A vulnerability laboratory: a cluster where Trivy Operator (and its PolicyReport adapter, and
// Kyverno) already left reports, with one case each of what attaching a report to a workload must
// get right, and the expected answer beside each. The CLI and worker tests read it through the API.
import type { KubeObject } from "../types";
import { basics, namespaceDefaults } from "./basics";
import { container, ctx, deployment, digestOf, namespace, podSpec, service, serviceAccount, uid, type Ctx } from "./builders";
import {
  configAuditReport,
  controllerOf,
  CVES,
  exposedSecretReport,
  kyvernoPolicyReport,
  policyReportCrds,
  trivyOperatorCrds,
  trivyVulnPolicyReport,
  vulnerabilityReport,
} from "./scanners";

/** Names the tests refer to, with what a scan must conclude about each. */
export const VULN_LAB = {
  /** Privileged, behind a LoadBalancer, critical fixable CVE in its ReplicaSet's report: a critical risk naming the CVE. */
  exposed: { namespace: "shop", deployment: "web", container: "web", image: "nginx:1.21.0", cve: "CVE-2021-23017", high: "CVE-2022-0778", service: "web" },
  /** Patched: its report lists only low CVEs, so no finding. */
  patched: { namespace: "shop", deployment: "api", container: "api", image: "ghcr.io/acme-shop/api:3.4.1" },
  /** Rolled out to 2.3.1 (not scanned yet); the old ReplicaSet's report is for 2.3.0 and no longer applies. */
  rolledOut: { namespace: "shop", deployment: "checkout", container: "checkout", image: "ghcr.io/acme-shop/checkout:2.3.1", oldImage: "ghcr.io/acme-shop/checkout:2.3.0", oldCve: "CVE-2022-22965" },
  /** A report 12 days old: still a finding, said to be stale; risks do not rise on it. */
  stale: { namespace: "back-office", deployment: "invoicing", container: "invoicing", image: "ghcr.io/acme-shop/invoicing:1.9.0", cve: "CVE-2022-22965", days: 12 },
  /** Known only through the Trivy PolicyReport adapter's PolicyReport: a high fixable CVE. */
  policyReport: { namespace: "shop", deployment: "cart", container: "cart", image: "ghcr.io/acme-shop/cart:1.8.2", cve: "CVE-2022-24999" },
} as const;

/** A second, older ReplicaSet of a Deployment, scaled to zero after a rollout, as the controller keeps it. */
function oldReplicaSet(c: Ctx, dep: KubeObject, current: KubeObject, image: string, hash: string): KubeObject {
  const name = `${dep.metadata.name}-${hash}`;
  const spec = JSON.parse(JSON.stringify((current.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec));
  spec.containers[0].image = image;
  const labels = { ...(dep.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels, "pod-template-hash": hash };
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: dep.metadata.namespace,
      uid: uid(c.seed, "ReplicaSet", dep.metadata.namespace ?? "", name),
      creationTimestamp: new Date(c.now - 20 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      labels: { ...(current.metadata.labels ?? {}), "pod-template-hash": hash },
      annotations: { "deployment.kubernetes.io/desired-replicas": "2", "deployment.kubernetes.io/max-replicas": "3", "deployment.kubernetes.io/revision": "1" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: dep.metadata.name!, uid: dep.metadata.uid!, controller: true, blockOwnerDeletion: true } as never],
      generation: 2,
    },
    spec: { replicas: 0, selector: { matchLabels: labels }, template: { metadata: { labels }, spec } },
    status: { replicas: 0, observedGeneration: 2 },
  };
}

export function vulnLab(): { objects: KubeObject[]; version: string } {
  const c = ctx(4242, ["vuln-control-plane", "vuln-worker", "vuln-worker2"]);
  const objs: KubeObject[] = basics(c, 30, { controlPlane: { insecure: false } });
  objs.push(...trivyOperatorCrds(c), ...policyReportCrds(c));
  objs.push(namespace(c, "shop", { team: "storefront" }), namespace(c, "back-office", { team: "finance" }));

  // The exposed, privileged nginx with a critical fixable CVE.
  const L = VULN_LAB;
  const web = deployment(c, L.exposed.namespace, L.exposed.deployment, {
    replicas: 2,
    spec: podSpec({ containers: [container({ name: L.exposed.container, image: L.exposed.image, port: 80, privileged: true, resources: true })] }),
  });
  const webRs = controllerOf(web, "Deployment", L.exposed.deployment).rs!;
  objs.push(
    ...web,
    service(c, L.exposed.namespace, L.exposed.service, 80, "LoadBalancer"),
    vulnerabilityReport(c, webRs, L.exposed.container, L.exposed.image, [CVES.nginxResolver, CVES.opensslBnModSqrt, CVES.aptKey], { os: { family: "debian", name: "10.9" }, digest: digestOf(L.exposed.image) }),
    configAuditReport(c, webRs, [
      { checkID: "KSV017", title: "Privileged container", severity: "HIGH", success: false, messages: [`Container '${L.exposed.container}' of ReplicaSet '${webRs.metadata.name}' should set 'securityContext.privileged' to false`] },
      { checkID: "KSV012", title: "Runs as root user", severity: "MEDIUM", success: false, messages: [`Container '${L.exposed.container}' of ReplicaSet '${webRs.metadata.name}' should set 'securityContext.runAsNonRoot' to true`] },
      { checkID: "KSV011", title: "CPU not limited", severity: "LOW", success: true },
    ]),
    kyvernoPolicyReport(c, web[0]!, [
      { policy: "disallow-privileged-containers", rule: "autogen-privileged-containers", result: "fail", severity: "medium", message: "validation error: Privileged mode is disallowed. The fields spec.containers[*].securityContext.privileged must be unset or set to `false`." },
      { policy: "disallow-host-path", rule: "autogen-host-path", result: "pass", severity: "medium", message: "validation rule 'autogen-host-path' passed." },
    ]),
  );

  // Patched: only low CVEs, and a secret Trivy found baked into the image.
  objs.push(serviceAccount(c, L.patched.namespace, L.patched.deployment, false));
  const api = deployment(c, L.patched.namespace, L.patched.deployment, {
    replicas: 2,
    spec: podSpec({ serviceAccountName: L.patched.deployment, automountServiceAccountToken: false, podSecurity: true, containers: [container({ name: L.patched.container, image: L.patched.image, port: 8080, hardened: true, resources: true, probes: true })] }),
  });
  const apiRs = controllerOf(api, "Deployment", L.patched.deployment).rs!;
  objs.push(
    ...api,
    service(c, L.patched.namespace, L.patched.deployment, 8080),
    vulnerabilityReport(c, apiRs, L.patched.container, L.patched.image, [CVES.aptKey, CVES.coreutils, CVES.opensslLow], { digest: digestOf(L.patched.image) }),
    exposedSecretReport(c, apiRs, L.patched.container, L.patched.image, [
      { target: "/app/config/.env.example", ruleID: "aws-access-key-id", title: "AWS Access Key ID", category: "AWS", severity: "CRITICAL", match: "AWS_ACCESS_KEY_ID=AKIA****************" },
    ]),
  );

  // Rolled out: the current ReplicaSet (2.3.1) has no report yet; the old one's report is for 2.3.0.
  const checkout = deployment(c, L.rolledOut.namespace, L.rolledOut.deployment, {
    replicas: 2,
    spec: podSpec({ containers: [container({ name: L.rolledOut.container, image: L.rolledOut.image, port: 8080, resources: true, allowPrivilegeEscalation: false })] }),
  });
  const { top: checkoutDep, rs: checkoutRs } = controllerOf(checkout, "Deployment", L.rolledOut.deployment);
  checkoutDep.metadata.annotations = { ...(checkoutDep.metadata.annotations ?? {}), "deployment.kubernetes.io/revision": "2" };
  checkoutRs!.metadata.annotations = { ...(checkoutRs!.metadata.annotations ?? {}), "deployment.kubernetes.io/revision": "2" };
  const oldRs = oldReplicaSet(c, checkoutDep, checkoutRs!, L.rolledOut.oldImage, "5d8b9c7f46");
  objs.push(
    ...checkout,
    oldRs,
    service(c, L.rolledOut.namespace, L.rolledOut.deployment, 8080),
    vulnerabilityReport(c, oldRs, L.rolledOut.container, L.rolledOut.oldImage, [CVES.springShell, CVES.semverRedos], { hoursAgo: 30, digest: digestOf(L.rolledOut.oldImage) }),
  );

  // Known only through the adapter's PolicyReport.
  const cart = deployment(c, L.policyReport.namespace, L.policyReport.deployment, {
    replicas: 2,
    spec: podSpec({ containers: [container({ name: L.policyReport.container, image: L.policyReport.image, port: 8080, resources: true })] }),
  });
  objs.push(...cart, service(c, L.policyReport.namespace, L.policyReport.deployment, 8080), trivyVulnPolicyReport(c, controllerOf(cart, "Deployment", L.policyReport.deployment).rs!, L.policyReport.image, [CVES.qsPrototype, CVES.aptKey]));

  // Stale: Trivy Operator stopped scanning this namespace 12 days ago.
  const invoicing = deployment(c, L.stale.namespace, L.stale.deployment, {
    replicas: 1,
    spec: podSpec({ containers: [container({ name: L.stale.container, image: L.stale.image, port: 8080, resources: true })] }),
  });
  objs.push(
    ...invoicing,
    service(c, L.stale.namespace, L.stale.deployment, 8080),
    vulnerabilityReport(c, controllerOf(invoicing, "Deployment", L.stale.deployment).rs!, L.stale.container, L.stale.image, [CVES.springShell, CVES.aptKey], { hoursAgo: L.stale.days * 24, digest: digestOf(L.stale.image) }),
  );
  return { objects: namespaceDefaults(c, objs), version: "1.30" };
}
