// Hostile input: property-based (fast-check) and corpus tests of the manifest parser and engine,
// kubeconfig vetting, SSRF guards, and a malicious HTTPS "API server" scanned by a real worker.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import YAML from "yaml";
import type { Harness } from "./harness";
import { QUICK, ROOT, log, q, rssMb } from "./lib";
import type { Row } from "./run";

interface Ctx {
  h: Harness;
  rows: Row[];
  extra: Record<string, unknown>;
}

/** Runs `fn` over every input, counting those handled (fn returns true) and keeping a few failures. */
async function tally<T>(rows: Row[], section: string, item: string, inputs: T[], fn: (x: T) => Promise<boolean> | boolean, describe: (x: T) => string = (x) => String(x).slice(0, 60)) {
  let ok = 0;
  const bad: string[] = [];
  for (const x of inputs) {
    let handled = false;
    let why = "";
    try {
      handled = await fn(x);
    } catch (e) {
      why = `: ${(e as Error).name} ${(e as Error).message.slice(0, 80)}`;
    }
    if (handled) ok++;
    else if (bad.length < 3) bad.push(`${describe(x)}${why}`);
  }
  rows.push({ section, item, tried: inputs.length, ok, pass: ok === inputs.length, notes: bad.join("; ") });
  if (bad.length) log(`${item}: ${inputs.length - ok} not handled, e.g. ${bad.join(" | ")}`);
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

// ---------- manifests ----------
function billionLaughs(levels: number, width: number): string {
  const lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(", ")}]`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${lines.map((l) => `  ${l}`).join("\n")}\n`;
}

function manifestCorpus(): Array<{ name: string; text: string }> {
  const deep = `${"a:\n".split("").length ? "" : ""}${Array.from({ length: 5000 }, (_, i) => `${" ".repeat(i % 200)}- `).join("")}x`;
  return [
    { name: "invalid YAML (tabs, unclosed)", text: "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: [unclosed\n" },
    { name: "invalid YAML (bad indentation)", text: "kind: Pod\n  metadata:\n name: x\n    spec: {" },
    { name: "binary garbage", text: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString("latin1") },
    { name: "billion laughs (9x9)", text: billionLaughs(9, 9) },
    { name: "billion laughs (30x2 merge keys)", text: billionLaughs(30, 2).replace(/\[\*a(\d+), \*a\1\]/g, "{<<: [*a$1, *a$1]}") },
    { name: "alias cycle", text: "a: &a\n  b: *a\n" },
    { name: "50 MB document", text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  x: "${"x".repeat(50 * 1024 * 1024)}"\n` },
    { name: "20,000 documents", text: Array.from({ length: 20_000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join("---\n") },
    { name: "unknown kinds", text: "apiVersion: evil.example/v1\nkind: DoesNotExist\nmetadata: {name: x}\nspec: {containers: 5}\n---\nkind: Pod\n---\napiVersion: v1\nkind: 42\n" },
    { name: "wrong types in a Pod", text: "apiVersion: v1\nkind: Pod\nmetadata: {name: [1,2], namespace: {a: b}, labels: 7}\nspec: {containers: {a: 1}, volumes: 'x', securityContext: [1]}\n" },
    { name: "deeply nested sequences", text: deep },
    { name: "deeply nested flow", text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata: ${"[".repeat(3000)}${"]".repeat(3000)}\n` },
    { name: "custom tags (!!js/function, !!python)", text: "apiVersion: v1\nkind: Pod\nmetadata: {name: !!js/function 'function(){}'}\nspec: !!python/object/apply:os.system ['touch /tmp/x']\n" },
    { name: "List with 10k hostile items", text: JSON.stringify({ apiVersion: "v1", kind: "List", items: Array.from({ length: 10_000 }, (_, i) => ({ kind: i % 2 ? "Pod" : null, spec: i })) }) },
    { name: "huge keys and numbers", text: `apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {${"k".repeat(100_000)}: 1e999999, replicas: 0x${"f".repeat(5000)}}\n` },
  ];
}

async function manifests(ctx: Ctx) {
  const { parseManifests, snapshotFromManifests, evaluate, MAX_MANIFEST_BYTES } = ctx.h.rules;
  const judge = (text: string) => {
    const parsed = parseManifests(text, "hostile.yaml");
    const snap = snapshotFromManifests(parsed.objects, parsed.locations, {});
    evaluate(snap, {});
    return parsed;
  };
  await tally(
    ctx.rows,
    "hostile",
    "manifest corpus (parser + engine)",
    manifestCorpus(),
    (c) => {
      const { value, ms } = timed(() => judge(c.text));
      if (c.text.length > MAX_MANIFEST_BYTES && !value.errors.length) return false;
      // Nothing hostile may take long: a bomb must be refused, not expanded.
      return ms < 15_000;
    },
    (c) => c.name,
  );

  // Property: any text gives objects + errors (never a throw), in bounded time.
  const runs = QUICK ? 300 : 1500;
  const texts = fc.sample(
    fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.string({ unit: "binary", maxLength: 500 }),
      fc.jsonValue({ maxDepth: 6 }).map((v) => YAML.stringify(v)),
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
      fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 0, max: 200 }), fc.constantFrom("&a ", "*a", "<<: ", "!!", "---\n", "\t", "{", "[", "'", '"', ": ")).map(([v, at, junk]) => {
        const s = YAML.stringify(v);
        return s.slice(0, at) + junk + s.slice(at);
      }),
    ),
    runs,
  );
  await tally(ctx.rows, "hostile", "manifests: arbitrary text (fast-check)", texts, (t) => timed(() => judge(t)).ms < 5000, (t) => JSON.stringify(t).slice(0, 60));

  // Property: objects of known kinds with arbitrary field shapes never crash the engine.
  const kinds = ["Pod", "Deployment", "DaemonSet", "StatefulSet", "Job", "CronJob", "Service", "Ingress", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "NetworkPolicy", "Namespace", "ServiceAccount", "ConfigMap", "Secret", "PersistentVolume", "PodSecurityPolicy", "HorizontalPodAutoscaler"];
  const shapes = fc.sample(
    fc.record({
      apiVersion: fc.constantFrom("v1", "apps/v1", "batch/v1", "rbac.authorization.k8s.io/v1", "networking.k8s.io/v1", "policy/v1beta1"),
      kind: fc.constantFrom(...kinds),
      metadata: fc.oneof(fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), namespace: fc.constantFrom("default", "kube-system", "x") }), fc.anything({ maxDepth: 2 })),
      spec: fc.anything({ maxDepth: 5, withObjectString: true }),
      data: fc.anything({ maxDepth: 2 }),
      rules: fc.anything({ maxDepth: 3 }),
      subjects: fc.anything({ maxDepth: 3 }),
    }),
    QUICK ? 300 : 1500,
  );
  await tally(ctx.rows, "hostile", "engine: objects of arbitrary shape (fast-check)", shapes, (o) => {
    const snap = snapshotFromManifests([o as never], [{ file: "f.yaml", line: 1 }], {});
    evaluate(snap, {});
    return true;
  }, (o) => JSON.stringify(o).slice(0, 100));

  // The web's paste-and-scan form: the schema refuses anything over its limit before parsing.
  const { ZScanYaml, MAX_YAML_CHARS } = await import("../apps/web/src/modules/scan-yaml/scan-yaml.schemas");
  const yamlBodies: unknown[] = [{ yaml: "x".repeat(MAX_YAML_CHARS + 1) }, { yaml: 5 }, { yaml: "" }, { yaml: ["a"] }, { yaml: "kind: Pod", kubeVersion: "1.29; rm -rf /" }, { yaml: "kind: Pod", fileName: "x".repeat(500) }, null, "yaml"];
  await tally(ctx.rows, "hostile", "scan-yaml action input limits (schema)", yamlBodies, (b) => !ZScanYaml.safeParse(b).success, (b) => JSON.stringify(b).slice(0, 50));

  // The CLI on the worst files: exit 2 (input error) or 0/1 with the bomb refused, quickly.
  const dir = mkdtempSync(path.join(tmpdir(), "rel-cli-"));
  try {
    const files = [
      { name: "bomb.yaml", text: billionLaughs(9, 9) },
      { name: "big.yaml", text: `kind: ConfigMap\ndata: {x: "${"x".repeat(40 * 1024 * 1024)}"}\n` },
      { name: "garbage.yaml", text: "\u0000\u0001{{{[[[: : :" },
    ];
    const { writeFileSync } = await import("node:fs");
    for (const f of files) writeFileSync(path.join(dir, f.name), f.text);
    await tally(ctx.rows, "hostile", "CLI scan of hostile files", files, (f) => {
      const r = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "apps/cli/src/main.ts"), "scan", path.join(dir, f.name), "--format", "json"], { cwd: ROOT, encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
      return r.status !== null && [0, 1, 2].includes(r.status) && !/at .*\.ts:\d+/.test(r.stderr);
    }, (f) => f.name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- kubeconfigs ----------
function kc(cluster: Record<string, unknown>, user: Record<string, unknown>): string {
  return YAML.stringify({ apiVersion: "v1", kind: "Config", clusters: [{ name: "c", cluster }], users: [{ name: "u", user }], contexts: [{ name: "x", context: { cluster: "c", user: "u" } }], "current-context": "x" });
}

async function kubeconfigs(ctx: Ctx) {
  const { vetKubeconfig, KubeconfigError } = ctx.h.security;
  const pwned = path.join(tmpdir(), `rel-pwned-${process.pid}`);
  const server = { server: "https://93.184.216.34:6443" };
  const corpus: Array<{ name: string; text: string }> = [
    { name: "exec plugin", text: kc(server, { exec: { apiVersion: "client.authentication.k8s.io/v1", command: "sh", args: ["-c", `touch ${pwned}`] } }) },
    { name: "auth-provider", text: kc(server, { "auth-provider": { name: "gcp", config: { "cmd-path": "/bin/sh", "cmd-args": `-c 'touch ${pwned}'` } } }) },
    { name: "tokenFile", text: kc(server, { tokenFile: "/etc/shadow" }) },
    { name: "client-certificate file", text: kc(server, { "client-certificate": "/etc/ssl/private/key.pem", "client-key": "/etc/ssl/private/key.pem" }) },
    { name: "certificate-authority file", text: kc({ ...server, "certificate-authority": "/etc/passwd" }, { token: "t" }) },
    { name: "proxy-url", text: kc({ ...server, "proxy-url": "http://10.0.0.1:3128" }, { token: "t" }) },
    { name: "plain http server", text: kc({ server: "http://93.184.216.34" }, { token: "t" }) },
    { name: "insecure-skip-tls-verify", text: kc({ ...server, "insecure-skip-tls-verify": true }, { token: "t" }) },
    { name: "huge (5 MB)", text: kc(server, { token: "t".repeat(5 * 1024 * 1024) }) },
    { name: "deeply nested", text: `${"[".repeat(5000)}${"]".repeat(5000)}` },
    { name: "anchor bomb", text: `${billionLaughs(10, 10)}\nclusters: *a10\n` },
    { name: "wrong types", text: "apiVersion: v1\nclusters: 5\nusers: {a: 1}\ncontexts: 'x'\ncurrent-context: [1]\n" },
    { name: "context pointing nowhere", text: "apiVersion: v1\nclusters: []\nusers: []\ncontexts: [{name: x, context: {cluster: nope, user: nope}}]\ncurrent-context: x\n" },
    { name: "empty", text: "" },
    { name: "not YAML", text: "\u0000\u0001{{{" },
    { name: "file:// server", text: kc({ server: "file:///etc/passwd" }, { token: "t" }) },
    { name: "userinfo in server URL", text: kc({ server: "https://user:pass@93.184.216.34" }, { token: "t" }) },
    { name: "impersonation", text: kc(server, { token: "t", as: "system:admin", "as-groups": ["system:masters"] }) },
  ];
  await tally(
    ctx.rows,
    "hostile",
    "kubeconfig corpus (refused with a reason)",
    corpus,
    async (c) => {
      try {
        await vetKubeconfig(c.text, { resolveDns: false });
        // Accepted: only fine for inputs that are harmless once reduced (none in this corpus
        // except impersonation, which must then be gone from what is stored).
        return c.name === "impersonation";
      } catch (e) {
        return e instanceof KubeconfigError && e.message.length > 5;
      }
    },
    (c) => c.name,
  );
  // Property: arbitrary YAML-ish kubeconfigs resolve or throw KubeconfigError, never anything else.
  const arb = fc.sample(
    fc.oneof(
      fc.string({ maxLength: 1000 }),
      fc.record({
        apiVersion: fc.anything({ maxDepth: 1 }),
        clusters: fc.oneof(fc.anything({ maxDepth: 3 }), fc.array(fc.record({ name: fc.string(), cluster: fc.record({ server: fc.oneof(fc.webUrl(), fc.string()), "certificate-authority-data": fc.base64String() }) }))),
        users: fc.oneof(fc.anything({ maxDepth: 3 }), fc.array(fc.record({ name: fc.string(), user: fc.dictionary(fc.constantFrom("token", "exec", "auth-provider", "client-key-data", "username", "password", "tokenFile"), fc.anything({ maxDepth: 2 })) }))),
        contexts: fc.anything({ maxDepth: 3 }),
        "current-context": fc.anything({ maxDepth: 1 }),
      }).map((o) => YAML.stringify(o)),
    ),
    QUICK ? 300 : 1500,
  );
  await tally(ctx.rows, "hostile", "kubeconfigs: arbitrary input (fast-check)", arb, async (t) => {
    try {
      await vetKubeconfig(t, { resolveDns: false });
      return true;
    } catch (e) {
      return e instanceof KubeconfigError;
    }
  }, (t) => JSON.stringify(t).slice(0, 80));
  ctx.rows.push({ section: "hostile", item: "nothing executed from a kubeconfig", tried: 2, ok: existsSync(pwned) ? 0 : 2, pass: !existsSync(pwned) });
}

// ---------- SSRF ----------
async function ssrf(ctx: Ctx) {
  const { vetKubeconfig, assertPublicHttpsUrl } = ctx.h.security;
  const blocked = [
    "https://127.0.0.1:6443", "https://127.1.2.3", "https://[::1]", "https://0.0.0.0", "https://169.254.169.254", "https://[fe80::1]",
    "https://10.0.0.1", "https://172.16.5.4", "https://192.168.1.1", "https://100.64.0.1", "https://[fd00::1]", "https://[::ffff:127.0.0.1]",
    "https://[::ffff:169.254.169.254]", "https://2130706433", "https://0x7f000001", "https://017700000001", "https://localhost", "https://metadata.google.internal",
    "https://kubernetes.default.svc", "https://127.0.0.1.nip.io",
  ];
  await tally(ctx.rows, "ssrf", "cluster URLs to loopback/link-local/private refused", blocked, async (u) => {
    try {
      await vetKubeconfig(kc({ server: u }, { token: "t" }), {});
      return false;
    } catch (e) {
      return /private|loopback|link-local|metadata|not public|internal|resolve|reserved|blocked|refuse|address|allow/i.test((e as Error).message);
    }
  });
  const resolvers: Array<[string, string[]]> = [["evil.example", ["127.0.0.1"]], ["meta.example", ["169.254.169.254"]], ["mixed.example", ["93.184.216.34", "10.1.2.3"]], ["v6.example", ["::1"]], ["mapped.example", ["::ffff:192.168.0.1"]]];
  await tally(ctx.rows, "ssrf", "hostnames resolving to private addresses refused", resolvers, async ([host, addrs]) => {
    try {
      await assertPublicHttpsUrl(`https://${host}/hook`, { allowPrivateNetworks: false, resolve: async () => addrs });
      return false;
    } catch {
      return true;
    }
  }, ([h]) => h);
  const allowed = ["https://127.0.0.1:6443", "https://10.0.0.1", "https://192.168.1.1"];
  await tally(ctx.rows, "ssrf", "private addresses accepted with BULWARK_ALLOW_PRIVATE_NETWORKS", allowed, async (u) => {
    await vetKubeconfig(kc({ server: u }, { token: "t" }), { allowPrivateNetworks: true, resolveDns: false });
    return true;
  });
}

// ---------- a malicious API server, scanned by a real worker ----------
function selfSigned(dir: string): { key: string; cert: string } {
  const r = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path.join(dir, "k.pem"), "-out", path.join(dir, "c.pem"), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`openssl: ${r.stderr}`);
  return { key: readFileSync(path.join(dir, "k.pem"), "utf8"), cert: readFileSync(path.join(dir, "c.pem"), "utf8") };
}

type Mode = "huge-list" | "endless-stream" | "invalid-json" | "redirect" | "slowloris" | "gzip-bomb" | "wrong-types" | "byte-bomb" | "no-progress" | "scan-budget";

/**
 * What each misbehaviour must end as. Discovery is valid, so every case reaches the list calls it
 * means to test: a per-kind limit leaves the scan partial (the namespaces were read) with that
 * kind's reason; the scan's byte budget fails the whole scan with its own message.
 */
const CASES: Array<{ mode: Mode; status: "partial" | "failed"; expect: RegExp }> = [
  { mode: "huge-list", status: "partial", expect: /pods failed \(the API server's response to .* is larger than the 32 MiB per-response limit/ },
  { mode: "endless-stream", status: "partial", expect: /pods failed \((deadline of \d+ ms exceeded|no answer from .* in time)/ },
  { mode: "invalid-json", status: "partial", expect: /pods failed \(invalid JSON in response to \/api\/v1\/pods/ },
  { mode: "redirect", status: "partial", expect: /pods failed \(HTTP 302 on .*: redirect to http:\/\/127\.0\.0\.1:\d+\/api\/v1\/pods not followed/ },
  { mode: "slowloris", status: "partial", expect: /pods failed \((deadline of \d+ ms exceeded|no answer from .* in time)/ },
  { mode: "gzip-bomb", status: "partial", expect: /pods failed \(the API server's response to .* is larger than the 32 MiB per-response limit/ },
  { mode: "wrong-types", status: "partial", expect: /pods failed \(unexpected answer from \/api\/v1\/pods: not a list/ },
  { mode: "byte-bomb", status: "partial", expect: /pods failed \(the API server's response to \/api\/v1\/pods \(one object per page\) is larger than the 32 MiB per-response limit/ },
  { mode: "no-progress", status: "partial", expect: /pods failed \(list of pods stopped: \d+ pages in a row with no object and a new continue token \(no progress\)/ },
  { mode: "scan-budget", status: "failed", expect: /^scan stopped: the API server sent more than 512 MiB \(BULWARK_SCAN_MAX_BYTES\)$/ },
];

/** Runs the CLI without blocking this process (which serves the hostile API); samples its RSS. */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; seconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, "apps/cli/bin/bulwark.mjs"), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid))), 100);
    const timer = setTimeout(() => child.kill("SIGKILL"), 180_000);
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sampler);
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: Math.round((performance.now() - t0) / 100) / 10, peakRssMb: Math.round(peak) });
    });
  });
}

async function maliciousServer(ctx: Ctx) {
  const dir = mkdtempSync(path.join(tmpdir(), "rel-evil-"));
  const tls = selfSigned(dir);
  let decoyHits = 0;
  const decoy = http.createServer((_req, res) => {
    decoyHits++;
    res.end("{}");
  });
  await new Promise<void>((r) => decoy.listen(0, "127.0.0.1", r));
  const decoyPort = (decoy.address() as AddressInfo).port;
  const open = new Set<import("node:stream").Duplex>();
  // 300 MB of spaces inflates past the reader's 32 MiB cap; compressed once (about 300 KB).
  const bomb = gzipSync(Buffer.alloc(300 * 1024 * 1024, 0x20), { level: 9 });
  // The issue's byte bomb: one object whose annotation inflates a ~40 KB page to 40 MiB, and a
  // fresh continue token on every page (a second gzip member, so the big one is compressed once).
  const listHead = (blobMiB: number) => gzipSync(`{"kind":"List","apiVersion":"v1","items":[{"metadata":{"name":"big","namespace":"default","annotations":{"blob":"${"A".repeat(blobMiB * 1024 * 1024)}"}}}],"metadata":{"continue":"`);
  const byteBomb = listHead(40);
  // Under the per-response cap (30 MiB a page), endless: only the scan's byte budget stops it.
  const underCap = listHead(30);
  let token = 0;
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const url = new URL(req.url ?? "/", "https://x");
    const [, mode, ...rest] = url.pathname.split("/") as [string, Mode, ...string[]];
    const p = `/${rest.join("/")}`;
    const json = (body: unknown) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    // Valid discovery, as a real API server answers it.
    if (p === "/version") return json({ major: "1", minor: "29", gitVersion: "v1.29.0" });
    if (p === "/api") return json({ kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [] });
    if (p === "/api/v1") {
      return json({
        kind: "APIResourceList",
        groupVersion: "v1",
        resources: [
          { name: "namespaces", singularName: "namespace", namespaced: false, kind: "Namespace", verbs: ["get", "list", "watch"] },
          { name: "pods", singularName: "pod", namespaced: true, kind: "Pod", verbs: ["get", "list", "watch"] },
        ],
      });
    }
    if (p === "/apis") return json({ kind: "APIGroupList", apiVersion: "v1", groups: [] });
    // The namespaces read well, so every case is judged on the pods list it breaks.
    if (p === "/api/v1/namespaces") return json({ kind: "NamespaceList", apiVersion: "v1", metadata: { resourceVersion: "1" }, items: [{ metadata: { name: "default", uid: "ns-default" } }] });
    if (p !== "/api/v1/pods") {
      res.writeHead(404, { "Content-Type": "application/json" });
      return res.end(JSON.stringify({ kind: "Status", apiVersion: "v1", status: "Failure", reason: "NotFound", code: 404 }));
    }
    switch (mode) {
      case "huge-list": {
        // A list far over the reader's body cap, streamed as fast as the socket takes it.
        res.writeHead(200, { "Content-Type": "application/json" });
        res.write('{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[');
        const item = Buffer.from(`${JSON.stringify({ metadata: { name: "p".repeat(200), namespace: "default" }, spec: { containers: [{ name: "c", image: "x" }] } })},`.repeat(1000));
        let sent = 0;
        const pump = () => {
          while (sent < 600 * 1024 * 1024) {
            sent += item.length;
            if (!res.write(item)) return void res.once("drain", pump);
          }
          res.end("{}]}");
        };
        res.on("close", () => (sent = Infinity));
        return pump();
      }
      case "endless-stream": {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.write('{"kind":"PodList","items":[');
        const t = setInterval(() => res.write('{"metadata":{"name":"x"}},'), 5);
        res.on("close", () => clearInterval(t));
        return;
      }
      case "invalid-json":
        res.writeHead(200, { "Content-Type": "application/json" });
        return res.end('{"kind":"PodList","items":[{"metadata":');
      case "redirect":
        res.writeHead(302, { Location: `http://127.0.0.1:${decoyPort}${p}` });
        return res.end();
      case "slowloris": {
        res.writeHead(200, { "Content-Type": "application/json" });
        const t = setInterval(() => res.write(" "), 1000);
        res.on("close", () => clearInterval(t));
        return;
      }
      case "gzip-bomb": {
        res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip", "Content-Length": String(bomb.length) });
        return res.end(bomb);
      }
      case "wrong-types":
        return json({ kind: "PodList", items: { a: 1 }, metadata: "x" });
      case "byte-bomb":
      case "scan-budget": {
        const body = Buffer.concat([mode === "byte-bomb" ? byteBomb : underCap, gzipSync(`c${++token}"}}`)]);
        res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip", "Content-Length": String(body.length) });
        return res.end(body);
      }
      case "no-progress":
        return json({ kind: "PodList", apiVersion: "v1", metadata: { continue: `e${++token}` }, items: [] });
    }
    res.writeHead(404);
    res.end();
  });
  server.on("connection", (s) => {
    open.add(s);
    s.on("close", () => open.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const h = ctx.h;
  const caData = Buffer.from(tls.cert).toString("base64");
  const kubeconfigOf = (mode: Mode) => kc({ server: `https://127.0.0.1:${port}/${mode}`, "certificate-authority-data": caData }, { token: "evil-token" });
  const results: Array<{ mode: Mode; status: string; error: string | null; seconds: number; peakRssMb: number; startRssMb: number }> = [];
  try {
    const deadlineMs = 20_000;
    // One scan at a time, so each case's time and memory are its own; the default byte budget.
    // The budget case gets a worker of its own with a deadline it cannot reach first (inflating and
    // parsing 512 MiB takes 10-20 s on a busy 2-core machine).
    const [worker] = await h.startWorkers(1, { WORKER_SCAN_DEADLINE_MS: String(deadlineMs), WORKER_CONCURRENCY: "1" });
    let pid = worker!.child.pid;
    let peakAll = 0;
    for (const c of CASES) {
      if (c.mode === "scan-budget") {
        if (worker!.child.exitCode !== null || worker!.child.signalCode !== null) ctx.rows.push({ section: "hostile", item: "malicious API server: worker survives", tried: 1, ok: 0, pass: false, notes: "worker died" });
        peakAll = Math.max(peakAll, worker!.peakRssMb);
        await h.stopWorkers();
        const [w2] = await h.startWorkers(1, { WORKER_SCAN_DEADLINE_MS: "120000", WORKER_CONCURRENCY: "1" });
        pid = w2!.child.pid;
      }
      const id = await h.addCluster(`evil-${c.mode}`, kubeconfigOf(c.mode));
      const startRss = rssMb(pid);
      let peak = startRss;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
      const t0 = performance.now();
      await h.requestScan(id);
      const { rows, timedOut } = await h.waitTerminal([id], 4 * deadlineMs + 60_000);
      clearInterval(sampler);
      const r = rows[0];
      const [t] = r ? await q<{ s: number | null }>(h.dbUrl, `SELECT EXTRACT(EPOCH FROM ("finishedAt" - "startedAt"))::float AS s FROM "Scan" WHERE id = $1`, [r.id]) : [];
      const seconds = Math.round((t?.s ?? (performance.now() - t0) / 1000) * 10) / 10;
      const res = { mode: c.mode, status: timedOut ? "timed out" : (r?.status ?? "none"), error: r?.error ?? null, seconds, peakRssMb: Math.round(peak), startRssMb: Math.round(startRss) };
      results.push(res);
      const error = res.error ?? "";
      // The discovery/unreadable message would mean the case never reached what it tests.
      const handled = res.status === c.status && c.expect.test(error) && !/answered no resource kind usabl/.test(error);
      ctx.rows.push({
        section: "hostile",
        item: `malicious API server: ${c.mode}`,
        tried: 1,
        ok: handled ? 1 : 0,
        pass: handled,
        notes: `${res.status} in ${seconds} s, worker RSS ${res.startRssMb}->${res.peakRssMb} MiB: ${error.replace(/^not everything could be read: /, "").slice(0, 70)}`,
      });
      if (!handled) log(`malicious API server ${c.mode}: ${res.status}: ${error}`);
    }
    const alive = h.workers.every((w) => w.child.exitCode === null && w.child.signalCode === null);
    const rss = Math.max(peakAll, ...h.workers.map((w) => w.peakRssMb), ...results.map((r) => r.peakRssMb));
    ctx.rows.push({ section: "hostile", item: "malicious API server: worker survives, RSS bounded", tried: 1, ok: rss < 1024 && alive ? 1 : 0, pass: rss < 1024 && alive, notes: `peak ${Math.round(rss)} MiB${alive ? "" : ", worker died"}` });
    ctx.rows.push({ section: "ssrf", item: "redirect to another host never followed", tried: 1, ok: decoyHits === 0 ? 1 : 0, pass: decoyHits === 0, notes: `${decoyHits} requests reached the redirect target` });

    // The CLI on the byte bomb under the heap the acceptance check gives it.
    const kcPath = path.join(dir, "byte-bomb.yaml");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(kcPath, kubeconfigOf("byte-bomb"));
    const cli = await runCli(["scan", "--kubeconfig", kcPath, "--format", "json", "--fail-on", "none"], { NODE_OPTIONS: "--max-old-space-size=768" });
    // A partial scan (the namespaces were read): exit 0 with --fail-on none, a report on stdout,
    // and the pods' limit named on stderr.
    const podsError = /warning: (Pod not read: .*)/.exec(cli.stderr)?.[1] ?? cli.stderr.trim().split("\n").pop() ?? "";
    let report = false;
    try {
      report = (JSON.parse(cli.stdout) as { summary?: { source?: string } }).summary?.source === "cluster";
    } catch {
      report = false;
    }
    const cliOk = cli.code === 0 && report && !/heap limit|out of memory/i.test(cli.stderr) && /32 MiB per-response limit/.test(podsError);
    ctx.rows.push({
      section: "hostile",
      item: "byte bomb: bulwark scan --kubeconfig (768 MiB heap)",
      tried: 1,
      ok: cliOk ? 1 : 0,
      pass: cliOk,
      notes: `exit ${cli.code} in ${cli.seconds} s, peak RSS ${cli.peakRssMb} MiB: ${podsError.slice(0, 80)}`,
    });
    ctx.extra.maliciousServer = { results, workerPeakRssMb: Math.round(rss), decoyHits, cliByteBomb: { code: cli.code, seconds: cli.seconds, peakRssMb: cli.peakRssMb } };
  } finally {
    await h.stopWorkers();
    await h.clearQueues();
    for (const s of open) s.destroy();
    await new Promise((r) => server.close(r));
    await new Promise((r) => decoy.close(r));
    rmSync(dir, { recursive: true, force: true });
  }

  // The address is checked again when the worker connects: without the operator setting, a
  // cluster on loopback is refused at scan time and kube-sim sees no request.
  const sim = await h.sim.startKubeSim({ objects: [] });
  try {
    const id = await h.addCluster("loopback", sim.kubeconfig({ identity: "admin" }));
    await h.startWorkers(1, { BULWARK_ALLOW_PRIVATE_NETWORKS: "false" });
    await h.requestScan(id);
    const { rows } = await h.waitTerminal([id], 60_000);
    const ok = rows[0]?.status === "failed" && sim.requestCount() === 0;
    ctx.rows.push({ section: "ssrf", item: "worker refuses a loopback cluster at connect time", tried: 1, ok: ok ? 1 : 0, pass: ok, notes: `${rows[0]?.status}: ${(rows[0]?.error ?? "").slice(0, 80)}; ${sim.requestCount()} requests reached it` });
  } finally {
    await h.stopWorkers();
    await h.clearQueues();
    await sim.close();
  }
}

export async function runHostile(ctx: Ctx): Promise<void> {
  log("hostile: manifests");
  await manifests(ctx);
  log("hostile: kubeconfigs");
  await kubeconfigs(ctx);
  log("hostile: SSRF");
  await ssrf(ctx);
  log("hostile: malicious API server");
  await maliciousServer(ctx);
}
