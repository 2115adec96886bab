// Runs the real `bulwark` binary over manifests written to a temp folder.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv04 from "ajv-draft-04";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "bulwark.mjs");
let dir: string;

function bulwark(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    input: opts.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PRIVILEGED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: app
          image: registry.example.com/web:1.4.2
          securityContext:
            privileged: true
`;

const HARDENED = `apiVersion: v1
kind: Pod
metadata:
  name: tidy
  namespace: shop
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    runAsUser: 20000
    runAsGroup: 20000
    seccompProfile: { type: RuntimeDefault }
  containers:
    - name: app
      image: registry.example.com/tidy@sha256:${"a".repeat(64)}
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities: { drop: [ALL] }
`;

// An install file as projects publish them: no namespaces, except in the binding's subject.
const INSTALL = `apiVersion: v1
kind: ServiceAccount
metadata: {name: controller}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: controller}
spec:
  selector: {matchLabels: {app: controller}}
  template:
    metadata: {labels: {app: controller}}
    spec:
      serviceAccountName: controller
      containers: [{name: c, image: "ghcr.io/acme/controller:1.0.0"}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: controller}
rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: controller}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: controller}
subjects: [{kind: ServiceAccount, name: controller, namespace: tools}]
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bulwark-cli-"));
  mkdirSync(join(dir, "k8s", "nested"), { recursive: true });
  writeFileSync(join(dir, "k8s", "deploy.yaml"), PRIVILEGED);
  writeFileSync(join(dir, "k8s", "nested", "pod.yml"), HARDENED);
  writeFileSync(join(dir, "k8s", "nested", "notes.txt"), "not a manifest");
  writeFileSync(
    join(dir, "k8s", "nested", "list.json"),
    JSON.stringify(
      {
        apiVersion: "v1",
        kind: "List",
        items: [{ apiVersion: "v1", kind: "Pod", metadata: { name: "netpod", namespace: "shop" }, spec: { hostNetwork: true, containers: [{ name: "c", image: "busybox:1.36" }] } }],
      },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, "hardened.yaml"), HARDENED);
  writeFileSync(
    join(dir, "broken.yaml"),
    `${HARDENED}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n---\n${PRIVILEGED}`,
  );
  writeFileSync(join(dir, "all-broken.yaml"), "key: [unclosed\n");
  writeFileSync(join(dir, "install.yaml"), INSTALL);
  writeFileSync(
    join(dir, "odd.yaml"),
    [
      "apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: c, image: 'busybox:1.36', securityContext: {privileged: true}}]",
      "apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: typo}",
      "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: tls, namespace: shop}\nspec: {secretName: tls}",
    ].join("\n---\n"),
  );
  writeFileSync(
    join(dir, "secret.yaml"),
    "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\ndata:\n  password: c3VwZXItc2VjcmV0LXZhbHVl\n",
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bulwark scan", () => {
  it("emits the JSON contract with the line of the offending field and exits 1", () => {
    const r = bulwark(["scan", "k8s/deploy.yaml", "--format", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(["findings", "rules", "errors"]));
    const priv = out.findings.find((f: { ruleId: string }) => f.ruleId === "privileged-container");
    expect(priv).toMatchObject({
      ruleId: "privileged-container",
      severity: "critical",
      object: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web" },
      path: "spec.template.spec.containers[0].securityContext.privileged",
      file: "k8s/deploy.yaml",
      line: 17,
    });
    expect(typeof priv.message).toBe("string");
    expect(typeof priv.fingerprint).toBe("string");
    expect(out.rules.find((x: { id: string }) => x.id === "privileged-container")).toMatchObject({ status: "failed" });
    for (const rule of out.rules) expect(["passed", "failed", "not-evaluated", "disabled"]).toContain(rule.status);
    expect(out.errors).toEqual([]);
  });

  it("respects --fail-on", () => {
    expect(bulwark(["scan", "k8s/deploy.yaml", "--fail-on", "none"]).code).toBe(0);
    // the hardened pod has no high or critical finding
    const r = bulwark(["scan", "hardened.yaml", "--format", "json"]);
    const out = JSON.parse(r.stdout);
    expect(out.findings.filter((f: { severity: string }) => f.severity === "critical" || f.severity === "high")).toEqual([]);
    expect(r.code).toBe(0);
    expect(bulwark(["scan", "hardened.yaml", "--fail-on", "info"]).code).toBe(out.findings.length > 0 ? 1 : 0);
  });

  it("walks folders (yaml, yml, json, List kinds) and skips other files", () => {
    const r = bulwark(["scan", "k8s", "--format", "json", "--fail-on", "none"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary.files).toBe(3);
    expect(out.summary.objects).toBe(3);
    const host = out.findings.find((f: { ruleId: string; path: string; object: { name: string } }) => f.object.name === "netpod" && f.path === "spec.hostNetwork");
    expect(host).toBeDefined();
    expect(host.file).toBe("k8s/nested/list.json");
    const lines = readFileSync(join(dir, "k8s/nested/list.json"), "utf8").split("\n");
    expect(lines[host.line - 1]).toContain('"hostNetwork": true');
  });

  it("reads stdin with - and when piped without paths", () => {
    const a = bulwark(["scan", "-", "--format", "json"], { input: PRIVILEGED });
    expect(a.code).toBe(1);
    const out = JSON.parse(a.stdout);
    expect(out.findings.find((f: { ruleId: string }) => f.ruleId === "privileged-container")).toMatchObject({ file: "<stdin>", line: 17 });
    const b = bulwark(["scan", "--format", "json"], { input: PRIVILEGED });
    expect(b.code).toBe(1);
  });

  it("reports unparseable documents with file and line and scans the rest", () => {
    const r = bulwark(["scan", "broken.yaml", "--format", "json", "--fail-on", "none"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0].file).toBe("broken.yaml");
    expect(out.errors[0].line).toBeGreaterThanOrEqual(25);
    expect(out.errors[0].line).toBeLessThanOrEqual(26);
    expect(r.stderr).toMatch(/broken\.yaml:\d+: invalid YAML/);
    expect(out.summary.objects).toBe(2);
    expect(out.findings.some((f: { ruleId: string }) => f.ruleId === "privileged-container")).toBe(true);
    // the table shows it too
    expect(bulwark(["scan", "broken.yaml"]).stdout).toMatch(/Input problems \(1\):\s+broken\.yaml:\d+: invalid YAML/);
  });

  it("exits 2 on usage and input errors", () => {
    const cases: [string[], RegExp, string?][] = [
      [["scan", "--no-such-flag", "hardened.yaml"], /--no-such-flag/],
      [["scan", "missing.yaml"], /no such file or directory: missing\.yaml/],
      [["scan", "hardened.yaml", "--format", "xml"], /--format must be one of/],
      [["scan", "hardened.yaml", "--fail-on", "urgent"], /--fail-on must be one of/],
      [["scan", "hardened.yaml", "--framework", "sox"], /unknown framework "sox"/],
      [["scan", "hardened.yaml", "--kube-version", "latest"], /--kube-version/],
      [["scan", "all-broken.yaml"], /nothing could be scanned: every document failed to parse:\s+all-broken\.yaml:1/],
      [["scan"], /nothing could be scanned: no Kubernetes objects/, ""],
      [["frobnicate"], /unknown command/],
    ];
    for (const [args, message, input] of cases) {
      const r = bulwark(args, input === undefined ? {} : { input });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
    // Nine CLI starts in a row: on a busy machine that is more than the default minute.
  }, 240_000);

  it("refuses a kubeconfig with an exec plugin (exit 2) and never runs it", () => {
    const marker = join(dir, "exec-ran");
    writeFileSync(
      join(dir, "kubeconfig.yaml"),
      [
        "apiVersion: v1",
        "kind: Config",
        "current-context: c",
        "clusters: [{name: k, cluster: {server: 'https://127.0.0.1:6443'}}]",
        "contexts: [{name: c, context: {cluster: k, user: u}}]",
        `users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: touch, args: ['${marker}']}}}]`,
      ].join("\n"),
    );
    const r = bulwark(["scan", "--kubeconfig", "kubeconfig.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad kubeconfig kubeconfig\.yaml: .*exec/);
    expect(() => readFileSync(marker)).toThrow();
    expect(bulwark(["scan", "--kubeconfig", "nope.yaml"]).code).toBe(2);
  });

  it("never prints Secret values", () => {
    const r = bulwark(["scan", "secret.yaml", "--format", "json", "--fail-on", "none"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/c3VwZXItc2VjcmV0LXZhbHVl|super-secret-value/);
  });

  it("writes SARIF 2.1.0 that validates against the official schema", () => {
    const r = bulwark(["scan", "k8s", "broken.yaml", "--format", "sarif"]);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = sarif.runs[0];
    const toFile = bulwark(["scan", "k8s", "--format", "sarif", "-o", "out.sarif"]);
    expect(toFile.code).toBe(1);
    expect(toFile.stdout).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")).runs[0].results.length).toBeGreaterThan(0);
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === "privileged-container");
    expect(rule).toMatchObject({ shortDescription: { text: expect.any(String) }, fullDescription: { text: expect.any(String) }, help: { text: expect.any(String) }, defaultConfiguration: { level: "error" }, properties: { severity: "critical" } });
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === "privileged-container");
    expect(result.level).toBe("error");
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "k8s/deploy.yaml" }, region: { startLine: 17 } });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe("privileged-container");
  });

  it("writes well-formed JUnit XML with a failure per finding", () => {
    const r = bulwark(["scan", "k8s/deploy.yaml", "broken.yaml", "--format", "junit"]);
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(r.stdout);
    const suites = [doc.testsuites.testsuite].flat();
    const priv = suites.find((s: { name: string }) => s.name === "privileged-container");
    expect(Number(priv.failures)).toBeGreaterThanOrEqual(1);
    const input = suites.find((s: { name: string }) => s.name === "input");
    expect(Number(input.errors)).toBe(1);
    const total = suites.reduce((n: number, s: { failures: string }) => n + Number(s.failures), 0);
    expect(Number(doc.testsuites.failures)).toBe(total);
  });

  it("--framework judges the full catalog, as a scan does, and summarizes the framework's controls", () => {
    const plain = JSON.parse(bulwark(["scan", "k8s/deploy.yaml", "--format", "json", "--fail-on", "none"]).stdout);
    const r = bulwark(["scan", "k8s/deploy.yaml", "--framework", "pss-baseline", "--format", "json", "--fail-on", "none"]);
    const out = JSON.parse(r.stdout);
    expect(out.framework).toMatchObject({ id: "pss-baseline" });
    // Same rules, same statuses, same findings as the scan without --framework.
    expect(out.rules).toEqual(plain.rules);
    expect(out.findings.length).toBe(plain.findings.length);
    const privileged = out.framework.controls.find((c: { id: string }) => c.id === "privileged");
    expect(privileged.rules.length).toBeGreaterThan(0);
    expect(privileged.status).toBe("failed");
    const s = out.framework.summary;
    expect(Object.keys(s).sort()).toEqual(["attested", "failed", "notApplicable", "notEvaluated", "passed", "pending"]);
    expect(s.passed + s.failed + s.notEvaluated + s.notApplicable + s.attested + s.pending).toBe(out.framework.controls.length);
    const hipaa = bulwark(["scan", "k8s/deploy.yaml", "--framework", "hipaa", "--fail-on", "none"]);
    expect(hipaa.stdout).toMatch(/not legal advice/);
    expect(hipaa.stdout).toMatch(/Controls: \d+ passed, \d+ failed, \d+ not evaluated, \d+ not applicable, \d+ attested, \d+ manual pending/);
    expect(hipaa.stdout).toMatch(/^PENDING +164\.308\(a\)\(1\)\(ii\)\(A\) Risk analysis$/m);
    expect(hipaa.stdout).toMatch(/^FAIL +164\.312\(a\)\(1\) Access control$/m);
  });


  it("--rules adds CEL rules, and a bad one is a usage error with its position", () => {
    mkdirSync(join(dir, "policies"), { recursive: true });
    writeFileSync(
      join(dir, "policies", "replicas.yaml"),
      [
        "id: custom-ha-replicas",
        "title: Deployments in shop run 3 replicas",
        "severity: high",
        "kinds: [Deployment]",
        'expression: object.metadata.namespace == "shop" && (!has(object.spec.replicas) || object.spec.replicas < 3)',
        "message: '{{name}} runs fewer than 3 replicas'",
        "remediation: Set spec.replicas to 3.",
        "path: spec.replicas",
      ].join("\n"),
    );
    const listed = JSON.parse(bulwark(["rules", "--rules", "policies", "--format", "json"]).stdout);
    expect(listed.rules.find((x: { id: string }) => x.id === "custom-ha-replicas")).toMatchObject({ category: "custom", severity: "high", kinds: ["Deployment"] });
    const r = bulwark(["scan", "k8s/deploy.yaml", "--rules", "policies", "--format", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const f = out.findings.find((x: { ruleId: string }) => x.ruleId === "custom-ha-replicas");
    expect(f).toMatchObject({ severity: "high", message: "web runs fewer than 3 replicas", file: "k8s/deploy.yaml", line: 7 });
    writeFileSync(join(dir, "policies", "bad.yaml"), "id: custom-bad\ntitle: t\nseverity: low\nkinds: [Pod]\nexpression: 'object.kind == '\nmessage: m\nremediation: r\n");
    const bad = bulwark(["scan", "k8s/deploy.yaml", "--rules", "policies"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/policies\/bad\.yaml: rule custom-bad: expression 1:\d+: syntax error/);
    rmSync(join(dir, "policies", "bad.yaml"));
  });

  it("a CEL bomb is refused at load, and a rule past the cost limit is not evaluated with the limit named", () => {
    mkdirSync(join(dir, "cel"), { recursive: true });
    const rule = (id: string, expression: string) => `id: ${id}\ntitle: t\nseverity: low\nkinds: [ConfigMap]\nexpression: '${expression}'\nmessage: m\nremediation: r\n`;
    const items = Array.from({ length: 10_000 }, () => "a").join(",");
    writeFileSync(join(dir, "cel-cm.yaml"), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big, namespace: default}\ndata:\n  items: "${items}"\n`);
    writeFileSync(join(dir, "cel", "bomb.yaml"), rule("custom-bomb", 'object.data.items.split(",").all(x, object.data.items.split(",").all(y, x == y))'));
    const bomb = bulwark(["scan", "cel-cm.yaml", "--rules", "cel", "--fail-on", "none"]);
    expect(bomb.code).toBe(2);
    expect(bomb.stderr).toMatch(/rule custom-bomb: estimated cost [\d,]+ exceeds the CEL cost limit of 1,000,000 steps per object/);
    rmSync(join(dir, "cel", "bomb.yaml"));

    writeFileSync(join(dir, "cel", "wide.yaml"), rule("custom-wide", 'object.data.items.split(",").all(x, object.data.items.contains(x))'));
    const json = bulwark(["scan", "cel-cm.yaml", "--rules", "cel", "--fail-on", "none", "--format", "json"]);
    expect(json.code).toBe(0);
    const reason = "CEL cost limit of 1,000,000 steps per object exceeded on ConfigMap default/big";
    expect(JSON.parse(json.stdout).rules.find((x: { id: string }) => x.id === "custom-wide")).toMatchObject({ status: "not-evaluated", reason });
    // The table names the user's own rule even among the many built-in rules manifests cannot judge.
    const table = bulwark(["scan", "cel-cm.yaml", "--rules", "cel", "--fail-on", "none"]);
    expect(table.stdout.replace(/\s+/g, " ")).toContain(`Custom rules not evaluated: custom-wide: ${reason}`);
  });

  it("--exceptions accepts a finding: marked, and no longer fails the build", () => {
    writeFileSync(
      join(dir, "exceptions.yaml"),
      "exceptions:\n  - ruleId: privileged-container\n    namespace: shop\n    name: web\n    justification: CNI agent needs it\n  - ruleId: allow-privilege-escalation\n    namespace: shop\n    justification: same\n    expiresAt: 2999-01-01\n",
    );
    const r = bulwark(["scan", "k8s/deploy.yaml", "--exceptions", "exceptions.yaml", "--format", "json"]);
    const out = JSON.parse(r.stdout);
    const priv = out.findings.find((f: { ruleId: string }) => f.ruleId === "privileged-container");
    expect(priv.exception).toMatchObject({ justification: "CNI agent needs it" });
    const highs = out.findings.filter((f: { severity: string; exception: unknown }) => (f.severity === "high" || f.severity === "critical") && !f.exception);
    expect(r.code).toBe(highs.length > 0 ? 1 : 0);
    expect(out.summary.failing).toBe(highs.length);
    writeFileSync(join(dir, "bad-exceptions.yaml"), "- ruleId: x\n");
    const bad = bulwark(["scan", "k8s/deploy.yaml", "--exceptions", "bad-exceptions.yaml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/justification is required/);
  });

  it("table output fits 80 columns, has a summary, and is colourless without a TTY", () => {
    const r = bulwark(["scan", "k8s"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    for (const line of r.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/\d+ findings \(\d+ critical/);
    expect(r.stdout).toMatch(/rules: \d+ passed, \d+ failed, \d+ not evaluated\n3 objects in 3 files \| score/);
    expect(bulwark(["scan", "k8s"], { env: { FORCE_COLOR: "1" } }).stdout).toMatch(/\u001b\[/);
  });
});

describe("bulwark scan: namespaces, profiles, risks and input problems", () => {
  type F = { ruleId: string; object: { kind: string; namespace: string | null; name: string }; checks: string[]; baseline: unknown; fingerprint: string };
  const ids = (out: { findings: F[] }) => out.findings.flatMap((f) => f.checks);

  it("-n places namespace-less manifests, so the controller's cluster-admin identity is found", () => {
    const without = JSON.parse(bulwark(["scan", "install.yaml", "--format", "json", "--fail-on", "none"]).stdout);
    // in "default" the binding's subject tools/controller is a missing service account
    expect(ids(without)).toContain("rbac-binding-missing-service-account");
    expect(ids(without)).not.toContain("workload-sa-admin-rights");
    expect(without.findings.find((f: F) => f.object.kind === "Deployment").object.namespace).toBe("default");

    const r = bulwark(["scan", "install.yaml", "-n", "tools", "--format", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(ids(out)).not.toContain("rbac-binding-missing-service-account");
    const admin = out.findings.find((f: F) => f.ruleId === "workload-sa-admin-rights");
    expect(admin.object).toEqual({ apiVersion: "apps/v1", kind: "Deployment", namespace: "tools", name: "controller" });
    // cluster-scoped kinds keep no namespace
    expect(out.findings.filter((f: F) => f.object.kind === "ClusterRole").every((f: F) => f.object.namespace === null)).toBe(true);
    // the engine's attack path for it, with the finding behind its steps
    const takeover = out.risks.find((x: { type: string }) => x.type === "cluster-takeover");
    expect(takeover).toMatchObject({ severity: expect.any(String), objects: expect.arrayContaining([{ apiVersion: "apps/v1", kind: "Deployment", namespace: "tools", name: "controller" }]), file: "install.yaml", baseline: null, exception: null });
    const fps = new Set(out.findings.map((f: F) => f.fingerprint));
    for (const step of takeover.steps) for (const fp of step.findings) expect(fps.has(fp)).toBe(true);
    expect(out.summary.risks[takeover.severity]).toBeGreaterThanOrEqual(1);
    expect(out.summary).toMatchObject({ profile: "default", expected: expect.any(Number), scoreItems: expect.any(Array) });

    const sarif = JSON.parse(bulwark(["scan", "install.yaml", "-n", "tools", "--format", "sarif"]).stdout);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: "risk/cluster-takeover", locations: [{ physicalLocation: { artifactLocation: { uri: "install.yaml" } } }, expect.anything()] });
    const table = bulwark(["scan", "install.yaml", "--namespace", "tools"]).stdout;
    expect(table.indexOf("Risks (")).toBeGreaterThanOrEqual(0);
    expect(table.indexOf("Risks (")).toBeLessThan(table.indexOf("Findings:"));
    expect(table).toMatch(/Cluster takeover/);

    const bad = bulwark(["scan", "install.yaml", "-n", "Not_A_Namespace"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--namespace must be a namespace name/);
  });

  it("--profile strict runs the hygiene rules the default profile leaves out", () => {
    const def = JSON.parse(bulwark(["scan", "k8s/deploy.yaml", "--format", "json", "--fail-on", "none"]).stdout);
    const strict = JSON.parse(bulwark(["scan", "k8s/deploy.yaml", "--format", "json", "--fail-on", "none", "--profile", "strict"]).stdout);
    expect(def.summary.profile).toBe("default");
    expect(strict.summary.profile).toBe("strict");
    const disabled = (out: { rules: { status: string }[] }) => out.rules.filter((x) => x.status === "disabled").length;
    expect(disabled(strict)).toBeLessThan(disabled(def));
    expect(strict.rules.filter((x: { status: string }) => x.status !== "disabled").length).toBeGreaterThan(def.rules.filter((x: { status: string }) => x.status !== "disabled").length);
    const bad = bulwark(["scan", "k8s/deploy.yaml", "--profile", "lax"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--profile must be one of default, strict/);
  });

  it("reports nameless documents and unknown kinds as input problems with file and line, and counts custom resources", () => {
    const r = bulwark(["scan", "odd.yaml", "--format", "json", "--fail-on", "none"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toEqual([
      { file: "odd.yaml", line: 1, message: expect.stringMatching(/\(Pod\) has no metadata: the API server would refuse it; judged anyway/) },
      { file: "odd.yaml", line: 6, message: expect.stringMatching(/API group apps has no kind Deploymnet.*not scanned/) },
    ]);
    expect(r.stderr).toMatch(/odd\.yaml:6: .*Deploymnet/);
    // the nameless pod is still judged; the typo is not an object; the Certificate is a custom resource
    expect(out.findings.some((f: F) => f.ruleId === "privileged-container" && f.object.kind === "Pod")).toBe(true);
    expect(out.summary).toMatchObject({ objects: 2, customResources: 1 });
    expect(bulwark(["scan", "odd.yaml", "--fail-on", "none"]).stdout).toMatch(/Input problems \(2\):\s+odd\.yaml:1:/);
  });

  it("documents the new options in --help", () => {
    const help = bulwark(["scan", "--help"]).stdout;
    expect(help).toMatch(/-n, --namespace NS/);
    expect(help).toMatch(/--profile default\|strict/);
    expect(help).toMatch(/--show-expected/);
  });
});

describe("bulwark rules / frameworks", () => {
  it("lists every rule with metadata as JSON", () => {
    const r = bulwark(["rules", "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rules.length).toBeGreaterThan(10);
    for (const rule of out.rules) {
      expect(rule).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), severity: expect.any(String), category: expect.any(String), kinds: expect.any(Array), peers: expect.any(Object) }));
    }
  });

  it("lists the frameworks, and one framework's controls with rules and rationale", () => {
    const r = bulwark(["frameworks", "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const ids = out.frameworks.map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["cis-1.9", "nsa-cisa-1.2", "pss-baseline", "pss-restricted", "hipaa", "gdpr", "soc2", "nist-800-53", "iso-27001"]));
    const hipaa = out.frameworks.find((f: { id: string }) => f.id === "hipaa");
    expect(hipaa.controls.find((c: { id: string }) => c.id === "164.312(b)")).toEqual(
      expect.objectContaining({ title: "Audit controls", rationale: expect.stringMatching(/audit log/), ruleIds: expect.arrayContaining(["apiserver-audit-log-path"]) }),
    );
    const list = bulwark(["frameworks"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^soc2 +SOC 2 Trust Services Criteria/m);
    expect(list.stdout).toMatch(/^iso-27001 +ISO\/IEC 27001 Annex A 2022/m);
    expect(list.stdout).toMatch(/automated, \d+ manual/);
    const gdpr = bulwark(["frameworks", "gdpr"]);
    expect(gdpr.stdout).toMatch(/^Art\. 32\(1\)\(b\) integrity Ongoing integrity of processing systems$/m);
    expect(gdpr.stdout).toMatch(/^ {2}Manual: The record of processing activities/m);
    expect(gdpr.stdout).toMatch(/The authority asks/);
    const unknown = bulwark(["frameworks", "sox"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown framework "sox"; one of: .*hipaa/);
  });

});
