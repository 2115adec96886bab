// The API's route wrapper against real Postgres and Redis, through the route files' own handlers:
// organization API tokens scan a cluster and list findings; another organization's token gets 404,
// a read token 403 on mutations, a revoked or expired token 401; cookie requests from another
// site are refused (the report download GET too); bodies get 413/400; no worker internals leak.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dropDatabase, useFreshDatabase } from "../../../../packages/db/src/test-db";

const DB = "bulwark_be_api_routes";
process.env.BULWARK_SECRET_KEY ??= "test-secret-key-that-is-at-least-32-characters";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-at-least-32-characters";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
// Jobs of this test go to a queue prefix of their own: no worker of another install takes them.
process.env.BULWARK_QUEUE_PREFIX = `bulwark-test-api-${process.pid}`;

// The handlers run here without Next's server around them, so its page-cache invalidation has no
// store to write to: record the paths instead (everything else is the real thing).
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => void revalidated.push(p), revalidateTag: () => {} }));

type Db = typeof import("@bulwark/db");
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let m: Db;
let routes: Record<string, Record<string, Handler>>;
const files = {
  clusters: "../app/api/clusters/route",
  cluster: "../app/api/clusters/[id]/route",
  scans: "../app/api/clusters/[id]/scans/route",
  scan: "../app/api/scans/[id]/route",
  findings: "../app/api/findings/route",
  finding: "../app/api/findings/[id]/route",
  status: "../app/api/findings/[id]/status/route",
  comments: "../app/api/findings/[id]/comments/route",
  exceptions: "../app/api/exceptions/route",
  download: "../app/api/reports/[id]/download/route",
  audit: "../app/api/audit/export/route",
} as const;

let orgA: string;
let orgB: string;
let alice: string;
let clusterA: string;
let findingA: string;
let findingB: string;
const tokens: Record<string, string> = {};

async function call(file: keyof typeof files, method: "GET" | "POST", opts: { token?: string; params?: Record<string, string>; query?: string; body?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { host: "app.test", ...(opts.headers ?? {}) };
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`http://app.test/api/x${opts.query ?? ""}`, { method, headers, ...(opts.body !== undefined ? { body: opts.body } : {}) });
  const res = await routes[file]![method]!(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { text };
  }
  return { status: res.status, json, headers: res.headers };
}

async function finding(orgId: string, clusterId: string, scanId: string, name: string): Promise<string> {
  const f = await m.db.finding.create({
    data: { orgId, clusterId, fingerprint: `fp-${name}`, ruleId: "allow-privilege-escalation", severity: "high", apiVersion: "v1", kind: "Pod", namespace: "default", name, path: "spec", message: "privileged", remediation: "drop it", firstSeenScanId: scanId, lastSeenScanId: scanId },
  });
  return f.id;
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("@bulwark/db");
  routes = Object.fromEntries(await Promise.all(Object.entries(files).map(async ([k, f]) => [k, (await import(f)) as Record<string, Handler>])));
  const a = await m.createUserWithOrganization({ email: "alice@routes.test", passwordHash: null, orgName: "Routes A" });
  const b = await m.createUserWithOrganization({ email: "olga@routes.test", passwordHash: null, orgName: "Routes B" });
  orgA = a.org.id;
  orgB = b.org.id;
  alice = a.user.id;
  const cluster = (orgId: string, actorId: string, name: string) =>
    m.createCluster({ orgId, actorId, name, server: "https://127.0.0.1:6443", credentialCipher: "unused-by-this-test", credentialKeyId: "k1" });
  const cA = await cluster(orgA, alice, "prod-a");
  const cB = await cluster(orgB, b.user.id, "prod-b");
  clusterA = cA.id;
  const sA = await m.createScan({ orgId: orgA, clusterId: cA.id, trigger: "manual", actorId: alice });
  const sB = await m.createScan({ orgId: orgB, clusterId: cB.id, trigger: "manual", actorId: b.user.id });
  // A worker's lease on the scan: internals the API must not answer.
  await m.db.scan.update({ where: { id: sA.id }, data: { status: "succeeded", workerId: "worker-host-1234:5678", heartbeatAt: new Date(), attempts: 1 } });
  await m.db.scan.update({ where: { id: sB.id }, data: { status: "succeeded" } });
  findingA = await finding(orgA, cA.id, sA.id, "web-a");
  findingB = await finding(orgB, cB.id, sB.id, "web-b");
  for (const scope of ["read", "scan", "findings:write", "admin"] as const) {
    tokens[scope] = (await m.createApiToken({ orgId: orgA, createdById: alice, name: scope, scopes: [scope], expiresInDays: 30 })).token;
  }
  tokens.other = (await m.createApiToken({ orgId: orgB, createdById: b.user.id, name: "other", scopes: ["admin"], expiresInDays: 30 })).token;
});

afterAll(async () => {
  const jobs = await import("@bulwark/jobs");
  await jobs.closeQueues().catch(() => {});
  await jobs.closeRateLimiter().catch(() => {});
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("API tokens over the route handlers", () => {
  it("a scan token starts a scan (202) as its creator, audited, and records its use", async () => {
    const r = await call("scans", "POST", { token: tokens.scan, params: { id: clusterA } });
    expect(r.status).toBe(202);
    expect(r.json).toMatchObject({ status: "queued", clusterId: clusterA });
    const scan = await m.db.scan.findUniqueOrThrow({ where: { id: r.json.id as string } });
    expect(scan).toMatchObject({ orgId: orgA, trigger: "api" });
    expect(await m.db.auditLog.count({ where: { orgId: orgA, actorId: alice, action: "scan.request", targetId: scan.id } })).toBe(1);
    const row = await m.db.apiToken.findFirstOrThrow({ where: { name: "scan", orgId: orgA } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("a read token lists its organization's findings, and nothing of another", async () => {
    const r = await call("findings", "GET", { token: tokens.read, query: "?severity=high&status=" });
    expect(r.status).toBe(200);
    const ids = JSON.stringify(r.json);
    expect(ids).toContain(findingA);
    expect(ids).not.toContain(findingB);
    expect((await call("finding", "GET", { token: tokens.read, params: { id: findingA } })).status).toBe(200);
  });

  it("another organization's token gets 404 on this organization's cluster, scans and findings", async () => {
    expect((await call("scans", "POST", { token: tokens.other, params: { id: clusterA } })).status).toBe(404);
    expect((await call("cluster", "GET", { token: tokens.other, params: { id: clusterA } })).status).toBe(404);
    expect((await call("scans", "GET", { token: tokens.other, params: { id: clusterA } })).status).toBe(404);
    expect((await call("finding", "GET", { token: tokens.other, params: { id: findingA } })).status).toBe(404);
    expect((await call("status", "POST", { token: tokens.other, params: { id: findingA }, body: JSON.stringify({ status: "resolved" }) })).status).toBe(404);
    expect(await m.db.scan.count({ where: { clusterId: clusterA, trigger: "api" } })).toBe(1);
  });

  it("a read token gets 403 on every kind of mutation, and nothing changes", async () => {
    const before = await m.db.scan.count();
    expect((await call("scans", "POST", { token: tokens.read, params: { id: clusterA } })).status).toBe(403);
    expect((await call("status", "POST", { token: tokens.read, params: { id: findingA }, body: JSON.stringify({ status: "resolved" }) })).status).toBe(403);
    expect((await call("comments", "POST", { token: tokens.read, params: { id: findingA }, body: JSON.stringify({ body: "hi" }) })).status).toBe(403);
    expect((await call("clusters", "POST", { token: tokens.read, body: JSON.stringify({ name: "x", kubeconfig: "x" }) })).status).toBe(403);
    // Scan scope starts scans, but does not triage; findings:write triages, but adds no clusters.
    expect((await call("status", "POST", { token: tokens.scan, params: { id: findingA }, body: JSON.stringify({ status: "resolved" }) })).status).toBe(403);
    expect((await call("clusters", "POST", { token: tokens["findings:write"], body: JSON.stringify({ name: "x", kubeconfig: "x" }) })).status).toBe(403);
    expect((await call("audit", "GET", { token: tokens.scan })).status).toBe(403);
    expect(await m.db.scan.count()).toBe(before);
    expect((await m.db.finding.findUniqueOrThrow({ where: { id: findingA } })).status).toBe("open");
  });

  it("a findings:write token triages, and its exception is a request even though its creator is an owner", async () => {
    const r = await call("status", "POST", { token: tokens["findings:write"], params: { id: findingA }, body: JSON.stringify({ status: "in_progress" }) });
    expect(r.status).toBe(200);
    expect((await m.db.finding.findUniqueOrThrow({ where: { id: findingA } })).status).toBe("in_progress");
    expect(revalidated).toContain("/findings");
    const ex = await call("exceptions", "POST", {
      token: tokens["findings:write"],
      body: JSON.stringify({ findingId: findingA, scope: "object", expiresAt: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10), justification: "Accepted until the migration ends" }),
    });
    expect(ex.status, JSON.stringify(ex.json)).toBe(201);
    expect(ex.json.status).toBe("requested");
  });

  it("an admin token reads the audit export", async () => {
    const r = await call("audit", "GET", { token: tokens.admin, query: "?format=jsonl" });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("ndjson");
  });

  it("revoked, expired, unknown and malformed tokens get 401", async () => {
    const { token, view } = await m.createApiToken({ orgId: orgA, createdById: alice, name: "soon gone", scopes: ["admin"], expiresInDays: 1 });
    expect((await call("findings", "GET", { token })).status).toBe(200);
    await m.revokeApiToken({ orgId: orgA, tokenId: view.id, actorId: alice });
    const revoked = await call("findings", "GET", { token });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toContain("Bearer");
    const expiring = await m.createApiToken({ orgId: orgA, createdById: alice, name: "expired", scopes: ["scan"], expiresInDays: 1 });
    await m.db.apiToken.update({ where: { id: expiring.view.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call("scans", "POST", { token: expiring.token, params: { id: clusterA } })).status).toBe(401);
    expect((await call("findings", "GET", { token: "bwk_" + "x".repeat(43) })).status).toBe(401);
    expect((await call("findings", "GET", { headers: { authorization: "Basic YTpi" } })).status).toBe(401);
    expect((await call("findings", "GET", { token: "" })).status).toBe(401);
  });
});

describe("the route wrapper", () => {
  it("refuses cross-site cookie requests, the report download GET and the audit export included", async () => {
    const crossSite = { "sec-fetch-site": "cross-site", cookie: "next-auth.session-token=whatever" };
    expect((await call("download", "GET", { params: { id: "r1" }, headers: crossSite })).status).toBe(403);
    expect((await call("audit", "GET", { headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await call("scans", "POST", { params: { id: clusterA }, headers: crossSite })).status).toBe(403);
  });

  it("answers 413 over the body cap and 400 for invalid JSON or a non-object body", async () => {
    const big = await call("comments", "POST", { token: tokens.admin, params: { id: findingA }, body: JSON.stringify({ body: "x".repeat(1024 * 1024 + 10) }) });
    expect(big.status).toBe(413);
    const bad = await call("comments", "POST", { token: tokens.admin, params: { id: findingA }, body: "{nope" });
    expect(bad).toMatchObject({ status: 400, json: { code: "invalid_json" } });
    expect((await call("comments", "POST", { token: tokens.admin, params: { id: findingA }, body: "[1]" })).status).toBe(400);
    // The URL's id wins over one in the body: no writing to another finding through the body.
    const other = await call("comments", "POST", { token: tokens.admin, params: { id: findingA }, body: JSON.stringify({ findingId: findingB, body: "hello" }) });
    expect(other.status).toBe(201);
    expect(await m.db.findingEvent.count({ where: { findingId: findingB } })).toBe(0);
  });

  it("answers a real database error as a 500 without its message", async () => {
    const { failure } = await import("@/modules/auth/server/with-org");
    const { respond } = await import("./api");
    const existing = await m.db.apiToken.findFirstOrThrow({ where: { orgId: orgA } });
    const err = await m.db.apiToken.create({ data: { orgId: orgA, name: "dup", prefix: "bwk_dup", tokenHash: existing.tokenHash, scopes: ["read"], createdById: alice } }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/Unique constraint/i);
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = respond(failure(err));
    spy.mockRestore();
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/unique|constraint|prisma|tokenHash|ApiToken/i);
    expect(text).not.toContain(existing.tokenHash);
  });

  it("answers scans without worker ids or leases", async () => {
    const scanA = await m.db.scan.findFirstOrThrow({ where: { orgId: orgA, workerId: { not: null } } });
    const one = await call("scan", "GET", { token: tokens.read, params: { id: scanA.id } });
    expect(one.status).toBe(200);
    const list = await call("scans", "GET", { token: tokens.read, params: { id: clusterA } });
    for (const body of [one.json, list.json]) {
      expect(JSON.stringify(body)).not.toContain("worker-host-1234");
      expect(JSON.stringify(body)).not.toMatch(/"(workerId|heartbeatAt|attempts)"/);
    }
  });
});
