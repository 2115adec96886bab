import { defineRule } from "../../helpers/pod";
import { containsPrivateKey, isSensitiveName, looksLikeSecretValue, sensitiveAssignments } from "../../helpers/secrets";

const LARGE = 4096;
interface Verdict {
  privateKey: boolean;
  names: string[];
}
// ConfigMap keys are [-._a-zA-Z0-9]+, so quoting needs no escaping. Built only for a finding.
const dataPath = (key: string) => `data["${key}"]`;
const memos = new WeakMap<object, Map<string, Verdict>>();

export const sensitiveConfigmapContent = defineRule({
  id: "sensitive-configmap-content",
  title: "Credential stored in a ConfigMap",
  category: "secrets",
  severity: "high",
  kinds: ["ConfigMap"],
  description:
    "ConfigMaps are not secret: any role that can read them (often broad), kubectl describe, and backups expose their content in plain text. A key named like a credential, a private key, or a PASSWORD=... line inside a config file belongs in a Secret.",
  remediation: "Move the credential into a Secret (or an external secret manager) and mount or reference it from there; keep only non-sensitive settings in the ConfigMap.",
  references: ["https://kubernetes.io/docs/concepts/configuration/configmap/"],
  peers: { polaris: ["sensitiveConfigmapContent"], trivy: ["KSV-0109"], kubescape: ["C-0012"], cis: ["5.4.1"], nsa: ["SEC"] },
  *evaluate(ctx) {
    for (const cm of ctx.index.byKind("ConfigMap")) {
      const data = (cm as any).data;
      if (!data || typeof data !== "object") continue;
      for (const key of Object.keys(data)) {
        const v = data[key];
        if (isSensitiveName(key) && looksLikeSecretValue(v)) {
          yield { object: cm, path: dataPath(key), observed: key, message: `ConfigMap "${cm.metadata.name}" key ${key} is named like a credential.` };
          continue;
        }
        if (typeof v !== "string") continue;
        let privateKey: boolean;
        let names: string[];
        if (v.length > LARGE) {
          // Identical large blobs (the same dashboards or bundles in many namespaces) are scanned once.
          let memo = memos.get(ctx.index);
          if (!memo) memos.set(ctx.index, (memo = new Map()));
          let verdict = memo.get(v);
          if (!verdict) {
            const pk = containsPrivateKey(v);
            verdict = { privateKey: pk, names: pk ? [] : sensitiveAssignments(v) };
            memo.set(v, verdict);
          }
          ({ privateKey, names } = verdict);
        } else {
          privateKey = containsPrivateKey(v);
          names = privateKey ? [] : sensitiveAssignments(v);
        }
        if (privateKey) {
          yield { object: cm, path: dataPath(key), observed: key, message: `ConfigMap "${cm.metadata.name}" key ${key} holds a private key.` };
          continue;
        }
        if (names.length > 0) {
          yield {
            object: cm,
            path: dataPath(key),
            observed: key,
            message: `ConfigMap "${cm.metadata.name}" key ${key} assigns credential-like settings (${names.slice(0, 3).join(", ")}) in plain text.`,
          };
        }
      }
    }
  },
});
