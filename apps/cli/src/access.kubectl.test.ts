// Acceptance for issue 17: `bulwark access who-can` agrees with the cluster's own RBAC objects as
// the real kubectl shows them, on kube-sim clusters over HTTPS.
// - Every subject of a cluster-admin ClusterRoleBinding can do anything anywhere, and the answer
//   names that binding (access-lab and legacy-onprem, arbitrary verbs, resources, namespaces).
// - Every binding kubectl lists grants what its role's rules say: each rule, asked back as a
//   question, lists the binding's subjects through that binding (kubectl's JSON as the input).
// - The RBAC documentation's cases, with answers written here from the documentation, not from
//   the implementation: resourceNames, aggregation, wildcards, */scale, a RoleBinding to a
//   ClusterRole, a ServiceAccount subject without namespace, the system groups.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { scenarios, startKubeSim, type KubeSim } from "@bulwark/kube-sim";
import { buildAccessModel } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./cli";
import { readLiveCluster } from "./cluster";

const exec = promisify(execFile);
const KUBECTL = "/usr/bin/kubectl";
const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl) console.warn(`access: ${KUBECTL} not found, the kubectl agreement tests are skipped`);
const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "bulwark.mjs");

interface Subject {
  kind: string;
  name: string;
  namespace?: string | null;
}
interface Via {
  binding: string;
  bindingKind: string;
  bindingNamespace: string | null;
  role: string;
  roleKind: string;
  rule: { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames: string[]; nonResourceURLs: string[] };
  ruleSource?: string;
  scope: string | null;
  viaGroup?: string;
}
interface Answer {
  subjects: Array<Subject & { via: Via[] }>;
}
interface Binding {
  kind: "RoleBinding" | "ClusterRoleBinding";
  metadata: { name: string; namespace?: string };
  roleRef: { kind: string; name: string };
  subjects?: Subject[];
}
interface RoleObj {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: Array<{ apiGroups?: string[]; resources?: string[]; verbs: string[]; resourceNames?: string[]; nonResourceURLs?: string[] }>;
}

interface Cluster {
  sim: KubeSim;
  kubeconfig: string;
  /** kubectl's JSON of every RBAC object, written as one file (the CLI's manifest input). */
  rbacFile: string;
  bindings: Binding[];
  roles: RoleObj[];
}

let dir: string;
const clusters = new Map<string, Cluster>();

async function kubectl(kubeconfig: string, ...args: string[]): Promise<any> {
  const r = await exec(KUBECTL, ["--kubeconfig", kubeconfig, ...args, "-o", "json", "--request-timeout=20s"], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  if (!hasKubectl) return;
  dir = mkdtempSync(join(tmpdir(), "bulwark-access-kubectl-"));
  for (const name of ["access-lab", "legacy-onprem"]) {
    const s = scenarios[name]!();
    const sim = await startKubeSim({ objects: s.objects, version: s.version, clusterName: name });
    const kubeconfig = join(dir, `${name}.kubeconfig`);
    writeFileSync(kubeconfig, sim.kubeconfig());
    const [crb, rb, cr, r] = await Promise.all([
      kubectl(kubeconfig, "get", "clusterrolebindings"),
      kubectl(kubeconfig, "get", "rolebindings", "-A"),
      kubectl(kubeconfig, "get", "clusterroles"),
      kubectl(kubeconfig, "get", "roles", "-A"),
    ]);
    const rbacFile = join(dir, `${name}-rbac.json`);
    writeFileSync(rbacFile, JSON.stringify({ apiVersion: "v1", kind: "List", items: [...crb.items, ...rb.items, ...cr.items, ...r.items] }));
    clusters.set(name, { sim, kubeconfig, rbacFile, bindings: [...crb.items, ...rb.items], roles: [...cr.items, ...r.items] });
  }
}, 120_000);

afterAll(async () => {
  for (const c of clusters.values()) await c.sim.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `bulwark access ARGS --format json`, in this process (the simulator keeps serving meanwhile). */
async function access(args: string[]): Promise<Answer> {
  let stdout = "";
  let stderr = "";
  const code = await runCli({ argv: ["access", ...args, "--format", "json"], cwd: dir, env: { NO_COLOR: "1" }, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => "", stdinIsTty: true, stdoutIsTty: false });
  if (code !== 0) throw new Error(`bulwark access ${args.join(" ")}: exit ${code}: ${stderr}`);
  return JSON.parse(stdout) as Answer;
}

const live = (cluster: string, ...args: string[]) => access(["who-can", ...args, "--kubeconfig", clusters.get(cluster)!.kubeconfig]);
const key = (s: Subject) => `${s.kind}/${s.namespace ?? ""}/${s.name}`;
const find = (a: Answer, s: Subject) => a.subjects.find((x) => key(x) === key(s));
const names = (a: Answer) => a.subjects.map(key);

/** The subject as the authorizer reads it: a RoleBinding's ServiceAccount without namespace is in the binding's. */
function resolved(b: Binding, s: Subject): Subject {
  return s.kind === "ServiceAccount" ? { kind: s.kind, name: s.name, namespace: s.namespace || b.metadata.namespace } : { kind: s.kind, name: s.name };
}

describe.skipIf(!hasKubectl)("who-can agrees with kubectl's RBAC objects", () => {
  for (const name of ["access-lab", "legacy-onprem"]) {
    it(`${name}: every subject of a cluster-admin ClusterRoleBinding can do anything anywhere, through that binding`, async () => {
      const c = clusters.get(name)!;
      const admins = c.bindings.filter((b) => b.kind === "ClusterRoleBinding" && b.roleRef.kind === "ClusterRole" && b.roleRef.name === "cluster-admin");
      expect(admins.length).toBeGreaterThanOrEqual(2);
      const questions = [
        ["delete", "secrets", "-n", "kube-system"],
        ["create", "pods/exec", "-n", "default"],
        ["patch", "nodes"],
        ["impersonate", "users"],
        ["escalate", "clusterroles.rbac.authorization.k8s.io"],
        ["frobnicate", "widgets.example.com", "-n", "no-such-namespace", "--name", "w1"],
        ["get", "--url", "/logs/kubelet.log"],
      ];
      for (const q of questions) {
        const answer = await live(name, ...q);
        for (const b of admins) {
          for (const s of b.subjects ?? []) {
            const got = find(answer, resolved(b, s));
            expect(got, `${q.join(" ")}: ${key(s)} missing`).toBeDefined();
            expect(got!.via, `${q.join(" ")}: ${key(s)} without ${b.metadata.name}`).toContainEqual(expect.objectContaining({ binding: b.metadata.name, bindingKind: "ClusterRoleBinding", role: "cluster-admin", roleKind: "ClusterRole", scope: null }));
          }
        }
      }
    }, 120_000);

    it(`${name}: each rule of each binding, asked back, lists the binding's subjects through it`, async () => {
      const c = clusters.get(name)!;
      const roleOf = (b: Binding) => c.roles.find((r) => r.kind === b.roleRef.kind && r.metadata.name === b.roleRef.name && (r.kind === "ClusterRole" || r.metadata.namespace === b.metadata.namespace));
      let asked = 0;
      for (const b of c.bindings) {
        const role = roleOf(b);
        if (!role || !b.subjects?.length) continue;
        for (const rule of role.rules ?? []) {
          const verb = rule.verbs.find((v) => v !== "*") ?? "get";
          let q: string[];
          if (rule.nonResourceURLs?.length) {
            // Non-resource URLs are granted by ClusterRoleBindings only.
            if (b.kind !== "ClusterRoleBinding") continue;
            q = [verb, "--url", rule.nonResourceURLs[0] === "*" ? "/anything" : rule.nonResourceURLs[0]!.replace(/\*$/, "x")];
          } else {
            const group = (rule.apiGroups ?? [""]).find((g) => g !== "*") ?? "example.com";
            const resource = rule.resources![0]!.replace(/^\*\//, "pods/").replace(/^\*$/, "widgets");
            const [base, sub] = resource.split("/");
            // A RoleBinding grants in its namespace; a ClusterRoleBinding cluster-wide (asked without -n).
            q = [verb, `${base}${group ? `.${group}` : ""}${sub ? `/${sub}` : ""}`, ...(b.kind === "RoleBinding" ? ["-n", b.metadata.namespace!] : [])];
            if (rule.resourceNames?.length) q.push("--name", rule.resourceNames[0]!);
          }
          const answer = await access(["who-can", ...q, c.rbacFile]);
          asked++;
          for (const s of b.subjects) {
            const got = find(answer, resolved(b, s));
            expect(got, `${b.kind} ${b.metadata.name}: who-can ${q.join(" ")} misses ${key(s)}`).toBeDefined();
            expect(got!.via.map((v) => v.binding), `${q.join(" ")} ${key(s)}`).toContain(b.metadata.name);
          }
        }
      }
      expect(asked).toBeGreaterThan(15);
    }, 120_000);
  }

  it("the real binary answers the same, reading the cluster over HTTPS", async () => {
    const c = clusters.get("legacy-onprem")!;
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, [BIN, "access", "who-can", "delete", "secrets", "-n", "kube-system", "--kubeconfig", c.kubeconfig, "--format", "json"], { env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", fail);
      child.on("close", (code) => done({ code, stdout, stderr }));
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const got = names(JSON.parse(r.stdout) as Answer);
    expect(got).toEqual(expect.arrayContaining(["ServiceAccount/ci/jenkins", "Group//ops-team", "User//alice@corp.example", "Group//system:masters", "ServiceAccount/kubernetes-dashboard/kubernetes-dashboard"]));
  }, 120_000);
});

describe.skipIf(!hasKubectl)("access-lab: the RBAC documentation's cases", () => {
  const lab = (...args: string[]) => live("access-lab", ...args);
  const has = (a: Answer, s: Subject, binding: string) => find(a, s)?.via.some((v) => v.binding === binding) ?? false;
  const api = { kind: "ServiceAccount", namespace: "payments", name: "api" };
  const prometheus = { kind: "ServiceAccount", namespace: "monitoring", name: "prometheus" };
  const intern = { kind: "User", name: "intern@lab.example" };
  const autoscaler = { kind: "ServiceAccount", namespace: "kube-system", name: "autoscaler" };
  const teamA = { kind: "Group", name: "team-a-devs" };
  const builder = { kind: "ServiceAccount", namespace: "ci", name: "builder" };

  it("resourceNames: get of the named Secret only; not list, not another Secret, not without a name", async () => {
    expect(has(await lab("get", "secrets", "-n", "payments", "--name", "app-db"), api, "api-reads-app-db")).toBe(true);
    expect(find(await lab("get", "secrets", "-n", "payments", "--name", "card-keys"), api)).toBeUndefined();
    expect(find(await lab("get", "secrets", "-n", "payments"), api)).toBeUndefined();
    expect(find(await lab("list", "secrets", "-n", "payments"), api)).toBeUndefined();
    const named = await lab("get", "secrets", "-n", "payments", "--include-named");
    expect(find(named, api)?.via[0]?.rule.resourceNames).toEqual(["app-db"]);
  });

  it("aggregation: an aggregated ClusterRole has the rules of every ClusterRole its selector matches", async () => {
    const endpoints = await lab("list", "endpoints", "-n", "team-b");
    expect(find(endpoints, prometheus)?.via).toContainEqual(expect.objectContaining({ binding: "prometheus-monitoring", role: "monitoring", ruleSource: "monitoring-endpoints" }));
    expect(has(await lab("get", "--url", "/metrics"), prometheus, "prometheus-monitoring")).toBe(true);
    expect(find(await lab("delete", "endpoints", "-n", "team-b"), prometheus)).toBeUndefined();
    // cronjob-editor is labelled aggregate-to-edit, so edit (bound in team-a) may write cronjobs there.
    expect(has(await lab("create", "cronjobs.batch", "-n", "team-a"), teamA, "team-a-editors")).toBe(true);
    expect(find(await lab("create", "cronjobs.batch", "-n", "team-b"), teamA)).toBeUndefined();
  });

  it("wildcards: * verbs on * resources of * groups, inside the RoleBinding's namespace only", async () => {
    expect(has(await lab("delete", "secrets", "-n", "sandbox"), intern, "intern-owns-sandbox")).toBe(true);
    expect(has(await lab("frobnicate", "widgets.example.com", "-n", "sandbox"), intern, "intern-owns-sandbox")).toBe(true);
    expect(has(await lab("create", "pods/exec", "-n", "sandbox"), intern, "intern-owns-sandbox")).toBe(true);
    expect(find(await lab("delete", "secrets", "-n", "team-a"), intern)).toBeUndefined();
    expect(find(await lab("delete", "secrets"), intern)).toBeUndefined();
  });

  it("*/scale: the scale subresource of any resource in the listed groups, and not the resource itself", async () => {
    expect(has(await lab("update", "deployments.apps/scale", "-n", "team-a"), autoscaler, "autoscaler-scales")).toBe(true);
    expect(has(await lab("patch", "replicationcontrollers/scale", "-n", "ci"), autoscaler, "autoscaler-scales")).toBe(true);
    expect(has(await lab("get", "statefulsets.apps/scale"), autoscaler, "autoscaler-scales")).toBe(true);
    expect(find(await lab("update", "deployments.apps", "-n", "team-a"), autoscaler)).toBeUndefined();
    expect(find(await lab("update", "deployments.apps/status", "-n", "team-a"), autoscaler)).toBeUndefined();
    // Groups still count: batch is not in the rule's apiGroups.
    expect(find(await lab("update", "jobs.batch/scale", "-n", "team-a"), autoscaler)).toBeUndefined();
  });

  it("a RoleBinding to the ClusterRole edit grants edit in the binding's namespace only", async () => {
    expect(has(await lab("create", "pods", "-n", "team-a"), teamA, "team-a-editors")).toBe(true);
    expect(find(await lab("create", "pods", "-n", "team-b"), teamA)).toBeUndefined();
    expect(find(await lab("create", "pods"), teamA)).toBeUndefined();
    // edit, as this cluster's aggregated roles define it, has no get on Secrets, nor RBAC writes (admin has them).
    expect(find(await lab("get", "secrets", "-n", "team-a"), teamA)).toBeUndefined();
    expect(find(await lab("create", "rolebindings.rbac.authorization.k8s.io", "-n", "team-a"), teamA)).toBeUndefined();
  });

  it("a ServiceAccount subject without namespace in a RoleBinding is the binding's namespace's", async () => {
    const a = await lab("create", "deployments.apps", "-n", "ci");
    expect(has(a, builder, "builder-deploys")).toBe(true);
    expect(a.subjects.some((s) => s.name === "builder" && s.namespace !== "ci")).toBe(false);
  });

  it("system groups: system:authenticated and system:serviceaccounts hold their grants, and their members get them", async () => {
    const nodes = await lab("list", "nodes");
    expect(has(nodes, { kind: "Group", name: "system:authenticated" }, "authenticated-read-nodes")).toBe(true);
    expect(has(await lab("get", "configmaps", "-n", "shared"), { kind: "Group", name: "system:serviceaccounts" }, "all-service-accounts-read-config")).toBe(true);
    expect(find(await lab("get", "configmaps", "-n", "team-a"), { kind: "Group", name: "system:serviceaccounts" })).toBeUndefined();

    const kc = clusters.get("access-lab")!.kubeconfig;
    const sa = (await access(["subject", "sa/ci:builder", "--kubeconfig", kc])).subjects[0]!;
    expect(sa.via).toContainEqual(expect.objectContaining({ binding: "authenticated-read-nodes", viaGroup: "system:authenticated" }));
    expect(sa.via).toContainEqual(expect.objectContaining({ binding: "all-service-accounts-read-config", viaGroup: "system:serviceaccounts" }));
    expect(sa.via).toContainEqual(expect.objectContaining({ binding: "builder-deploys" }));
    const user = (await access(["subject", "user/someone@lab.example", "--kubeconfig", kc])).subjects[0]!;
    expect(user.via.map((v) => v.binding)).toContain("authenticated-read-nodes");
    expect(user.via.map((v) => v.binding)).not.toContain("all-service-accounts-read-config");
    // The anonymous user is not authenticated: the unauthenticated grants only.
    const anon = (await access(["subject", "user/system:anonymous", "--kubeconfig", kc])).subjects[0]!;
    expect(anon.via.map((v) => v.binding)).toContain("anonymous-healthz");
    expect(anon.via.map((v) => v.binding)).not.toContain("authenticated-read-nodes");
  });

  it("a service account bound only through cluster roles shows its workloads and capabilities", async () => {
    const kc = clusters.get("access-lab")!.kubeconfig;
    const scraper = (await access(["subject", "sa/monitoring:node-scraper", "--kubeconfig", kc])).subjects[0] as unknown as { exists: boolean; workloads: unknown[]; capabilities: Array<{ id: string; level: string }> };
    expect(scraper.exists).toBe(true);
    expect(scraper.workloads).toEqual([]);
    expect(scraper.capabilities).toContainEqual(expect.objectContaining({ id: "node-proxy", level: "admin" }));
    const gone = (await access(["subject", "sa/ci:legacy-bot", "--kubeconfig", kc])).subjects[0] as unknown as { exists: boolean; via: Via[] };
    expect(gone.exists).toBe(false);
    expect(gone.via.map((v) => v.binding)).toContain("legacy-bot-deploys");
    const prom = (await access(["subject", "sa/monitoring:prometheus", "--kubeconfig", kc])).subjects[0] as unknown as { workloads: Array<{ kind: string; name: string }> };
    expect(prom.workloads).toContainEqual(expect.objectContaining({ kind: "StatefulSet", name: "prometheus" }));
  });

  it("legacy-onprem: PodSecurityPolicy use is limited by resourceNames and bound to groups", async () => {
    const priv = await live("legacy-onprem", "use", "podsecuritypolicies.policy", "-n", "logging", "--name", "privileged");
    expect(has(priv, { kind: "Group", name: "system:serviceaccounts:logging" }, "psp:privileged:logging")).toBe(true);
    expect(find(priv, { kind: "Group", name: "system:authenticated" })).toBeUndefined();
    const restricted = await live("legacy-onprem", "use", "podsecuritypolicies.policy", "--name", "restricted");
    expect(has(restricted, { kind: "Group", name: "system:authenticated" }, "psp:restricted:authenticated")).toBe(true);
  });

  it("read as the CLI reads it, access-lab holds every kind of stale access once", async () => {
    const { snapshot } = await readLiveCluster(clusters.get("access-lab")!.kubeconfig, undefined, dir);
    const model = buildAccessModel(snapshot.objects);
    const stale = model.stale.map((s) => `${s.kind} ${s.object.kind} ${s.object.namespace ?? ""}/${s.object.name}`);
    expect([...new Set(stale)].sort()).toEqual([
      "anonymous-binding ClusterRoleBinding /anonymous-healthz",
      "binding-missing-role RoleBinding team-b/team-b-auditors",
      "binding-missing-subject RoleBinding ci/legacy-bot-deploys",
      "long-lived-token Secret ci/builder-token-legacy",
      "role-unbound ClusterRole /unused-auditor",
      "unused-service-account ServiceAccount monitoring/node-scraper",
    ]);
    const admins = model.subjects.filter((s) => s.privilege === "admin" && !s.builtIn).map((s) => `${s.ref.kind}/${s.ref.name}:${s.capabilities[0]!.id}`);
    expect(admins.sort()).toEqual([
      "Group/platform-oncall:cluster-admin",
      "ServiceAccount/node-scraper:node-proxy",
      "User/dana@lab.example:cluster-admin",
      "User/legacy-ops@lab.example:create-pods-kube-system",
      "User/support-bot@lab.example:impersonate",
    ]);
  });
});
