// `bulwark push` (the real binary) against a small HTTP server standing in for Bulwark's import
// route: it checks method, path, query, headers and the exact body, and answers as the route does
// (201 with the parsed document's image and counts, or 4xx with { error }).
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { countVulns, parseVulnDocument } from "@bulwark/rules";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = join(HERE, "..", "bin", "bulwark.mjs");
const FIXTURES = join(HERE, "..", "..", "..", "packages", "rules", "src", "vulns", "formats", "fixtures");
const TRIVY = join(FIXTURES, "trivy-nginx-1.21.0.json");
const GRYPE = join(FIXTURES, "grype-checkout-2.3.0.json");
const VEX = join(FIXTURES, "cyclonedx-vex-nginx.json");
const TOKEN = "bwk_scan_0123456789abcdef";
const NGINX_DIGEST = "sha256:c0b10b1f6af8e59627bdede5c49dc1ee7aa69493a8a6a2c1b3c5c4eaf39d4801";

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let dir: string;
let server: Server;
let base: string;
let seen: Seen[] = [];
/** How the fake route answers; the default answers like the real one, from the document itself. */
let answer: (req: Seen) => { status: number; body: unknown; headers?: Record<string, string> } = asTheRouteDoes;

function asTheRouteDoes(req: Seen) {
  if (req.method !== "POST" || new URL(req.url, "http://x").pathname.replace(/^\/bulwark/, "") !== "/api/images/import") return { status: 404, body: { error: "not found" } };
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return { status: 401, body: { error: "unauthorized" } };
  const image = new URL(req.url, "http://x").searchParams.get("image") ?? undefined;
  const { format, report } = parseVulnDocument(req.body, image === undefined ? {} : { image });
  return {
    status: 201,
    body: { id: "imp_1", format, image: report.image, scannedAt: report.updatedAt, counts: countVulns(report.vulnerabilities), vulnCount: report.vulnerabilities.length, duplicate: false, matches: { workloads: 3, clusters: 2, by: report.image.digest ? "digest" : "tag" } },
  };
}

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Async: the fake server runs in this process.
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? "", HOME: dir, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bulwark-push-"));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const s: Seen = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      seen.push(s);
      const a = answer(s);
      res.writeHead(a.status, { "Content-Type": "application/json", ...(a.headers ?? {}) });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  seen = [];
  answer = asTheRouteDoes;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe("bulwark push", () => {
  it("POSTs each document as is, with the token, and prints what the server made of it", async () => {
    const r = await run(["push", TRIVY, GRYPE, "--server", base], { BULWARK_TOKEN: TOKEN });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(seen).toHaveLength(2);
    for (const [i, file] of [TRIVY, GRYPE].entries()) {
      expect(seen[i]!.method).toBe("POST");
      expect(seen[i]!.url).toBe("/api/images/import");
      expect(seen[i]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(seen[i]!.headers["content-type"]).toBe("application/json");
      expect(seen[i]!.headers["user-agent"]).toMatch(/^bulwark-cli\//);
      expect(seen[i]!.body).toBe(readFileSync(file, "utf8"));
    }
    expect(r.stdout).toContain(`trivy for docker.io/library/nginx:1.21.0@${NGINX_DIGEST}`);
    expect(r.stdout).toContain("2 critical (1 fixable), 3 high (2 fixable), 1 low");
    expect(r.stdout).toContain("runs in 3 workloads on 2 clusters, matched by digest");
    expect(r.stdout).toContain("grype for ghcr.io/acme-shop/checkout:2.3.0@sha256:");
  });

  it("passes --image as a query parameter, under a server path prefix, and names a tag match's lower confidence", async () => {
    const r = await run(["push", VEX, "--server", `${base}/bulwark/`, "--image", "nginx:1.21.0", "--token", TOKEN]);
    expect(r.code).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe(`/bulwark/api/images/import?image=${encodeURIComponent("nginx:1.21.0")}`);
    expect(r.stdout).toContain("cyclonedx for docker.io/library/nginx:1.21.0");
    expect(r.stdout).toContain("matched by tag (lower confidence");
  });

  it("prints one JSON line per document with --format json", async () => {
    const r = await run(["push", TRIVY, "--server", base, "--format", "json"], { BULWARK_TOKEN: TOKEN });
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout.trim());
    expect(line).toMatchObject({ file: TRIVY, format: "trivy", image: { repository: "library/nginx", digest: NGINX_DIGEST }, matches: { by: "digest" } });
  });

  it("sends nothing when one document is malformed, and says which and why", async () => {
    writeFileSync(join(dir, "table.txt"), "nginx:1.21.0 (debian 10.9)\n==========================\nTotal: 5\n");
    const r = await run(["push", TRIVY, "table.txt", "--server", base], { BULWARK_TOKEN: TOKEN });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("push table.txt: not valid JSON");
    expect(r.stderr).toContain("nothing was sent");
    expect(seen).toEqual([]);
    const missing = await run(["push", "nope.json", "--server", base], { BULWARK_TOKEN: TOKEN });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("push nope.json: no such file");
    const conflicting = await run(["push", TRIVY, "--server", base, "--image", `nginx@sha256:${"b".repeat(64)}`], { BULWARK_TOKEN: TOKEN });
    expect(conflicting.code).toBe(2);
    expect(conflicting.stderr).toContain("is not the one the Trivy document scanned");
    expect(seen).toEqual([]);
  });

  it("exits 1 with the server's reason when it refuses a document, and still sends the others", async () => {
    answer = (req) => (req.body.includes("grype") ? { status: 413, body: { error: "the document is 40 MiB, the limit is 32 MiB" } } : asTheRouteDoes(req));
    const r = await run(["push", GRYPE, TRIVY, "--server", base], { BULWARK_TOKEN: TOKEN });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`push ${GRYPE}: the server refused it (HTTP 413): the document is 40 MiB, the limit is 32 MiB`);
    expect(seen).toHaveLength(2);
    expect(r.stdout).toContain("trivy for docker.io/library/nginx");
  });

  it("reports a wrong token as the server says it", async () => {
    const r = await run(["push", TRIVY, "--server", base], { BULWARK_TOKEN: "bwk_wrong" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("(HTTP 401): unauthorized");
  });

  it("does not follow a redirect with the token", async () => {
    let elsewhere = 0;
    const other = createServer((_req, res) => {
      elsewhere++;
      res.writeHead(201).end("{}");
    });
    await new Promise<void>((r) => other.listen(0, "127.0.0.1", r));
    try {
      answer = () => ({ status: 307, body: {}, headers: { Location: `http://127.0.0.1:${(other.address() as AddressInfo).port}/api/images/import` } });
      const r = await run(["push", TRIVY, "--server", base], { BULWARK_TOKEN: TOKEN });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("the server redirected to http://127.0.0.1:");
      expect(elsewhere).toBe(0);
    } finally {
      await new Promise((r) => other.close(r));
    }
  });

  it("refuses to send a token in clear text or without a server, and a server that cannot be reached is exit 1", async () => {
    const clear = await run(["push", TRIVY, "--server", "http://bulwark.example.com"], { BULWARK_TOKEN: TOKEN });
    expect(clear.code).toBe(2);
    expect(clear.stderr).toContain("--server must be https:// (http:// only for localhost)");
    const noServer = await run(["push", TRIVY], { BULWARK_TOKEN: TOKEN });
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toContain("push needs --server URL (or BULWARK_SERVER)");
    const noToken = await run(["push", TRIVY, "--server", base]);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("set BULWARK_TOKEN");
    const closed = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const down = await run(["push", TRIVY], { BULWARK_TOKEN: TOKEN, BULWARK_SERVER: `http://127.0.0.1:${closed}` });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`cannot reach http://127.0.0.1:${closed}: ECONNREFUSED`);
    expect(seen).toEqual([]);
  });
});
