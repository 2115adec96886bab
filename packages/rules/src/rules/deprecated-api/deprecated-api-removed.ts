import { clusterMinor, compareVersions, DEPRECATED_KINDS, deprecationOf, parseMinor } from "../../helpers/deprecations";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const deprecatedApiRemoved = defineRule({
  id: "deprecated-api-removed",
  title: "Object uses an API version the cluster no longer serves",
  category: "deprecated-api",
  severity: "medium",
  kinds: ["Deployment", "DaemonSet", "StatefulSet", "Ingress", "CronJob"],
  description:
    "The apiVersion was removed in the cluster's Kubernetes version (or, when the version is unknown, in current Kubernetes): applying the manifest fails, so fixes and rollouts of this object stop working, often discovered during an incident or an upgrade.",
  remediation: "Migrate the manifest (and Helm charts/operators that render it) to the replacement apiVersion, e.g. with kubectl convert.",
  references: ["https://kubernetes.io/docs/reference/using-api/deprecation-guide/"],
  peers: { kubeLinter: ["no-extensions-v1beta"], nsa: ["UPG"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const cluster = clusterMinor(ctx);
    for (const kind of DEPRECATED_KINDS) {
      // PodSecurityPolicy is gone entirely, not just one version: deprecated-pod-security-policy.
      if (kind === "PodSecurityPolicy") continue;
      for (const obj of ctx.index.byKind(kind)) {
        const hit = deprecationOf(obj);
        if (!hit) continue;
        const removed = parseMinor(hit.dep.removedIn)!;
        if (cluster && compareVersions(cluster, removed) < 0) continue;
        const where = cluster ? `the cluster runs ${cluster.join(".")}` : "current Kubernetes";
        yield {
          object: obj,
          path: hit.via === "apiVersion" ? "apiVersion" : `metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]`,
          observed: hit.dep.apiVersion,
          message: `${hit.dep.apiVersion} ${kind} was removed in ${hit.dep.removedIn} (${where}); use ${hit.dep.replacement}${hit.via === "last-applied" ? " (the version recorded by kubectl apply)" : ""}`,
        };
      }
    }
  },
});
