// The report routes against real Postgres and Redis, through the route files' own handlers: file
// downloads carry their checksum and signature, a .sig download is the detached signature that
// verifies under GET /api/reports/signing-key's key (created once per organization), another
// organization gets 404 and its own key; generating a report over a framework with a compliance
// scope covers the scope.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createReportSigningKey, parseKeyring, signReportFile, unsealReportSigningKey, verifyReportFile } from "@bulwark/security";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";

const DB = "bulwark_be_reports_api";
process.env.BULWARK_SECRET_KEY ??= "test-secret-key-that-is-at-least-32-characters";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-at-least-32-characters";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
process.env.BULWARK_QUEUE_PREFIX = `bulwark-test-reports-api-${process.pid}`;
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Db = typeof import("@bulwark/db");
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let m: Db;
let routes: Record<string, Record<string, Handler>>;
const files = {
  reports: "../../../app/api/reports/route",
  download: "../../../app/api/reports/[id]/download/route",
  key: "../../../app/api/reports/signing-key/route",
} as const;

let orgA: string;
let clusterA: string;
let clusterA2: string;
let reportId: string;
const PDF = Buffer.from("%PDF-1.4\n% a signed report\n%%EOF\n");
const tokens = { read: "", scan: "", other: "" };

async function call(file: keyof typeof files, method: "GET" | "POST", opts: { token: string; params?: Record<string, string>; query?: string; body?: unknown }) {
  const headers: Record<string, string> = { host: "app.test", authorization: `Bearer ${opts.token}` };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`http://app.test/api/x${opts.query ?? ""}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  const res = await routes[file]![method]!(req, { params: Promise.resolve(opts.params ?? {}) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, bytes, text: Buffer.from(bytes).toString("utf8"), headers: res.headers };
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("@bulwark/db");
  routes = Object.fromEntries(await Promise.all(Object.entries(files).map(async ([k, f]) => [k, (await import(f)) as Record<string, Handler>])));
  const a = await m.createUserWithOrganization({ email: "ana@reports-api.test", passwordHash: null, orgName: "Reports A" });
  const b = await m.createUserWithOrganization({ email: "bo@reports-api.test", passwordHash: null, orgName: "Reports B" });
  orgA = a.org.id;
  const cluster = (name: string) => m.createCluster({ orgId: orgA, actorId: a.user.id, name, server: "https://127.0.0.1:6443", credentialCipher: "unused", credentialKeyId: "k1" });
  clusterA = (await cluster("prod-a")).id;
  clusterA2 = (await cluster("prod-a2")).id;
  tokens.read = (await m.createApiToken({ orgId: orgA, createdById: a.user.id, name: "read", scopes: ["read"], expiresInDays: 30 })).token;
  tokens.scan = (await m.createApiToken({ orgId: orgA, createdById: a.user.id, name: "scan", scopes: ["scan"], expiresInDays: 30 })).token;
  tokens.other = (await m.createApiToken({ orgId: b.org.id, createdById: b.user.id, name: "other", scopes: ["admin"], expiresInDays: 30 })).token;
  // A finished report signed as the worker signs it, with the organization's key.
  const keyring = parseKeyring(process.env.BULWARK_SECRET_KEY!);
  const key = await m.ensureReportSigningKey({ orgId: orgA, create: () => createReportSigningKey(keyring) });
  const signature = signReportFile(unsealReportSigningKey(key.privateKeyCipher, keyring), PDF);
  const r = await m.db.report.create({
    data: { orgId: orgA, framework: "hipaa", clusterIds: [clusterA], status: "succeeded", pdf: PDF, pdfSha256: "a".repeat(64), pdfSignature: signature, signingKeyId: key.keyId },
  });
  reportId = r.id;
});

afterAll(async () => {
  const jobs = await import("@bulwark/jobs");
  await jobs.getQueue(jobs.QUEUE_REPORT).obliterate({ force: true }).catch(() => {});
  await jobs.closeQueues().catch(() => {});
  await jobs.closeRateLimiter().catch(() => {});
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("report downloads and the signing key", () => {
  it("a file carries its checksum, signature and key id; its .sig verifies under the organization's public key; a tampered byte does not", async () => {
    const pdf = await call("download", "GET", { token: tokens.read, params: { id: reportId }, query: "?format=pdf" });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(pdf.bytes).equals(PDF)).toBe(true);
    expect(pdf.headers.get("x-checksum-sha256")).toBe("a".repeat(64));
    const sig = await call("download", "GET", { token: tokens.read, params: { id: reportId }, query: "?format=pdf.sig" });
    expect(sig.status).toBe(200);
    expect(sig.headers.get("content-type")).toBe("text/plain; charset=us-ascii");
    expect(sig.headers.get("content-disposition")).toMatch(/attachment; filename="bulwark-hipaa-.*\.pdf\.sig"/);
    expect(sig.text.trim()).toBe(pdf.headers.get("x-signature-ed25519"));
    const key = await call("key", "GET", { token: tokens.read });
    expect(key.status).toBe(200);
    expect(key.headers.get("content-type")).toBe("application/x-pem-file");
    expect(key.text).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(key.headers.get("x-signing-key-id")).toBe(pdf.headers.get("x-signing-key-id"));
    expect(verifyReportFile(key.text, pdf.bytes, sig.text)).toBe(true);
    const tampered = Uint8Array.from(pdf.bytes);
    tampered[5]! ^= 1;
    expect(verifyReportFile(key.text, tampered, sig.text)).toBe(false);
    // A format that is not one gets a clear 400.
    const bad = await call("download", "GET", { token: tokens.read, params: { id: reportId }, query: "?format=exe" });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/followed by \.sig/);
  });

  it("another organization gets 404 for the report and its signature, and a key of its own that does not verify it", async () => {
    expect((await call("download", "GET", { token: tokens.other, params: { id: reportId }, query: "?format=pdf" })).status).toBe(404);
    expect((await call("download", "GET", { token: tokens.other, params: { id: reportId }, query: "?format=pdf.sig" })).status).toBe(404);
    const mine = await call("key", "GET", { token: tokens.read });
    const theirs = await call("key", "GET", { token: tokens.other });
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get("x-signing-key-id")).not.toBe(mine.headers.get("x-signing-key-id"));
    const again = await call("key", "GET", { token: tokens.other });
    expect(again.text).toBe(theirs.text);
    const sig = await call("download", "GET", { token: tokens.read, params: { id: reportId }, query: "?format=pdf.sig" });
    expect(verifyReportFile(theirs.text, PDF, sig.text)).toBe(false);
  });

  it("generating a report: a scoped framework covers its scope, an unscoped one needs clusters", async () => {
    const none = await call("reports", "POST", { token: tokens.scan, body: { framework: "gdpr" } });
    expect(none.status).toBe(400);
    expect(none.text).toContain("Choose at least one cluster");
    const owner = await m.db.membership.findFirstOrThrow({ where: { orgId: orgA } });
    await m.setComplianceScope({ orgId: orgA, actorId: owner.userId, framework: "gdpr", clusters: [{ clusterId: clusterA2, namespaces: ["payments"] }] });
    const wrong = await call("reports", "POST", { token: tokens.scan, body: { framework: "gdpr", clusterIds: [clusterA] } });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("compliance scope");
    const ok = await call("reports", "POST", { token: tokens.scan, body: { framework: "gdpr" } });
    expect(ok.status).toBe(202);
    const report = await m.db.report.findUniqueOrThrow({ where: { id: (JSON.parse(ok.text) as { id: string }).id } });
    expect(report.clusterIds).toEqual([clusterA2]);
  });

  it("refuses a report over a scope whose clusters were all removed, saying where to set it", async () => {
    const owner = await m.db.membership.findFirstOrThrow({ where: { orgId: orgA } });
    const gone = (await m.createCluster({ orgId: orgA, actorId: owner.userId, name: "gone", server: "https://127.0.0.1:6443", credentialCipher: "unused", credentialKeyId: "k1" })).id;
    await m.setComplianceScope({ orgId: orgA, actorId: owner.userId, framework: "soc2", clusters: [{ clusterId: gone }] });
    await m.deleteCluster({ orgId: orgA, clusterId: gone, actorId: owner.userId });
    const res = await call("reports", "POST", { token: tokens.scan, body: { framework: "soc2" } });
    expect(res.status).toBe(400);
    expect(res.text).toContain("has been removed: set the scope on the Compliance page");
    expect(await m.db.report.count({ where: { orgId: orgA, framework: "soc2" } })).toBe(0);
  });
});
