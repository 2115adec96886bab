// The image inventory: one row per top workload x container, digests from pod status when the
// current pods agree, mutability, allowed registries and pull policy.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { clusterSnapshot } from "../testing";
import type { KubeObject } from "../types";
import { imageInventory } from "./inventory";

const here = dirname(fileURLToPath(import.meta.url));
const load = (file: string): KubeObject[] => parseAllDocuments(readFileSync(join(here, "fixtures", file), "utf8")).map((d) => d.toJS() as KubeObject);
const DIGEST = "sha256:2f1cd90e00fe2c991e18272bb35d6a8258eeb27785d121aa4cc1ae4235167cfd";
const PINNED = `ghcr.io/acme/migrate@sha256:${"a".repeat(64)}`;

describe("imageInventory", () => {
  it("lists each container of the top workload once, with the digest its pods agree on", () => {
    const rows = imageInventory(clusterSnapshot(load("exposed-privileged.yaml")));
    expect(rows).toEqual([
      {
        workload: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web", uid: "0a000000-0000-4000-8000-000000000001" },
        container: "web",
        containerType: "container",
        reference: "nginx:1.21.0",
        key: { registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: DIGEST },
        digestFrom: "pod-status",
        mutableTag: true,
        pullPolicy: "IfNotPresent",
      },
    ]);
  });

  it("leaves the digest out when the pods disagree, and ignores pods still running the previous image", () => {
    const objs = load("exposed-privileged.yaml");
    const pods = objs.filter((o) => o.kind === "Pod") as any[];
    pods[1].status.containerStatuses[0].imageID = `docker.io/library/nginx@sha256:${"e".repeat(64)}`;
    expect(imageInventory(clusterSnapshot(objs))[0]!.key.digest).toBeUndefined();
    // A pod of the old template (another tag) does not count against the current one.
    pods[1].spec.containers[0].image = "nginx:1.20.2";
    expect(imageInventory(clusterSnapshot(objs))[0]).toMatchObject({ key: { digest: DIGEST }, digestFrom: "pod-status" });
  });

  it("covers init and ephemeral containers, digests from the reference, allowed registries and pull policies", () => {
    const job: KubeObject = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "nightly", namespace: "ops" },
      spec: {
        schedule: "0 1 * * *",
        jobTemplate: {
          spec: {
            template: {
              spec: {
                restartPolicy: "Never",
                initContainers: [{ name: "migrate", image: PINNED }],
                containers: [{ name: "run", image: "busybox", imagePullPolicy: "IfNotPresent" }],
              },
            },
          },
        },
      },
    };
    const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "debug", namespace: "ops" }, spec: { containers: [{ name: "app", image: "registry.internal.example.com/app:1.0" }], ephemeralContainers: [{ name: "dbg", image: "" }] } };
    const rows = imageInventory(clusterSnapshot([job, pod]), { allowedRegistries: ["ghcr.io/acme", "registry.internal.example.com"] });
    expect(rows.map((r) => [r.workload.kind, r.container, r.containerType, r.key.digest ?? null, r.digestFrom ?? null, r.mutableTag, r.registryAllowed, r.pullPolicy])).toEqual([
      ["Pod", "app", "container", null, null, true, true, "IfNotPresent"],
      ["CronJob", "run", "container", null, null, true, false, "IfNotPresent"],
      ["CronJob", "migrate", "initContainer", `sha256:${"a".repeat(64)}`, "reference", false, true, "IfNotPresent"],
    ]);
    expect(rows[1]!.key).toEqual({ registry: "docker.io", repository: "library/busybox" });
    // Without an allow-list, nothing is said about registries; ":latest" or no tag pulls Always.
    const open = imageInventory(clusterSnapshot([{ ...pod, spec: { containers: [{ name: "app", image: "nginx" }] } } as KubeObject]));
    expect(open[0]!.registryAllowed).toBeUndefined();
    expect(open[0]!.pullPolicy).toBe("Always");
  });
});
