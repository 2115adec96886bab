import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { containsPrivateKey, isSensitiveName, looksLikeSecretValue } from "../../helpers/secrets";

export const sensitiveEnvVarLiteral = defineRule({
  id: "sensitive-env-var-literal",
  title: "Credential written as an environment variable literal",
  category: "secrets",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "An env var named like a credential (PASSWORD, TOKEN, SECRET, AWS_SECRET_ACCESS_KEY, ...) with a literal value, or any env value holding a private key, puts the credential in the workload spec: readable by anyone who can get the Deployment, stored in git, etcd and every audit log.",
  remediation: "Move the value into a Secret (ideally synced from a secret manager) and reference it with valueFrom.secretKeyRef or a mounted file.",
  references: ["https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables"],
  peers: { polaris: ["sensitiveContainerEnvVar"], kubeLinter: ["env-var-secret"], kubescape: ["C-0012"], cis: ["5.4.1"], nsa: ["SEC"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const env = c.container.env;
        if (!Array.isArray(env)) continue;
        for (let i = 0; i < env.length; i++) {
          const e = env[i];
          if (!e || typeof e !== "object" || typeof e.name !== "string" || e.valueFrom) continue;
          const v = e.value;
          const keyHit = isSensitiveName(e.name) && looksLikeSecretValue(v);
          const valueHit = typeof v === "string" && containsPrivateKey(v);
          if (!keyHit && !valueHit) continue;
          yield {
            object: ref.object,
            path: `${c.path}.env[${i}].value`,
            observed: e.name,
            message: valueHit
              ? `Container "${c.container.name ?? "?"}" env var ${e.name} holds a private key in plain text.`
              : `Container "${c.container.name ?? "?"}" sets credential-like env var ${e.name} to a literal value.`,
          };
        }
      }
    }
  },
});
