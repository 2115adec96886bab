// Fingerprints are persisted (Finding rows track a finding's lifecycle across scans): the same
// rule, object and path must give the same id in every release. These literals were computed
// with sha256 outside the engine (Python hashlib); any change to the algorithm, the input
// layout or the truncation fails here.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { evaluate } from "./evaluate";
import { fingerprint } from "./fingerprint";

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "shop", uid: "3f1c2a4e-0000-4000-8000-000000000001" },
  spec: {
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: { hostNetwork: true, containers: [{ name: "app", image: "nginx:latest", securityContext: { privileged: true } }] },
    },
  },
} as KubeObject;
const configMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings", namespace: "shop" }, data: { DB_PASSWORD: "hunter2" } } as KubeObject;

describe("fingerprint pinning", () => {
  it("fingerprint() keeps its published values", () => {
    expect(fingerprint("r", { apiVersion: "v1", kind: "Pod", namespace: "n", name: "p", uid: "u1" }, "spec")).toBe("7766f7857f7c2578f90f36b09bacc60f");
    expect(fingerprint("r", { apiVersion: "v1", kind: "Pod", namespace: "n", name: "p" }, "spec")).toBe("5b03248ccb1a72b4d412e346989eb0cb");
  });

  it("evaluate() gives the same fingerprints for the same findings", () => {
    const r = evaluate(
      { source: "manifests", objects: [deployment, configMap], kinds: [], kindsComplete: false },
      { onlyRules: ["privileged-container", "host-network", "image-tag-latest", "sensitive-configmap-content"] },
    );
    const got = Object.fromEntries(r.findings.map((f) => [`${f.ruleId} ${f.path}`, f.fingerprint]));
    expect(got).toEqual({
      "privileged-container spec.template.spec.containers[0].securityContext.privileged": "331555f3e5b8bfeb329b440bb9896cad",
      "host-network spec.template.spec.hostNetwork": "105acdc9a419e91d74b4fd466e5c14d2",
      // A check that belongs to a cause (engine/causes.ts) carries the cause's fingerprint:
      // sha256("cause:image-reference|Deployment/shop/web|spec.template.spec.containers[0]").
      "image-tag-latest spec.template.spec.containers[0].image": "bd4e8055470a4b3c68e41e735bce4f9f",
      'sensitive-configmap-content data["DB_PASSWORD"]': "e01ab4d2bee52cef4b1104188228eadf",
    });
  });
});
