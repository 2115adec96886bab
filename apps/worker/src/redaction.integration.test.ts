// End to end, the way a finding page gets its YAML: kube-sim serves a workload with credentials
// written in plain text (env, command line, URL, annotations, last-applied), the worker reads and
// judges it, and the stored object (what every role of the organization sees) holds none of them,
// while the rules still fired on the real values.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, type KubeObject, type KubeSim } from "@bulwark/kube-sim";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "./test-helpers";

const DB = "bulwark_be_redact";
const SECRET = testSecretKey();
const env = {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL,
  BULWARK_QUEUE_PREFIX: "bulwark-test-redact",
  BULWARK_SECRET_KEY: SECRET,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
  WORKER_CONCURRENCY: "1",
};
Object.assign(process.env, env);

const PLANTED = ["pw-env-1111", "pw-url-2222", "pw-flag-3333", "pw-mysql-4444", "pw-annotation-5555"];
const container = {
  name: "app",
  image: "ghcr.io/acme/api:1.0",
  command: ["sh", "-c", `mysqldump -uroot -p${PLANTED[3]} shop > /backup/shop.sql`],
  args: [`--password=${PLANTED[2]}`, "--port=8080"],
  env: [
    { name: "DB_PASSWORD", value: PLANTED[0] },
    { name: "DATABASE_URL", value: `postgres://app:${PLANTED[1]}@db.prod:5432/main` },
    { name: "MODE", value: "fast" },
  ],
};
const spec = { replicas: 1, selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "api" } }, spec: { containers: [container] } } };
const deployment: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: {
    name: "api",
    namespace: "shop",
    annotations: {
      "app.kubernetes.io/part-of": "shop",
      "example.com/runbook-creds": `admin / ${PLANTED[4]}`,
      "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify({ apiVersion: "apps/v1", kind: "Deployment", spec }),
    },
  },
  spec,
};

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
type W = typeof import("./index");
let db: Db;
let jobs: Jobs;
let sim: KubeSim;
let worker: Awaited<ReturnType<W["startWorker"]>> | undefined;

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  const w: W = await import("./index");
  await jobs.getQueue(jobs.QUEUE_SCAN).obliterate({ force: true });
  sim = await startKubeSim({ objects: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } }, deployment], version: "1.30" });
  worker = await w.startWorker(w.workerEnv());
});

afterAll(async () => {
  await worker?.close();
  await jobs?.closeQueues();
  await db?.disconnectDb();
  await sim?.close();
  await dropDatabase(DB).catch(() => {});
});

describe("object YAML stored for findings", () => {
  it("holds no credential from env, command line, URL, annotations or last-applied, while the rules judged the real values", async () => {
    const { user, org } = await db.createUserWithOrganization({ email: "redact@example.com", passwordHash: null, orgName: "Redact" });
    const { ciphertext, keyId } = encryptCredential(sim.kubeconfig({ identity: "admin" }), parseKeyring(SECRET));
    const cluster = await db.createCluster({ orgId: org.id, actorId: user.id, name: "shop", server: sim.url, credentialCipher: ciphertext, credentialKeyId: keyId });
    const scan = await db.createScan({ orgId: org.id, clusterId: cluster.id, trigger: "manual", actorId: user.id });
    await jobs.enqueueScan({ orgId: org.id, clusterId: cluster.id, scanId: scan.id, trigger: "manual" });
    const done = await waitFor("the scan to finish", async () => {
      const s = await db.getScan({ orgId: org.id, scanId: scan.id });
      return s && ["succeeded", "partial", "failed"].includes(s.status) ? s : null;
    }, 180_000, 250);
    expect(done.status, done.error ?? "").toBe("succeeded");

    // The engine saw the literal password (redaction comes after judging).
    const findings = await db.db.finding.findMany({ where: { clusterId: cluster.id, name: "api", kind: "Deployment" } });
    const envFinding = findings.find((f) => f.ruleId === "sensitive-env-var-literal" || f.checks.includes("sensitive-env-var-literal"));
    expect(envFinding, findings.map((f) => f.ruleId).join(", ")).toBeDefined();

    // What the finding page shows: the stored object, through the org-scoped read.
    const shown = await db.getFinding({ orgId: org.id, findingId: envFinding!.id });
    const manifest = shown?.object?.manifest as KubeObject | undefined;
    expect(manifest?.metadata?.name).toBe("api");
    const text = JSON.stringify(manifest);
    for (const planted of PLANTED) expect(text).not.toContain(planted);
    // Everything else stays readable.
    const c = (manifest!.spec as typeof spec).template.spec.containers[0]!;
    expect(c.args).toEqual(["--password=***", "--port=8080"]);
    expect(c.command).toEqual(["sh", "-c", "mysqldump -uroot -p*** shop > /backup/shop.sql"]);
    expect(c.env).toEqual([
      { name: "DB_PASSWORD", value: `<redacted:${PLANTED[0]!.length} bytes>` },
      { name: "DATABASE_URL", value: "postgres://app:***@db.prod:5432/main" },
      { name: "MODE", value: "fast" },
    ]);
    expect(manifest!.metadata.annotations).toEqual({
      "app.kubernetes.io/part-of": "shop",
      "example.com/runbook-creds": `<redacted:${`admin / ${PLANTED[4]}`.length} bytes>`,
    });
    // Nothing planted anywhere in the organization's stored objects either.
    const all = JSON.stringify(await db.db.clusterObject.findMany({ where: { clusterId: cluster.id }, select: { manifest: true } }));
    for (const planted of PLANTED) expect(all).not.toContain(planted);
  }, 300_000);
});
