import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { RESOURCES_TO_READ } from "@bulwark/k8s/resources";
import { scannerManifest } from "./scanner-manifest";

function docs(text: string) {
  return YAML.parseAllDocuments(text).map((d) => d.toJS() as { kind: string; rules?: Array<{ apiGroups?: string[]; resources?: string[]; verbs: string[] }> ; type?: string; metadata: { annotations?: Record<string, string> } });
}

describe("scannerManifest", () => {
  it("is a ServiceAccount, read-only ClusterRole, binding and token Secret", () => {
    const d = docs(scannerManifest({ allowSecretMetadata: false, namespace: "bulwark" }));
    expect(d.map((x) => x.kind)).toEqual(["Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Secret"]);
    const secret = d[4]!;
    expect(secret.type).toBe("kubernetes.io/service-account-token");
    expect(secret.metadata.annotations?.["kubernetes.io/service-account.name"]).toBe("bulwark-scanner");
  });

  it("grants only get/list/watch and leaves out secrets unless asked", () => {
    const role = docs(scannerManifest({ allowSecretMetadata: false, namespace: "bulwark" }))[2]!;
    const verbs = new Set(role.rules!.flatMap((r) => r.verbs));
    expect([...verbs].sort()).toEqual(["get", "list", "watch"]);
    const resources = role.rules!.flatMap((r) => r.resources ?? []);
    expect(resources).not.toContain("secrets");
    // Every other kind the reader needs is granted.
    for (const r of RESOURCES_TO_READ) if (r.resource !== "secrets") expect(resources).toContain(r.resource);
  });

  it("reads what in-cluster scanners stored: Trivy Operator's reports and wg-policy PolicyReports", () => {
    const role = docs(scannerManifest({ allowSecretMetadata: false, namespace: "bulwark" }))[2]!;
    const group = (g: string) => role.rules!.find((r) => r.apiGroups?.length === 1 && r.apiGroups[0] === g);
    expect(group("aquasecurity.github.io")).toEqual({
      apiGroups: ["aquasecurity.github.io"],
      resources: ["clusterrbacassessmentreports", "configauditreports", "exposedsecretreports", "rbacassessmentreports", "vulnerabilityreports"],
      verbs: ["get", "list", "watch"],
    });
    expect(group("wgpolicyk8s.io")).toEqual({ apiGroups: ["wgpolicyk8s.io"], resources: ["clusterpolicyreports", "policyreports"], verbs: ["get", "list", "watch"] });
  });

  it("adds secrets to the core group when Secret metadata is allowed", () => {
    const role = docs(scannerManifest({ allowSecretMetadata: true, namespace: "sec" }))[2]!;
    const core = role.rules!.find((r) => r.apiGroups?.[0] === "")!;
    expect(core.resources).toContain("secrets");
  });
});
