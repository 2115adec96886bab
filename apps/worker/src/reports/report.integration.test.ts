// Reports end to end: kube-sim over HTTPS -> the real reader and engine -> Postgres -> the report
// job (through BullMQ on Redis) -> the stored JSON, CSV and PDF, each parsed and checked against
// what the engine says about the same snapshot, and each checked against its signature.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, scenarios, type KubeSim } from "@bulwark/kube-sim";
import { readCluster } from "@bulwark/k8s";
import { evaluate, evaluateFramework, getFramework, type ControlStatus, type EvaluationResult, type VulnReport } from "@bulwark/rules";
import { parseKeyring, verifyReportFile } from "@bulwark/security";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "../test-helpers";
import type { TReportData } from "./build-report";
import { pdfRows, pdfVulnRows } from "./report-test-helpers";

const DB = "bulwark_reports";
const PREFIX = "bulwark-test-reports";
Object.assign(process.env, { DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`, REDIS_URL, BULWARK_QUEUE_PREFIX: PREFIX });

// Values that must never leave the cluster: a Secret's data, a literal credential in an env var.
const CANARY_SECRET = "Zx9-canary-secret-value-7781";
const CANARY_ENV = "Qp4-canary-env-password-1193";
const b64 = (s: string) => Buffer.from(s).toString("base64");

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
let db: Db;
let jobs: Jobs;
let sim: KubeSim;
let orgId: string;
let userId: string;
let clusterId: string;
let engine: EvaluationResult;
let stopWorker: (() => Promise<void>) | undefined;
const log = () => {};
const keyring = parseKeyring(testSecretKey());
const ctx = { log, keyring };

function extraObjects() {
  return [
    { apiVersion: "v1", kind: "Secret", metadata: { name: "db-creds", namespace: "default", uid: "canary-secret-uid" }, type: "Opaque", data: { password: b64(CANARY_SECRET) } },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "canary-app", namespace: "default", uid: "canary-deploy-uid" },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: "canary" } },
        template: {
          metadata: { labels: { app: "canary" } },
          spec: {
            containers: [
              {
                name: "app",
                image: "nginx:latest",
                securityContext: { privileged: true },
                env: [{ name: "DB_PASSWORD", value: CANARY_ENV }, { name: "API_TOKEN", valueFrom: { secretKeyRef: { name: "db-creds", key: "password" } } }],
              },
            ],
          },
        },
      },
    },
  ];
}

/**
 * A scanner's report for canary-app's image (as a Trivy JSON import reaches the engine): one
 * critical CVE with a fix (listed in the reports), one without, one high with a fix.
 */
function nginxReport(takenAt: string): VulnReport {
  return {
    source: "trivy",
    scanner: { name: "Trivy", version: "0.50.1" },
    image: { registry: "docker.io", repository: "library/nginx", tag: "latest" },
    updatedAt: takenAt,
    vulnerabilities: [
      { id: "CVE-2021-23017", package: "nginx", installedVersion: "1.21.0-1~buster", fixedVersion: "1.21.1-1~buster", severity: "critical", score: 9.4 },
      { id: "CVE-2019-12900", package: "libbz2-1.0", installedVersion: "1.0.6-9.2~deb10u1", severity: "critical" },
      { id: "CVE-2021-3711", package: "libssl1.1", installedVersion: "1.1.1d-0+deb10u6", fixedVersion: "1.1.1d-0+deb10u7", severity: "high" },
    ],
  };
}

async function scanOnce(target: KubeSim = sim, id = clusterId, name = "shop", identity = "admin"): Promise<EvaluationResult> {
  const kubeconfig = target.kubeconfig({ identity });
  const scan = await db.createScan({ orgId, clusterId: id, trigger: "manual", actorId: userId });
  await db.claimScan({ orgId, scanId: scan.id, workerId: "test" });
  const read = await readCluster(kubeconfig, { allowPrivateNetworks: true });
  const snapshot = { ...read, vulnerabilityReports: [nginxReport(read.takenAt ?? new Date().toISOString())] };
  const result = evaluate(snapshot, { clusterName: name });
  await db.recordScanResults({ orgId, scanId: scan.id, workerId: "test", result, kinds: snapshot.kinds, objects: snapshot.objects });
  return result;
}

type TFiles = Record<"json" | "csv" | "pdf", Uint8Array>;
type TGenerated = { id: string; json: TReportData; csv: string; pdfText: string; pdfRaw: string; files: TFiles; signatures: Record<keyof TFiles, string> };

function pdfToText(bytes: Uint8Array, mode: "-layout" | "-raw"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bulwark-report-"));
  try {
    writeFileSync(path.join(dir, "r.pdf"), bytes);
    // Parsed by poppler's pdftotext: a real PDF reader, independent of the library that wrote it.
    return execFileSync("pdftotext", [mode, path.join(dir, "r.pdf"), "-"], { encoding: "utf8", maxBuffer: 256 << 20 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readFiles(reportId: string, org = orgId): Promise<TGenerated> {
  const files = {} as TFiles;
  const signatures = {} as Record<keyof TFiles, string>;
  for (const f of ["json", "csv", "pdf"] as const) {
    const file = await db.getReportFile({ orgId: org, reportId, format: f });
    expect(file).not.toBeNull();
    expect(createHash("sha256").update(file!.bytes).digest("hex")).toBe(file!.sha256);
    expect(file!.signature).toBeTruthy();
    files[f] = file!.bytes;
    signatures[f] = file!.signature!;
  }
  return {
    id: reportId,
    json: JSON.parse(Buffer.from(files.json).toString("utf8")) as TReportData,
    csv: Buffer.from(files.csv).toString("utf8"),
    pdfText: pdfToText(files.pdf, "-layout"),
    pdfRaw: pdfToText(files.pdf, "-raw"),
    files,
    signatures,
  };
}

/** `clusterIds` null: the framework's compliance scope. */
async function generate(framework: string, clusterIds: string[] | null = [clusterId]): Promise<TGenerated> {
  const report = await db.createReport({ orgId, framework, ...(clusterIds ? { clusterIds } : {}), createdById: userId });
  await jobs.enqueueReport({ orgId, reportId: report.id });
  const done = await waitFor("report", async () => {
    const r = await db.db.report.findUnique({ where: { id: report.id } });
    return r && (r.status === "succeeded" || r.status === "failed") ? r : null;
  }, 60_000);
  expect(done.error).toBeNull();
  expect(done.status).toBe("succeeded");
  return readFiles(report.id);
}

/** Minimal RFC 4180 parser, enough to read back what render-csv writes. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += ch;
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ""])));
}

const objectKey = (o: { cluster: string; kind: string; namespace: string | null; name: string }) => `${o.cluster}: ${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name}`;

/** The (control, rule, object, path) evidence rows of the JSON file. */
function jsonRows(j: TReportData): string[] {
  const rows: string[] = [];
  for (const c of j.controls) {
    for (const ev of c.evidence) {
      for (const ref of ev.findings) {
        const f = j.findings[Number(ref.slice(1)) - 1]!;
        expect(f.id).toBe(ref);
        rows.push(`${c.id}|${ev.ruleId}|${objectKey({ cluster: f.cluster, ...f.object })}|${f.state}`);
      }
    }
  }
  return rows.sort();
}

function csvRows(csv: string): string[] {
  return parseCsv(csv)
    .filter((r) => r.row_type === "finding")
    .map((r) => `${r.control_id}|${r.rule_id}|${objectKey({ cluster: r.cluster!, kind: r.kind!, namespace: r.namespace || null, name: r.name! })}|${r.finding_state}`)
    .sort();
}

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  const { processReport } = await import("../processors/report.processor");
  await jobs.getQueue(jobs.QUEUE_REPORT).obliterate({ force: true });
  const w = jobs.getQueueConnection().createWorker(jobs.QUEUE_REPORT, (job) => processReport(job, ctx), { concurrency: 1 });
  await w.waitUntilReady();
  stopWorker = () => w.close();
  const { user, org } = await db.createUserWithOrganization({ email: "reports@example.com", passwordHash: null, orgName: "Acme Health" });
  orgId = org.id;
  userId = user.id;
  const shop = scenarios["shop-staging"]!();
  sim = await startKubeSim({ objects: [...shop.objects, ...extraObjects()] as typeof shop.objects, version: shop.version });
  const cluster = await db.createCluster({ orgId, actorId: userId, name: "shop", server: sim.url, credentialCipher: "x", credentialKeyId: "k" });
  clusterId = cluster.id;
  engine = await scanOnce();
}, 120_000);

afterAll(async () => {
  await stopWorker?.();
  await jobs?.getQueue(jobs.QUEUE_REPORT).obliterate({ force: true }).catch(() => {});
  await jobs?.closeQueues();
  await db?.disconnectDb();
  await sim?.close();
  await dropDatabase(DB).catch(() => {});
});

describe("framework reports", () => {
  let hipaa: TGenerated;

  it("HIPAA: JSON controls, statuses and evidence match the engine for the snapshot", async () => {
    // One finding accepted as an exception, to be reported with its justification and owner.
    const privileged = await db.db.finding.findFirst({ where: { orgId, clusterId, name: "canary-app", ruleId: { contains: "privileged" } } });
    expect(privileged).not.toBeNull();
    const granted = await db.grantException({
      orgId, actorId: userId, ruleId: privileged!.ruleId, clusterId, namespace: privileged!.namespace, kind: privileged!.kind, name: privileged!.name,
      justification: "break-glass debug pod, removed next sprint", expiresAt: new Date(Date.now() + 30 * 86_400_000),
    });
    // The settings in force are stated too.
    await db.updatePolicy({ orgId, actorId: userId, policy: { disabledRules: ["image-pull-policy-not-always"], params: { allowedRegistries: ["ghcr.io/acme"] } } });

    hipaa = await generate("hipaa");
    const fw = getFramework("hipaa")!;
    const want = evaluateFramework(fw, engine.rules);
    const j = hipaa.json;
    // The file matches its documented schema exactly (strict: no undocumented fields).
    expect(() => db.ZReportDocument.parse(j)).not.toThrow();
    expect(j.organization.name).toBe("Acme Health");
    expect(j.framework.disclaimer).toMatch(/not legal advice/i);
    expect(j.scope).toMatchObject({ source: "chosen-clusters", clusters: [{ id: clusterId, name: "shop", namespaces: [] }] });
    expect(j.period?.from).toBe(j.scans[0]!.finishedAt);
    expect(j.controls.map((c) => c.id)).toEqual(want.controls.map((c) => c.id));
    for (const [i, c] of j.controls.entries()) {
      expect(c.status, c.id).toBe(want.controls[i]!.status);
      expect(c.rationale.length, c.id).toBeGreaterThan(40);
      expect(c.clusters[0]!.rules.map((r) => [r.id, r.status])).toEqual(want.controls[i]!.rules.map((r) => [r.id, r.status]));
    }
    const { total, ...byStatus } = j.summary.controls;
    expect(byStatus).toEqual(want.summary);
    expect(total).toBe(fw.controls.length);
    // Each finding once; per control and rule, exactly the engine's findings that stand for the rule.
    expect(new Set(j.findings.map((f) => `${f.ruleId}|${f.object.kind}|${f.object.namespace}|${f.object.name}|${f.path}`)).size).toBe(j.findings.length);
    const key = (f: { object: { kind: string; namespace?: string | null; name: string }; path: string }) => `${f.object.kind}|${f.object.namespace ?? ""}|${f.object.name}|${f.path}`;
    for (const c of j.controls) {
      for (const ruleId of fw.controls.find((x) => x.id === c.id)!.ruleIds) {
        const fromEngine = engine.findings.filter((f) => (f.checks ?? [f.ruleId]).includes(ruleId)).map(key).sort();
        const ev = c.evidence.find((e) => e.ruleId === ruleId);
        const inReport = (ev?.findings ?? []).map((ref) => key(j.findings[Number(ref.slice(1)) - 1]!)).sort();
        expect(inReport, `${c.id} ${ruleId}`).toEqual(fromEngine);
      }
      // A failed control names at least one failing object for each failing rule.
      for (const r of c.clusters[0]!.rules.filter((x) => x.status === "failed")) expect(c.evidence.find((e) => e.ruleId === r.id)?.open, `${c.id} ${r.id}`).toBeGreaterThan(0);
    }
    const excepted = j.findings.find((f) => f.state === "excepted");
    expect(excepted?.exception?.justification).toBe("break-glass debug pod, removed next sprint");
    expect(excepted?.exception?.acceptedBy).toBe("reports@example.com");
    expect(excepted?.exception?.id).toBe(granted.exception.id);
    // Exceptions in force: scope, justification, expiry, approver, and how many findings they cover.
    expect(j.exceptions).toHaveLength(1);
    expect(j.exceptions[0]).toMatchObject({ id: granted.exception.id, ruleId: privileged!.ruleId, justification: "break-glass debug pod, removed next sprint", approvedBy: "reports@example.com" });
    expect(j.exceptions[0]!.findings).toBeGreaterThan(0);
    expect(j.exceptions[0]!.scope).toContain(privileged!.name);
    expect(j.settings.disabledRules).toEqual(["image-pull-policy-not-always"]);
    expect(j.settings.params).toEqual({ allowedRegistries: ["ghcr.io/acme"] });
    expect(j.settings.sla).toMatchObject({ critical: 7, high: 30 });
    expect(j.scans[0]!.scanId).toBeTruthy();
    // No posture score anywhere: the report states statuses and evidence.
    expect(JSON.stringify(j.summary)).not.toMatch(/score/i);
  });

  it("complete: the (control, rule, object) rows are the same in the JSON, the CSV and the PDF", () => {
    const fromJson = jsonRows(hipaa.json);
    expect(fromJson.length).toBeGreaterThan(10);
    expect(fromJson.some((r) => r.endsWith("|open"))).toBe(true);
    expect(csvRows(hipaa.csv)).toEqual(fromJson);
    const fromPdf = pdfRows(hipaa.pdfRaw, hipaa.json)
      .map((r) => `${r.control}|${r.rule}|${r.object}|${r.state}`)
      .sort();
    expect(fromPdf).toEqual(fromJson);
    // Nothing is cut short.
    expect(hipaa.pdfText).not.toMatch(/more findings are listed in the CSV|more .* in the CSV/);
  });

  it("fixable critical vulnerabilities: the same rows in the JSON, the CSV and the PDF, with the fixed versions", () => {
    const j = hipaa.json;
    const rows = j.vulnerabilities!.fixableCritical;
    // canary-app runs nginx:latest: its critical CVE with a fix, not the one without nor the high one.
    const canary = rows.filter((v) => v.workload.name === "canary-app");
    expect(canary).toEqual([
      expect.objectContaining({ cluster: "shop", workload: { kind: "Deployment", namespace: "default", name: "canary-app" }, container: "app", image: "nginx:latest", state: "open", stale: false, cves: [{ id: "CVE-2021-23017", package: "nginx", installedVersion: "1.21.0-1~buster", fixedVersion: "1.21.1-1~buster" }] }),
    ]);
    // Every row is an open image-vulnerabilities finding of the engine's, on the same workload.
    const engineVuln = engine.findings.filter((f) => f.ruleId === "image-vulnerabilities").map((f) => `${f.object.kind}|${f.object.namespace}|${f.object.name}`);
    for (const v of rows) expect(engineVuln).toContain(`${v.workload.kind}|${v.workload.namespace}|${v.workload.name}`);
    expect(rows.map((v) => v.id)).toEqual(rows.map((_, i) => `V${i + 1}`));
    const key = (v: { cluster: string; kind: string; namespace: string | null; name: string; container: string; cves: string; state: string }) => `${v.cluster}: ${v.kind} ${v.namespace ? `${v.namespace}/` : ""}${v.name}|${v.container}|${v.cves}|${v.state}`;
    const fromJson = rows.map((v) => key({ cluster: v.cluster, ...v.workload, container: v.container, cves: v.cves.map((c) => c.id).join(" "), state: v.state })).sort();
    const fromCsv = parseCsv(hipaa.csv)
      .filter((r) => r.row_type === "vulnerability")
      .map((r) => {
        expect(r.fixed_versions).toContain("->");
        return key({ cluster: r.cluster!, kind: r.kind!, namespace: r.namespace || null, name: r.name!, container: r.container!, cves: r.cve_ids!, state: r.finding_state! });
      })
      .sort();
    expect(fromCsv).toEqual(fromJson);
    // pdfVulnRows also checks each PDF row shows every CVE with its package, installed and fixed version.
    expect(pdfVulnRows(hipaa.pdfRaw, j).sort()).toEqual(fromJson);
  });

  it("CSV: one row per control x cluster with the scope and status", () => {
    const rows = parseCsv(hipaa.csv);
    const controls = rows.filter((r) => r.row_type === "control");
    expect(controls.length).toBe(hipaa.json.controls.length);
    for (const c of hipaa.json.controls) expect(controls.find((r) => r.control_id === c.id)?.status, c.id).toBe(c.clusters[0]!.status);
    expect(controls.every((r) => r.namespaces_in_scope === "all" && r.cluster === "shop")).toBe(true);
  });

  it("PDF: cover, contents, disclaimer, scope, period, page numbers, every control with its status label and rationale", () => {
    const t = hipaa.pdfText;
    const flat = hipaa.pdfRaw.replace(/\s+/g, " ");
    const pages = t.split("\f").filter((p) => p.trim());
    expect(t).toContain("HIPAA Security Rule");
    expect(t).toContain("Acme Health");
    expect(t).toContain("Contents");
    expect(t).toMatch(/Not legal advice/);
    expect(flat).toContain("No compliance scope is set for HIPAA Security Rule: the report covers the 1 cluster chosen for it, whole.");
    expect(flat).toMatch(/Period scans finished \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(flat).toContain(`Ed25519 key ${hipaa.json.signing.keyId}`);
    expect(t).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(t).toContain("break-glass debug pod");
    expect(t).toContain("Exceptions in force");
    expect(t).toContain("Settings in force");
    expect(t).toContain("image-pull-policy-not-always");
    expect(flat).not.toMatch(/posture score \d/i);
    const labels: Record<ControlStatus, string> = { passed: "PASSED", failed: "FAILED", "not-evaluated": "NOT EVALUATED", "not-applicable": "NOT APPLICABLE", attested: "MANUAL – ATTESTED", pending: "MANUAL – PENDING" };
    for (const c of hipaa.json.controls) {
      // The summary table row: control id ... status label on the same line.
      const line = t.split("\n").find((l) => l.includes(c.id) && /(Passed|Failed|Not evaluated|Not applicable|Manual – attested|Manual – pending)/.test(l));
      expect(line, c.id).toBeDefined();
      expect(line, c.id).toContain(c.statusLabel.split(" by ")[0]);
      expect(flat, c.id).toContain(labels[c.status]);
      expect(flat, c.id).toContain(c.rationale.slice(0, 60));
    }
  });

  it("signed: every file verifies under the organization's key; a tampered byte or another organization's key fails", async () => {
    const key = await db.getReportSigningKey({ orgId });
    expect(key?.keyId).toBe(hipaa.json.signing.keyId);
    // The private key is sealed like a kubeconfig: a v1 envelope, nothing readable at rest.
    const raw = await db.db.organization.findUnique({ where: { id: orgId }, select: { reportSigningKeyCipher: true } });
    expect(raw?.reportSigningKeyCipher).toMatch(/^v1\./);
    expect(raw?.reportSigningKeyCipher).not.toContain("PRIVATE KEY");
    for (const f of ["json", "csv", "pdf"] as const) {
      expect(verifyReportFile(key!.publicKeyPem, hipaa.files[f], hipaa.signatures[f]), f).toBe(true);
      const tampered = Uint8Array.from(hipaa.files[f]);
      tampered[Math.floor(tampered.length / 2)]! ^= 1;
      expect(verifyReportFile(key!.publicKeyPem, tampered, hipaa.signatures[f]), `${f} tampered`).toBe(false);
    }
    // The key is created once and reused.
    const again = await db.ensureReportSigningKey({ orgId, create: () => ({ privateKeyCipher: "x", publicKeyPem: "y", keyId: "z" }) });
    expect(again.keyId).toBe(key!.keyId);
    const row = await db.db.report.findUnique({ where: { id: hipaa.id }, select: { signingKeyId: true } });
    expect(row?.signingKeyId).toBe(key!.keyId);
    // Another organization's report is signed with its own key, which does not verify this one's files.
    const other = await db.createUserWithOrganization({ email: "other-signer@example.com", passwordHash: null, orgName: "Other Signer" });
    const oc = await db.createCluster({ orgId: other.org.id, actorId: other.user.id, name: "o", server: sim.url, credentialCipher: "x", credentialKeyId: "k" });
    const { processReport } = await import("../processors/report.processor");
    const r = await db.createReport({ orgId: other.org.id, framework: "hipaa", clusterIds: [oc.id] });
    expect((await processReport({ data: { orgId: other.org.id, reportId: r.id } }, ctx)).ok).toBe(true);
    const otherKey = await db.getReportSigningKey({ orgId: other.org.id });
    expect(otherKey!.keyId).not.toBe(key!.keyId);
    expect(verifyReportFile(otherKey!.publicKeyPem, hipaa.files.pdf, hipaa.signatures.pdf)).toBe(false);
    const otherPdf = await db.getReportFile({ orgId: other.org.id, reportId: r.id, format: "pdf" });
    expect(verifyReportFile(key!.publicKeyPem, otherPdf!.bytes, otherPdf!.signature!)).toBe(false);
    expect(verifyReportFile(otherKey!.publicKeyPem, otherPdf!.bytes, otherPdf!.signature!)).toBe(true);
  });

  let cis: TGenerated;
  it("a not-evaluated control is never shown as passed (CIS on a cluster read without access to RBAC objects)", async () => {
    // Read with an identity that may not list RBAC objects: the rules that need them are not evaluated.
    const shop = scenarios["shop-staging"]!();
    const sim3 = await startKubeSim({
      objects: [...shop.objects, ...extraObjects()] as typeof shop.objects,
      version: shop.version,
      identities: [{ name: "no-rbac", allow: [{ group: "*", resource: "*" }], deny: [{ group: "rbac.authorization.k8s.io", resource: "*" }] }],
    });
    const limited = await db.createCluster({ orgId, actorId: userId, name: "shop-limited", server: sim3.url, credentialCipher: "x", credentialKeyId: "k" });
    const limitedEngine = await scanOnce(sim3, limited.id, "shop-limited", "no-rbac").finally(() => sim3.close());
    cis = await generate("cis-1.9", [limited.id]);
    expect(() => db.ZReportDocument.parse(cis.json)).not.toThrow();
    const want = evaluateFramework(getFramework("cis-1.9")!, limitedEngine.rules);
    expect(cis.json.controls.map((c) => c.status)).toEqual(want.controls.map((c) => c.status));
    const notEvaluated = want.controls.filter((c) => c.status === "not-evaluated").map((c) => c.id);
    expect(notEvaluated.length).toBeGreaterThan(0);
    const rows = parseCsv(cis.csv).filter((r) => r.row_type === "control");
    for (const id of notEvaluated) {
      expect(cis.json.controls.find((c) => c.id === id)?.status).toBe("not-evaluated");
      expect(rows.find((r) => r.control_id === id)?.status).toBe("not-evaluated");
      const line = cis.pdfText.split("\n").find((l) => l.includes(id) && /(Passed|Failed|Not evaluated|Not applicable|Manual)/.test(l));
      expect(line, id).toContain("Not evaluated");
    }
    expect(cis.json.summary.controls.passed).toBe(want.summary.passed);
    expect(cis.json.summary.controls.notEvaluated).toBe(want.summary.notEvaluated);
    expect(csvRows(cis.csv)).toEqual(jsonRows(cis.json));
    expect(pdfRows(cis.pdfRaw, cis.json).map((r) => `${r.control}|${r.rule}|${r.object}|${r.state}`).sort()).toEqual(jsonRows(cis.json));
    await db.deleteCluster({ orgId, clusterId: limited.id, actorId: userId });
  });

  it("no secret value appears in any report file", () => {
    for (const report of [hipaa, cis]) {
      for (const f of ["json", "csv", "pdf"] as const) {
        const text = f === "pdf" ? report.pdfText : Buffer.from(report.files[f]).toString("utf8");
        for (const v of [CANARY_SECRET, CANARY_ENV, b64(CANARY_SECRET), b64(CANARY_ENV)]) expect(text.includes(v), `${report.json.framework.id} ${f} contains ${v}`).toBe(false);
      }
    }
    // The secret-related findings are there, just without values.
    expect(cis.json.findings.some((f) => f.object.name === "canary-app" && /env/.test(f.path))).toBe(true);
  });

  it("reports are scoped to their organization", async () => {
    const other = await db.createUserWithOrganization({ email: "intruder@example.com", passwordHash: null, orgName: "Other" });
    expect(await db.getReportFile({ orgId: other.org.id, reportId: hipaa.id, format: "pdf" })).toBeNull();
    expect(await db.getReportFileSignature({ orgId: other.org.id, reportId: hipaa.id, format: "pdf" })).toBeNull();
    expect((await db.listReports({ orgId: other.org.id })).items).toHaveLength(0);
    await expect(db.createReport({ orgId: other.org.id, framework: "hipaa", clusterIds: [clusterId] })).rejects.toThrow(/cluster not found/);
  });

  it("compliance scope and attestations: the report covers the scope, says so, lists the attestation and its evidence files, and compares with the previous report of that scope", async () => {
    const legacy = scenarios["legacy-onprem"]!();
    const sim2 = await startKubeSim({ objects: legacy.objects, version: legacy.version });
    try {
      const c2 = await db.createCluster({ orgId, actorId: userId, name: "legacy", server: sim2.url, credentialCipher: "x", credentialKeyId: "k" });
      await scanOnce(sim2, c2.id, "legacy");
      const c3 = await db.createCluster({ orgId, actorId: userId, name: "out-of-scope", server: sim.url, credentialCipher: "x", credentialKeyId: "k" });
      // HIPAA covers shop's namespace "default" and the whole legacy cluster; out-of-scope is not covered.
      await db.setComplianceScope({ orgId, actorId: userId, framework: "hipaa", clusters: [{ clusterId, namespaces: ["default"] }, { clusterId: c2.id }] });
      await expect(db.createReport({ orgId, framework: "hipaa", clusterIds: [clusterId, c3.id] })).rejects.toThrow(/compliance scope/);
      const fw = getFramework("hipaa")!;
      const manual = fw.controls.find((c) => c.manual)!;
      const evidence = Buffer.from("%PDF-1.4\n% risk analysis 2026, signed by the security officer\n%%EOF\n");
      const attestation = await db.createAttestation({
        orgId, actor: { id: userId, name: "Ana Auditor" }, framework: "hipaa", controlId: manual.id,
        statement: "Risk analysis for the ePHI systems reviewed and approved by the security officer.", owner: "Security office",
        links: ["https://wiki.example.com/risk-analysis"], reviewedAt: new Date(Date.now() - 86_400_000), expiresAt: new Date(Date.now() + 180 * 86_400_000),
        files: [{ name: "risk-analysis-2026.pdf", bytes: evidence }],
      });
      const first = await generate("hipaa", null);
      const j = first.json;
      expect(() => db.ZReportDocument.parse(j)).not.toThrow();
      expect(j.scope.source).toBe("compliance-scope");
      expect(j.scope.clusters.map((c) => [c.name, c.namespaces])).toEqual([["legacy", []], ["shop", ["default"]]]);
      // Statuses are frameworkPosture's: the one place that judges a framework over its scope.
      const posture = await db.frameworkPosture({ orgId, framework: "hipaa" });
      for (const pc of posture.clusters) {
        for (const [i, cr] of pc.result.controls.entries()) expect(j.controls[i]!.clusters.find((x) => x.clusterId === pc.clusterId)?.status, `${cr.id} on ${pc.clusterName}`).toBe(cr.status);
      }
      // Only objects in scope: shop's default namespace and cluster-scoped objects; nothing of out-of-scope.
      expect(j.findings.every((f) => f.cluster !== "out-of-scope")).toBe(true);
      expect(j.findings.filter((f) => f.cluster === "shop").every((f) => f.object.namespace === null || f.object.namespace === "default")).toBe(true);
      expect(j.findings.some((f) => f.cluster === "shop" && f.object.namespace === "default")).toBe(true);
      // The attestation with statement, owner, signer, expiry and each evidence file's checksum.
      const ctl = j.controls.find((c) => c.id === manual.id)!;
      expect(ctl.status).toBe("attested");
      expect(ctl.statusLabel).toBe(`Manual – attested by ${attestation.attestedByName} until ${attestation.expiresAt.toISOString().slice(0, 10)}`);
      const sha = createHash("sha256").update(evidence).digest("hex");
      expect(ctl.attestation).toMatchObject({ id: attestation.id, owner: "Security office", links: ["https://wiki.example.com/risk-analysis"], files: [{ name: "risk-analysis-2026.pdf", sha256: sha }] });
      const flat = first.pdfRaw.replace(/\s+/g, " ");
      expect(flat).toContain("HIPAA Security Rule compliance scope set on the Compliance page: 2 clusters.");
      expect(flat).toContain("shop: namespaces default, and cluster-scoped objects");
      expect(flat).toContain("Risk analysis for the ePHI systems reviewed and approved by the security officer.");
      expect(flat).toContain("risk-analysis-2026.pdf");
      expect(flat.replace(/ /g, "")).toContain(sha);
      expect(flat).toContain(`Manual – attested by ${attestation.attestedByName}`);
      const controlRow = parseCsv(first.csv).find((r) => r.row_type === "control" && r.control_id === manual.id)!;
      expect(controlRow.attestation_files).toBe(`risk-analysis-2026.pdf (sha256:${sha})`);
      expect(pdfRows(first.pdfRaw, j).map((r) => `${r.control}|${r.rule}|${r.object}|${r.state}`).sort()).toEqual(jsonRows(j));
      expect(csvRows(first.csv)).toEqual(jsonRows(j));
      expect(j.summary.previous).toBeNull();
      const stored = await db.db.report.findUnique({ where: { id: first.id }, select: { scope: true, clusterIds: true, summary: true } });
      expect(stored?.scope).toEqual([{ clusterId: c2.id, clusterName: "legacy", namespaces: [] }, { clusterId, clusterName: "shop", namespaces: ["default"] }]);
      expect(db.readReportSummary(stored?.summary)?.scope.namespaced).toBe(1);

      // The previous report of the same framework and scope, and what changed since: make the first
      // report's record say one control that passes now was failing, and one failing now was passing.
      const passing = j.controls.find((c) => c.status === "passed");
      const failing = j.controls.find((c) => c.status === "failed");
      expect(passing && failing).toBeTruthy();
      const summary = db.readReportSummary(stored!.summary)!;
      await db.db.report.update({ where: { id: first.id }, data: { summary: { ...summary, controlStatuses: { ...summary.controlStatuses, [passing!.id]: "failed", [failing!.id]: "passed" } } } });
      const second = await generate("hipaa", null);
      const p = second.json.summary.previous!;
      expect(p.reportId).toBe(first.id);
      expect(p.newFailures).toEqual([{ id: failing!.id, title: failing!.title, was: "passed" }]);
      expect(p.newlyPassing).toEqual([{ id: passing!.id, title: passing!.title, was: "failed" }]);
      expect(second.pdfRaw.replace(/\s+/g, " ")).toContain(`New failures (1): ${failing!.id} ${failing!.title} (was passed)`);
      expect((await db.db.report.findUnique({ where: { id: second.id }, select: { previousReportId: true } }))?.previousReportId).toBe(first.id);
      // Another scope is another series: with shop alone, whole, the previous report is the first
      // HIPAA report of this file (it covered shop, whole, as chosen clusters).
      await db.setComplianceScope({ orgId, actorId: userId, framework: "hipaa", clusters: [{ clusterId }] });
      const third = await generate("hipaa", null);
      expect(third.json.summary.previous?.reportId).toBe(hipaa.id);
    } finally {
      await db.setComplianceScope({ orgId, actorId: userId, framework: "hipaa", clusters: [] });
      for (const c of await db.db.cluster.findMany({ where: { orgId, name: { in: ["legacy", "out-of-scope"] } } })) await db.deleteCluster({ orgId, clusterId: c.id, actorId: userId });
      await sim2.close();
    }
  }, 120_000);

  it("several clusters: each cluster's statuses are the engine's, combined status never better than any cluster", async () => {
    const legacy = scenarios["legacy-onprem"]!();
    const sim2 = await startKubeSim({ objects: legacy.objects, version: legacy.version });
    try {
      const c2 = await db.createCluster({ orgId, actorId: userId, name: "legacy", server: sim2.url, credentialCipher: "x", credentialKeyId: "k" });
      const engine2 = await scanOnce(sim2, c2.id, "legacy");
      const report = await db.createReport({ orgId, framework: "nsa-cisa-1.2", clusterIds: [clusterId, c2.id], createdById: userId });
      const { processReport } = await import("../processors/report.processor");
      expect((await processReport({ data: { orgId, reportId: report.id } }, ctx)).ok).toBe(true);
      const out = await readFiles(report.id);
      const j = db.ZReportDocument.parse(out.json);
      const fw = getFramework("nsa-cisa-1.2")!;
      const byName = { shop: evaluateFramework(fw, engine.rules), legacy: evaluateFramework(fw, engine2.rules) };
      const rank: Record<ControlStatus, number> = { failed: 0, "not-evaluated": 1, pending: 2, attested: 3, passed: 4, "not-applicable": 5 };
      for (const [i, c] of j.controls.entries()) {
        for (const cl of c.clusters) expect(cl.status, `${c.id} on ${cl.cluster}`).toBe(byName[cl.cluster as "shop" | "legacy"].controls[i]!.status);
        expect(rank[c.status]).toBe(Math.min(...c.clusters.map((cl) => rank[cl.status])));
      }
      expect(j.summary.perCluster.map((p) => p.cluster).sort()).toEqual(["legacy", "shop"]);
      expect(out.pdfText).toContain("Status by cluster");
      expect(pdfRows(out.pdfRaw, j).map((r) => `${r.control}|${r.rule}|${r.object}|${r.state}`).sort()).toEqual(jsonRows(j));
      await db.deleteCluster({ orgId, clusterId: c2.id, actorId: userId });
    } finally {
      await sim2.close();
    }
  }, 60_000);

  it("scheduled reports: a scheduler per schedule, one report per run even when the run is retried", async () => {
    const { processScheduledReport, syncReportSchedulers } = await import("../processors/report.processor");
    const schedule = await db.createReportSchedule({ orgId, framework: "gdpr", cadence: "monthly", createdById: userId });
    await jobs.upsertReportSchedule(schedule);
    const schedulers = await jobs.getQueue(jobs.QUEUE_REPORT).getJobSchedulers(0, -1);
    expect(schedulers.find((j) => j.key === `report:${schedule.id}`)?.pattern).toBe("0 6 1 * *");
    const job = { name: jobs.SCHEDULED_REPORT_JOB_NAME, data: { orgId, scheduleId: schedule.id }, timestamp: Date.now() };
    const first = await processScheduledReport(job, ctx);
    const retry = await processScheduledReport(job, ctx);
    expect(first.ok).toBe(true);
    expect(retry.reportId).toBe(first.reportId);
    const rows = await db.db.report.findMany({ where: { orgId, scheduleId: schedule.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("succeeded");
    expect(rows[0]!.clusterIds).toEqual([clusterId]);
    // Deleting the schedule: the next run does nothing, and a sync removes the stale scheduler.
    expect(await db.deleteReportSchedule({ orgId, scheduleId: schedule.id })).toBe(true);
    expect((await processScheduledReport({ ...job, timestamp: Date.now() + 1 }, ctx)).reason).toMatch(/deleted/);
    await syncReportSchedulers(log);
    expect((await jobs.getQueue(jobs.QUEUE_REPORT).getJobSchedulers(0, -1)).some((j) => j.key === `report:${schedule.id}`)).toBe(false);
  });

  it("a report of more than 200 clusters is refused; a schedule of all clusters that outgrew it fails with the reason", async () => {
    await expect(db.createReport({ orgId, framework: "gdpr", clusterIds: Array.from({ length: 201 }, (_, i) => `c${i}`) })).rejects.toThrow(/at most 200 clusters/);
    await expect(db.createReportSchedule({ orgId, framework: "gdpr", cadence: "weekly", clusterIds: Array.from({ length: 201 }, (_, i) => `c${i}`) })).rejects.toThrow(/at most 200 clusters/);
    const { processScheduledReport } = await import("../processors/report.processor");
    const big = await db.createUserWithOrganization({ email: "big-reports@example.com", passwordHash: null, orgName: "Big" });
    await db.db.cluster.createMany({ data: Array.from({ length: 201 }, (_, i) => ({ orgId: big.org.id, name: `c${i}`, server: sim.url, credentialCipher: "x", credentialKeyId: "k" })) });
    const schedule = await db.createReportSchedule({ orgId: big.org.id, framework: "gdpr", cadence: "weekly" });
    const res = await processScheduledReport({ name: jobs.SCHEDULED_REPORT_JOB_NAME, data: { orgId: big.org.id, scheduleId: schedule.id }, timestamp: Date.now() }, ctx);
    expect(res.ok).toBe(false);
    const row = await db.db.report.findFirst({ where: { orgId: big.org.id, scheduleId: schedule.id } });
    expect(row?.status).toBe("failed");
    expect(row?.error).toMatch(/covers 201 clusters; a report covers at most 200/);
  });

  it("schedule webhooks: the URL is sealed at rest, each notice is signed; plaintext URLs of old schedules are sealed", async () => {
    const { createServer } = await import("node:https");
    const { encryptCredential } = await import("@bulwark/security");
    const { processScheduledReport } = await import("../processors/report.processor");
    const { verifyWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } = await import("../alerts/sign");
    const dir = mkdtempSync(path.join(tmpdir(), "bulwark-hook-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1", "-keyout", path.join(dir, "k.pem"), "-out", path.join(dir, "c.pem")], { stdio: "ignore" });
    const { readFileSync } = await import("node:fs");
    const ca = readFileSync(path.join(dir, "c.pem"), "utf8");
    const key = readFileSync(path.join(dir, "k.pem"), "utf8");
    rmSync(dir, { recursive: true, force: true });
    const hits: Array<{ body: string; headers: Record<string, string | string[] | undefined> }> = [];
    const server = createServer({ key, cert: ca }, (req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        hits.push({ body, headers: req.headers });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `https://127.0.0.1:${(server.address() as { port: number }).port}/hook?token=tenant-secret-path`;
    const seal = (v: string) => encryptCredential(v, keyring).ciphertext;
    const hookCtx = { log, keyring, allowPrivateNetworks: true, webhookCa: ca };
    try {
      const secret = "whsec_test-secret";
      const schedule = await db.createReportSchedule({ orgId, framework: "gdpr", cadence: "weekly", webhook: { urlCipher: seal(url), host: "127.0.0.1", secretCipher: seal(secret) } });
      // Nothing readable at rest: not the URL (its path can be a credential), not the secret.
      const raw = JSON.stringify(await db.db.reportSchedule.findUnique({ where: { id: schedule.id } }));
      expect(raw).not.toContain("tenant-secret-path");
      expect(raw).not.toContain(secret);
      const run = await processScheduledReport({ name: jobs.SCHEDULED_REPORT_JOB_NAME, data: { orgId, scheduleId: schedule.id }, timestamp: Date.now() }, hookCtx);
      expect(run.ok).toBe(true);
      expect(hits).toHaveLength(1);
      const hit = hits[0]!;
      expect(JSON.parse(hit.body)).toMatchObject({ event: "report.ready", reportId: run.reportId });
      expect(verifyWebhook({ secret, timestamp: hit.headers[TIMESTAMP_HEADER] as string, signature: hit.headers[SIGNATURE_HEADER] as string, body: hit.body })).toBe(true);
      expect(verifyWebhook({ secret: "whsec_other", timestamp: hit.headers[TIMESTAMP_HEADER] as string, signature: hit.headers[SIGNATURE_HEADER] as string, body: hit.body })).toBe(false);

      // A schedule saved in plaintext by an earlier version: sealed (and cleared) at worker start, then delivered.
      const legacy = await db.db.reportSchedule.create({ data: { orgId, framework: "gdpr", cadence: "weekly", clusterIds: [], webhookUrl: url } });
      expect(await db.sealLegacyReportWebhooks(seal)).toBe(1);
      const sealed = await db.db.reportSchedule.findUnique({ where: { id: legacy.id } });
      expect(sealed?.webhookUrl).toBeNull();
      expect(sealed?.webhookHost).toBe(new URL(url).host);
      expect(JSON.stringify(sealed)).not.toContain("tenant-secret-path");
      expect(await db.sealLegacyReportWebhooks(seal)).toBe(0);
      await processScheduledReport({ name: jobs.SCHEDULED_REPORT_JOB_NAME, data: { orgId, scheduleId: legacy.id }, timestamp: Date.now() }, hookCtx);
      expect(hits).toHaveLength(2);
      expect(hits[1]!.headers[SIGNATURE_HEADER]).toBeUndefined();
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
