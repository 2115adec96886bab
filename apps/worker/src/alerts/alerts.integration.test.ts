// Alerts end to end on real parts: Postgres, Redis (BullMQ with real retries and backoff) and a
// local HTTPS webhook receiver that verifies each signature. Private networks are allowed in this
// file's worker context because the receiver listens on loopback; the SSRF cases turn that off.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "../test-helpers";
import type { WorkerContext } from "../context";

const DB = "bulwark_be_alerts_worker";
const SECRET_KEY = testSecretKey();
Object.assign(process.env, { DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`, REDIS_URL, BULWARK_QUEUE_PREFIX: "alerts-it", BULWARK_SECRET_KEY: SECRET_KEY });

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
type P = typeof import("../processors/alert.processor");
type Sign = typeof import("./sign");
type Post = typeof import("./post");
let db: Db;
let jobs: Jobs;
let proc: P;
let sign: Sign;
let post: Post;
const keyring = parseKeyring(SECRET_KEY);

interface THit { path: string; body: string; headers: Record<string, string | string[] | undefined>; valid: boolean }
const hits: THit[] = [];
/** path -> how many of the next requests answer 500 */
const failNext = new Map<string, number>();
const HOOK_SECRET = "whsec_integration_0123456789abcdef";
let server: Server;
let base: string;
let ca: string;
let worker: { close(): Promise<void> } | undefined;
let orgId: string;
let userId: string;
let clusterId: string;
let ctx: WorkerContext;
const logs: string[] = [];

async function scan() {
  const s = await db.createScan({ orgId, clusterId, trigger: "manual" });
  await db.db.scan.update({ where: { id: s.id }, data: { status: "succeeded", finishedAt: new Date() } });
  return s.id;
}

let n = 0;
async function finding(severity: "critical" | "high" | "medium" | "low", scanId: string, extra: Record<string, unknown> = {}) {
  n += 1;
  return db.db.finding.create({
    data: {
      orgId, clusterId, fingerprint: `fp-${n}`, ruleId: "privileged-container", severity, status: "open", apiVersion: "v1", kind: "Pod", namespace: "shop", name: `pod-${n}`,
      path: "spec.containers[0].securityContext.privileged", message: "runs privileged", remediation: "set privileged: false", firstSeenScanId: scanId, lastSeenScanId: scanId, ...extra,
    },
  });
}

async function channel(input: { name: string; path: string; minSeverity?: "critical" | "high" | "medium" | "low"; kind?: "webhook" | "slack" }) {
  const url = `${base}${input.path}`;
  const { ciphertext, keyId } = encryptCredential(url, keyring);
  const secretCipher = input.kind === "slack" ? null : encryptCredential(HOOK_SECRET, keyring).ciphertext;
  return db.createNotificationChannel({
    orgId, actorId: userId, ip: "203.0.113.9", name: input.name, kind: input.kind ?? "webhook", urlCipher: ciphertext, urlHost: new URL(url).host,
    secretCipher, keyId, minSeverity: input.minSeverity ?? "high", clusterIds: [], digest: true, enabled: true,
  });
}

const hitsFor = (path: string) => hits.filter((h) => h.path === path);

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-alerts-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1", "-keyout", join(dir, "k.pem"), "-out", join(dir, "c.pem")], { stdio: "ignore" });
  ca = readFileSync(join(dir, "c.pem"), "utf8");
  const key = readFileSync(join(dir, "k.pem"), "utf8");
  rmSync(dir, { recursive: true, force: true });

  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  proc = await import("../processors/alert.processor");
  sign = await import("./sign");
  post = await import("./post");

  server = createServer({ key, cert: ca }, (req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const path = req.url ?? "";
      const valid = sign.verifyWebhook({ secret: HOOK_SECRET, timestamp: req.headers["x-bulwark-timestamp"] as string | undefined, signature: req.headers["x-bulwark-signature"] as string | undefined, body });
      hits.push({ path, body, headers: req.headers, valid });
      const left = failNext.get(path) ?? 0;
      if (left > 0) {
        failNext.set(path, left - 1);
        res.writeHead(500).end("busy");
      } else res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  await jobs.getQueue(jobs.QUEUE_ALERT).obliterate({ force: true });
  const { user, org } = await db.createUserWithOrganization({ email: "alerts@example.com", passwordHash: null, orgName: "Alerts Org" });
  orgId = org.id;
  userId = user.id;
  const cluster = await db.createCluster({ orgId, actorId: userId, name: "shop-staging", server: "https://127.0.0.1:6443", credentialCipher: encryptCredential("x", keyring).ciphertext, credentialKeyId: keyring.currentKeyId });
  clusterId = cluster.id;
  ctx = { workerId: "alerts-test", keyring, allowPrivateNetworks: true, staleMs: 5000, scanDeadlineMs: 10_000, log: (msg, data) => logs.push(`${msg} ${JSON.stringify(data ?? {})}`) };
  const conn = jobs.getQueueConnection();
  const w = conn.createWorker(jobs.QUEUE_ALERT, (job) => proc.processAlertJob(job, ctx, { ca, retryDelayMs: 150, appUrl: "https://bulwark.example.com" }), { concurrency: 2 });
  await w.waitUntilReady();
  worker = w;
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await jobs?.closeQueues();
  await db?.disconnectDb();
  await new Promise<void>((r) => server.close(() => r()));
  await dropDatabase(DB);
});

describe("alerts", () => {
  it("sends a new finding at or above the threshold exactly once, signed, and not again on the next scan", async () => {
    const ch = await channel({ name: "Once", path: "/once" });
    const s1 = await scan();
    const crit = await finding("critical", s1);
    const medium = await finding("medium", s1);
    // the planning job, enqueued twice (same job id) and also run a third time by hand (a duplicated job)
    await jobs.enqueueAlertsForScan({ orgId, scanId: s1 });
    await jobs.enqueueAlertsForScan({ orgId, scanId: s1 });
    await proc.processAlertJob({ name: jobs.ALERTS_FOR_SCAN_JOB_NAME, data: { orgId, scanId: s1 } }, ctx, { ca, retryDelayMs: 150 });
    await waitFor("the alert to arrive", async () => hitsFor("/once").length >= 1);

    // a second scan that still sees the finding
    const s2 = await scan();
    await db.db.finding.update({ where: { id: crit.id }, data: { lastSeenScanId: s2 } });
    await proc.processAlertJob({ name: jobs.ALERTS_FOR_SCAN_JOB_NAME, data: { orgId, scanId: s2 } }, ctx, { ca, retryDelayMs: 150 });
    await jobs.enqueueAlertsForScan({ orgId, scanId: s2 });
    await new Promise((r) => setTimeout(r, 1500));

    const got = hitsFor("/once");
    expect(got).toHaveLength(1);
    const hit = got[0]!;
    expect(hit.valid).toBe(true);
    expect(hit.headers["x-bulwark-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(Number(hit.headers["x-bulwark-timestamp"])).toBeGreaterThan(Date.now() / 1000 - 60);
    const body = JSON.parse(hit.body) as { type: string; finding: { id: string; severity: string; url: string } };
    expect(body).toMatchObject({ type: "finding.new", finding: { id: crit.id, severity: "critical", url: `https://bulwark.example.com/findings/${crit.id}` } });
    // the medium one is below the channel's threshold: no alert (it goes into the digest)
    expect(got.some((h) => h.body.includes(medium.id))).toBe(false);

    const rows = await db.db.alertDelivery.findMany({ where: { channelId: ch.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "sent", attempts: 1, findingId: crit.id, scanId: s1, lastError: null });
    const after = await db.getNotificationChannel({ orgId, channelId: ch.id });
    expect(after).toMatchObject({ lastStatus: "sent", lastError: null });
    await db.updateNotificationChannel({ orgId, channelId: ch.id, actorId: userId, enabled: false });
  });

  it("alerts again when a resolved finding reopens", async () => {
    const ch = await channel({ name: "Reopen", path: "/reopen" });
    const s1 = await scan();
    const f = await finding("high", s1, { status: "resolved", resolvedAt: new Date() });
    const s2 = await scan();
    await db.db.finding.update({ where: { id: f.id }, data: { status: "reopened", lastSeenScanId: s2 } });
    await db.db.findingEvent.create({ data: { orgId, findingId: f.id, type: "reopened", scanId: s2 } });
    await proc.processAlertJob({ name: jobs.ALERTS_FOR_SCAN_JOB_NAME, data: { orgId, scanId: s2 } }, ctx, { ca, retryDelayMs: 150 });
    await waitFor("the reopened alert", async () => hitsFor("/reopen").length >= 1);
    expect(JSON.parse(hitsFor("/reopen")[0]!.body)).toMatchObject({ type: "finding.reopened", finding: { id: f.id } });
    await db.updateNotificationChannel({ orgId, channelId: ch.id, actorId: userId, enabled: false });
  });

  it("a new or reopened critical/high risk alerts at once, once per channel; lower risks and platform findings never alert", async () => {
    const ch = await channel({ name: "Risks", path: "/risks" });
    const slack = await channel({ name: "Risks Slack", path: "/risks-slack", kind: "slack", minSeverity: "critical" });
    const s1 = await scan();
    const risk = (name: string, severity: "critical" | "high" | "medium", extra: Record<string, unknown> = {}) =>
      db.db.risk.create({
        data: {
          orgId, clusterId, riskKey: `rk-${name}`, type: "node-takeover", title: `${name} can take over its node`, severity, score: 88.5,
          objects: [{ apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name }],
          steps: [{ kind: "exposure", text: "A LoadBalancer exposes it", findings: [] }, { kind: "privilege", text: "It runs privileged", findings: [] }],
          factors: [], remediation: "Drop privileged", apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name, firstSeenScanId: s1, lastSeenScanId: s1, ...extra,
        },
      });
    const crit = await risk("web", "critical");
    const high = await risk("api", "high");
    await risk("batch", "medium");
    await risk("kube-proxy", "critical", { baselineId: "kube-proxy", baselineReason: "platform" });
    const platform = await finding("critical", s1, { baselineId: "kube-proxy", baselineReason: "kube-proxy needs the host network" });
    await proc.processAlertJob({ name: jobs.ALERTS_FOR_SCAN_JOB_NAME, data: { orgId, scanId: s1 } }, ctx, { ca, retryDelayMs: 150 });
    await proc.processAlertJob({ name: jobs.ALERTS_FOR_SCAN_JOB_NAME, data: { orgId, scanId: s1 } }, ctx, { ca, retryDelayMs: 150 });
    await waitFor("the risk alerts", async () => hitsFor("/risks").length >= 2 && hitsFor("/risks-slack").length >= 1);
    await new Promise((r) => setTimeout(r, 800));
    const bodies = hitsFor("/risks").map((h) => JSON.parse(h.body) as { type: string; risk?: { id: string; url: string; steps: string[] } });
    expect(bodies.map((b) => [b.type, b.risk?.id]).sort()).toEqual([["risk.new", crit.id], ["risk.new", high.id]].sort());
    expect(bodies.find((b) => b.risk?.id === crit.id)!.risk).toMatchObject({ url: `https://bulwark.example.com/risks/${crit.id}`, steps: ["A LoadBalancer exposes it", "It runs privileged"] });
    expect(hitsFor("/risks").every((h) => h.valid && !h.body.includes(platform.id))).toBe(true);
    // The Slack channel's threshold is critical: only the critical risk, as a Slack message.
    const slackHits = hitsFor("/risks-slack");
    expect(slackHits).toHaveLength(1);
    expect(JSON.parse(slackHits[0]!.body)).toMatchObject({ text: expect.stringMatching(/^New critical risk in shop-staging: web can take over its node/) });
    expect(await db.db.alertDelivery.count({ where: { channelId: ch.id } })).toBe(2);
    expect((await db.db.alertDelivery.findMany({ where: { channelId: ch.id }, select: { riskId: true, dedupeKey: true } })).map((d) => d.dedupeKey).sort()).toEqual([`risk:${crit.id}:${s1}`, `risk:${high.id}:${s1}`].sort());

    // Reopened by a later scan: alerts again.
    const s2 = await scan();
    await db.db.risk.update({ where: { id: crit.id }, data: { status: "reopened", lastSeenScanId: s2 } });
    await db.db.riskEvent.create({ data: { orgId, riskId: crit.id, type: "reopened", scanId: s2 } });
    await proc.processAlertJob({ name: jobs.ALERTS_FOR_SCAN_JOB_NAME, data: { orgId, scanId: s2 } }, ctx, { ca, retryDelayMs: 150 });
    await waitFor("the reopened risk alert", async () => hitsFor("/risks").length >= 3);
    expect(JSON.parse(hitsFor("/risks")[2]!.body)).toMatchObject({ type: "risk.reopened", risk: { id: crit.id } });
    for (const c of [ch, slack]) await db.updateNotificationChannel({ orgId, channelId: c.id, actorId: userId, enabled: false });
  });

  it("retries with backoff when the receiver fails, recording each attempt, and ends sent", async () => {
    const ch = await channel({ name: "Flaky", path: "/flaky", minSeverity: "critical" });
    failNext.set("/flaky", 2);
    const s = await scan();
    const f = await finding("critical", s);
    await jobs.enqueueAlertsForScan({ orgId, scanId: s });
    const row = await waitFor("the delivery to end sent", async () => {
      const r = await db.db.alertDelivery.findFirst({ where: { channelId: ch.id, findingId: f.id } });
      return r?.status === "sent" ? r : null;
    });
    expect(row.attempts).toBe(3);
    expect(row.lastError).toBeNull();
    expect(hitsFor("/flaky")).toHaveLength(3);
    expect(hitsFor("/flaky").every((h) => h.valid)).toBe(true);
    // the same delivery id on every retry, so a receiver can drop repeats
    expect(new Set(hitsFor("/flaky").map((h) => h.headers["x-bulwark-delivery"])).size).toBe(1);
    const c = await db.getNotificationChannel({ orgId, channelId: ch.id });
    expect(c?.lastStatus).toBe("sent");
    expect(logs.filter((l) => l.startsWith("alert delivery failed")).length).toBeGreaterThanOrEqual(2);
    await db.updateNotificationChannel({ orgId, channelId: ch.id, actorId: userId, enabled: false });
  });

  it("records the failure and the last error on the channel when every attempt fails", async () => {
    const ch = await channel({ name: "Down", path: "/down", minSeverity: "critical" });
    failNext.set("/down", 100);
    const { deliveryId } = await db.createTestDelivery({ orgId, channelId: ch.id, actorId: userId });
    await jobs.enqueueAlertDelivery({ orgId, deliveryId }, { backoffMs: 100, attempts: 3 });
    const row = await waitFor("the delivery to fail", async () => {
      const r = await db.db.alertDelivery.findUnique({ where: { id: deliveryId } });
      return r?.status === "failed" ? r : null;
    });
    expect(row.attempts).toBe(3);
    expect(row.lastError).toContain("500");
    const c = await db.getNotificationChannel({ orgId, channelId: ch.id });
    expect(c).toMatchObject({ lastStatus: "failed" });
    expect(c?.lastError).toContain("500");
    await db.updateNotificationChannel({ orgId, channelId: ch.id, actorId: userId, enabled: false });
  });

  it("collects the lower-severity new findings of the last day into one digest", async () => {
    const ch = await channel({ name: "Digest", path: "/digest", minSeverity: "high" });
    const s = await scan();
    const med = await finding("medium", s);
    const low = await finding("low", s);
    const crit = await finding("critical", s);
    const old = await finding("medium", s, { firstSeenAt: new Date(Date.now() - 3 * 86_400_000) });
    const res = await proc.processAlertJob({ name: jobs.ALERT_DIGEST_JOB_NAME, data: { orgId, channelId: ch.id } }, ctx, { ca, retryDelayMs: 150 });
    expect(res).toMatchObject({ outcome: "digest" });
    await waitFor("the digest", async () => hitsFor("/digest").length >= 1);
    const body = JSON.parse(hitsFor("/digest")[0]!.body) as { type: string; findings: Array<{ id: string }>; counts: Record<string, number> };
    expect(body.type).toBe("digest");
    const ids = body.findings.map((f) => f.id);
    expect(ids).toContain(med.id);
    expect(ids).toContain(low.id);
    expect(ids).not.toContain(crit.id);
    expect(ids).not.toContain(old.id);
    // a second digest run the same day (nothing new since) sends nothing more
    await proc.processAlertJob({ name: jobs.ALERT_DIGEST_JOB_NAME, data: { orgId, channelId: ch.id } }, ctx, { ca, retryDelayMs: 150 });
    await new Promise((r) => setTimeout(r, 800));
    expect(hitsFor("/digest")).toHaveLength(1);
    await db.updateNotificationChannel({ orgId, channelId: ch.id, actorId: userId, enabled: false });
  });

  it("sends Slack-compatible {text, blocks} to a slack channel", async () => {
    const ch = await channel({ name: "Slack", path: "/slack", kind: "slack" });
    const { deliveryId } = await db.createTestDelivery({ orgId, channelId: ch.id, actorId: userId });
    await jobs.enqueueAlertDelivery({ orgId, deliveryId }, { backoffMs: 100 });
    await waitFor("the slack message", async () => hitsFor("/slack").length >= 1);
    const body = JSON.parse(hitsFor("/slack")[0]!.body) as { text: string; blocks: unknown[] };
    expect(body.text).toContain("Test message from Bulwark");
    expect(Array.isArray(body.blocks)).toBe(true);
    expect(hitsFor("/slack")[0]!.headers["x-bulwark-signature"]).toBeUndefined();
    await db.updateNotificationChannel({ orgId, channelId: ch.id, actorId: userId, enabled: false });
  });

  it("refuses loopback, link-local and private addresses, and names resolving there, unless allowed", async () => {
    const strict = { allowPrivateNetworks: false, ca };
    const before = hits.length;
    for (const url of [`${base}/ssrf`, "https://localhost/x", "https://169.254.169.254/latest/meta-data", "https://10.0.0.8/x", "https://[::ffff:127.0.0.1]/x", "https://192.168.1.1/x"]) {
      await expect(post.postAlert(url, "{}", {}, strict), url).rejects.toThrow(post.PermanentDeliveryError);
    }
    await expect(post.postAlert("https://hooks.example.test/x", "{}", {}, { ...strict, resolve: async () => ["127.0.0.1"] })).rejects.toThrow(/resolves to 127\.0\.0\.1/);
    await expect(post.postAlert("http://example.com/x", "{}", {}, strict)).rejects.toThrow(/https/);
    expect(hits.length).toBe(before);

    // Through the processor: the row fails at once (no retry can fix it) and the receiver sees nothing.
    const ch = await channel({ name: "Private", path: "/ssrf" });
    const { deliveryId } = await db.createTestDelivery({ orgId, channelId: ch.id, actorId: userId });
    const res = await proc.processAlertJob({ name: jobs.ALERT_DELIVERY_JOB_NAME, data: { orgId, deliveryId }, attemptsMade: 0, opts: { attempts: 5 } }, { ...ctx, allowPrivateNetworks: false }, { ca });
    expect(res).toMatchObject({ outcome: "failed" });
    const row = await db.db.alertDelivery.findUnique({ where: { id: deliveryId } });
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row?.lastError).toMatch(/refused: .*loopback/);
    expect(hitsFor("/ssrf")).toHaveLength(0);
    // allowed by the operator: it goes through
    const { deliveryId: d2 } = await db.createTestDelivery({ orgId, channelId: ch.id, actorId: userId });
    expect(await proc.processAlertJob({ name: jobs.ALERT_DELIVERY_JOB_NAME, data: { orgId, deliveryId: d2 }, attemptsMade: 0, opts: { attempts: 1 } }, ctx, { ca })).toMatchObject({ outcome: "sent" });
    expect(hitsFor("/ssrf")).toHaveLength(1);
  });

  it("keeps URLs and secrets out of the audit trail", async () => {
    const token = "T0KEN-in-the-path-9f8e7d";
    const url = `${base}/services/${token}`;
    const sealed = encryptCredential(url, keyring);
    const secretCipher = encryptCredential(HOOK_SECRET, keyring).ciphertext;
    const ch = await db.createNotificationChannel({ orgId, actorId: userId, name: "Secretive", kind: "webhook", urlCipher: sealed.ciphertext, urlHost: new URL(url).host, secretCipher, keyId: sealed.keyId, minSeverity: "high", clusterIds: [], digest: false, enabled: true });
    const url2 = `${base}/services/${token}-2`;
    await db.updateNotificationChannel({ orgId, channelId: ch.id, actorId: userId, url: { urlCipher: encryptCredential(url2, keyring).ciphertext, urlHost: new URL(url2).host, keyId: keyring.currentKeyId }, secretCipher: encryptCredential(`${HOOK_SECRET}-2`, keyring).ciphertext });
    await db.createTestDelivery({ orgId, channelId: ch.id, actorId: userId });
    await db.deleteNotificationChannel({ orgId, channelId: ch.id, actorId: userId });
    const rows = await db.db.auditLog.findMany({ where: { orgId } });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["channel.create", "channel.update", "channel.test", "channel.delete"]));
    const all = JSON.stringify(rows);
    for (const secret of [token, HOOK_SECRET, sealed.ciphertext, secretCipher, "/services/"]) expect(all).not.toContain(secret);
    // and the channel views never carry the ciphertexts
    const views = await db.listNotificationChannels({ orgId });
    expect(JSON.stringify(views)).not.toMatch(/urlCipher|secretCipher|v1\.k1\./);
  });
});
