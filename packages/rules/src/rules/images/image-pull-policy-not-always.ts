import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";

export const imagePullPolicyNotAlways = defineRule({
  id: "image-pull-policy-not-always",
  title: "imagePullPolicy is not Always",
  category: "images",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "With imagePullPolicy other than Always a node reuses a cached image: a retagged image is not picked up, and any pod on that node can start a cached private image without presenting pull credentials.",
  remediation: "Set imagePullPolicy: Always (or enable the AlwaysPullImages admission plugin).",
  references: ["https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy"],
  peers: { polaris: ["pullPolicyNotAlways"], nsa: ["PS-IMG"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const p = c.container.imagePullPolicy;
        if (p === "Always") continue;
        yield {
          object: ref.object,
          path: `${c.path}.imagePullPolicy`,
          observed: p === undefined ? "<unset>" : p,
          message: `Container "${c.container.name ?? "?"}" has imagePullPolicy ${p === undefined ? "unset" : p}, not Always.`,
          fix: { type: "yaml", content: `# ${c.path}\nimagePullPolicy: Always\n`, description: `Set on ${c.path}.` },
        };
      }
    }
  },
});
