// `bulwark access` over manifests: the JSON and table answers, the input rules shared with
// `scan`, and the usage errors (exit 2). In-process through runCli, plus the real binary once.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSubjectArg } from "./access";
import { runCli } from "./cli";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "bulwark.mjs");
let dir: string;

async function run(argv: string[], opts: { stdin?: string } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli({
    argv,
    cwd: dir,
    env: { NO_COLOR: "1" },
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readStdin: () => opts.stdin ?? "",
    stdinIsTty: opts.stdin === undefined,
    stdoutIsTty: false,
    columns: 200,
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

const RBAC = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: secret-reader }
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: read-secrets, namespace: prod }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader }
subjects:
  - { kind: User, apiGroup: rbac.authorization.k8s.io, name: jane@example.com }
  - { kind: ServiceAccount, name: vault-sync }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: ops-admin }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects:
  - { kind: Group, apiGroup: rbac.authorization.k8s.io, name: ops }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: cluster-admin }
rules:
  - { apiGroups: ["*"], resources: ["*"], verbs: ["*"] }
  - { nonResourceURLs: ["*"], verbs: ["*"] }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: one-secret, namespace: prod }
rules:
  - { apiGroups: [""], resources: [secrets], resourceNames: [db], verbs: [get] }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: app-reads-db, namespace: prod }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: one-secret }
subjects:
  - { kind: ServiceAccount, name: app, namespace: prod }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: config-reader }
rules:
  - { apiGroups: [""], resources: [configmaps], verbs: [get] }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: all-sa-config }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: config-reader }
subjects:
  - { kind: Group, apiGroup: rbac.authorization.k8s.io, name: "system:serviceaccounts" }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: app, namespace: prod }
---
apiVersion: v1
kind: Pod
metadata: { name: app-0, namespace: prod }
spec:
  serviceAccountName: app
  containers: [{ name: app, image: "registry.example.com/app:1.0" }]
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bulwark-access-"));
  writeFileSync(join(dir, "rbac.yaml"), RBAC);
  // Bindings without namespaces: placed by --manifests-namespace, as `kubectl apply -n`.
  writeFileSync(
    join(dir, "install.yaml"),
    `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: pod-reader }
rules: [{ apiGroups: [""], resources: [pods], verbs: [get, list] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: operator-reads-pods }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader }
subjects: [{ kind: ServiceAccount, name: operator }]
`,
  );
  writeFileSync(join(dir, "empty.yaml"), "# nothing\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = (s: { kind: string; namespace?: string | null; name: string }) => `${s.kind}/${s.namespace ?? ""}/${s.name}`;

describe("bulwark access who-can (manifests)", () => {
  it("answers in the issue's JSON shape: subjects with kind, name, namespace and each via", async () => {
    const r = await run(["access", "who-can", "get", "secrets", "-n", "prod", "rbac.yaml", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.subjects.map(key)).toEqual(["Group//ops", "ServiceAccount/prod/vault-sync", "User//jane@example.com"]);
    const jane = out.subjects.find((s: { name: string }) => s.name === "jane@example.com");
    expect(Object.keys(jane).sort()).toEqual(["kind", "name", "namespace", "via"]);
    expect(jane.namespace).toBeNull();
    expect(jane.via).toEqual([
      expect.objectContaining({
        binding: "read-secrets",
        bindingKind: "RoleBinding",
        bindingNamespace: "prod",
        role: "secret-reader",
        roleKind: "ClusterRole",
        rule: { apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"], resourceNames: [], nonResourceURLs: [] },
        scope: "prod",
      }),
    ]);
    const ops = out.subjects.find((s: { name: string }) => s.name === "ops");
    expect(ops.via).toEqual([expect.objectContaining({ binding: "ops-admin", bindingKind: "ClusterRoleBinding", bindingNamespace: null, role: "cluster-admin", scope: null })]);
    expect(out.query).toMatchObject({ verb: "get", resource: "secrets", namespace: "prod" });
    expect(out.source).toBe("manifests");
  });

  it("a cluster-wide request is granted only by ClusterRoleBindings", async () => {
    const out = (await run(["access", "who-can", "list", "secrets", "rbac.yaml", "--format", "json"])).json();
    expect(out.subjects.map(key)).toEqual(["Group//ops"]);
  });

  it("resourceNames: the named Secret only, and only with --name (or --include-named)", async () => {
    const names = async (...extra: string[]) => (await run(["access", "who-can", "get", "secrets", "-n", "prod", "rbac.yaml", "--format", "json", ...extra])).json().subjects.map(key) as string[];
    expect(await names()).not.toContain("ServiceAccount/prod/app");
    expect(await names("--name", "db")).toContain("ServiceAccount/prod/app");
    expect(await names("--name", "other")).not.toContain("ServiceAccount/prod/app");
    const named = (await run(["access", "who-can", "get", "secrets", "-n", "prod", "rbac.yaml", "--format", "json", "--include-named"])).json();
    const app = named.subjects.find((s: { name: string }) => s.name === "app");
    expect(app.via[0].rule.resourceNames).toEqual(["db"]);
  });

  it("non-resource URLs with --url", async () => {
    const out = (await run(["access", "who-can", "get", "--url", "/metrics", "rbac.yaml", "--format", "json"])).json();
    expect(out.subjects.map(key)).toEqual(["Group//ops"]);
    expect(out.query).toMatchObject({ verb: "get", nonResourceURL: "/metrics" });
  });

  it("the table has one line per subject and path, naming binding, role and rule", async () => {
    const r = await run(["access", "who-can", "get", "secrets", "-n", "prod", "rbac.yaml"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Who can get secrets in namespace prod (1 file)");
    expect(lines[1]).toMatch(/^KIND\s+SUBJECT\s+SCOPE\s+BINDING\s+ROLE\s+RULE$/);
    expect(lines.find((l) => l.includes("jane@example.com"))).toMatch(/^User\s+jane@example\.com\s+prod\s+RoleBinding prod\/read-secrets\s+ClusterRole secret-reader\s+\S/);
    expect(lines.find((l) => l.includes("vault-sync"))).toMatch(/^ServiceAccount\s+prod\/vault-sync\s/);
    expect(lines.find((l) => l.includes("ops-admin"))).toMatch(/^Group\s+ops\s+cluster-wide\s+ClusterRoleBinding ops-admin\s+ClusterRole cluster-admin/);
    expect(r.stdout).toMatch(/^3 subjects\n$/m);
    const nobody = await run(["access", "who-can", "get", "secrets", "-n", "prod", "install.yaml"]);
    expect(nobody.stdout).toMatch(/Nobody: no binding grants it/);
  });

  it("places namespace-less manifests with --manifests-namespace, a ServiceAccount subject in its binding's", async () => {
    const out = (await run(["access", "who-can", "list", "pods", "-n", "tools", "install.yaml", "--manifests-namespace", "tools", "--format", "json"])).json();
    expect(out.subjects.map(key)).toEqual(["ServiceAccount/tools/operator"]);
    const dflt = (await run(["access", "who-can", "list", "pods", "-n", "default", "install.yaml", "--format", "json"])).json();
    expect(dflt.subjects.map(key)).toEqual(["ServiceAccount/default/operator"]);
  });

  it("reads stdin with -", async () => {
    const out = (await run(["access", "who-can", "delete", "nodes", "-", "--format", "json"], { stdin: RBAC })).json();
    expect(out.subjects.map(key)).toEqual(["Group//ops"]);
  });
});

describe("bulwark access subject (manifests)", () => {
  it("lists a service account's own grants and those of its implicit groups, its capabilities and workloads", async () => {
    const r = await run(["access", "subject", "sa/prod:app", "rbac.yaml", "--format", "json"]);
    expect(r.code).toBe(0);
    const [s] = r.json().subjects;
    expect(s).toMatchObject({ kind: "ServiceAccount", namespace: "prod", name: "app" });
    expect(s.via.map((v: { binding: string; viaGroup?: string }) => `${v.binding}:${v.viaGroup ?? ""}`).sort()).toEqual(["all-sa-config:system:serviceaccounts", "app-reads-db:"]);
    expect(s.workloads).toEqual([expect.objectContaining({ kind: "Pod", namespace: "prod", name: "app-0" })]);
    expect(Array.isArray(s.capabilities)).toBe(true);
    // Manifests need not carry every ServiceAccount: existence is not claimed.
    expect(s.exists).toBeUndefined();
  });

  it("shows a group's capabilities with why (cluster-admin)", async () => {
    const r = await run(["access", "subject", "group/ops", "rbac.yaml", "--format", "json"]);
    const [s] = r.json().subjects;
    expect(s.privilege).toBe("admin");
    expect(s.capabilities[0]).toMatchObject({ id: "cluster-admin", level: "admin", why: expect.any(String), via: expect.objectContaining({ binding: "ops-admin" }) });
    const table = await run(["access", "subject", "group/ops", "rbac.yaml"]);
    expect(table.stdout).toMatch(/^Group ops \(1 file\)$/m);
    expect(table.stdout).toMatch(/Risky capabilities/);
    expect(table.stdout).toMatch(/^admin\s+\S.*cluster-wide\s+ClusterRoleBinding ops-admin/m);
  });

  it("a user named system:serviceaccount:NS:NAME is that service account", async () => {
    const out = (await run(["access", "subject", "user/system:serviceaccount:prod:app", "rbac.yaml", "--format", "json"])).json();
    expect(out.subjects[0]).toMatchObject({ kind: "ServiceAccount", namespace: "prod", name: "app" });
  });

  it("-n narrows a user's grants to those that apply in that namespace", async () => {
    const inProd = (await run(["access", "subject", "user/jane@example.com", "-n", "prod", "rbac.yaml", "--format", "json"])).json();
    expect(inProd.subjects[0].via.map((v: { binding: string }) => v.binding)).toContain("read-secrets");
    const inDev = (await run(["access", "subject", "user/jane@example.com", "-n", "dev", "rbac.yaml", "--format", "json"])).json();
    expect(inDev.subjects[0].via.map((v: { binding: string }) => v.binding)).not.toContain("read-secrets");
  });
});

describe("usage errors exit 2 with a clear message", () => {
  const cases: Array<[string, string[], RegExp]> = [
    ["no resource", ["access", "who-can", "get"], /needs a RESOURCE/],
    ["no verb at all", ["access", "who-can"], /needs a VERB/],
    ["bad verb", ["access", "who-can", "get-all", "secrets", "rbac.yaml"], /VERB must be/],
    ["--url with -n", ["access", "who-can", "get", "--url", "/metrics", "-n", "x", "rbac.yaml"], /non-resource URL/],
    ["relative --url", ["access", "who-can", "get", "--url", "metrics", "rbac.yaml"], /--url must be a path/],
    ["bad namespace", ["access", "who-can", "get", "secrets", "-n", "Prod!", "rbac.yaml"], /--namespace must be a namespace name/],
    ["bad format", ["access", "who-can", "get", "secrets", "rbac.yaml", "--format", "sarif"], /--format must be one of table, json/],
    ["unknown option", ["access", "who-can", "get", "secrets", "--all", "rbac.yaml"], /Unknown option/i],
    ["missing file", ["access", "who-can", "get", "secrets", "nope.yaml"], /no such file or directory: nope.yaml/],
    ["no objects", ["access", "who-can", "get", "secrets", "empty.yaml"], /nothing could be read/],
    ["no input", ["access", "who-can", "get", "secrets"], /nothing to read/],
    ["kubeconfig and files", ["access", "who-can", "get", "secrets", "--kubeconfig", "kc", "rbac.yaml"], /either --kubeconfig or manifest paths/],
    ["context without kubeconfig", ["access", "who-can", "get", "secrets", "--context", "x", "rbac.yaml"], /--context needs --kubeconfig/],
    ["missing kubeconfig", ["access", "who-can", "get", "secrets", "--kubeconfig", "missing.kubeconfig"], /--kubeconfig: no such file/],
    ["sa without namespace", ["access", "subject", "sa/app", "rbac.yaml"], /needs its namespace/],
    ["sa with two namespaces", ["access", "subject", "sa/prod:app", "-n", "dev", "rbac.yaml"], /-n says dev/],
    ["subject without kind", ["access", "subject", "app", "rbac.yaml"], /KIND\/NAME/],
    ["unknown kind", ["access", "subject", "robot/x", "rbac.yaml"], /unknown subject kind "robot"/],
    ["who-can flags on subject", ["access", "subject", "user/x", "--name", "y", "rbac.yaml"], /belong to who-can/],
    ["unknown subcommand", ["access", "what-can", "x"], /unknown command "access what-can"/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
    });
  }

  it("access without a subcommand prints its usage and exits 2; --help exits 0", async () => {
    const bare = await run(["access"]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toMatch(/^Usage: bulwark access who-can/);
    const help = await run(["access", "who-can", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--include-named/);
  });
});

describe("parseSubjectArg", () => {
  it("reads kubectl-like KIND/NAME forms", () => {
    expect(parseSubjectArg("sa/app", "prod")).toEqual({ kind: "ServiceAccount", namespace: "prod", name: "app" });
    expect(parseSubjectArg("ServiceAccount/prod:app", undefined)).toEqual({ kind: "ServiceAccount", namespace: "prod", name: "app" });
    expect(parseSubjectArg("user/jane@example.com", "prod")).toEqual({ kind: "User", name: "jane@example.com" });
    expect(parseSubjectArg("group/system:masters", undefined)).toEqual({ kind: "Group", name: "system:masters" });
    expect(parseSubjectArg("User/system:serviceaccount:ci:builder", undefined)).toEqual({ kind: "ServiceAccount", namespace: "ci", name: "builder" });
  });
});

describe("the bulwark binary", () => {
  it("dispatches `access` and lists it in --help", () => {
    const r = spawnSync(process.execPath, [BIN, "access", "who-can", "get", "secrets", "-n", "prod", "rbac.yaml", "--format", "json"], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).subjects.length).toBe(3);
    const help = spawnSync(process.execPath, [BIN, "--help"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    expect(help.stdout).toMatch(/access who-can VERB RESOURCE/);
    expect(help.stdout).toMatch(/access subject KIND\/NAME/);
  });
});
