// A hostile API server scanned by the worker's scan processor: real Postgres, a real HTTPS server
// with valid discovery that then misbehaves on the pods list. A blown byte budget fails that scan
// with the limit's message (never the process); a response over the per-response cap leaves the
// scan partial, naming the cap.
import https from "node:https";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { CA_PEM, SERVER_CERT_PEM, SERVER_KEY_PEM } from "@bulwark/security/testing";
import type { WorkerContext } from "./context";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey } from "./test-helpers";

const DB = "bulwark_be_scan_limits";
const SECRET = testSecretKey();
Object.assign(process.env, {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL,
  BULWARK_QUEUE_PREFIX: "scan-limits-test",
  BULWARK_SECRET_KEY: SECRET,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
});

const MIB = 1024 * 1024;
let db: typeof import("@bulwark/db");
let jobs: typeof import("@bulwark/jobs");
let processScan: typeof import("./processors/scan.processor").processScan;
let server: https.Server;
let port: number;
let orgId: string;
let userId: string;
const keyring = parseKeyring(SECRET);
const ctx: WorkerContext = { workerId: "limits-test", keyring, allowPrivateNetworks: true, staleMs: 30_000, scanDeadlineMs: 120_000, log: () => {} };
// One object whose annotation inflates a ~40 KB gzip page to 40 MiB (the byte bomb).
const BOMB = gzipSync(JSON.stringify({ kind: "PodList", metadata: { continue: "c" }, items: [{ metadata: { name: "b", namespace: "default", annotations: { blob: "A".repeat(40 * MIB) } } }] }));

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  processScan = (await import("./processors/scan.processor")).processScan;
  const { user, org } = await db.createUserWithOrganization({ email: "limits@example.com", passwordHash: null, orgName: "Limits" });
  orgId = org.id;
  userId = user.id;
  let n = 0;
  server = https.createServer({ cert: SERVER_CERT_PEM, key: SERVER_KEY_PEM }, (req, res) => {
    const url = new URL(req.url ?? "/", "https://x");
    const [, mode, ...rest] = url.pathname.split("/");
    const p = `/${rest.join("/")}`;
    const json = (o: unknown) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(o));
    };
    if (p === "/version") return json({ major: "1", minor: "30", gitVersion: "v1.30.0" });
    if (p === "/apis") return json({ kind: "APIGroupList", apiVersion: "v1", groups: [] });
    if (p === "/api/v1") return json({ kind: "APIResourceList", groupVersion: "v1", resources: [{ name: "namespaces", namespaced: false, kind: "Namespace", verbs: ["list"] }, { name: "pods", namespaced: true, kind: "Pod", verbs: ["list"] }] });
    if (p === "/api/v1/namespaces") return json({ kind: "NamespaceList", metadata: {}, items: [{ metadata: { name: "default", uid: "ns-1" } }] });
    if (p !== "/api/v1/pods") return json({ kind: "List", metadata: {}, items: [] });
    if (mode === "bomb") {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
      return res.end(BOMB);
    }
    // 2 MiB pages under every per-response cap, with a fresh continue token forever.
    n++;
    return json({ kind: "PodList", metadata: { continue: `t${n}` }, items: [{ metadata: { name: `p${n}`, namespace: "default", annotations: { a: "x".repeat(2 * MIB) } }, spec: {} }] });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await jobs?.closeQueues();
  await db?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

async function scanOf(mode: string, extra: Partial<WorkerContext> = {}) {
  const kubeconfig = YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "h", cluster: { server: `https://127.0.0.1:${port}/${mode}`, "certificate-authority-data": Buffer.from(CA_PEM).toString("base64") } }],
    users: [{ name: "u", user: { token: "t" } }],
    contexts: [{ name: "h", context: { cluster: "h", user: "u" } }],
    "current-context": "h",
  });
  const { ciphertext, keyId } = encryptCredential(kubeconfig, keyring);
  const cluster = await db.createCluster({ orgId, actorId: userId, name: `hostile-${mode}`, server: `https://127.0.0.1:${port}`, credentialCipher: ciphertext, credentialKeyId: keyId });
  const s = await db.createScan({ orgId, clusterId: cluster.id, trigger: "manual", actorId: userId });
  const res = await processScan({ id: `t-${s.id}`, data: { orgId, clusterId: cluster.id, scanId: s.id, trigger: "manual" } }, { ...ctx, ...extra });
  return { res, scan: (await db.getScan({ orgId, scanId: s.id }))!, clusterId: cluster.id };
}

describe("scan processor against a hostile API server", () => {
  it("fails the scan, not the worker, once the server sends more than the byte budget", async () => {
    const { res, scan } = await scanOf("budget", { scanMaxBytes: 16 * MIB });
    expect(res).toMatchObject({ outcome: "failed", reason: "scan stopped: the API server sent more than 16 MiB (BULWARK_SCAN_MAX_BYTES)" });
    expect(scan.status).toBe("failed");
    expect(scan.error).toBe("scan stopped: the API server sent more than 16 MiB (BULWARK_SCAN_MAX_BYTES)");
  });

  it("keeps the scan partial and names the per-response cap for a 40 MiB gzip page (default budget)", async () => {
    const { res, scan } = await scanOf("bomb");
    expect(res.outcome).toBe("partial");
    expect(scan.status).toBe("partial");
    expect(scan.error).toMatch(/v1\/pods failed \(the API server's response to \/api\/v1\/pods \(one object per page\) is larger than the 32 MiB per-response limit\)/);
  });
});
