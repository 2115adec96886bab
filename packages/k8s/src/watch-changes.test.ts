// The change summaries the watcher attaches: who made a change, which fields, and what is no change.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "@bulwark/rules";
import { changedFields, managerOf, SecretDigests, writeStamps, writerOf } from "./changes";
import { minimizeObject } from "./minimize";
import { ChangeQueue, type WatchChange } from "./watch";

function pod(overrides: { privileged?: boolean; image?: string; labels?: Record<string, string>; sidecar?: boolean; rv?: string } = {}): KubeObject {
  const containers: Record<string, unknown>[] = [
    { name: "web", image: overrides.image ?? "nginx:1.25", securityContext: { privileged: overrides.privileged ?? false } },
  ];
  if (overrides.sidecar) containers.unshift({ name: "proxy", image: "envoy:1.30" });
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web-0", namespace: "prod", resourceVersion: overrides.rv ?? "1", labels: overrides.labels ?? { app: "web" }, generation: 1 },
    spec: { containers },
  };
}

describe("managerOf", () => {
  const entry = (manager: string, time: string, extra: Record<string, unknown> = {}) => ({ manager, operation: "Update", apiVersion: "v1", time, fieldsType: "FieldsV1", fieldsV1: {}, ...extra });

  it("names the manager of the newest write, a later entry winning a tie", () => {
    const raw = {
      metadata: {
        managedFields: [
          entry("kubectl-client-side-apply", "2026-01-01T10:00:00Z"),
          entry("helm", "2026-01-01T11:00:00Z"),
          entry("argocd-controller", "2026-01-01T11:00:00Z", { operation: "Apply" }),
          entry("old", "2025-12-31T11:00:00Z"),
        ],
      },
    };
    expect(managerOf(raw)).toBe("argocd-controller");
  });

  it("skips status writes unless nothing else wrote the object", () => {
    const both = { metadata: { managedFields: [entry("kubectl-create", "2026-01-01T10:00:00Z"), entry("kubelet", "2026-01-01T12:00:00Z", { subresource: "status" })] } };
    expect(managerOf(both)).toBe("kubectl-create");
    const onlyStatus = { metadata: { managedFields: [entry("kubelet", "2026-01-01T12:00:00Z", { subresource: "status" })] } };
    expect(managerOf(onlyStatus)).toBe("kubelet");
  });

  it("ignores entries that are not writes and objects without managedFields", () => {
    expect(managerOf({ metadata: { managedFields: [{ manager: "x", operation: "Other", time: "2026-01-01T10:00:00Z" }] } })).toBeUndefined();
    expect(managerOf({ metadata: {} })).toBeUndefined();
    expect(managerOf({})).toBeUndefined();
  });

  it("names the writer whose entry a modification added or re-timed, even within the same second", () => {
    const t = "2026-01-01T10:00:00Z";
    const before = writeStamps({ metadata: { managedFields: [entry("helm", t)] } });
    // The API server sorts same-second entries by manager name: "argocd-controller" comes first.
    const after = writeStamps({ metadata: { managedFields: [entry("argocd-controller", t), entry("helm", t)] } });
    expect(writerOf(after)).toBe("helm");
    expect(writerOf(after, before)).toBe("argocd-controller");
    // Nothing re-timed (same manager, same second): the newest entry stands.
    expect(writerOf(before, before)).toBe("helm");
  });

  it("is read before minimisation drops managedFields", () => {
    const raw = { metadata: { name: "a", managedFields: [entry("helm", "2026-01-01T10:00:00Z")] } };
    expect(managerOf(raw)).toBe("helm");
    minimizeObject(raw, "v1", "ConfigMap");
    expect(managerOf(raw)).toBeUndefined();
  });
});

describe("changedFields", () => {
  it("names the changed path, containers keyed by name", () => {
    expect(changedFields(pod(), pod({ privileged: true, rv: "2" }))).toEqual(["spec.containers[web].securityContext.privileged"]);
    // A container inserted before the others shifts nothing: it is named, the others unchanged.
    expect(changedFields(pod(), pod({ sidecar: true }))).toEqual(["spec.containers[proxy]"]);
  });

  it("quotes keys that are not plain identifiers (label keys with dots and slashes)", () => {
    const after = pod({ labels: { app: "web", "app.kubernetes.io/name": "web" } });
    expect(changedFields(pod(), after)).toEqual(['metadata.labels["app.kubernetes.io/name"]']);
  });

  it("is empty when only resourceVersion, generation or a Node heartbeat moved", () => {
    const a = pod();
    const b = { ...pod({ rv: "99" }), metadata: { ...pod({ rv: "99" }).metadata, generation: 7 } };
    expect(changedFields(a, b)).toEqual([]);
    const node = (beat: string, ready = "True"): KubeObject => ({
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "n1", resourceVersion: beat },
      status: {
        conditions: [
          { type: "MemoryPressure", status: "False", lastHeartbeatTime: beat, lastTransitionTime: "2026-01-01T00:00:00Z" },
          { type: "Ready", status: ready, lastHeartbeatTime: beat, lastTransitionTime: "2026-01-01T00:00:00Z" },
        ],
      },
    });
    expect(changedFields(node("2026-01-01T10:00:00Z"), node("2026-01-01T10:00:10Z"))).toEqual([]);
    expect(changedFields(node("2026-01-01T10:00:00Z"), node("2026-01-01T10:00:10Z", "False"))).toEqual(["status.conditions[Ready].status"]);
  });

  it("caps the list and says how many more", () => {
    const many = (v: string): KubeObject => ({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "c" },
      data: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, v])),
    });
    const fields = changedFields(many("a"), many("b"), { limit: 50 });
    expect(fields).toHaveLength(51);
    expect(fields[50]).toBe("... and 10 more");
    expect(fields[0]).toBe("data.k0");
  });

  it("names a Secret's changed keys, never values, even for a same-length rotation", () => {
    const digests = new SecretDigests(randomBytes(32));
    const secret = (pw: string) => {
      const raw: Record<string, unknown> = {
        metadata: { name: "db", namespace: "prod" },
        type: "Opaque",
        data: { password: Buffer.from(pw).toString("base64"), user: Buffer.from("admin").toString("base64") },
      };
      const d = digests.digest(raw);
      const obj = minimizeObject(raw, "v1", "Secret");
      digests.set(obj, d);
      return obj;
    };
    const before = secret("hunter22");
    const after = secret("s3cr3t!!"); // same length: the redacted data is identical
    expect(after.data).toEqual(before.data);
    expect(changedFields(before, after)).toEqual([]);
    const fields = changedFields(before, after, { digests: [digests.get(before), digests.get(after)] });
    expect(fields).toEqual(["data.password"]);
    expect(JSON.stringify(fields)).not.toContain("s3cr3t");
    expect(changedFields(before, secret("hunter22"), { digests: [digests.get(before), digests.get(secret("hunter22"))] })).toEqual([]);
  });
});

describe("ChangeQueue", () => {
  const change = (type: WatchChange["type"], object: KubeObject, previous?: KubeObject): WatchChange => ({
    type,
    object,
    fields: [],
    at: new Date(),
    ...(previous ? { previous } : {}),
  });

  it("keeps every change, in order, while under its cap", () => {
    const q = new ChangeQueue(10);
    const a = pod();
    const b = pod({ privileged: true });
    q.push("Pod/prod/web-0", change("added", a));
    q.push("Pod/other", change("added", pod({ image: "x" })));
    q.push("Pod/prod/web-0", change("modified", b, a));
    q.push("Pod/prod/web-0", change("deleted", b, b));
    expect(q.drain().map((c) => c.type)).toEqual(["added", "added", "modified", "deleted"]);
    expect(q.size).toBe(0);
  });

  it("folds per object past its cap: latest state, first previous; an add then delete leaves nothing", () => {
    const q = new ChangeQueue(1);
    const v1 = pod();
    const v2 = pod({ image: "nginx:1.26" });
    const v3 = pod({ image: "nginx:1.26", privileged: true });
    q.push("Pod/prod/web-0", change("modified", v2, v1));
    q.push("Pod/prod/web-0", change("modified", v3, v2));
    const [only, ...rest] = q.drain();
    expect(rest).toEqual([]);
    expect(only!.type).toBe("modified");
    expect(only!.object).toBe(v3);
    expect(only!.previous).toBe(v1);
    expect(only!.fields.sort()).toEqual(["spec.containers[web].image", "spec.containers[web].securityContext.privileged"]);

    q.push("Pod/x", change("modified", v2, v1));
    q.push("Pod/prod/web-0", change("added", v1));
    q.push("Pod/prod/web-0", change("deleted", v1, v1));
    expect(q.drain().map((c) => c.type)).toEqual(["modified"]);
  });
});
