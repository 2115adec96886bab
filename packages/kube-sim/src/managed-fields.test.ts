// metadata.managedFields: the FieldsV1 bookkeeping itself, then what the real kubectl (create,
// client-side apply, server-side apply, label) and other clients leave on objects in kube-sim.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, type KubeObject, type KubeSim } from "./index";
import { fromFieldsV1, nextManagedFields, toFieldsV1, type ManagedFieldsEntry } from "./managed-fields";
import { call, tokenOf, watch } from "./test-util";

const exec = promisify(execFile);
const KUBECTL = "/usr/bin/kubectl";
const hasKubectl = existsSync(KUBECTL);

const deployment = (image: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", labels },
  spec: { replicas: 1, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image }] } } },
});

describe("FieldsV1 bookkeeping", () => {
  it("records what a create set: keyed list items and new maps carry '.', identity metadata is left out", () => {
    const [e] = nextManagedFields(undefined, deployment("nginx:1", { team: "a" }), { manager: "kubectl-create", operation: "Update", apiVersion: "apps/v1", now: new Date("2024-05-01T10:00:00.123Z") });
    expect(e).toEqual({
      manager: "kubectl-create",
      operation: "Update",
      apiVersion: "apps/v1",
      time: "2024-05-01T10:00:00Z",
      fieldsType: "FieldsV1",
      fieldsV1: {
        "f:metadata": { "f:labels": { ".": {}, "f:team": {} } },
        "f:spec": {
          "f:replicas": {},
          "f:selector": { ".": {}, "f:matchLabels": { ".": {}, "f:app": {} } },
          "f:template": {
            "f:metadata": { "f:labels": { ".": {}, "f:app": {} } },
            "f:spec": { "f:containers": { 'k:{"name":"web"}': { ".": {}, "f:image": {}, "f:name": {} } } },
          },
        },
      },
    });
    expect(toFieldsV1(fromFieldsV1(e!.fieldsV1))).toEqual(e!.fieldsV1);
  });

  it("moves a changed field to the writer, drops removed fields and empty entries", () => {
    const t0 = new Date("2024-05-01T10:00:00Z");
    const v1 = deployment("nginx:1", { team: "a" });
    v1.metadata.managedFields = nextManagedFields(undefined, v1, { manager: "helm", operation: "Update", apiVersion: "apps/v1", now: t0 });
    const v2 = deployment("nginx:2", { team: "a" });
    const mf = nextManagedFields(v1, v2, { manager: "kubectl-edit", operation: "Update", apiVersion: "apps/v1", now: new Date("2024-05-01T11:00:00Z") });
    const helm = mf.find((e) => e.manager === "helm")!;
    const edit = mf.find((e) => e.manager === "kubectl-edit")!;
    expect(edit.fieldsV1).toEqual({ "f:spec": { "f:template": { "f:spec": { "f:containers": { 'k:{"name":"web"}': { "f:image": {} } } } } } });
    expect(JSON.stringify(helm.fieldsV1)).not.toContain("f:image");
    expect(JSON.stringify(helm.fieldsV1)).toContain('k:{\\"name\\":\\"web\\"}');
    // oldest first within the same operation
    expect(mf.map((e) => e.manager)).toEqual(["helm", "kubectl-edit"]);
    // the label team was only helm's: removing it removes it from helm's set
    const v3 = { ...v2, metadata: { ...v2.metadata, labels: {}, managedFields: mf } };
    const mf3 = nextManagedFields({ ...v2, metadata: { ...v2.metadata, managedFields: mf } }, v3, { manager: "kubectl-label", operation: "Update", apiVersion: "apps/v1" });
    expect(JSON.stringify(mf3.find((e) => e.manager === "helm")!.fieldsV1)).not.toContain("f:team");
    // a write that set nothing that exists leaves no entry for its manager
    expect(mf3.some((e) => e.manager === "kubectl-label")).toBe(false);
  });

  it("an Apply entry is exactly the applied configuration and sorts before Updates", () => {
    const live = deployment("nginx:1");
    live.metadata.managedFields = nextManagedFields(undefined, live, { manager: "kubectl-create", operation: "Update", apiVersion: "apps/v1" });
    const applied = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { replicas: 3 } } as KubeObject;
    const after = { ...live, spec: { ...(live.spec as object), replicas: 3 } };
    const mf = nextManagedFields(live, after, { manager: "gitops", operation: "Apply", apiVersion: "apps/v1", applied });
    expect(mf[0]).toMatchObject({ manager: "gitops", operation: "Apply", fieldsV1: { "f:spec": { "f:replicas": {} } } });
    expect(JSON.stringify(mf[1]!.fieldsV1)).not.toContain("f:replicas");
  });

  it("status writes are recorded apart, with subresource status", () => {
    const live = { ...deployment("nginx:1"), status: { replicas: 1 } };
    const mf = nextManagedFields(live, { ...live, status: { replicas: 1, readyReplicas: 1 } }, { manager: "kube-controller-manager", operation: "Update", apiVersion: "apps/v1", subresource: "status" });
    expect(mf).toEqual([expect.objectContaining({ manager: "kube-controller-manager", subresource: "status", fieldsV1: { "f:status": { "f:readyReplicas": {} } } })]);
  });
});

describe.skipIf(!hasKubectl)("managedFields written through the API", () => {
  let sim: KubeSim;
  let dir: string;
  let kubeconfigPath: string;
  let token: string;
  beforeAll(async () => {
    sim = await startKubeSim({ objects: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } }] });
    token = tokenOf(sim, "admin");
    dir = await mkdtemp(join(tmpdir(), "kube-sim-mf-"));
    kubeconfigPath = join(dir, "config");
    await writeFile(kubeconfigPath, sim.kubeconfig());
  });
  afterAll(async () => {
    await sim?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function kubectl(...args: string[]): Promise<string> {
    const r = await exec(KUBECTL, [...args, "--request-timeout=10s"], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, KUBECONFIG: kubeconfigPath }, timeout: 30_000 });
    return r.stdout;
  }
  const managed = async (kind: string, name: string): Promise<{ obj: KubeObject; mf: ManagedFieldsEntry[] }> => {
    const obj = JSON.parse(await kubectl("get", kind, name, "--show-managed-fields", "-o", "json")) as KubeObject;
    return { obj, mf: obj.metadata.managedFields as ManagedFieldsEntry[] };
  };

  it("kubectl create, then kubectl label: one entry per manager, ownership of the label with the labeller", async () => {
    await kubectl("create", "deployment", "web", "--image=nginx:1.25");
    const created = await managed("deployment", "web");
    expect(created.mf).toHaveLength(1);
    expect(created.mf[0]).toMatchObject({ manager: "kubectl-create", operation: "Update", apiVersion: "apps/v1", fieldsType: "FieldsV1" });
    expect(created.mf[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.mf[0]!.fieldsV1["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!['k:{"name":"nginx"}']).toMatchObject({ ".": {}, "f:image": {}, "f:name": {} });

    expect(await kubectl("label", "deployment", "web", "team=payments")).toContain("labeled");
    const labelled = await managed("deployment", "web");
    expect(labelled.mf.map((e) => `${e.manager} ${e.operation}`)).toEqual(["kubectl-create Update", "kubectl-label Update"]);
    const label = labelled.mf.find((e) => e.manager === "kubectl-label")!;
    expect(label.fieldsV1).toEqual({ "f:metadata": { "f:labels": { "f:team": {} } } });
    expect(label.time >= labelled.mf[0]!.time).toBe(true);
    // relabelling with the same value is a no-op: no new resourceVersion, entries unchanged
    await kubectl("label", "deployment", "web", "team=payments", "--overwrite");
    const again = await managed("deployment", "web");
    expect(again.obj.metadata.resourceVersion).toBe(labelled.obj.metadata.resourceVersion);
    expect(again.mf).toEqual(labelled.mf);
  });

  it("kubectl scale writes through the scale subresource: its own entry owns spec.replicas", async () => {
    await kubectl("create", "deployment", "scaled", "--image=nginx:1.25", "--replicas=1");
    expect(await kubectl("scale", "deployment", "scaled", "--replicas=3")).toContain("scaled");
    const { obj, mf } = await managed("deployment", "scaled");
    expect((obj.spec as { replicas: number }).replicas).toBe(3);
    const scale = mf.find((e) => e.subresource === "scale");
    expect(scale).toMatchObject({ operation: "Update", fieldsV1: { "f:spec": { "f:replicas": {} } } });
    expect(scale!.manager).toMatch(/^kubectl/);
    // ownership of the field moved: the creator no longer owns spec.replicas
    expect(mf.find((e) => e.manager === "kubectl-create")!.fieldsV1["f:spec"]?.["f:replicas"]).toBeUndefined();
  });

  it("kubectl apply (client-side) and kubectl apply --server-side", async () => {
    const file = join(dir, "cm.yaml");
    const doc = (v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\ndata:\n  mode: ${v}\n`;
    await writeFile(file, doc("a"));
    await kubectl("apply", "-f", file);
    const csa = await managed("configmap", "settings");
    expect(csa.mf).toHaveLength(1);
    expect(csa.mf[0]).toMatchObject({
      manager: "kubectl-client-side-apply",
      operation: "Update",
      apiVersion: "v1",
      fieldsV1: { "f:data": { ".": {}, "f:mode": {} }, "f:metadata": { "f:annotations": { ".": {}, "f:kubectl.kubernetes.io/last-applied-configuration": {} } } },
    });
    await writeFile(file, doc("b"));
    expect(await kubectl("apply", "--server-side", "-f", file)).toContain("serverside-applied");
    const ssa = await managed("configmap", "settings");
    expect(ssa.obj.data).toEqual({ mode: "b" });
    // Apply entries come first; the applier now owns data.mode, client-side apply keeps its annotation
    expect(ssa.mf.map((e) => `${e.manager} ${e.operation}`)).toEqual(["kubectl Apply", "kubectl-client-side-apply Update"]);
    expect(ssa.mf[0]!.fieldsV1).toEqual({ "f:data": { "f:mode": {} } });
    // (the data map it introduced stays its own, now without the key: SMD serialises that as a leaf)
    expect(ssa.mf[1]!.fieldsV1).toEqual({ "f:data": {}, "f:metadata": { "f:annotations": { ".": {}, "f:kubectl.kubernetes.io/last-applied-configuration": {} } } });
  });

  it("the manager falls back to the User-Agent's first segment; apply requires a fieldManager", async () => {
    const r = await call(sim, "/api/v1/namespaces/default/configmaps", { token, method: "POST", headers: { "User-Agent": "helm/v3.14.0 (linux/amd64) kubernetes/1.29" }, body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "chart" }, data: { a: "1" } } });
    expect(r.status).toBe(201);
    expect(r.json.metadata.managedFields).toEqual([expect.objectContaining({ manager: "helm", operation: "Update", fieldsV1: { "f:data": { ".": {}, "f:a": {} } } })]);
    const noManager = await call(sim, "/api/v1/namespaces/default/configmaps/chart", { token, method: "PATCH", headers: { "Content-Type": "application/apply-patch+yaml" }, body: "data:\n  a: '2'\n" });
    expect(noManager.status).toBe(400);
    expect(noManager.json.message).toContain("fieldManager is required");
  });

  it("status writes carry subresource status; store.apply with a manager records it; watches see managedFields", async () => {
    const rv = (await call(sim, "/apis/apps/v1/deployments", { token })).json.metadata.resourceVersion;
    const events = await watch(sim, `/apis/apps/v1/namespaces/default/deployments?watch=1&resourceVersion=${rv}`, token, (evs) => evs.length >= 2, () => {
      void call(sim, "/apis/apps/v1/namespaces/default/deployments/web/status?fieldManager=kube-controller-manager", { token, method: "PATCH", headers: { "Content-Type": "application/merge-patch+json" }, body: { status: { readyReplicas: 1 } } }).then(() => {
        const live = sim.store.list("Deployment").find((d) => d.metadata.name === "web")!;
        sim.store.apply({ ...live, metadata: { ...live.metadata, annotations: { "argocd.argoproj.io/tracking-id": "shop:apps/Deployment:default/web" } } }, { manager: "argocd-controller" });
      });
    });
    const status = events[0]!.object.metadata.managedFields.find((e: ManagedFieldsEntry) => e.subresource === "status");
    expect(status).toMatchObject({ manager: "kube-controller-manager", operation: "Update", subresource: "status", fieldsV1: { "f:status": { "f:readyReplicas": {} } } });
    const argo = events[1]!.object.metadata.managedFields.find((e: ManagedFieldsEntry) => e.manager === "argocd-controller");
    expect(argo).toMatchObject({ operation: "Update", fieldsV1: { "f:metadata": { "f:annotations": { ".": {}, "f:argocd.argoproj.io/tracking-id": {} } } } });
  });
});
