// `bulwark scan --kubeconfig` against a real HTTPS Kubernetes API (the kube-sim simulator) on
// loopback, run through the real binary.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startKubeSim, type KubeSim } from "@bulwark/kube-sim";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inlineFileReferences } from "./cluster";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "bulwark.mjs");
let sim: KubeSim;
let dir: string;

// spawnSync would block this process's event loop, and with it the simulator serving the CLI.
function bulwark(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
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
