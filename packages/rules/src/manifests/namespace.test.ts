import { describe, expect, it } from "vitest";
import { isBuiltinApiGroup, isNamespacedKind } from "./kinds";
import { isNamespaceName, placeInNamespace } from "./namespace";
import { parseManifests } from "./parse-manifests";

const INSTALL = `apiVersion: v1
kind: ServiceAccount
metadata: {name: controller}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: controller}
rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: controller}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: controller}
subjects: [{kind: ServiceAccount, name: controller}, {kind: ServiceAccount, name: other, namespace: ops}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: controller}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: controller}
subjects: [{kind: ServiceAccount, name: controller}]
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec: {group: example.com, scope: Namespaced, names: {kind: Widget, plural: widgets}}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
---
apiVersion: other.example.com/v1
kind: Gadget
metadata: {name: g}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: kept, namespace: shop}
`;

describe("placeInNamespace", () => {
  const parsed = parseManifests(INSTALL, "install.yaml");
  const { objects, errors } = placeInNamespace(parsed.objects, parsed.locations, "tools");
  const ns = (kind: string) => objects.find((o) => o.kind === kind)!.metadata.namespace;

  it("places namespaced kinds, leaves cluster-scoped and unknown-scope kinds and given namespaces alone", () => {
    expect(parsed.errors).toEqual([]);
    expect(ns("ServiceAccount")).toBe("tools");
    expect(ns("RoleBinding")).toBe("tools");
    expect(ns("ClusterRole")).toBeUndefined();
    expect(ns("ClusterRoleBinding")).toBeUndefined();
    expect(ns("Widget")).toBe("tools");
    expect(ns("Gadget")).toBeUndefined();
    expect(ns("Deployment")).toBe("shop");
    // copies: the parsed objects are unchanged
    expect(parsed.objects[0]!.metadata.namespace).toBeUndefined();
  });

  it("gives RoleBinding service-account subjects the binding's namespace and reports a ClusterRoleBinding's", () => {
    expect((objects.find((o) => o.kind === "RoleBinding") as any).subjects).toEqual([
      { kind: "ServiceAccount", name: "controller", namespace: "tools" },
      { kind: "ServiceAccount", name: "other", namespace: "ops" },
    ]);
    expect(errors).toEqual([{ file: "install.yaml", line: 16, message: expect.stringMatching(/subjects\[0\] \(ServiceAccount controller\) has no namespace/) }]);
  });

  it("validates namespace names and knows built-in groups and scopes", () => {
    expect(isNamespaceName("tools")).toBe(true);
    expect(isNamespaceName("Tools")).toBe(false);
    expect(isNamespaceName("-x")).toBe(false);
    expect(isNamespaceName("a".repeat(64))).toBe(false);
    expect(isBuiltinApiGroup("v1")).toBe(true);
    expect(isBuiltinApiGroup("gateway.networking.k8s.io/v1")).toBe(false);
    expect(isNamespacedKind("cilium.io/v2", "CiliumClusterwideNetworkPolicy")).toBe(false);
    expect(isNamespacedKind("v1", "Namespace")).toBe(false);
    expect(isNamespacedKind("x.io/v1", "Thing")).toBeUndefined();
  });
});

