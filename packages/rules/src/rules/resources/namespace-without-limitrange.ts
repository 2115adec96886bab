import { namespacesWithKind, userNamespaces } from "../../helpers/namespaces-scan";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const namespaceWithoutLimitrange = defineRule({
  id: "namespace-without-limitrange",
  title: "Namespace without a LimitRange",
  category: "resources",
  severity: "low",
  profile: "strict",
  kinds: ["Namespace"],
  requiresKinds: ["LimitRange"],
  clusterScope: true,
  description:
    "A LimitRange gives containers that omit requests/limits sane defaults and caps what one container may ask for. Without one, a single manifest missing resources can take a node.",
  remediation: "Create a LimitRange in the namespace with default, defaultRequest, min and max for type Container.",
  references: ["https://kubernetes.io/docs/concepts/policy/limit-range/"],
  peers: { nsa: ["RP"] },
  *evaluate(ctx) {
    const have = namespacesWithKind(ctx, "LimitRange");
    for (const ns of userNamespaces(ctx)) {
      const name = ns.metadata.name!;
      if (have.has(name)) continue;
      const f: RawFinding = {
        object: ns,
        path: "metadata.name",
        observed: name,
        message: `Namespace "${name}" has no LimitRange, so containers without resources get no defaults or caps.`,
        fix: {
          type: "yaml",
          content: `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: ${name}\nspec:\n  limits:\n    - type: Container\n      default: { cpu: 500m, memory: 256Mi }\n      defaultRequest: { cpu: 100m, memory: 128Mi }\n      max: { cpu: "2", memory: 2Gi }\n      min: { cpu: 10m, memory: 16Mi }`,
        },
      };
      yield f;
    }
  },
});
