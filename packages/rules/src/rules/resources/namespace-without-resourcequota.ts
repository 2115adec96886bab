import { namespacesWithKind, userNamespaces } from "../../helpers/namespaces-scan";
import { defineRule } from "../../helpers/pod";

export const namespaceWithoutResourcequota = defineRule({
  id: "namespace-without-resourcequota",
  title: "Namespace without a ResourceQuota",
  category: "resources",
  severity: "low",
  profile: "strict",
  kinds: ["Namespace"],
  requiresKinds: ["ResourceQuota"],
  clusterScope: true,
  description:
    "A ResourceQuota bounds the total CPU, memory and object count one namespace (one team or tenant) can claim. Without one, a single namespace can exhaust the cluster.",
  remediation: "Create a ResourceQuota in the namespace with requests.cpu, requests.memory, limits.cpu and limits.memory.",
  references: ["https://kubernetes.io/docs/concepts/policy/resource-quotas/"],
  peers: { nsa: ["RP"] },
  *evaluate(ctx) {
    const have = namespacesWithKind(ctx, "ResourceQuota");
    for (const ns of userNamespaces(ctx)) {
      const name = ns.metadata.name!;
      if (have.has(name)) continue;
      yield {
        object: ns,
        path: "metadata.name",
        observed: name,
        message: `Namespace "${name}" has no ResourceQuota, so nothing bounds what it can consume.`,
        fix: {
          type: "yaml",
          content: `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: compute\n  namespace: ${name}\nspec:\n  hard:\n    requests.cpu: "4"\n    requests.memory: 8Gi\n    limits.cpu: "8"\n    limits.memory: 16Gi`,
        },
      };
    }
  },
});
