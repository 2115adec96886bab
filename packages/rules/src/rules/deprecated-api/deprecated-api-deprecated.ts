import { clusterMinor, compareVersions, DEPRECATED_KINDS, deprecationOf, parseMinor } from "../../helpers/deprecations";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const deprecatedApiDeprecated = defineRule({
  id: "deprecated-api-deprecated",
  title: "Object uses a deprecated API version",
  category: "deprecated-api",
  severity: "low",
  kinds: ["Deployment", "DaemonSet", "StatefulSet", "Ingress", "CronJob"],
  description:
    "The apiVersion still works on the cluster's Kubernetes version but is deprecated and scheduled for removal: the upgrade that removes it will break deployments of this object.",
  remediation: "Migrate to the replacement apiVersion before upgrading to the version that removes it.",
  references: ["https://kubernetes.io/docs/reference/using-api/deprecation-guide/"],
  peers: { nsa: ["UPG"] },
  notEvaluable: (ctx) => (clusterMinor(ctx) ? undefined : "Kubernetes version unknown (pass --kube-version)"),
  *evaluate(ctx): Iterable<RawFinding> {
    const cluster = clusterMinor(ctx);
    if (!cluster) return;
    for (const kind of DEPRECATED_KINDS) {
      // PodSecurityPolicy is gone entirely, not just one version: deprecated-pod-security-policy.
      if (kind === "PodSecurityPolicy") continue;
      for (const obj of ctx.index.byKind(kind)) {
        const hit = deprecationOf(obj);
        if (!hit) continue;
        if (compareVersions(cluster, parseMinor(hit.dep.deprecatedIn)!) < 0) continue;
        // Removed versions are deprecated-api-removed's.
        if (compareVersions(cluster, parseMinor(hit.dep.removedIn)!) >= 0) continue;
        yield {
          object: obj,
          path: hit.via === "apiVersion" ? "apiVersion" : `metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]`,
          observed: hit.dep.apiVersion,
          message: `${hit.dep.apiVersion} ${kind} is deprecated since ${hit.dep.deprecatedIn} and removed in ${hit.dep.removedIn}; use ${hit.dep.replacement}`,
        };
      }
    }
  },
});
