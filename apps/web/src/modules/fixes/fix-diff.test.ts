import { describe, expect, it } from "vitest";
import { changedFields } from "./fix-diff";

const deployment = (sc: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "shop", resourceVersion: "1", ...extra },
  spec: { template: { spec: { containers: [{ name: "sidecar", image: "envoy" }, { name: "web", image: "nginx", securityContext: sc }] } } },
});

describe("changedFields", () => {
  it("names changed, added and removed leaves, containers by name", () => {
    const before = deployment({ privileged: true, runAsUser: 0 });
    const after = deployment({ privileged: false, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } }, { resourceVersion: "2" });
    expect(changedFields(before, after)).toEqual([
      { path: "spec.template.spec.containers[web].securityContext.privileged", before: "true", after: "false" },
      { path: "spec.template.spec.containers[web].securityContext.allowPrivilegeEscalation", after: "false" },
      { path: "spec.template.spec.containers[web].securityContext.capabilities.drop", after: '["ALL"]' },
      { path: "spec.template.spec.containers[web].securityContext.runAsUser", before: "0" },
    ]);
  });

  it("ignores what the API server changes on every write, and nothing changed is empty", () => {
    const before = { ...deployment({}), status: { replicas: 1 } };
    const after = { ...deployment({}, { resourceVersion: "9", generation: 3, managedFields: [{ manager: "bulwark" }] }), status: { replicas: 2 } };
    expect(changedFields(before, after)).toEqual([]);
  });

  it("handles a missing side", () => {
    expect(changedFields(undefined, { a: { b: 1 } })).toEqual([{ path: "a.b", after: "1" }]);
    expect(changedFields({ a: "x" }, null)).toEqual([{ path: "a", before: "x" }]);
  });
});
