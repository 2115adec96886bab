// A hostile API server: valid discovery, then list answers meant to exhaust the reader (gzip bombs,
// endless continue tokens, empty pages, looping tokens, huge strings). Each cap must stop it with a
// message naming the limit. A small HTTPS server on loopback plays the API server; the first path
// segment of the cluster URL picks the misbehaviour.
import https from "node:https";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createGzip, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import YAML from "yaml";
import { ScanLimitError } from "./errors";
import { MAX_RESPONSE_BYTES } from "./http";
import { MAX_ANNOTATION_CHARS, MAX_STRING_CHARS } from "./minimize";
import { MAX_EMPTY_PAGES, readCluster } from "./reader";
import { CA_PEM, SERVER_CERT_PEM, SERVER_KEY_PEM } from "@bulwark/security/testing";

const MIB = 1024 * 1024;
let server: https.Server;
let port: number;
/** Requests per mode, path and query, in order. */
const seen: Record<string, string[]> = {};
let streamClosed = false;

// One ConfigMap whose annotation inflates a ~40 KB gzip page to 40 MiB (the byte bomb).
const BOMB = gzipSync(
  JSON.stringify({ kind: "List", metadata: { continue: "next" }, items: [{ metadata: { name: "bomb", namespace: "d", annotations: { blob: "A".repeat(40 * MIB) } } }] }),
);

function send(res: ServerResponse, body: unknown) {
  const buf = Buffer.from(JSON.stringify(body));
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(buf.length) });
  res.end(buf);
}

function list(items: unknown[], cont?: string) {
  return { kind: "List", apiVersion: "v1", metadata: cont ? { continue: cont } : {}, items };
}

function configMap(name: string, value: string) {
  return { metadata: { name, namespace: "d", uid: name }, data: { big: value } };
}

beforeAll(async () => {
  let n = 0;
  server = https.createServer({ cert: SERVER_CERT_PEM, key: SERVER_KEY_PEM }, (req, res) => {
    const url = new URL(req.url ?? "/", "https://x");
    const [, mode = "", ...rest] = url.pathname.split("/");
    const p = `/${rest.join("/")}`;
    (seen[mode] ??= []).push(p + url.search);
    const limit = Number(url.searchParams.get("limit") ?? 500);
    const cont = url.searchParams.get("continue");
    // Valid discovery first, so that every case reaches the list calls it means to test.
    if (p === "/version") return send(res, { major: "1", minor: "30", gitVersion: "v1.30.0" });
    if (p === "/apis") return send(res, { kind: "APIGroupList", groups: [] });
    if (p === "/api/v1") {
      return send(res, {
        kind: "APIResourceList",
        groupVersion: "v1",
        resources: ["configmaps", "namespaces", "pods"].map((name) => ({ name, namespaced: name !== "namespaces", verbs: ["list"] })),
      });
    }
    if (p !== "/api/v1/configmaps") return send(res, list([]));
    switch (mode) {
      case "bomb":
        res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip", "Content-Length": String(BOMB.length) });
        return res.end(BOMB);
      case "stream": {
        // A gzip body that never ends: only a reader that inflates as it reads can stop it.
        res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
        const gz = createGzip();
        gz.pipe(res);
        gz.write('{"kind":"List","items":[{"metadata":{"name":"x","annotations":{"a":"');
        const chunk = Buffer.alloc(MIB, 0x41);
        const pump = () => {
          while (!streamClosed) {
            if (!gz.write(chunk)) return void gz.once("drain", pump);
          }
        };
        res.on("close", () => {
          streamClosed = true;
          gz.destroy();
        });
        return pump();
      }
      case "budget":
        // 2 MiB pages under every per-response cap, with a fresh continue token forever.
        return send(res, list([configMap(`cm${++n}`, "x".repeat(2 * MIB))], `t${n}`));
      case "empty":
        return send(res, list([], `e${++n}`));
      case "loop":
        return send(res, list([configMap(`l${cont ?? "0"}`, "v")], cont === "b" ? "a" : "b"));
      case "pages":
        return send(res, list([configMap(`p${++n}`, "v")], `p${n}`));
      case "big": {
        // 30 ConfigMaps of 100 KiB: a page of more than ~7 is over the test's 1 MiB response cap.
        const start = Number(cont ?? 0);
        const end = Math.min(30, start + limit);
        const items = Array.from({ length: end - start }, (_, i) => ({
          ...configMap(`big${start + i}`, "v".repeat(100 * 1024)),
          metadata: { name: `big${start + i}`, namespace: "d", annotations: { note: "n".repeat(20 * 1024), short: "keep" } },
        }));
        return send(res, list(items, end < 30 ? String(end) : undefined));
      }
    }
    return send(res, list([]));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function kubeconfig(mode: string) {
  return YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "h", cluster: { server: `https://127.0.0.1:${port}/${mode}`, "certificate-authority-data": Buffer.from(CA_PEM).toString("base64") } }],
    users: [{ name: "u", user: { token: "t" } }],
    contexts: [{ name: "h", context: { cluster: "h", user: "u" } }],
    "current-context": "h",
  });
}

const configMapLists = (mode: string) => (seen[mode] ?? []).filter((s) => s.startsWith("/api/v1/configmaps"));

describe("readCluster against a hostile API server", { timeout: 120_000 }, () => {
  it("stops a 40 MiB gzip page at the 32 MiB per-response cap, retrying with smaller pages, then fails only that kind", async () => {
    const snap = await readCluster(kubeconfig("bomb"), { allowPrivateNetworks: true });
    const cm = snap.kinds.find((k) => k.kind === "ConfigMap")!;
    expect(cm.status).toBe("failed");
    expect(cm.error).toMatch(/larger than the 32 MiB per-response limit/);
    expect(cm.error).toMatch(/one object per page/);
    // The other kinds were read: one bad kind does not fail the scan.
    expect(snap.kinds.find((k) => k.kind === "Pod")?.status).toBe("read");
    // Smaller pages were asked for, down to one object; the endless continue token was never followed.
    expect(configMapLists("bomb").map((s) => new URLSearchParams(s.split("?")[1]).get("limit"))).toEqual(["500", "125", "31", "7", "1"]);
    expect(configMapLists("bomb").some((s) => s.includes("continue="))).toBe(false);
    expect(MAX_RESPONSE_BYTES).toBe(32 * MIB);
  });

  it("inflates as it reads: a gzip body that never ends is cut off at the cap", async () => {
    // A reader that buffered the body before inflating it would wait for the end (the request
    // timeout, here longer than the test) instead of stopping at the cap.
    const snap = await readCluster(kubeconfig("stream"), { allowPrivateNetworks: true, maxResponseBytes: 4 * MIB, pageSize: 1, retries: 0, requestTimeoutMs: 600_000 });
    const cm = snap.kinds.find((k) => k.kind === "ConfigMap")!;
    expect(cm.status).toBe("failed");
    expect(cm.error).toMatch(/larger than the 4 MiB per-response limit/);
    // The reader hung up: the server's endless writer stops.
    await vi.waitFor(() => expect(streamClosed).toBe(true), { timeout: 60_000, interval: 50 });
  });

  it("fails the whole scan once the server has sent more than the scan's byte budget", async () => {
    const err = await readCluster(kubeconfig("budget"), { allowPrivateNetworks: true, maxBytes: 16 * MIB, deadlineMs: 120_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanLimitError);
    expect((err as Error).message).toBe("scan stopped: the API server sent more than 16 MiB (BULWARK_SCAN_MAX_BYTES)");
    // 2 MiB pages: the budget was crossed within a few pages, not after the deadline.
    expect(configMapLists("budget").length).toBeLessThanOrEqual(9);
  });

  it("names the setting the caller passes for the budget", async () => {
    const err = await readCluster(kubeconfig("budget"), { allowPrivateNetworks: true, maxBytes: 4 * MIB, maxBytesSetting: "--max-bytes" }).catch((e: unknown) => e);
    expect((err as Error).message).toBe("scan stopped: the API server sent more than 4 MiB (--max-bytes)");
  });

  it("stops a list whose pages bring no object but always a new continue token", async () => {
    const snap = await readCluster(kubeconfig("empty"), { allowPrivateNetworks: true });
    const cm = snap.kinds.find((k) => k.kind === "ConfigMap")!;
    expect(cm.status).toBe("failed");
    expect(cm.error).toMatch(/pages in a row with no object and a new continue token \(no progress\)/);
    expect(configMapLists("empty")).toHaveLength(MAX_EMPTY_PAGES + 1);
  });

  it("stops a list whose continue tokens loop", async () => {
    const snap = await readCluster(kubeconfig("loop"), { allowPrivateNetworks: true });
    const cm = snap.kinds.find((k) => k.kind === "ConfigMap")!;
    expect(cm.status).toBe("failed");
    expect(cm.error).toMatch(/repeated a continue token .* \(the list loops\)/);
    expect(configMapLists("loop")).toHaveLength(3);
  });

  it("stops a list at the page limit", async () => {
    const snap = await readCluster(kubeconfig("pages"), { allowPrivateNetworks: true, maxPagesPerList: 5 });
    const cm = snap.kinds.find((k) => k.kind === "ConfigMap")!;
    expect(cm.status).toBe("failed");
    expect(cm.error).toMatch(/more than 5 pages \(page limit\)/);
    expect(configMapLists("pages")).toHaveLength(5);
  });

  it("reads big objects in smaller pages and keeps only bounded strings", async () => {
    const snap = await readCluster(kubeconfig("big"), { allowPrivateNetworks: true, maxResponseBytes: MIB });
    const cms = snap.objects.filter((o) => o.kind === "ConfigMap");
    expect(snap.kinds.find((k) => k.kind === "ConfigMap")).toMatchObject({ status: "read", count: 30 });
    expect(cms.map((c) => c.metadata.name)).toEqual(Array.from({ length: 30 }, (_, i) => `big${i}`));
    const first = cms[0] as unknown as { data: { big: string }; metadata: { annotations: Record<string, string> } };
    expect(first.data.big.startsWith("v".repeat(MAX_STRING_CHARS))).toBe(true);
    expect(first.data.big).toMatch(/…\[truncated by Bulwark: 102400 characters\]$/);
    expect(first.data.big.length).toBeLessThan(MAX_STRING_CHARS + 100);
    expect(first.metadata.annotations.note!.length).toBeLessThan(MAX_ANNOTATION_CHARS + 100);
    expect(first.metadata.annotations.short).toBe("keep");
    expect(configMapLists("big").map((s) => new URLSearchParams(s.split("?")[1]).get("limit"))).toEqual(["500", "125", "31", "7", "7", "7", "7", "7"]);
  });
});
