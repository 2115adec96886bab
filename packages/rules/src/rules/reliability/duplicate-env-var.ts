import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";

export const duplicateEnvVar = defineRule({
  id: "duplicate-env-var",
  title: "Environment variable defined twice",
  category: "reliability",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "When a container's env lists the same name twice the last entry silently wins, so a reviewed value (often a security setting) can be overridden further down the list.",
  remediation: "Keep one entry per environment variable name.",
  references: ["https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/"],
  peers: { kubeLinter: ["duplicate-env-var"], kubescape: ["C-0295"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const env = c.container.env;
        if (!Array.isArray(env) || env.length < 2) continue;
        const seen = new Set<string>();
        for (let i = 0; i < env.length; i++) {
          const n = env[i]?.name;
          if (typeof n !== "string") continue;
          if (seen.has(n)) {
            yield { object: ref.object, path: `${c.path}.env[${i}].name`, observed: n, message: `Container "${c.container.name ?? "?"}" defines env var ${n} more than once.` };
          } else seen.add(n);
        }
      }
    }
  },
});
