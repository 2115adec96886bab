import { describe, expect, it } from "vitest";
import { MAX_ANNOTATION_CHARS, MAX_DEPTH, MAX_STRING_CHARS, minimizeObject } from "./minimize";
import { detectPlatform, platformFromVersion } from "./platform";
import { kubeVersionOf } from "./reader";

describe("minimizeObject", () => {
  it("redacts Secret values to sizes and strips managedFields and last-applied", () => {
    const secret = {
      metadata: {
        name: "db",
        namespace: "prod",
        managedFields: [{ manager: "kubectl" }],
        annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"data":{"password":"aHVudGVyMg=="}}', keep: "me" },
      },
      type: "Opaque",
      data: { password: Buffer.from("hunter2").toString("base64"), empty: "" },
      stringData: { token: "plain-secret" },
    };
    const out = minimizeObject(secret, "v1", "Secret");
    expect(out.apiVersion).toBe("v1");
    expect(out.kind).toBe("Secret");
    expect(out.data).toEqual({ password: "<redacted:7 bytes>", empty: "<redacted:0 bytes>" });
    expect(out.stringData).toEqual({ token: "<redacted:12 bytes>" });
    expect(out.type).toBe("Opaque");
    expect(out.metadata.managedFields).toBeUndefined();
    expect(out.metadata.annotations).toEqual({ keep: "me" });
    const json = JSON.stringify(out);
    expect(json).not.toContain("aHVudGVyMg");
    expect(json).not.toContain("plain-secret");
    expect(Object.isFrozen(out)).toBe(true);
  });

  it("keeps ConfigMap data but reduces binaryData to sizes", () => {
    const out = minimizeObject({ metadata: { name: "c" }, data: { "app.conf": "x=1" }, binaryData: { blob: "AAAA" } }, "v1", "ConfigMap");
    expect(out.data).toEqual({ "app.conf": "x=1" });
    expect(out.binaryData).toEqual({ blob: "<binary:3 bytes>" });
  });

  it("truncates oversized strings anywhere and annotations sooner, keeping their heads", () => {
    const value = `password=hunter2\n${"x".repeat(5 * 1024 * 1024)}`;
    const out = minimizeObject(
      {
        metadata: { name: "c", annotations: { blob: "a".repeat(MAX_ANNOTATION_CHARS + 1), small: "s".repeat(MAX_ANNOTATION_CHARS) } },
        data: { "app.conf": value, ok: "x=1" },
        spec: { containers: [{ args: ["z".repeat(MAX_STRING_CHARS + 10)] }] },
      },
      "v1",
      "ConfigMap",
    ) as unknown as { metadata: { annotations: Record<string, string> }; data: Record<string, string>; spec: { containers: Array<{ args: string[] }> } };
    expect(out.data["app.conf"]!.startsWith("password=hunter2\n")).toBe(true);
    expect(out.data["app.conf"]!.endsWith(`…[truncated by Bulwark: ${value.length} characters]`)).toBe(true);
    expect(out.data["app.conf"]!.length).toBeLessThan(MAX_STRING_CHARS + 100);
    expect(out.data.ok).toBe("x=1");
    expect(out.metadata.annotations.blob).toBe(`${"a".repeat(MAX_ANNOTATION_CHARS)}…[truncated by Bulwark: ${MAX_ANNOTATION_CHARS + 1} characters]`);
    expect(out.metadata.annotations.small).toHaveLength(MAX_ANNOTATION_CHARS);
    expect(out.spec.containers[0]!.args[0]!.length).toBeLessThan(MAX_STRING_CHARS + 100);
  });

  it("cuts nesting deeper than any real object, so neither this walk nor the engine overflows the stack", () => {
    let deep: Record<string, unknown> = { leaf: "x" };
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    const out = minimizeObject({ metadata: { name: "n" }, spec: deep }, "v1", "ConfigMap");
    let node: unknown = out.spec;
    let depth = 1;
    while (node !== null && typeof node === "object") {
      node = (node as { d: unknown }).d;
      depth++;
    }
    expect(node).toBe("[removed by Bulwark: nested too deep]");
    expect(depth).toBe(MAX_DEPTH);
  });
});

describe("platform and version", () => {
  it("reads hints from gitVersion, nodes and served groups", () => {
    expect(platformFromVersion("v1.29.3-eks-adc7111")).toBe("eks");
    expect(platformFromVersion("v1.29.1-gke.1589020")).toBe("gke");
    expect(platformFromVersion("v1.29.3+k3s1")).toBe("k3s");
    expect(platformFromVersion("v1.28.9+rke2r1")).toBe("rke");
    expect(platformFromVersion("v1.29.2")).toBeUndefined();
    const node = (labels: Record<string, string>, providerID?: string) =>
      ({ apiVersion: "v1", kind: "Node", metadata: { name: "n", labels }, spec: providerID ? { providerID } : {} });
    expect(detectPlatform("v1.29.2", [node({ "kubernetes.azure.com/cluster": "x" })], [])).toBe("aks");
    expect(detectPlatform("v1.29.2", [node({ "node.openshift.io/os_id": "rhcos" })], [])).toBe("openshift");
    expect(detectPlatform("v1.29.2", [node({}, "kind://docker/kind/kind-control-plane")], [])).toBe("kind");
    expect(detectPlatform("v1.29.2", [node({ "eks.amazonaws.com/nodegroup": "ng" })], [])).toBe("eks");
    expect(detectPlatform("v1.29.2", [node({ "cloud.google.com/gke-nodepool": "p" })], [])).toBe("gke");
    expect(detectPlatform("v1.29.2", [], ["v1", "config.openshift.io/v1"])).toBe("openshift");
    expect(detectPlatform("v1.29.2", [node({})], ["v1"])).toBe("unknown");
  });

  it("derives major.minor", () => {
    expect(kubeVersionOf({ major: "1", minor: "29+", gitVersion: "v1.29.3-eks-1" })).toBe("1.29");
    expect(kubeVersionOf({ gitVersion: "v1.30.1" })).toBe("1.30");
    expect(kubeVersionOf({})).toBeUndefined();
  });
});
