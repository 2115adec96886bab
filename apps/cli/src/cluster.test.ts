// `bulwark scan --kubeconfig` against a real HTTPS Kubernetes API (the kube-sim simulator) on
// loopback, run through the real binary.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { startKubeSim, type KubeSim } from "@bulwark/kube-sim";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inlineFileReferences } from "./cluster";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "bulwark.mjs");
let sim: KubeSim;
let dir: string;

// spawnSync would block this process's event loop, and with it the simulator serving the CLI.
function bulwark(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bulwark-cli-cluster-"));
  sim = await startKubeSim({
    objects: [
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "prod" } },
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "agent", namespace: "prod" },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "agent" } },
          template: {
            metadata: { labels: { app: "agent" } },
            spec: { containers: [{ name: "agent", image: "registry.example.com/agent:2.1.0", securityContext: { privileged: true } }] },
          },
        },
      },
      { apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "prod" }, data: { password: "dG9wLXNlY3JldC1wYXNzd29yZA==" } },
    ],
  });
  writeFileSync(join(dir, "kubeconfig.yaml"), sim.kubeconfig());
});

afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("bulwark scan --kubeconfig", () => {
  it("reads the live cluster and reports its findings without file locations", async () => {
    const r = await bulwark(["scan", "--kubeconfig", "kubeconfig.yaml", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary.source).toBe("cluster");
    const priv = out.findings.find((f: { ruleId: string }) => f.ruleId === "privileged-container");
    expect(priv).toMatchObject({ object: { kind: "Deployment", namespace: "prod", name: "agent" }, file: null, line: null });
    expect(r.stdout).not.toMatch(/dG9wLXNlY3JldC1wYXNzd29yZA|top-secret-password/);
    // a whole cluster: cluster-scope rules run (the namespace has no NetworkPolicy)
    const netpol = out.rules.find((x: { id: string }) => x.id === "network-namespace-without-policy");
    if (netpol) expect(netpol.status).toBe("failed");
  });

  it("rejects an unknown context as a kubeconfig error (exit 2)", async () => {
    const r = await bulwark(["scan", "--kubeconfig", "kubeconfig.yaml", "--context", "nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad kubeconfig kubeconfig\.yaml: .*nope/);
  });

  it("inlines file references of the user's own kubeconfig", () => {
    const kc = parse(sim.kubeconfig()) as { clusters: { cluster: Record<string, string> }[] };
    const ca = Buffer.from(kc.clusters[0]!.cluster["certificate-authority-data"]!, "base64").toString("utf8");
    writeFileSync(join(dir, "ca.pem"), ca);
    delete kc.clusters[0]!.cluster["certificate-authority-data"];
    kc.clusters[0]!.cluster["certificate-authority"] = "ca.pem";
    const inlined = parse(inlineFileReferences(JSON.stringify(kc), join(dir, "kubeconfig-files.yaml"))) as typeof kc;
    expect(Buffer.from(inlined.clusters[0]!.cluster["certificate-authority-data"]!, "base64").toString("utf8")).toBe(ca);
    expect(inlined.clusters[0]!.cluster["certificate-authority"]).toBeUndefined();
  });
});

describe("bulwark scan --kubeconfig against a hostile API server", () => {
  let hostile: https.Server;
  let mode: "budget" | "bomb" | "many" | "strings" | "partial" = "budget";
  beforeAll(async () => {
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", join(dir, "h-key.pem"), "-out", join(dir, "h-cert.pem")], { stdio: "ignore" });
    const cert = readFileSync(join(dir, "h-cert.pem"));
    let n = 0;
    // Valid discovery, then list pages with a new continue token forever: 2 MiB pages, or
    // 40 MiB gzip pages (the byte bomb).
    const bomb = gzipSync(JSON.stringify({ kind: "List", metadata: { continue: "c" }, items: [{ metadata: { name: "b", namespace: "d", annotations: { blob: "A".repeat(40 << 20) } } }] }));
    hostile = https.createServer({ key: readFileSync(join(dir, "h-key.pem")), cert }, (req, res) => {
      const p = (req.url ?? "/").split("?")[0];
      const json = (o: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(o));
      };
      if (p === "/version") return json({ major: "1", minor: "30", gitVersion: "v1.30.0" });
      if (p === "/apis") return json({ kind: "APIGroupList", groups: [] });
      if (p === "/api/v1") return json({ kind: "APIResourceList", groupVersion: "v1", resources: [{ name: "configmaps", namespaced: true, verbs: ["list"] }, { name: "pods", namespaced: true, verbs: ["list"] }] });
      if (mode === "strings") {
        // Endless pages of one ConfigMap holding a 4 MiB value: truncated, it must not stay in memory.
        n++;
        return json({ kind: "List", metadata: { continue: `s${n}` }, items: [{ metadata: { name: `s${n}`, namespace: "d" }, data: { v: String(n).padEnd(4 << 20, "z") } }] });
      }
      if (mode === "many") {
        // Endless pages of ordinary-sized objects: under every byte cap, heavy in memory.
        n++;
        const items = Array.from({ length: 500 }, (_, i) => ({
          metadata: { name: `cm-${n}-${i}`, namespace: `team-${i % 40}`, uid: `${n}-${i}`, labels: { app: `app-${i}`, team: `team-${i % 40}` } },
          data: { "app.conf": `listen=0.0.0.0:${8000 + i}\nworkers=${i}\nlog=info\n`.repeat(4), region: "eu-west-1" },
        }));
        return json({ kind: "List", metadata: { continue: `m${n}` }, items });
      }
      if (mode === "partial" && p === "/api/v1/configmaps") return json({ kind: "List", metadata: {}, items: [{ metadata: { name: "ok", namespace: "d" }, data: { a: "b" } }] });
      if (mode === "bomb" || mode === "partial") {
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
        return res.end(bomb);
      }
      n++;
      return json({ kind: "List", metadata: { continue: `c${n}` }, items: [{ metadata: { name: `cm${n}`, namespace: "d" }, data: { v: "x".repeat(2 << 20) } }] });
    });
    await new Promise<void>((r) => hostile.listen(0, "127.0.0.1", r));
    const port = (hostile.address() as AddressInfo).port;
    writeFileSync(
      join(dir, "hostile.yaml"),
      stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: "h", cluster: { server: `https://127.0.0.1:${port}`, "certificate-authority-data": cert.toString("base64") } }],
        users: [{ name: "u", user: { token: "t" } }],
        contexts: [{ name: "h", context: { cluster: "h", user: "u" } }],
        "current-context": "h",
      }),
    );
  });
  afterAll(async () => {
    hostile?.closeAllConnections();
    await new Promise((r) => hostile?.close(r));
  });

  it("stops at the byte budget and says so (exit 2)", async () => {
    mode = "budget";
    const r = await bulwark(["scan", "--kubeconfig", "hostile.yaml", "--format", "json"], { BULWARK_SCAN_MAX_BYTES: "8Mi" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read cluster https:\/\/127\.0\.0\.1:\d+\/?: scan stopped: the API server sent more than 8 MiB \(BULWARK_SCAN_MAX_BYTES\)/);
    expect(r.stdout).toBe("");
  });

  it("refuses a budget that is not a size", async () => {
    const r = await bulwark(["scan", "--kubeconfig", "hostile.yaml"], { BULWARK_SCAN_MAX_BYTES: "plenty" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/BULWARK_SCAN_MAX_BYTES must be a size/);
  });

  it("stops before the heap is full when endless ordinary pages stay under the byte budget (exit 2, no crash)", async () => {
    mode = "many";
    const r = await bulwark(["scan", "--kubeconfig", "hostile.yaml", "--format", "json"], { NODE_OPTIONS: "--max-old-space-size=256", BULWARK_SCAN_MAX_BYTES: "4Gi" });
    expect(r.stderr).not.toMatch(/heap limit|out of memory/i);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scan stopped: memory nearly full \(\d+ of \d+ MiB heap\) while reading (configmaps|pods)/);
  });

  it("keeps only the truncated head of huge strings, so the byte budget, not memory, ends the read", async () => {
    mode = "strings";
    const r = await bulwark(["scan", "--kubeconfig", "hostile.yaml", "--format", "json"], { NODE_OPTIONS: "--max-old-space-size=96", BULWARK_SCAN_MAX_BYTES: "128Mi" });
    expect(r.stderr).not.toMatch(/heap limit|out of memory|memory nearly full/i);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scan stopped: the API server sent more than 128 MiB \(BULWARK_SCAN_MAX_BYTES\)/);
  }, 120_000);

  it("reports a partial read naming the per-response limit in every format", async () => {
    mode = "partial";
    const r = await bulwark(["scan", "--kubeconfig", "hostile.yaml", "--format", "json", "--fail-on", "none"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/bulwark: warning: Pod not read: the API server's response to \/api\/v1\/pods \(one object per page\) is larger than the 32 MiB per-response limit/);
    expect(JSON.parse(r.stdout).summary.source).toBe("cluster");
  });

  it("names the per-response limit when every list is a gzip bomb (exit 2, no crash)", async () => {
    mode = "bomb";
    const r = await bulwark(["scan", "--kubeconfig", "hostile.yaml", "--format", "json"], { NODE_OPTIONS: "--max-old-space-size=256" });
    expect(r.stderr).not.toMatch(/heap limit|out of memory/i);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answered no resource kind usably \((ConfigMap|Pod): .*larger than the 32 MiB per-response limit/);
  });
});
