// Reports end to end: kube-sim over HTTPS -> the real reader and engine -> Postgres -> the report
// job (through BullMQ on Redis) -> the stored JSON, CSV and PDF, each parsed and checked against
// what the engine says about the same snapshot.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, scenarios, type KubeSim } from "@bulwark/kube-sim";
import { readCluster } from "@bulwark/k8s";
import { evaluate, evaluateFramework, getFramework, type EvaluationResult } from "@bulwark/rules";
import { dropDatabase, freshDatabase, REDIS_URL, waitFor } from "../test-helpers";
import type { TReportData } from "./build-report";

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

async function scanOnce(target: KubeSim = sim, id = clusterId, name = "shop"): Promise<EvaluationResult> {
  const kubeconfig = target.kubeconfig({ identity: "admin" });
  const scan = await db.createScan({ orgId, clusterId: id, trigger: "manual", actorId: userId });
  await db.claimScan({ orgId, scanId: scan.id, workerId: "test" });
  const snapshot = await readCluster(kubeconfig, { allowPrivateNetworks: true });
  const result = evaluate(snapshot, { clusterName: name });
  await db.recordScanResults({ orgId, scanId: scan.id, workerId: "test", result, kinds: snapshot.kinds, objects: snapshot.objects });
  return result;
}

async function generate(framework: string): Promise<{ id: string; json: TReportData; csv: string; pdfText: string; files: Record<"json" | "csv" | "pdf", Uint8Array> }> {
  const report = await db.createReport({ orgId, framework, clusterIds: [clusterId], createdById: userId });
  await jobs.enqueueReport({ orgId, reportId: report.id });
  const done = await waitFor("report", async () => {
    const r = await db.db.report.findUnique({ where: { id: report.id } });
    return r && (r.status === "succeeded" || r.status === "failed") ? r : null;
  }, 60_000);
  expect(done.error).toBeNull();
  expect(done.status).toBe("succeeded");
  const files = {} as Record<"json" | "csv" | "pdf", Uint8Array>;
  for (const f of ["json", "csv", "pdf"] as const) {
    const file = await db.getReportFile({ orgId, reportId: report.id, format: f });
    expect(file).not.toBeNull();
    expect(createHash("sha256").update(file!.bytes).digest("hex")).toBe(file!.sha256);
    files[f] = file!.bytes;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "bulwark-report-"));
  writeFileSync(path.join(dir, "r.pdf"), files.pdf);
  // Parsed by poppler's pdftotext: a real PDF reader, independent of the library that wrote it.
  const pdfText = execFileSync("pdftotext", ["-layout", path.join(dir, "r.pdf"), "-"], { encoding: "utf8" });
  rmSync(dir, { recursive: true, force: true });
  return { id: report.id, json: JSON.parse(Buffer.from(files.json).toString("utf8")) as TReportData, csv: Buffer.from(files.csv).toString("utf8"), pdfText, files };
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

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  const { processReport } = await import("../processors/report.processor");
  await jobs.getQueue(jobs.QUEUE_REPORT).obliterate({ force: true });
  const w = jobs.getQueueConnection().createWorker(jobs.QUEUE_REPORT, (job) => processReport(job, { log }), { concurrency: 1 });
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
  let hipaa: Awaited<ReturnType<typeof generate>>;

  it("HIPAA: JSON controls, statuses and findings match the engine for the snapshot", async () => {
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
    expect(j.controls.map((c) => c.id)).toEqual(want.controls.map((c) => c.id));
    for (const [i, c] of j.controls.entries()) {
      expect(c.status, c.id).toBe(want.controls[i]!.status);
      expect(c.clusters[0]!.rules.map((r) => [r.id, r.status])).toEqual(want.controls[i]!.rules.map((r) => [r.id, r.status]));
    }
    expect(j.summary.controls).toEqual(want.summary);
    // Findings per control are exactly the engine's findings of the control's rules.
    for (const c of j.controls) {
      const ids = new Set(fw.controls.find((x) => x.id === c.id)!.ruleIds);
      const fromEngine = engine.findings.filter((f) => ids.has(f.ruleId)).map((f) => `${f.ruleId}|${f.object.kind}|${f.object.namespace ?? ""}|${f.object.name}|${f.path}`).sort();
      const inReport = c.findings.map((f) => `${f.ruleId}|${f.object.kind}|${f.object.namespace ?? ""}|${f.object.name}|${f.path}`).sort();
      expect(inReport, c.id).toEqual(fromEngine);
    }
    const excepted = j.controls.flatMap((c) => c.findings).find((f) => f.status === "excepted");
    expect(excepted?.exception?.justification).toBe("break-glass debug pod, removed next sprint");
    expect(excepted?.exception?.acceptedBy).toBe("reports@example.com");
    expect(excepted?.exception?.id).toBe(granted.exception.id);
    // Exceptions in force: scope, justification, expiry, approver, and how many findings they cover.
    expect(j.exceptions).toHaveLength(1);
    expect(j.exceptions[0]).toMatchObject({ id: granted.exception.id, ruleId: privileged!.ruleId, justification: "break-glass debug pod, removed next sprint", approvedBy: "reports@example.com", findings: granted.covered });
    expect(j.exceptions[0]!.scope).toContain(privileged!.name);
    expect(j.settings.disabledRules).toEqual(["image-pull-policy-not-always"]);
    expect(j.settings.params).toEqual({ allowedRegistries: ["ghcr.io/acme"] });
    expect(j.settings.sla).toMatchObject({ critical: 7, high: 30 });
    expect(j.scans[0]!.scanId).toBeTruthy();
  });

  it("CSV: one row per control x cluster and one per finding, same statuses", () => {
    const rows = parseCsv(hipaa.csv);
    const controls = rows.filter((r) => r.row_type === "control");
    const findings = rows.filter((r) => r.row_type === "finding");
    expect(controls.length).toBe(hipaa.json.controls.length);
    for (const c of hipaa.json.controls) expect(controls.find((r) => r.control_id === c.id)?.status, c.id).toBe(c.clusters[0]!.status);
    expect(findings.length).toBe(hipaa.json.controls.reduce((a, c) => a + c.findings.length, 0));
    expect(findings.every((f) => f.cluster === "shop" && f.rule_id && f.path)).toBe(true);
  });

  it("PDF: cover, contents, disclaimer, page numbers, every control with its status", () => {
    const t = hipaa.pdfText;
    const pages = t.split("\f").filter((p) => p.trim());
    expect(t).toContain("HIPAA Security Rule");
    expect(t).toContain("Acme Health");
    expect(t).toContain("Contents");
    expect(t).toMatch(/Not legal advice/);
    expect(t).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(t).toContain("break-glass debug pod");
    expect(t).toContain("Exceptions in force");
    expect(t).toContain("Settings in force");
    expect(t).toContain("image-pull-policy-not-always");
    for (const c of hipaa.json.controls) {
      // The summary table row: control id ... STATUS label on the same line.
      const line = t.split("\n").find((l) => l.includes(c.id) && /(PASSED|FAILED|NOT EVALUATED|MANUAL)/.test(l));
      expect(line, c.id).toBeDefined();
      const label = { passed: "PASSED", failed: "FAILED", "not-evaluated": "NOT EVALUATED", manual: "MANUAL" }[c.status];
      expect(line, c.id).toContain(label);
    }
  });

  it("a not-evaluated control is never shown as passed (CIS: control-plane checks are not visible)", async () => {
    const cis = await generate("cis-1.9");
    expect(() => db.ZReportDocument.parse(cis.json)).not.toThrow();
    const want = evaluateFramework(getFramework("cis-1.9")!, engine.rules);
    const notEvaluated = want.controls.filter((c) => c.status === "not-evaluated").map((c) => c.id);
    expect(notEvaluated.length).toBeGreaterThan(0);
    const rows = parseCsv(cis.csv).filter((r) => r.row_type === "control");
    for (const id of notEvaluated) {
      expect(cis.json.controls.find((c) => c.id === id)?.status).toBe("not-evaluated");
      expect(rows.find((r) => r.control_id === id)?.status).toBe("not-evaluated");
      const line = cis.pdfText.split("\n").find((l) => l.includes(id) && /(PASSED|FAILED|NOT EVALUATED|MANUAL)/.test(l));
      expect(line, id).toContain("NOT EVALUATED");
    }
    expect(cis.json.summary.controls.passed).toBe(want.summary.passed);
    expect(cis.json.summary.controls.notEvaluated).toBe(want.summary.notEvaluated);
    // A second report of the same framework shows the trend since the first.
    const again = await generate("cis-1.9");
    expect(again.json.summary.previous?.reportId).toBe(cis.id);
  });

  it("no secret value appears in any report file", () => {
    for (const f of ["json", "csv", "pdf"] as const) {
      const text = f === "pdf" ? hipaa.pdfText : Buffer.from(hipaa.files[f]).toString("utf8");
      for (const v of [CANARY_SECRET, CANARY_ENV, b64(CANARY_SECRET), b64(CANARY_ENV)]) expect(text.includes(v), `${f} contains ${v}`).toBe(false);
    }
    // The secret-related findings are there, just without values.
    expect(hipaa.json.controls.flatMap((c) => c.findings).some((f) => f.object.name === "canary-app" && /env/.test(f.path))).toBe(true);
  });

  it("reports are scoped to their organization", async () => {
    const other = await db.createUserWithOrganization({ email: "intruder@example.com", passwordHash: null, orgName: "Other" });
    expect(await db.getReportFile({ orgId: other.org.id, reportId: hipaa.id, format: "pdf" })).toBeNull();
    expect((await db.listReports({ orgId: other.org.id })).items).toHaveLength(0);
    await expect(db.createReport({ orgId: other.org.id, framework: "hipaa", clusterIds: [clusterId] })).rejects.toThrow(/cluster not found/);
  });

  it("several clusters: each cluster's statuses are the engine's, combined status never better than any cluster", async () => {
    const legacy = scenarios["legacy-onprem"]!();
    const sim2 = await startKubeSim({ objects: legacy.objects, version: legacy.version });
    try {
      const c2 = await db.createCluster({ orgId, actorId: userId, name: "legacy", server: sim2.url, credentialCipher: "x", credentialKeyId: "k" });
      const engine2 = await scanOnce(sim2, c2.id, "legacy");
      const report = await db.createReport({ orgId, framework: "nsa-cisa-1.2", clusterIds: [clusterId, c2.id], createdById: userId });
      const { processReport } = await import("../processors/report.processor");
      expect((await processReport({ data: { orgId, reportId: report.id } }, { log })).ok).toBe(true);
      const file = await db.getReportFile({ orgId, reportId: report.id, format: "json" });
      const j = db.ZReportDocument.parse(JSON.parse(Buffer.from(file!.bytes).toString("utf8")));
      const fw = getFramework("nsa-cisa-1.2")!;
      const byName = { shop: evaluateFramework(fw, engine.rules), legacy: evaluateFramework(fw, engine2.rules) };
      const rank = { failed: 0, "not-evaluated": 1, manual: 2, passed: 3 } as const;
      for (const [i, c] of j.controls.entries()) {
        for (const cl of c.clusters) expect(cl.status, `${c.id} on ${cl.cluster}`).toBe(byName[cl.cluster as "shop" | "legacy"].controls[i]!.status);
        expect(rank[c.status]).toBe(Math.min(...c.clusters.map((cl) => rank[cl.status])));
      }
      expect(j.summary.perCluster.map((p) => p.cluster).sort()).toEqual(["legacy", "shop"]);
      const pdf = await db.getReportFile({ orgId, reportId: report.id, format: "pdf" });
      const dir = mkdtempSync(path.join(tmpdir(), "bulwark-report-"));
      writeFileSync(path.join(dir, "r.pdf"), pdf!.bytes);
      const text = execFileSync("pdftotext", ["-layout", path.join(dir, "r.pdf"), "-"], { encoding: "utf8" });
      rmSync(dir, { recursive: true, force: true });
      expect(text).toContain("Status by cluster");
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
    const first = await processScheduledReport(job, { log });
    const retry = await processScheduledReport(job, { log });
    expect(first.ok).toBe(true);
    expect(retry.reportId).toBe(first.reportId);
    const rows = await db.db.report.findMany({ where: { orgId, scheduleId: schedule.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("succeeded");
    expect(rows[0]!.clusterIds).toEqual([clusterId]);
    // Deleting the schedule: the next run does nothing, and a sync removes the stale scheduler.
    expect(await db.deleteReportSchedule({ orgId, scheduleId: schedule.id })).toBe(true);
    expect((await processScheduledReport({ ...job, timestamp: Date.now() + 1 }, { log })).reason).toMatch(/deleted/);
    await syncReportSchedulers(log);
    expect((await jobs.getQueue(jobs.QUEUE_REPORT).getJobSchedulers(0, -1)).some((j) => j.key === `report:${schedule.id}`)).toBe(false);
  });

  it("a report of more than 50 clusters is refused; a schedule of all clusters that outgrew it fails with the reason", async () => {
    await expect(db.createReport({ orgId, framework: "gdpr", clusterIds: Array.from({ length: 51 }, (_, i) => `c${i}`) })).rejects.toThrow(/at most 50 clusters/);
    await expect(db.createReportSchedule({ orgId, framework: "gdpr", cadence: "weekly", clusterIds: Array.from({ length: 51 }, (_, i) => `c${i}`) })).rejects.toThrow(/at most 50 clusters/);
    const { processScheduledReport } = await import("../processors/report.processor");
    const big = await db.createUserWithOrganization({ email: "big-reports@example.com", passwordHash: null, orgName: "Big" });
    for (let i = 0; i < 51; i++) await db.createCluster({ orgId: big.org.id, actorId: big.user.id, name: `c${i}`, server: sim.url, credentialCipher: "x", credentialKeyId: "k" });
    const schedule = await db.createReportSchedule({ orgId: big.org.id, framework: "gdpr", cadence: "weekly" });
    const res = await processScheduledReport({ name: jobs.SCHEDULED_REPORT_JOB_NAME, data: { orgId: big.org.id, scheduleId: schedule.id }, timestamp: Date.now() }, { log });
    expect(res.ok).toBe(false);
    const row = await db.db.report.findFirst({ where: { orgId: big.org.id, scheduleId: schedule.id } });
    expect(row?.status).toBe("failed");
    expect(row?.error).toMatch(/covers 51 clusters; a report covers at most 50/);
  });

  it("schedule webhooks: the URL is sealed at rest, each notice is signed; plaintext URLs of old schedules are sealed", async () => {
    const { createServer } = await import("node:https");
    const { parseKeyring, encryptCredential } = await import("@bulwark/security");
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
    const keyring = parseKeyring(Buffer.alloc(32, 7).toString("base64"));
    const seal = (v: string) => encryptCredential(v, keyring).ciphertext;
    const ctx = { log, keyring, allowPrivateNetworks: true, webhookCa: ca };
    try {
      const secret = "whsec_test-secret";
      const schedule = await db.createReportSchedule({ orgId, framework: "gdpr", cadence: "weekly", webhook: { urlCipher: seal(url), host: "127.0.0.1", secretCipher: seal(secret) } });
      // Nothing readable at rest: not the URL (its path can be a credential), not the secret.
      const raw = JSON.stringify(await db.db.reportSchedule.findUnique({ where: { id: schedule.id } }));
      expect(raw).not.toContain("tenant-secret-path");
      expect(raw).not.toContain(secret);
      const run = await processScheduledReport({ name: jobs.SCHEDULED_REPORT_JOB_NAME, data: { orgId, scheduleId: schedule.id }, timestamp: Date.now() }, ctx);
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
      await processScheduledReport({ name: jobs.SCHEDULED_REPORT_JOB_NAME, data: { orgId, scheduleId: legacy.id }, timestamp: Date.now() }, ctx);
      expect(hits).toHaveLength(2);
      expect(hits[1]!.headers[SIGNATURE_HEADER]).toBeUndefined();
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
