import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { buildIndex } from "./snapshot-index";

const o = (kind: string, name: string, namespace?: string, uid?: string): KubeObject => ({
  apiVersion: "v1",
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}), ...(uid ? { uid } : {}) },
});

describe("buildIndex", () => {
  const objs = [o("Namespace", "prod"), o("Pod", "a", "shop", "u1"), o("Pod", "b", "shop"), o("ClusterRole", "view"), o("Pod", "a", "shop", "dup")];
  const idx = buildIndex({ source: "manifests", objects: objs, kinds: [], kindsComplete: false });

  it("groups by kind in read order", () => {
    expect(idx.byKind("Pod").map((p) => p.metadata.uid ?? p.metadata.name)).toEqual(["u1", "b", "dup"]);
    expect(idx.byKind("Secret")).toEqual([]);
  });

  it("looks up by uid and by kind/namespace/name (first wins)", () => {
    expect(idx.byUid("u1")).toBe(objs[1]);
    expect(idx.byUid("nope")).toBeUndefined();
    expect(idx.byName("Pod", "shop", "a")).toBe(objs[1]);
    expect(idx.byName("ClusterRole", undefined, "view")).toBe(objs[3]);
    expect(idx.byName("Pod", "other", "a")).toBeUndefined();
  });

  it("lists Namespace objects and namespaces objects sit in", () => {
    expect(idx.namespaces()).toEqual(["prod", "shop"]);
  });
});
