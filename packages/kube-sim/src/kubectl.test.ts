// Acceptance: the real kubectl and @kubernetes/client-node against the simulator, with the
// kubeconfig it emits, must not be able to tell it from a cluster.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { AppsV1Api, CoreV1Api, KubeConfig, makeInformer, RbacAuthorizationV1Api, type V1Pod } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { scenarios, startKubeSim, type KubeObject, type KubeSim } from "./index";

const exec = promisify(execFile);
const KUBECTL = "/usr/bin/kubectl";
const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl) console.warn(`kube-sim: ${KUBECTL} not found, kubectl acceptance tests are skipped`);

let sim: KubeSim;
let dir: string;
let kubeconfigPath: string;
let loaded: KubeObject[];

beforeAll(async () => {
  const s = scenarios["shop-staging"]!();
  loaded = s.objects;
  sim = await startKubeSim({ objects: s.objects, version: s.version, clusterName: "shop-staging" });
  dir = await mkdtemp(join(tmpdir(), "kube-sim-kubectl-"));
  kubeconfigPath = join(dir, "config");
  await writeFile(kubeconfigPath, sim.kubeconfig({ allContexts: true }));
});
afterAll(async () => {
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function kubectl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(KUBECTL, [...args, "--request-timeout=10s"], {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, KUBECONFIG: kubeconfigPath },
      timeout: 30_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === "number" ? err.code : 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

describe.skipIf(!hasKubectl)("kubectl against kube-sim", () => {
  it("kubectl version -o json reports the simulated server", async () => {
    const r = await kubectl("version", "-o", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).serverVersion).toMatchObject({ major: "1", minor: "29", gitVersion: "v1.29.0" });
  });

  it("kubectl api-resources lists built-in resources", async () => {
    const r = await kubectl("api-resources");
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.some((l) => /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment/.test(l))).toBe(true);
    expect(lines.some((l) => /^clusterrolebindings\s+rbac.authorization.k8s.io\/v1\s+false\s+ClusterRoleBinding/.test(l))).toBe(true);
    expect(lines.some((l) => /^podsecuritypolicies/.test(l))).toBe(false);
  });

  it("kubectl discovers a 1.30 server through aggregated discovery alone", async () => {
    const s130 = await startKubeSim({ objects: scenarios["payments-prod"]!().objects, version: "1.30" });
    const cfg = join(dir, "config-130");
    await writeFile(cfg, s130.kubeconfig());
    try {
      const before = s130.requestCount();
      const r = await exec(KUBECTL, ["--kubeconfig", cfg, "api-resources", "--request-timeout=10s"], { env: { PATH: "/usr/bin:/bin", HOME: join(dir, "home-130") }, timeout: 30_000 });
      expect(r.stdout).toMatch(/^networkpolicies\s+netpol\s+networking.k8s.io\/v1\s+true\s+NetworkPolicy/m);
      // /api and /apis (plus /version, which this kubectl build asks to pick its client version);
      // legacy discovery would fetch one document per group version on top (~15).
      expect(s130.requestCount() - before).toBeLessThanOrEqual(3);
    } finally {
      await s130.close();
    }
  });

  it("kubectl get pods -A -o name matches the loaded pods", async () => {
    const r = await kubectl("get", "pods", "-A", "-o", "name");
    expect(r.code, r.stderr).toBe(0);
    const got = r.stdout.trim().split("\n").sort();
    const want = loaded.filter((o) => o.kind === "Pod").map((o) => `pod/${o.metadata.name}`).sort();
    expect(got).toEqual(want);
  });

  it("kubectl get pods -A prints a table with namespaces and names", async () => {
    const r = await kubectl("get", "pods", "-A");
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = r.stdout.trim().split("\n");
    expect(header).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    const pairs = rows.map((l) => l.split(/\s+/).slice(0, 2).join("/")).sort();
    expect(pairs).toEqual(loaded.filter((o) => o.kind === "Pod").map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort());
  });

  it("kubectl get clusterrolebindings -o yaml returns every binding", async () => {
    const r = await kubectl("get", "clusterrolebindings", "-o", "yaml");
    expect(r.code, r.stderr).toBe(0);
    const list = parse(r.stdout) as { kind: string; items: KubeObject[] };
    expect(list.kind).toBe("List");
    expect(list.items.map((i) => i.metadata.name).sort()).toEqual(loaded.filter((o) => o.kind === "ClusterRoleBinding").map((o) => o.metadata.name).sort());
    expect(list.items.find((i) => i.metadata.name === "cluster-admin")).toMatchObject({ roleRef: { name: "cluster-admin" }, subjects: [{ kind: "Group", name: "system:masters" }] });
  });

  it("kubectl get deploy -n NS NAME -o json matches the loaded object", async () => {
    const r = await kubectl("get", "deploy", "-n", "shop", "checkout", "-o", "json");
    expect(r.code, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as KubeObject;
    const want = loaded.find((o) => o.kind === "Deployment" && o.metadata.name === "checkout")!;
    expect(got.spec).toEqual(want.spec);
    expect(got.metadata.uid).toBe(want.metadata.uid);
    expect(got.metadata.labels).toEqual(want.metadata.labels);
  });

  it("kubectl auth can-i answers per identity", async () => {
    expect((await kubectl("auth", "can-i", "list", "secrets")).stdout.trim()).toBe("yes");
    const no = await kubectl("auth", "can-i", "list", "secrets", "--context", "no-secrets");
    expect(no.stdout.trim()).toBe("no");
    expect((await kubectl("auth", "can-i", "list", "pods", "--context", "no-secrets")).stdout.trim()).toBe("yes");
    const list = await kubectl("auth", "can-i", "--list", "--context", "no-secrets");
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^pods\s+\[\]\s+\[\]\s+\[get list watch\]/m);
    expect(list.stdout).not.toMatch(/^secrets\s/m);
  });

  it("kubectl create/apply/delete round-trip (client-side and server-side apply)", async () => {
    const manifest = join(dir, "apply.yaml");
    const doc = (image: string) =>
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: applied\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: applied\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: ${image}\n        ports: [{containerPort: 8080}]\n`;
    await writeFile(manifest, doc("nginx:1.25"));
    const created = await kubectl("apply", "-f", manifest);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain("deployment.apps/web created");
    await writeFile(manifest, doc("nginx:1.27"));
    const updated = await kubectl("apply", "-f", manifest);
    expect(updated.stdout, updated.stderr).toContain("deployment.apps/web configured");
    const got = JSON.parse((await kubectl("get", "deploy", "-n", "applied", "web", "-o", "json")).stdout);
    expect(got.spec.template.spec.containers).toEqual([{ name: "web", image: "nginx:1.27", ports: [{ containerPort: 8080 }] }]);
    expect(got.metadata.generation).toBe(2);
    await writeFile(manifest, doc("nginx:1.28"));
    const ssa = await kubectl("apply", "--server-side", "-f", manifest);
    expect(ssa.stdout, ssa.stderr).toContain("deployment.apps/web serverside-applied");
    expect((await kubectl("get", "deploy", "-n", "applied", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}")).stdout).toBe("nginx:1.28");
    const scaled = await kubectl("scale", "deployment", "web", "-n", "applied", "--replicas=5");
    expect(scaled.stdout, scaled.stderr).toContain("deployment.apps/web scaled");
    expect((await kubectl("get", "deploy", "-n", "applied", "web", "-o", "jsonpath={.spec.replicas}")).stdout).toBe("5");
    expect((await kubectl("delete", "namespace", "applied")).code).toBe(0);
    // deleting a namespace removes what was in it, as the namespace controller does
    expect(sim.store.list("Deployment").some((d) => d.metadata.namespace === "applied")).toBe(false);
  });

  it("kubectl get secrets -A is Forbidden for the restricted identity", async () => {
    const r = await kubectl("get", "secrets", "-A", "--context", "no-secrets");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:kube-sim:no-secrets" cannot list resource "secrets" in API group "" at the cluster scope');
  });
});

describe("@kubernetes/client-node against kube-sim", () => {
  const client = (identity: string) => {
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig({ identity }));
    return kc;
  };

  it("lists pods across namespaces and reads a deployment", async () => {
    const kc = client("admin");
    const pods = await kc.makeApiClient(CoreV1Api).listPodForAllNamespaces();
    expect(pods.items.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`).sort()).toEqual(
      loaded.filter((o) => o.kind === "Pod").map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort(),
    );
    const dep = await kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ name: "frontend", namespace: "shop" });
    const want = loaded.find((o) => o.kind === "Deployment" && o.metadata.name === "frontend")!;
    expect(dep.spec?.replicas).toBe((want.spec as { replicas: number }).replicas);
    expect(dep.spec?.template.spec?.containers[0]?.image).toBe("ghcr.io/acme-shop/frontend:latest");
    const crbs = await kc.makeApiClient(RbacAuthorizationV1Api).listClusterRoleBinding();
    expect(crbs.items.length).toBe(loaded.filter((o) => o.kind === "ClusterRoleBinding").length);
  });

  it("pages with limit and continue", async () => {
    const api = client("admin").makeApiClient(CoreV1Api);
    const names: string[] = [];
    let cont: string | undefined;
    do {
      const page = await api.listPodForAllNamespaces({ limit: 7, _continue: cont });
      names.push(...page.items.map((p) => p.metadata!.name!));
      cont = page.metadata?._continue;
    } while (cont);
    expect(names.length).toBe(loaded.filter((o) => o.kind === "Pod").length);
  });

  it("authenticates with a client certificate from the kubeconfig", async () => {
    const certSim = await startKubeSim({ objects: loaded, identities: [{ name: "ops", clientCert: true, allow: [{ group: "", resource: "pods" }] }] });
    try {
      const kc = new KubeConfig();
      kc.loadFromString(certSim.kubeconfig());
      const api = kc.makeApiClient(CoreV1Api);
      expect((await api.listNamespacedPod({ namespace: "shop" })).items.length).toBeGreaterThan(0);
      await expect(api.listNamespacedConfigMap({ namespace: "shop" })).rejects.toMatchObject({ code: 403 });
    } finally {
      await certSim.close();
    }
  });

  it("drives an informer: initial list, then watch updates", async () => {
    const kc = client("admin");
    const api = kc.makeApiClient(CoreV1Api);
    const informer = makeInformer(kc, "/api/v1/namespaces/data/pods", () => api.listNamespacedPod({ namespace: "data" }));
    const added: string[] = [];
    const updated = new Promise<V1Pod>((resolve) => informer.on("update", (p) => resolve(p)));
    informer.on("add", (p) => added.push(p.metadata!.name!));
    await informer.start();
    expect(added.sort()).toEqual(loaded.filter((o) => o.kind === "Pod" && o.metadata.namespace === "data").map((o) => o.metadata.name).sort());
    const target = sim.store.list("Pod").find((o) => o.metadata.namespace === "data")!;
    // give the informer's watch a moment to open before changing the object
    await new Promise((r) => setTimeout(r, 300));
    sim.store.apply({ ...target, metadata: { ...target.metadata, labels: { ...target.metadata.labels, informer: "seen" } } });
    const p = await updated;
    expect(p.metadata?.labels?.informer).toBe("seen");
    await informer.stop();
  });

  it("gets a 403 for the restricted identity", async () => {
    const api = client("no-secrets").makeApiClient(CoreV1Api);
    await expect(api.listSecretForAllNamespaces()).rejects.toMatchObject({ code: 403 });
    await expect(api.listPodForAllNamespaces()).resolves.toBeTruthy();
  });
});
