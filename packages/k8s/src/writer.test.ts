// The fix writer against kube-sim over HTTPS: owners resolved (Pod -> ReplicaSet -> Deployment),
// the patch re-rooted at the Deployment's pod template, a dry run that changes nothing, the patch
// recorded under the "bulwark" field manager, GitOps objects refused untouched, RBAC and missing
// objects answered in words, and nothing written when one target's dry run fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, type KubeObject, type KubeSim } from "@bulwark/kube-sim";
import { FixRefusedError, applyPatches, gitOpsManager, rerootPatch } from "./writer";

const deployment = (name: string, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: "shop", ...(extra.labels ? { labels: extra.labels } : {}), ...(extra.annotations ? { annotations: extra.annotations } : {}) },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "nginx:1.27", securityContext: { privileged: true } }, { name: "side", image: "busybox:1.36" }] } },
  },
});
const owned = (kind: string, apiVersion: string, name: string, owner: { kind: string; apiVersion: string; name: string }, body: Record<string, unknown>): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace: "shop", ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: `uid-${owner.name}`, controller: true }] },
  ...body,
});

const podPatch = (name: string) => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "shop" }, spec: { containers: [{ name: "app", securityContext: { privileged: false } }] } });
const deployPatch = (name: string) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: "shop" },
  spec: { template: { spec: { containers: [{ name: "app", securityContext: { privileged: false } }] } } },
});

let sim: KubeSim;
const web = deployment("web");
const rs = owned("ReplicaSet", "apps/v1", "web-5d8f", { kind: "Deployment", apiVersion: "apps/v1", name: "web" }, { spec: { selector: { matchLabels: { app: "web" } }, template: (web.spec as { template: unknown }).template } });
const pod = owned("Pod", "v1", "web-5d8f-abcde", { kind: "ReplicaSet", apiVersion: "apps/v1", name: "web-5d8f" }, { spec: { containers: [{ name: "app", image: "nginx:1.27", securityContext: { privileged: true } }] } });

const get = (kind: string, name: string) => sim.store.list(kind).find((o) => o.metadata.name === name)!;
const privileged = (o: KubeObject) => ((o.spec as { template: { spec: { containers: { name: string; securityContext?: { privileged?: boolean } }[] } } }).template.spec.containers.find((c) => c.name === "app")?.securityContext?.privileged);

beforeAll(async () => {
  sim = await startKubeSim({
    objects: [
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } },
      web,
      rs,
      pod,
      deployment("argo", { annotations: { "argocd.argoproj.io/tracking-id": "shop:apps/Deployment:shop/argo" } }),
      deployment("flux", { labels: { "kustomize.toolkit.fluxcd.io/name": "shop" } }),
      deployment("other"),
    ],
    identities: [
      { name: "admin", allow: "*" },
      { name: "reader", allow: [{ group: "*", resource: "*" }] },
    ],
  });
}, 60_000);
afterAll(async () => {
  await sim?.close();
});

describe("rerootPatch", () => {
  const at = (kind: string, apiVersion: string, name: string) => ({ kind, apiVersion, namespace: "shop", name });
  it("moves a Pod's spec and labels into a Deployment's template, leaving its identity behind", () => {
    const p = { ...podPatch("p"), metadata: { name: "p", namespace: "shop", annotations: { a: "b" } } };
    expect(rerootPatch(p, at("Pod", "v1", "p"), at("Deployment", "apps/v1", "web"))).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "shop" },
      spec: { template: { metadata: { annotations: { a: "b" } }, spec: p.spec } },
    });
  });
  it("moves a Job's template into a CronJob's jobTemplate", () => {
    const job = { apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { template: { spec: { automountServiceAccountToken: false } } } };
    expect(rerootPatch(job, at("Job", "batch/v1", "j"), at("CronJob", "batch/v1", "nightly")).spec).toEqual({ jobTemplate: { spec: { template: { spec: { automountServiceAccountToken: false } } } } });
  });
  it("refuses what is not in the pod template", () => {
    const p = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "r" }, spec: { replicas: 2, template: { spec: { hostPID: false } } } };
    expect(() => rerootPatch(p, at("ReplicaSet", "apps/v1", "r"), at("Deployment", "apps/v1", "web"))).toThrow(FixRefusedError);
    expect(() => rerootPatch(p, at("ReplicaSet", "apps/v1", "r"), at("Deployment", "apps/v1", "web"))).toThrow(/outside its pod template/);
  });
});

describe("gitOpsManager", () => {
  it("names Argo CD and Flux by their markers, and nothing else", () => {
    const o = (labels: Record<string, string>, annotations: Record<string, string> = {}) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "x", labels, annotations } });
    expect(gitOpsManager(o({}, { "argocd.argoproj.io/tracking-id": "a" }))).toMatch(/^Argo CD \(annotation argocd.argoproj.io\/tracking-id\)$/);
    expect(gitOpsManager(o({ "argocd.argoproj.io/instance": "a" }))).toMatch(/^Argo CD \(label/);
    expect(gitOpsManager(o({ "helm.toolkit.fluxcd.io/name": "a" }))).toMatch(/^Flux \(label helm/);
    expect(gitOpsManager(o({ "app.kubernetes.io/instance": "a", "app.kubernetes.io/managed-by": "Helm" }))).toBeNull();
  });
});

describe("applyPatches on kube-sim", () => {
  const opts = (identity = "admin") => ({ kubeconfig: sim.kubeconfig({ identity }), allowPrivateNetworks: true });

  it("a dry run of a Pod's fix reaches its Deployment and changes nothing", async () => {
    const rv = get("Deployment", "web").metadata.resourceVersion;
    const res = await applyPatches({ ...opts(), patches: [{ target: { apiVersion: "v1", kind: "Pod", namespace: "shop", name: pod.metadata.name! }, patch: podPatch(pod.metadata.name!) }], dryRunOnly: true });
    expect(res.status, res.error).toBe("applied");
    expect(res.outcomes[0]!.patchedAt).toEqual({ apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web" });
    expect(res.outcomes[0]!.dryRun).toBe("ok");
    expect(res.outcomes[0]!.after).toBeUndefined();
    expect(get("Deployment", "web").metadata.resourceVersion).toBe(rv);
    expect(privileged(get("Deployment", "web"))).toBe(true);
  });

  it("applies it at the Deployment under the bulwark field manager, keeping the other container", async () => {
    const podRv = get("Pod", pod.metadata.name!).metadata.resourceVersion;
    const rsRv = get("ReplicaSet", rs.metadata.name!).metadata.resourceVersion;
    const res = await applyPatches({ ...opts(), patches: [{ target: { apiVersion: "v1", kind: "Pod", namespace: "shop", name: pod.metadata.name! }, patch: podPatch(pod.metadata.name!) }] });
    expect(res.status, res.error).toBe("applied");
    const now = get("Deployment", "web");
    expect(privileged(now)).toBe(false);
    expect((now.spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers).toHaveLength(2);
    const managers = (now.metadata.managedFields as { manager: string }[]).map((m) => m.manager);
    expect(managers).toContain("bulwark");
    expect(privileged(res.outcomes[0]!.before!)).toBe(true);
    expect(privileged(res.outcomes[0]!.after!)).toBe(false);
    // the ReplicaSet and the Pod are the Deployment controller's to replace
    expect(get("Pod", pod.metadata.name!).metadata.resourceVersion).toBe(podRv);
    expect(get("ReplicaSet", rs.metadata.name!).metadata.resourceVersion).toBe(rsRv);
  });

  it("refuses Argo CD and Flux objects with 'fix it in Git' and writes nothing, not even the other targets", async () => {
    const before = get("Deployment", "other").metadata.resourceVersion;
    for (const name of ["argo", "flux"]) {
      const argoRv = get("Deployment", name).metadata.resourceVersion;
      const res = await applyPatches({
        ...opts(),
        patches: [
          { target: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "other" }, patch: deployPatch("other") },
          { target: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name }, patch: deployPatch(name) },
        ],
      });
      expect(res.status).toBe("refused");
      expect(res.error).toMatch(name === "argo" ? /Deployment shop\/argo is managed by Argo CD \(annotation argocd.argoproj.io\/tracking-id\): fix it in Git/ : /managed by Flux \(label kustomize.toolkit.fluxcd.io\/name\): fix it in Git/);
      expect(get("Deployment", name).metadata.resourceVersion).toBe(argoRv);
    }
    expect(get("Deployment", "other").metadata.resourceVersion).toBe(before);
  });

  it("says which permission the credential lacks, and nothing is written", async () => {
    const rv = get("Deployment", "other").metadata.resourceVersion;
    const res = await applyPatches({ ...opts("reader"), patches: [{ target: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "other" }, patch: deployPatch("other") }] });
    expect(res.status).toBe("failed");
    expect(res.error).toMatch(/^dry run of Deployment shop\/other refused: the write credential may not patch deployments in namespace shop \(/);
    expect(get("Deployment", "other").metadata.resourceVersion).toBe(rv);
  });

  it("a missing object fails the whole request before any write", async () => {
    const rv = get("Deployment", "other").metadata.resourceVersion;
    const res = await applyPatches({
      ...opts(),
      patches: [
        { target: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "other" }, patch: deployPatch("other") },
        { target: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "gone" }, patch: deployPatch("gone") },
      ],
    });
    expect(res.status).toBe("failed");
    expect(res.error).toBe("Deployment shop/gone no longer exists");
    expect(get("Deployment", "other").metadata.resourceVersion).toBe(rv);
  });

  it("an invalid patch is refused by the dry run with the API server's words, nothing applied", async () => {
    const rv = get("Deployment", "other").metadata.resourceVersion;
    const bad = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "other", namespace: "shop" }, spec: { template: { spec: { containers: [{ name: "app", securityContext: { privileged: false } }] } } } };
    const res = await applyPatches({
      ...opts(),
      patches: [
        { target: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "other" }, patch: bad },
        // a kind named in the target that does not match the object's apiVersion path
        { target: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web" }, patch: { ...deployPatch("web"), kind: "StatefulSet" } },
      ],
    });
    expect(res.status).toBe("failed");
    expect(res.error).toMatch(/^dry run of Deployment shop\/web refused: the API server refused to patch Deployment shop\/web \(HTTP 400\)/);
    expect(res.outcomes[0]!.dryRun).toBe("ok");
    expect(get("Deployment", "other").metadata.resourceVersion).toBe(rv);
  });
});
