import { describe, expect, it } from "vitest";
import { buildIndex } from "../engine/snapshot-index";
import type { KubeObject, RuleContext } from "../types";
import { containers, controllerInSnapshot, podSpecOf, podSpecs } from "./pod";

const spec = { initContainers: [{ name: "init" }], containers: [{ name: "a" }, "junk", { name: "b" }], ephemeralContainers: [{ name: "dbg" }] };

function ctx(objects: KubeObject[]): RuleContext {
  const snapshot = { source: "cluster" as const, objects, kinds: [], kindsComplete: true };
  return { snapshot, index: buildIndex(snapshot), params: {} };
}

describe("podSpecOf", () => {
  it("finds the pod spec and template metadata of each workload kind", () => {
    const cron: KubeObject = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "c" },
      spec: { jobTemplate: { spec: { template: { metadata: { labels: { app: "c" } }, spec } } } },
    };
    const ref = podSpecOf(cron)!;
    expect(ref.path).toBe("spec.jobTemplate.spec.template.spec");
    expect(ref.metaPath).toBe("spec.jobTemplate.spec.template.metadata");
    expect(ref.meta.labels).toEqual({ app: "c" });
    expect(ref.meta.annotations).toEqual({});
    expect(podSpecOf({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", labels: { x: "1" } }, spec })!.meta.labels).toEqual({ x: "1" });
    expect(podSpecOf({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: {} })).toBeUndefined();
    expect(podSpecOf({ apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: {} })).toBeUndefined();
  });
});

describe("containers", () => {
  const ref = podSpecOf({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec })!;
  it("walks containers, init and ephemeral containers with exact paths, skipping non-objects", () => {
    expect([...containers(ref)].map((c) => `${c.type}:${c.path}`)).toEqual([
      "container:spec.containers[0]",
      "container:spec.containers[2]",
      "initContainer:spec.initContainers[0]",
      "ephemeralContainer:spec.ephemeralContainers[0]",
    ]);
  });
  it("can leave out init and ephemeral containers", () => {
    expect([...containers(ref, { init: false, ephemeral: false })].map((c) => c.container.name)).toEqual(["a", "b"]);
    expect([...containers(ref, { ephemeral: false })].map((c) => c.container.name)).toEqual(["a", "b", "init"]);
  });
});

describe("podSpecs", () => {
  const dep: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "n", uid: "d1" }, spec: { template: { spec } } };
  const rs: KubeObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web-1", namespace: "n", uid: "r1", ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "d1", controller: true }] },
    spec: { template: { spec } },
  };
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web-1-x", namespace: "n", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-1", uid: "r1", controller: true }] },
    spec,
  };
  const orphanRs: KubeObject = { ...rs, metadata: { ...rs.metadata, name: "old-1", uid: "r2", ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "gone", uid: "d9", controller: true }] } };
  const mirror: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "etcd-cp", namespace: "kube-system", ownerReferences: [{ apiVersion: "v1", kind: "Node", name: "cp", uid: "node1", controller: true }] },
    spec,
  };
  const node: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: "cp", uid: "node1" } };

  it("reports each pod template once, on its top controller in the snapshot", () => {
    const refs = [...podSpecs(ctx([pod, rs, dep, orphanRs, mirror, node]))];
    expect(refs.map((r) => `${r.object.kind}/${r.object.metadata.name}`).sort()).toEqual(["Deployment/web", "Pod/etcd-cp", "ReplicaSet/old-1"]);
  });

  it("matches owners by name when manifests carry no uids", () => {
    const c = ctx([
      { ...dep, metadata: { name: "web", namespace: "n" } },
      { ...rs, metadata: { name: "web-1", namespace: "n", ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "", controller: true }] } },
    ]);
    expect(controllerInSnapshot(c.index.byKind("ReplicaSet")[0]!, c.index)).toBe(true);
    expect([...podSpecs(c)]).toHaveLength(1);
  });
});
