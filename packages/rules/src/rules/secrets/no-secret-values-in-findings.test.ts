// Findings are stored and shown to every viewer of a cluster: the credential-detection rules must
// name where a credential sits, never copy it.
import { describe, expect, it } from "vitest";
import { evaluate } from "../../engine/evaluate";
import type { KubeObject } from "../../types";

const VALUES = ["hunter2-Zq9", "abcd1234-Xy7", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"];
const objects: KubeObject[] = [
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "api", namespace: "shop" },
    spec: {
      containers: [
        {
          name: "api",
          image: "ghcr.io/acme/api:1.4.2",
          env: [
            { name: "DB_PASSWORD", value: VALUES[0] },
            { name: "TLS_KEY", value: `-----BEGIN PRIVATE KEY-----\n${VALUES[2]}\n-----END PRIVATE KEY-----` },
          ],
        },
      ],
    },
  },
  {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "cfg", namespace: "shop" },
    data: { db_password: VALUES[0]!, "app.env": `REDIS_PASSWORD=${VALUES[1]}\n`, key: `-----BEGIN RSA PRIVATE KEY-----\n${VALUES[2]}` },
  },
];

describe("credential rules never echo the credential", () => {
  it.each(["sensitive-env-var-literal", "sensitive-configmap-content"])("%s", (id) => {
    const res = evaluate({ source: "manifests", objects, kinds: [], kindsComplete: false }, { onlyRules: [id] });
    const findings = res.findings.filter((f) => f.ruleId === id);
    expect(findings.length).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(findings);
    for (const v of VALUES) expect(text).not.toContain(v);
  });
});
