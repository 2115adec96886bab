// Vulnerability data in `bulwark scan` (the real binary): documents given with --vulns, matched to
// manifests by digest or tag, and Trivy Operator reports read from a live kube-sim cluster over
// HTTPS (vuln-lab: each case with its expected answer; removing the report resolves the finding).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scenarios, startKubeSim, VULN_LAB, type KubeSim } from "@bulwark/kube-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = join(HERE, "..", "bin", "bulwark.mjs");
const FIXTURES = join(HERE, "..", "..", "..", "packages", "rules", "src", "vulns", "formats", "fixtures");
const TRIVY = join(FIXTURES, "trivy-nginx-1.21.0.json");
const GRYPE_CHECKOUT = join(FIXTURES, "grype-checkout-2.3.0.json");
const NGINX_DIGEST = "sha256:c0b10b1f6af8e59627bdede5c49dc1ee7aa69493a8a6a2c1b3c5c4eaf39d4801";

let dir: string;

interface JsonFinding {
  ruleId: string;
  severity: string;
  object: { kind: string; namespace: string | null; name: string };
  path: string;
  message: string;
  details: { vulnerabilities?: { match: string; stale: boolean; source: string; cves: Array<{ id: string; fixedVersion?: string; excepted?: unknown }> } } | null;
}
interface JsonReport {
  findings: JsonFinding[];
  risks: Array<{ severity: string; objects: Array<{ kind: string; name: string }>; steps: Array<{ kind: string; text: string }> }>;
}

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function scanJson(args: string[]): Promise<JsonReport> {
  const r = await run(["scan", ...args, "--format", "json", "--fail-on", "none"], { BULWARK_ALLOW_PRIVATE_NETWORKS: "1" });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as JsonReport;
}

const vulnFindings = (r: JsonReport) => r.findings.filter((f) => f.ruleId === "image-vulnerabilities");
const on = (r: JsonReport, ns: string, name: string) => vulnFindings(r).filter((f) => f.object.namespace === ns && f.object.name === name);

function deployment(image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: ${image}
`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bulwark-vulns-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("bulwark scan --vulns", () => {
  it("attaches a Trivy document to the Deployment running the image by digest, with its details", async () => {
    writeFileSync(join(dir, "pinned.yaml"), deployment(`nginx@${NGINX_DIGEST}`));
    const r = await scanJson(["pinned.yaml", "--vulns", TRIVY]);
    const [f, ...more] = on(r, "shop", "web");
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: "critical", object: { kind: "Deployment" }, path: "spec.template.spec.containers[0].image" });
    expect(f!.message).toContain("CVE-2021-23017");
    expect(f!.details?.vulnerabilities).toMatchObject({ match: "digest", source: "trivy", stale: false });
    expect(f!.details!.vulnerabilities!.cves.find((c) => c.id === "CVE-2021-23017")).toMatchObject({ fixedVersion: "1.21.1-1~buster" });
    // The document's own VEX (not_affected) is listed, excepted.
    expect(f!.details!.vulnerabilities!.cves.find((c) => c.id === "CVE-2023-4911")?.excepted).toBeTruthy();
  });

  it("falls back to the tag, and says so", async () => {
    writeFileSync(join(dir, "tagged.yaml"), deployment("nginx:1.21.0"));
    const [f] = on(await scanJson(["tagged.yaml", "--vulns", TRIVY]), "shop", "web");
    expect(f!.details?.vulnerabilities?.match).toBe("tag");
    expect(f!.message).toMatch(/matched by tag/i);
    writeFileSync(join(dir, "other.yaml"), deployment("nginx:1.27.3"));
    expect(on(await scanJson(["other.yaml", "--vulns", TRIVY]), "shop", "web")).toEqual([]);
  });

  it("exits 2 with the reason for a malformed or missing document, before scanning", async () => {
    writeFileSync(join(dir, "tagged.yaml"), deployment("nginx:1.21.0"));
    writeFileSync(join(dir, "sarif.json"), JSON.stringify({ version: "2.1.0", $schema: "https://json.schemastore.org/sarif-2.1.0.json", runs: [] }));
    const bad = await run(["scan", "tagged.yaml", "--vulns", "sarif.json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--vulns sarif.json: not a Trivy, Grype or CycloneDX JSON document: it is a SARIF log");
    const doc = JSON.parse(readFileSync(TRIVY, "utf8"));
    delete doc.Results[0].Vulnerabilities[0].PkgName;
    writeFileSync(join(dir, "broken.json"), JSON.stringify(doc));
    const broken = await run(["scan", "tagged.yaml", "--vulns", "broken.json"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("--vulns broken.json: Results[0].Vulnerabilities[0].PkgName is missing");
    const missing = await run(["scan", "tagged.yaml", "--vulns", "nope.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--vulns: no such file: nope.json");
  });
});

describe("bulwark scan --kubeconfig reads Trivy Operator's reports", () => {
  let lab: KubeSim;
  let shop: KubeSim;
  beforeAll(async () => {
    const l = scenarios["vuln-lab"]!();
    lab = await startKubeSim({ objects: l.objects, version: l.version, clusterName: "vuln-lab" });
    writeFileSync(join(dir, "lab.kubeconfig"), lab.kubeconfig());
    const s = scenarios["shop-staging"]!();
    shop = await startKubeSim({ objects: s.objects, version: s.version, clusterName: "shop-staging" });
    writeFileSync(join(dir, "shop.kubeconfig"), shop.kubeconfig());
  }, 60_000);
  afterAll(async () => {
    await lab?.close();
    await shop?.close();
  });

  it("answers each vuln-lab case as stated", async () => {
    const r = await scanJson(["--kubeconfig", "lab.kubeconfig"]);
    const L = VULN_LAB;
    // exposed + privileged + critical fixable CVE: on the Deployment, inside a critical risk
    const [web] = on(r, L.exposed.namespace, L.exposed.deployment);
    expect(web).toMatchObject({ severity: "critical", object: { kind: "Deployment" } });
    expect(web!.details?.vulnerabilities).toMatchObject({ match: "producer", source: "trivy-operator", stale: false });
    const risk = r.risks.find((x) => x.severity === "critical" && JSON.stringify(x).includes(L.exposed.cve));
    expect(risk, JSON.stringify(r.risks.map((x) => [x.severity, x.objects]))).toBeDefined();
    expect(risk!.steps.some((s) => s.kind === "vulnerability" && s.text.includes(L.exposed.cve))).toBe(true);
    // patched: low CVEs only
    expect(on(r, L.patched.namespace, L.patched.deployment)).toEqual([]);
    // rolled out: the old ReplicaSet's report is for the previous image
    expect(on(r, L.rolledOut.namespace, L.rolledOut.deployment)).toEqual([]);
    expect(JSON.stringify(r.findings)).not.toContain(`${L.rolledOut.deployment}-5d8b9c7f46`);
    // stale: still a finding, said to be stale; no risk rises on it
    const [stale] = on(r, L.stale.namespace, L.stale.deployment);
    expect(stale!.details?.vulnerabilities?.stale).toBe(true);
    expect(stale!.message).toMatch(/stale/);
    expect(r.risks.filter((x) => JSON.stringify(x).includes(L.stale.cve) && x.objects.some((o) => o.name === L.stale.deployment))).toEqual([]);
    // known only through a PolicyReport
    const [cart] = on(r, L.policyReport.namespace, L.policyReport.deployment);
    expect(cart).toMatchObject({ severity: "high" });
    expect(cart!.details?.vulnerabilities?.source).toBe("policy-report");
    expect(cart!.message).toContain(L.policyReport.cve);
  });

  it("resolves the finding once the report is gone", async () => {
    const L = VULN_LAB.exposed;
    const report = lab.store.list("VulnerabilityReport").find((o) => o.metadata.namespace === L.namespace && o.metadata.labels?.["trivy-operator.resource.kind"] === "ReplicaSet" && o.metadata.name!.startsWith(`replicaset-${L.deployment}-`));
    expect(report).toBeDefined();
    expect(lab.store.remove(report!.apiVersion, report!.kind, report!.metadata.namespace, report!.metadata.name!)).toBe(true);
    const r = await scanJson(["--kubeconfig", "lab.kubeconfig"]);
    expect(on(r, L.namespace, L.deployment)).toEqual([]);
    expect(JSON.stringify(r.risks)).not.toContain(L.cve);
  });

  it("joins an imported Grype document to the live workload by the digest its pods report, where no in-cluster report speaks for it", async () => {
    // Trivy Operator's own report of checkout (medium and low only) comes first.
    const withReport = await scanJson(["--kubeconfig", "shop.kubeconfig", "--vulns", GRYPE_CHECKOUT]);
    expect(on(withReport, "shop", "checkout")).toEqual([]);
    const report = shop.store.list("VulnerabilityReport").find((o) => o.metadata.namespace === "shop" && o.metadata.labels?.["trivy-operator.container.name"] === "checkout");
    expect(shop.store.remove(report!.apiVersion, report!.kind, "shop", report!.metadata.name!)).toBe(true);
    const r = await scanJson(["--kubeconfig", "shop.kubeconfig", "--vulns", GRYPE_CHECKOUT]);
    const [f] = on(r, "shop", "checkout");
    expect(f!.details?.vulnerabilities).toMatchObject({ match: "digest", source: "grype" });
    expect(f!.message).toContain("GHSA-35jh-r3h4-6jhm");
    // The Trivy Operator report of the same cluster still speaks for the other workloads.
    expect(on(r, "shop", "frontend")[0]?.details?.vulnerabilities?.source).toBe("trivy-operator");
  });
});
