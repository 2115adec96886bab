import { describe, expect, it } from "vitest";
import { parseFieldPath, yamlView } from "./yaml-view";

const pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web", namespace: "shop", annotations: { "example.com/team": "payments" } },
  spec: {
    containers: [
      { name: "app", image: "nginx:1.27", securityContext: { runAsNonRoot: true } },
      { name: "sidecar", image: "busybox", securityContext: { privileged: true, allowPrivilegeEscalation: true } },
    ],
  },
};

describe("parseFieldPath", () => {
  it("splits dotted paths, indexes and quoted keys", () => {
    expect(parseFieldPath("spec.containers[1].securityContext.privileged")).toEqual(["spec", "containers", 1, "securityContext", "privileged"]);
    expect(parseFieldPath('metadata.annotations["example.com/team"]')).toEqual(["metadata", "annotations", "example.com/team"]);
  });
});

describe("yamlView", () => {
  it("marks exactly the line of a scalar field", () => {
    const v = yamlView(pod, "spec.containers[1].securityContext.privileged");
    expect(v.exact).toBe(true);
    expect(v.marked).toHaveLength(1);
    expect(v.lines[v.marked[0]! - 1]).toMatch(/^\s+privileged: true$/);
  });

  it("marks the block of a map field, without the next sibling", () => {
    const v = yamlView(pod, "spec.containers[0].securityContext");
    expect(v.exact).toBe(true);
    const marked = v.marked.map((n) => v.lines[n - 1]!.trim());
    expect(marked).toEqual(["securityContext:", "runAsNonRoot: true"]);
  });

  it("falls back to the deepest existing ancestor for a missing field", () => {
    const v = yamlView(pod, "spec.containers[0].resources.limits.memory");
    expect(v.exact).toBe(false);
    expect(v.lines[v.marked[0]! - 1]).toMatch(/- name: app/);
  });

  it("handles keys containing dots", () => {
    const v = yamlView(pod, 'metadata.annotations["example.com/team"]');
    expect(v.exact).toBe(true);
    expect(v.lines[v.marked[0]! - 1]).toContain("example.com/team: payments");
  });

  it("orders keys as people write them, whatever order storage returned", () => {
    const stored = { kind: "Pod", spec: { containers: [{ image: "x", name: "a" }] }, status: { phase: "Running" }, metadata: { uid: "u", name: "p" }, apiVersion: "v1" };
    const v = yamlView(stored, "spec.containers[0].image");
    expect(v.lines.slice(0, 4)).toEqual(["apiVersion: v1", "kind: Pod", "metadata:", "  name: p"]);
    expect(v.lines.at(-2)).toBe("status:");
    expect(v.lines[v.marked[0]! - 1]).toContain("image: x");
  });

  it("marks nothing when even the first segment is absent", () => {
    const v = yamlView(pod, "status.phase");
    expect(v.marked).toEqual([]);
  });
});
