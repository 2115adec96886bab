// Real HTTPS on loopback with a throwaway self-signed certificate: the guard must stop the request
// before any byte reaches a private address, and when the operator allows private networks the
// notice arrives, redirects are not followed, and error answers are reported.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverWebhook } from "./deliver-webhook";

let server: Server;
let base: string;
let ca: string;
const hits: Array<{ path: string; body: string; ct: string | undefined }> = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-hook-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1", "-keyout", join(dir, "k.pem"), "-out", join(dir, "c.pem")], { stdio: "ignore" });
  ca = readFileSync(join(dir, "c.pem"), "utf8");
  const key = readFileSync(join(dir, "k.pem"), "utf8");
  rmSync(dir, { recursive: true, force: true });
  server = createServer({ key, cert: ca }, (req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      hits.push({ path: req.url ?? "", body, ct: req.headers["content-type"] });
      if (req.url === "/redirect") res.writeHead(302, { location: "https://169.254.169.254/latest/meta-data/" }).end();
      else if (req.url === "/broken") res.writeHead(500).end("no");
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe("deliverWebhook", () => {
  it("refuses a loopback webhook unless private networks are allowed, sending nothing", async () => {
    const before = hits.length;
    await expect(deliverWebhook(`${base}/hook`, { event: "x" }, { allowPrivateNetworks: false, ca })).rejects.toThrow(/127\.0\.0\.1 is a loopback address/);
    await expect(deliverWebhook(`https://localhost:${new URL(base).port}/hook`, {}, { allowPrivateNetworks: false, ca })).rejects.toThrow(/this machine/);
    await expect(deliverWebhook("https://169.254.169.254/latest", {}, { allowPrivateNetworks: false })).rejects.toThrow(/link-local/);
    expect(hits.length).toBe(before);
  });

  it("posts the JSON notice when the operator allows private networks", async () => {
    const r = await deliverWebhook(`${base}/hook?t=1`, { event: "report.ready", reportId: "r1" }, { allowPrivateNetworks: true, ca });
    expect(r.status).toBe(204);
    expect(hits.at(-1)).toEqual({ path: "/hook?t=1", body: JSON.stringify({ event: "report.ready", reportId: "r1" }), ct: "application/json" });
  });

  it("never follows a redirect and reports error answers", async () => {
    const before = hits.length;
    await expect(deliverWebhook(`${base}/redirect`, {}, { allowPrivateNetworks: true, ca })).rejects.toThrow(/answered 302 \(a redirect; redirects are not followed\)/);
    expect(hits.length).toBe(before + 1);
    await expect(deliverWebhook(`${base}/broken`, {}, { allowPrivateNetworks: true, ca })).rejects.toThrow(/answered (HTTP )?500/);
  });

  it("refuses http even when private networks are allowed", async () => {
    await expect(deliverWebhook(base.replace("https", "http"), {}, { allowPrivateNetworks: true })).rejects.toThrow(/must use https/);
  });
});
