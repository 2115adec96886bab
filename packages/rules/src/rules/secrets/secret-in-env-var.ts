import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";

export const secretInEnvVar = defineRule({
  id: "secret-in-env-var",
  title: "Secret consumed as an environment variable",
  category: "secrets",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "Secrets passed as environment variables leak easily: they are inherited by every child process, printed by crash handlers and debug endpoints, and visible through /proc. Mounted files can be permission-restricted and rotate without a restart.",
  remediation: "Mount the Secret as a volume (readOnly) and have the application read the file.",
  references: ["https://kubernetes.io/docs/concepts/security/secrets-good-practices/"],
  peers: { kubeLinter: ["read-secret-from-env-var"], kubescape: ["C-0207"], cis: ["5.4.1"], nsa: ["SEC"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const env = c.container.env;
        if (Array.isArray(env)) {
          for (let i = 0; i < env.length; i++) {
            const sk = env[i]?.valueFrom?.secretKeyRef;
            if (!sk) continue;
            yield {
              object: ref.object,
              path: `${c.path}.env[${i}].valueFrom.secretKeyRef`,
              observed: `${sk.name ?? "?"}/${sk.key ?? "?"}`,
              message: `Container "${c.container.name ?? "?"}" reads Secret ${sk.name ?? "?"} into env var ${env[i].name ?? "?"}.`,
            };
          }
        }
        const envFrom = c.container.envFrom;
        if (Array.isArray(envFrom)) {
          for (let i = 0; i < envFrom.length; i++) {
            const sr = envFrom[i]?.secretRef;
            if (!sr) continue;
            yield {
              object: ref.object,
              path: `${c.path}.envFrom[${i}].secretRef`,
              observed: String(sr.name ?? "?"),
              message: `Container "${c.container.name ?? "?"}" loads every key of Secret ${sr.name ?? "?"} as env vars.`,
            };
          }
        }
      }
    }
  },
});
