// dryRun=All on writes: validated and admitted in full, answered as if done, nothing stored, no
// watch event, no resourceVersion change. With the real kubectl (--dry-run=server) and raw calls.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, type KubeObject, type KubeSim } from "./index";
import { call, tokenOf, watch } from "./test-util";

const exec = promisify(execFile);
const KUBECTL = "/usr/bin/kubectl";
const hasKubectl = existsSync(KUBECTL);

const deployment: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "shop", labels: { app: "web" } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.25", securityContext: { privileged: true } }] } },
  },
};

let sim: KubeSim;
let dir: string;
let kubeconfigPath: string;
let token: string;

beforeAll(async () => {
  sim = await startKubeSim({ objects: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } }, deployment] });
  token = tokenOf(sim, "admin");
  dir = await mkdtemp(join(tmpdir(), "kube-sim-dryrun-"));
  kubeconfigPath = join(dir, "config");
  await writeFile(kubeconfigPath, sim.kubeconfig());
});
afterAll(async () => {
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function kubectl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(KUBECTL, [...args, "--request-timeout=10s"], { env: { PATH: "/usr/bin:/bin", HOME: dir, KUBECONFIG: kubeconfigPath }, timeout: 30_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === "number" ? err.code : 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

async function getDeployment(name = "web"): Promise<any> {
  return (await call(sim, `/apis/apps/v1/namespaces/shop/deployments/${name}`, { token })).json;
}

/**
 * Runs `writes` while watching deployments from the current resourceVersion, then makes one real
 * write (a label on a marker object) and returns the events seen up to that marker: a dry run that
 * leaked an event would show up before it.
 */
async function eventsDuring(writes: () => Promise<void>): Promise<Array<{ type: string; object: any }>> {
  const list = (await call(sim, "/apis/apps/v1/deployments", { token })).json;
  const rv = list.metadata.resourceVersion as string;
  const marker = `marker-${Math.random().toString(36).slice(2, 8)}`;
  const seen = watch(sim, `/apis/apps/v1/deployments?watch=1&resourceVersion=${rv}&timeoutSeconds=20`, token, (evs) => evs.some((e) => e.object?.metadata?.name === marker));
  await writes();
  const m = await call(sim, "/apis/apps/v1/namespaces/shop/deployments", { token, method: "POST", body: { ...deployment, metadata: { name: marker, namespace: "shop" } } });
  expect(m.status).toBe(201);
  const events = await seen;
  return events.filter((e) => e.object?.metadata?.name !== marker);
}

describe("dryRun=All (raw API)", () => {
  it("POST/PUT/PATCH/DELETE answer as if done and change nothing", async () => {
    const before = await getDeployment();
    const events = await eventsDuring(async () => {
      const created = await call(sim, "/apis/apps/v1/namespaces/shop/deployments?dryRun=All", { token, method: "POST", body: { ...deployment, metadata: { name: "ghost", namespace: "shop" } } });
      expect(created.status).toBe(201);
      expect(created.json.metadata).toMatchObject({ name: "ghost", namespace: "shop" });
      expect(created.json.metadata.uid).toBeTruthy();
      expect(created.json.metadata.resourceVersion).toBeUndefined();

      const put = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/web?dryRun=All", { token, method: "PUT", body: { ...before, spec: { ...before.spec, replicas: 5 } } });
      expect(put.status).toBe(200);
      expect(put.json.spec.replicas).toBe(5);
      expect(put.json.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
      expect(put.json.metadata.generation).toBe(before.metadata.generation + 1);

      for (const ctype of ["application/merge-patch+json", "application/strategic-merge-patch+json"]) {
        const p = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/web?dryRun=All&fieldManager=bulwark", {
          token,
          method: "PATCH",
          headers: { "Content-Type": ctype },
          body: { spec: { template: { spec: { containers: [{ name: "web", securityContext: { privileged: false } }] } } } },
        });
        expect(p.status, p.text).toBe(200);
        expect(p.json.spec.template.spec.containers[0].securityContext.privileged).toBe(false);
        expect(p.json.metadata.managedFields.some((m: any) => m.manager === "bulwark")).toBe(true);
      }
      const apply = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/web?dryRun=All&fieldManager=bulwark&force=true", {
        token,
        method: "PATCH",
        headers: { "Content-Type": "application/apply-patch+yaml" },
        body: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 7\n",
      });
      expect(apply.status, apply.text).toBe(200);
      expect(apply.json.spec.replicas).toBe(7);
      const applyCreate = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/ghost2?dryRun=All&fieldManager=bulwark", {
        token,
        method: "PATCH",
        headers: { "Content-Type": "application/apply-patch+yaml" },
        body: JSON.stringify({ ...deployment, metadata: { name: "ghost2", namespace: "shop" } }),
      });
      expect(applyCreate.status, applyCreate.text).toBe(201);

      const del = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/web?dryRun=All", { token, method: "DELETE" });
      expect(del.status).toBe(200);
      expect(del.json.metadata.name).toBe("web");
      // kubectl and client-go send the dry run in the DeleteOptions body
      const delBody = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/web", { token, method: "DELETE", body: { kind: "DeleteOptions", apiVersion: "v1", dryRun: ["All"] } });
      expect(delBody.status).toBe(200);
      const scale = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/web/scale?dryRun=All", { token, method: "PUT", body: { kind: "Scale", apiVersion: "autoscaling/v1", metadata: { name: "web", namespace: "shop" }, spec: { replicas: 9 } } });
      expect(scale.status).toBe(200);
      expect(scale.json.spec.replicas).toBe(9);
    });
    expect(events).toEqual([]);
    const after = await getDeployment();
    expect(after).toEqual(before);
    expect((await call(sim, "/apis/apps/v1/namespaces/shop/deployments/ghost", { token })).status).toBe(404);
    expect((await call(sim, "/apis/apps/v1/namespaces/shop/deployments/ghost2", { token })).status).toBe(404);
  });

  it("still validates: a conflict, a missing object and a name clash fail as they would", async () => {
    const before = await getDeployment();
    const conflict = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/web?dryRun=All", { token, method: "PUT", body: { ...before, metadata: { ...before.metadata, resourceVersion: "1" } } });
    expect(conflict.status).toBe(409);
    const missing = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/nope?dryRun=All", { token, method: "PATCH", headers: { "Content-Type": "application/merge-patch+json" }, body: {} });
    expect(missing.status).toBe(404);
    const clash = await call(sim, "/apis/apps/v1/namespaces/shop/deployments?dryRun=All", { token, method: "POST", body: deployment });
    expect(clash.status).toBe(409);
    expect(clash.json.reason).toBe("AlreadyExists");
    const gone = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/nope?dryRun=All", { token, method: "DELETE" });
    expect(gone.status).toBe(404);
  });

  it("rejects an unknown dryRun value as the apiserver validates its options", async () => {
    const bad = await call(sim, "/apis/apps/v1/namespaces/shop/deployments?dryRun=Everything", { token, method: "POST", body: { ...deployment, metadata: { name: "x", namespace: "shop" } } });
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({ kind: "Status", reason: "Invalid", code: 422, details: { kind: "CreateOptions", group: "meta.k8s.io" } });
    expect(bad.json.message).toBe('CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Everything"}: supported values: "All"');
    const badPatch = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/web?dryRun=true", { token, method: "PATCH", headers: { "Content-Type": "application/merge-patch+json" }, body: {} });
    expect(badPatch.status).toBe(422);
    expect(badPatch.json.message).toMatch(/^PatchOptions\.meta\.k8s\.io "" is invalid: dryRun: Unsupported value/);
    expect((await call(sim, "/apis/apps/v1/namespaces/shop/deployments/x", { token })).status).toBe(404);
  });
});

describe.skipIf(!hasKubectl)("kubectl --dry-run=server", () => {
  it("apply, patch, create and delete print the result and leave the cluster as it was", async () => {
    const before = await getDeployment();
    const manifest = join(dir, "web.yaml");
    await writeFile(manifest, JSON.stringify({ ...deployment, spec: { ...(deployment.spec as object), replicas: 4 } }));
    const events = await eventsDuring(async () => {
      const applied = await kubectl("apply", "--dry-run=server", "-f", manifest);
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stdout).toContain("deployment.apps/web configured (server dry run)");
      const ssa = await kubectl("apply", "--server-side", "--dry-run=server", "-f", manifest, "-o", "json");
      expect(ssa.code, ssa.stderr).toBe(0);
      expect(JSON.parse(ssa.stdout).spec.replicas).toBe(4);
      const patched = await kubectl("patch", "deployment", "web", "-n", "shop", "--dry-run=server", "-p", '{"spec":{"template":{"spec":{"containers":[{"name":"web","securityContext":{"privileged":false}}]}}}}', "-o", "json");
      expect(patched.code, patched.stderr).toBe(0);
      expect(JSON.parse(patched.stdout).spec.template.spec.containers[0].securityContext.privileged).toBe(false);
      const newManifest = join(dir, "new.yaml");
      await writeFile(newManifest, JSON.stringify({ ...deployment, metadata: { name: "brand-new", namespace: "shop" } }));
      const created = await kubectl("create", "--dry-run=server", "-f", newManifest);
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toContain("deployment.apps/brand-new created (server dry run)");
      const deleted = await kubectl("delete", "deployment", "web", "-n", "shop", "--dry-run=server");
      expect(deleted.code, deleted.stderr).toBe(0);
      expect(deleted.stdout).toContain('deployment.apps "web" deleted (server dry run)');
    });
    expect(events).toEqual([]);
    expect(await getDeployment()).toEqual(before);
    expect((await kubectl("get", "deployment", "brand-new", "-n", "shop")).code).not.toBe(0);
  });
});
