// Reader behaviour kube-sim cannot provoke: an expired continue token (410), redirects, gzip,
// fallback API versions on an old cluster, tls-server-name. A small HTTPS server on loopback plays
// the API server.
import https from "node:https";
import { gzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { ClusterUnreachableError } from "./errors";
import { readCluster } from "./reader";
import { CA_PEM, SERVER_CERT_PEM, SERVER_KEY_PEM } from "@bulwark/security/testing";

const TOKEN = "edge-token";
const PODS = Array.from({ length: 5 }, (_, i) => ({ metadata: { name: `p${i}`, namespace: "a", uid: `uid-p${i}` }, spec: {} }));
let server: https.Server;
let port: number;
let expiredOnce = true;
const seen: string[] = [];
const PREFIX = "/k8s/clusters/c-1";
let garbage = false;

function send(res: import("node:http").ServerResponse, status: number, body: unknown, gzip = false) {
  let buf = Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (gzip) {
    buf = gzipSync(buf);
    headers["Content-Encoding"] = "gzip";
  }
  headers["Content-Length"] = String(buf.length);
  res.writeHead(status, headers);
  res.end(buf);
}

beforeAll(async () => {
  server = https.createServer({ cert: SERVER_CERT_PEM, key: SERVER_KEY_PEM }, (req, res) => {
    const url = new URL(req.url ?? "/", "https://x");
    seen.push(url.pathname + url.search);
    // a Rancher-style proxy path in front of the API
    if (url.pathname.startsWith(PREFIX)) url.pathname = url.pathname.slice(PREFIX.length) || "/";
    if (garbage) {
      const answers: Record<string, string> = { "/version": "[1,2]", "/api/v1": '{"resources":"pods"}', "/apis": "null" };
      res.writeHead(200, { "Content-Type": "application/json" });
      return res.end(answers[url.pathname] ?? '{"items":{"a":1}}');
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(res, 401, { kind: "Status", message: "Unauthorized", code: 401 });
    const list = (items: unknown[], cont?: string) => ({ kind: "List", apiVersion: "v1", metadata: cont ? { continue: cont } : {}, items });
    switch (url.pathname) {
      case "/version":
        return send(res, 200, { major: "1", minor: "20+", gitVersion: "v1.20.15-eks-abc123" });
      case "/api/v1":
        return send(res, 200, { resources: [{ name: "namespaces" }, { name: "pods" }] });
      case "/apis":
        return send(res, 200, {
          groups: [
            { name: "batch", versions: [{ groupVersion: "batch/v1" }, { groupVersion: "batch/v1beta1" }] },
            { name: "policy", versions: [{ groupVersion: "policy/v1beta1" }] },
          ],
        });
      case "/apis/batch/v1":
        return send(res, 200, { resources: [{ name: "jobs" }] });
      case "/apis/batch/v1beta1":
        return send(res, 200, { resources: [{ name: "cronjobs" }] });
      case "/apis/policy/v1beta1":
        return send(res, 200, { resources: [{ name: "podsecuritypolicies" }, { name: "poddisruptionbudgets" }] });
      case "/api/v1/namespaces":
        res.writeHead(302, { Location: "https://169.254.169.254/latest/meta-data/" });
        return res.end();
      case "/api/v1/pods": {
        const limit = Number(url.searchParams.get("limit"));
        const start = Number(url.searchParams.get("continue") ?? 0);
        if (start > 0 && expiredOnce) {
          expiredOnce = false;
          return send(res, 410, { kind: "Status", reason: "Expired", message: "continue token too old", code: 410 });
        }
        const next = start + limit < PODS.length ? String(start + limit) : undefined;
        return send(res, 200, list(PODS.slice(start, start + limit), next), true);
      }
      case "/apis/batch/v1beta1/cronjobs":
        return send(res, 200, list([{ metadata: { name: "nightly", namespace: "a" }, spec: { schedule: "@daily" } }]));
      case "/apis/policy/v1beta1/podsecuritypolicies":
        return send(res, 200, list([{ metadata: { name: "privileged" }, spec: { privileged: true } }]));
      default:
        return send(res, 200, list([]));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function kubeconfig(cluster: Record<string, unknown> = {}) {
  return YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "edge", cluster: { server: `https://127.0.0.1:${port}`, "certificate-authority-data": Buffer.from(CA_PEM).toString("base64"), ...cluster } }],
    users: [{ name: "u", user: { token: TOKEN } }],
    contexts: [{ name: "edge", context: { cluster: "edge", user: "u" } }],
    "current-context": "edge",
  });
}

describe("readCluster edge cases", () => {
  it("restarts a listing once on 410, never follows redirects, reads gzip and old API versions", async () => {
    const snap = await readCluster(kubeconfig({ "tls-server-name": "api.bulwark.test" }), { allowPrivateNetworks: true, pageSize: 2 });
    const pods = snap.objects.filter((o) => o.kind === "Pod");
    expect(pods.map((p) => p.metadata.name)).toEqual(["p0", "p1", "p2", "p3", "p4"]);
    expect(seen.filter((s) => s === "/api/v1/pods?limit=2")).toHaveLength(2);
    const ns = snap.kinds.find((k) => k.kind === "Namespace")!;
    expect(ns.status).toBe("failed");
    expect(ns.error).toMatch(/redirect to https:\/\/169\.254\.169\.254.* not followed/);
    expect(seen.some((s) => s.startsWith("/latest"))).toBe(false);
    expect(snap.kinds.find((k) => k.kind === "CronJob")).toMatchObject({ resource: "batch/v1beta1/cronjobs", status: "read", count: 1 });
    expect(snap.objects.find((o) => o.kind === "CronJob")!.apiVersion).toBe("batch/v1beta1");
    expect(snap.kinds.find((k) => k.kind === "PodSecurityPolicy")).toMatchObject({ status: "read", count: 1 });
    expect(snap.kinds.find((k) => k.kind === "PodDisruptionBudget")).toMatchObject({ resource: "policy/v1beta1/poddisruptionbudgets", status: "read" });
    expect(snap.kinds.find((k) => k.kind === "Deployment")).toMatchObject({ resource: "apps/v1/deployments", status: "not-served" });
    expect(snap.kubeVersion).toBe("1.20");
    expect(snap.platform).toBe("eks");
    expect(snap.servedVersions).toEqual(["batch/v1", "batch/v1beta1", "policy/v1beta1", "v1"]);
  });

  it("keeps the server URL's path as a prefix", async () => {
    seen.length = 0;
    const snap = await readCluster(kubeconfig({ server: `https://127.0.0.1:${port}${PREFIX}` }), { allowPrivateNetworks: true });
    expect(snap.objects.filter((o) => o.kind === "Pod")).toHaveLength(5);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((s) => s.startsWith(`${PREFIX}/`))).toBe(true);
  });

  it("survives nonsense discovery documents from a hostile server", async () => {
    garbage = true;
    try {
      const snap = await readCluster(kubeconfig(), { allowPrivateNetworks: true });
      expect(snap.objects).toEqual([]);
      expect(snap.kubeVersion).toBeUndefined();
      expect(snap.servedVersions).toEqual(["v1"]);
      expect(snap.kinds.every((k) => k.status === "not-served")).toBe(true);
    } finally {
      garbage = false;
    }
  });

  it("verifies the certificate against tls-server-name", async () => {
    const err = await readCluster(kubeconfig({ "tls-server-name": "other.bulwark.test" }), { allowPrivateNetworks: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect((err as Error).message).toMatch(/TLS: the API server's certificate is not valid/);
  });

  it("refuses a server signed by another CA", async () => {
    const doc = YAML.parse(kubeconfig());
    delete doc.clusters[0].cluster["certificate-authority-data"];
    const err = await readCluster(YAML.stringify(doc), { allowPrivateNetworks: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect((err as Error).message).toMatch(/not signed by the CA/);
  });
});
