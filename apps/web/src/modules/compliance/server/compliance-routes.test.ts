// The compliance API through its route files' own handlers, against real Postgres: scope read and
// replaced, attestations posted as multipart forms (files judged from their bytes, 413 over the
// limit, 400 for HTML dressed as a PDF), listed, downloaded only as attachments with nosniff and a
// sandbox CSP, revoked; read tokens get 403 on writes, another organization 404 on ids.
import { createHash } from "node:crypto";
import { getFramework } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";

const DB = "bulwark_be_compliance_api";
process.env.BULWARK_SECRET_KEY ??= "test-secret-key-that-is-at-least-32-characters";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-at-least-32-characters";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";

const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => void revalidated.push(p), revalidateTag: () => {} }));

type Db = typeof import("@bulwark/db");
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let m: Db;
let routes: Record<string, Record<string, Handler>>;
const files = {
  scope: "../../../app/api/compliance/[framework]/scope/route",
  attestations: "../../../app/api/compliance/[framework]/attestations/route",
  revoke: "../../../app/api/compliance/[framework]/attestations/[id]/revoke/route",
  file: "../../../app/api/compliance/attestation-files/[id]/route",
} as const;

let orgA: string;
let orgB: string;
let clusterA: string;
let clusterB: string;
const tokens: Record<string, string> = {};
const control = () => getFramework("hipaa")!.controls.find((c) => c.manual && !c.notApplicable)!.id;
const PDF = Buffer.from("%PDF-1.4\n% evidence\n%%EOF\n");
const TEXT = Buffer.from("Quarterly access review: 12 accounts, 0 exceptions.\n");
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function call(
  file: keyof typeof files,
  method: "GET" | "POST" | "PUT",
  opts: { token?: string; params?: Record<string, string>; query?: string; json?: unknown; form?: FormData; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers; bytes: Buffer }> {
  const headers: Record<string, string> = { host: "app.test", ...(opts.headers ?? {}) };
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined = opts.body;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  }
  if (opts.form) body = opts.form;
  const req = new Request(`http://app.test/api/x${opts.query ?? ""}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const res = await routes[file]![method]!(req, { params: Promise.resolve(opts.params ?? {}) });
  const bytes = Buffer.from(await res.arrayBuffer());
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
  } catch {
    json = {};
  }
  return { status: res.status, json, headers: res.headers, bytes };
}

function attestationForm(files: Array<{ name: string; type: string; bytes: Buffer }>, fields: Record<string, string | string[]> = {}): FormData {
  const form = new FormData();
  const all: Record<string, string | string[]> = {
    controlId: control(),
    statement: "Access reviews are done quarterly by the security team.",
    owner: "Security team",
    reviewedAt: day(-1),
    expiresAt: day(90),
    links: ["https://wiki.example.com/access-review", "https://tickets.example.com/SEC-12"],
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  for (const f of files) form.append("files", new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return form;
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("@bulwark/db");
  routes = Object.fromEntries(await Promise.all(Object.entries(files).map(async ([k, f]) => [k, (await import(f)) as Record<string, Handler>])));
  const a = await m.createUserWithOrganization({ email: "alice@compliance.test", passwordHash: null, orgName: "Compliance A", name: "Alice Auditor" });
  const b = await m.createUserWithOrganization({ email: "olga@compliance.test", passwordHash: null, orgName: "Compliance B" });
  orgA = a.org.id;
  orgB = b.org.id;
  clusterA = (await m.createCluster({ orgId: orgA, actorId: a.user.id, name: "payments-prod", server: "https://127.0.0.1:6443", credentialCipher: "x", credentialKeyId: "k1" })).id;
  clusterB = (await m.createCluster({ orgId: orgB, actorId: b.user.id, name: "theirs", server: "https://127.0.0.1:6443", credentialCipher: "x", credentialKeyId: "k1" })).id;
  for (const scope of ["read", "findings:write", "admin"] as const) {
    tokens[scope] = (await m.createApiToken({ orgId: orgA, createdById: a.user.id, name: scope, scopes: [scope], expiresInDays: 30 })).token;
  }
  tokens.other = (await m.createApiToken({ orgId: orgB, createdById: b.user.id, name: "other", scopes: ["admin"], expiresInDays: 30 })).token;
});

afterAll(async () => {
  delete process.env.BULWARK_EVIDENCE_MAX_BYTES;
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("compliance scope routes", () => {
  it("reads the scope (every cluster until set) and lets only admins replace it, audited", async () => {
    const initial = await call("scope", "GET", { token: tokens.read, params: { framework: "hipaa" } });
    expect(initial.status).toBe(200);
    expect(initial.json).toMatchObject({ framework: "hipaa", scoped: false, clusters: [{ clusterId: clusterA, clusterName: "payments-prod", namespaces: [] }] });

    const body = { clusters: [{ clusterId: clusterA, namespaces: ["phi"] }] };
    for (const t of ["read", "findings:write"]) {
      const refused = await call("scope", "PUT", { token: tokens[t], params: { framework: "hipaa" }, json: body });
      expect(refused.status, t).toBe(403);
    }
    const set = await call("scope", "PUT", { token: tokens.admin, params: { framework: "hipaa" }, json: body });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ scoped: true, clusters: [{ clusterId: clusterA, namespaces: ["phi"] }] });
    expect(await m.db.auditLog.count({ where: { orgId: orgA, action: "compliance.scope" } })).toBe(1);
    expect(revalidated).toContain("/compliance");

    const badNs = await call("scope", "PUT", { token: tokens.admin, params: { framework: "hipaa" }, json: { clusters: [{ clusterId: clusterA, namespaces: ["PHI data"] }] } });
    expect(badNs).toMatchObject({ status: 400, json: { code: "invalid_input" } });
    expect(String(badNs.json.error)).toMatch(/not a namespace name/);
    expect((await call("scope", "GET", { token: tokens.read, params: { framework: "nope" } })).status).toBe(404);
  });

  it("another organization cannot tell this organization's cluster id from one that does not exist", async () => {
    const theirs = await call("scope", "PUT", { token: tokens.other, params: { framework: "hipaa" }, json: { clusters: [{ clusterId: clusterA }] } });
    const missing = await call("scope", "PUT", { token: tokens.other, params: { framework: "hipaa" }, json: { clusters: [{ clusterId: "cnotarealclusterid0000000" }] } });
    expect(theirs.status).toBe(400);
    expect(theirs.json).toEqual(missing.json);
    const read = await call("scope", "GET", { token: tokens.other, params: { framework: "hipaa" } });
    expect(JSON.stringify(read.json)).not.toContain(clusterA);
    expect(JSON.stringify(read.json)).toContain(clusterB);
  });
});

describe("attestation routes", () => {
  let attestationId: string;
  let pdfId: string;
  let textId: string;

  it("an admin attests with a multipart form: files judged from their bytes, checksums answered, no bytes", async () => {
    const res = await call("attestations", "POST", {
      token: tokens.admin,
      params: { framework: "hipaa" },
      form: attestationForm([
        { name: "Q3 review.pdf", type: "application/pdf", bytes: PDF },
        { name: "résumé notes.txt", type: "text/plain", bytes: TEXT },
      ]),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ framework: "hipaa", controlId: control(), state: "active", owner: "Security team", attestedByName: "Alice Auditor <alice@compliance.test>" });
    expect(res.json.links).toEqual(["https://wiki.example.com/access-review", "https://tickets.example.com/SEC-12"]);
    const out = res.json.files as Array<{ id: string; name: string; contentType: string; sha256: string; url: string }>;
    expect(out.map((f) => [f.name, f.contentType])).toEqual([["Q3 review.pdf", "application/pdf"], ["résumé notes.txt", "text/plain"]]);
    expect(out[0]!.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    expect(JSON.stringify(res.json)).not.toMatch(/"(bytes|data)"/);
    attestationId = res.json.id as string;
    pdfId = out[0]!.id;
    textId = out[1]!.id;
    expect(out[0]!.url).toBe(`/api/compliance/attestation-files/${pdfId}`);
    expect(await m.db.auditLog.count({ where: { orgId: orgA, action: "attestation.create", targetId: attestationId } })).toBe(1);
  });

  it("refuses HTML named .pdf (400, clear message), a body that is not a form or JSON (415), and writes nothing", async () => {
    const before = await m.db.attestation.count({ where: { orgId: orgA } });
    const html = Buffer.from("<html><body><script>fetch('/api/clusters')</script></body></html>");
    const res = await call("attestations", "POST", { token: tokens.admin, params: { framework: "hipaa" }, form: attestationForm([{ name: "evidence.pdf", type: "application/pdf", bytes: html }]) });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("invalid_input");
    expect(String(res.json.error)).toMatch(/evidence\.pdf is not a PDF, a PNG image or plain text/);
    const badLink = await call("attestations", "POST", { token: tokens.admin, params: { framework: "hipaa" }, form: attestationForm([], { links: "javascript:alert(1)" }) });
    expect(badLink.status).toBe(400);
    expect(String(badLink.json.error)).toMatch(/https or http/);
    const noDate = await call("attestations", "POST", { token: tokens.admin, params: { framework: "hipaa" }, form: attestationForm([], { expiresAt: "soon" }) });
    expect(noDate.status).toBe(400);
    expect(noDate.json.fieldErrors).toHaveProperty("expiresAt");
    const plain = await call("attestations", "POST", { token: tokens.admin, params: { framework: "hipaa" }, body: "statement=x", headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    expect(await m.db.attestation.count({ where: { orgId: orgA } })).toBe(before);
  });

  it("answers 413 naming a file over BULWARK_EVIDENCE_MAX_BYTES", async () => {
    process.env.BULWARK_EVIDENCE_MAX_BYTES = "1024";
    try {
      const res = await call("attestations", "POST", { token: tokens.admin, params: { framework: "hipaa" }, form: attestationForm([{ name: "big.txt", type: "text/plain", bytes: Buffer.alloc(1025, "a") }]) });
      expect(res.status).toBe(413);
      expect(res.json).toMatchObject({ code: "too_large" });
      expect(String(res.json.error)).toMatch(/big\.txt is larger than/);
    } finally {
      delete process.env.BULWARK_EVIDENCE_MAX_BYTES;
    }
  });

  it("read and findings:write tokens cannot attest or revoke; JSON attests without files", async () => {
    for (const t of ["read", "findings:write"]) {
      expect((await call("attestations", "POST", { token: tokens[t], params: { framework: "hipaa" }, form: attestationForm([]) })).status, t).toBe(403);
      expect((await call("revoke", "POST", { token: tokens[t], params: { framework: "hipaa", id: attestationId }, json: {} })).status, t).toBe(403);
    }
    const json = await call("attestations", "POST", {
      token: tokens.admin,
      params: { framework: "gdpr" },
      json: { controlId: getFramework("gdpr")!.controls.find((c) => !c.notApplicable)!.id, statement: "DPIA done.", owner: "DPO", reviewedAt: day(0), expiresAt: day(30), links: ["https://dpo.example.com/dpia"] },
    });
    expect(json.status, JSON.stringify(json.json)).toBe(201);
    expect(json.json.files).toEqual([]);
  });

  it("lists history for readers, filtered by control; another organization sees none of it", async () => {
    const all = await call("attestations", "GET", { token: tokens.read, params: { framework: "hipaa" } });
    expect(all.status).toBe(200);
    expect((all.json.items as Array<{ id: string }>).map((a) => a.id)).toContain(attestationId);
    const one = await call("attestations", "GET", { token: tokens.read, params: { framework: "hipaa" }, query: `?control=${encodeURIComponent(control())}` });
    expect((one.json.items as Array<{ controlId: string }>).every((a) => a.controlId === control())).toBe(true);
    const none = await call("attestations", "GET", { token: tokens.read, params: { framework: "hipaa" }, query: "?control=no-such" });
    expect(none.json.items).toEqual([]);
    const other = await call("attestations", "GET", { token: tokens.other, params: { framework: "hipaa" } });
    expect(other.json.items).toEqual([]);
  });

  it("serves a file only as an attachment, with its type, nosniff, a sandbox CSP and its checksum; audited", async () => {
    const pdf = await call("file", "GET", { token: tokens.read, params: { id: pdfId } });
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.equals(PDF)).toBe(true);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="Q3 review.pdf"; filename*=UTF-8''Q3%20review.pdf`);
    expect(pdf.headers.get("x-content-type-options")).toBe("nosniff");
    expect(pdf.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(pdf.headers.get("x-checksum-sha256")).toBe(createHash("sha256").update(PDF).digest("hex"));
    expect(pdf.headers.get("cache-control")).toContain("no-store");
    const text = await call("file", "GET", { token: tokens.read, params: { id: textId } });
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(text.headers.get("content-disposition")).toBe(`attachment; filename="r_sum_ notes.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9%20notes.txt`);
    expect(await m.db.auditLog.count({ where: { orgId: orgA, action: "attestation.file.download" } })).toBe(2);

    expect((await call("file", "GET", { token: tokens.other, params: { id: pdfId } })).status).toBe(404);
    expect((await call("file", "GET", { token: tokens.read, params: { id: "cnotarealfileid0000000000" } })).status).toBe(404);
  });

  it("refuses cross-site cookie requests for a file", async () => {
    const res = await call("file", "GET", { params: { id: pdfId }, headers: { "sec-fetch-site": "cross-site", cookie: "next-auth.session-token=x" } });
    expect(res.status).toBe(403);
  });

  it("revokes once; another organization, or another framework's path, gets 404", async () => {
    expect((await call("revoke", "POST", { token: tokens.other, params: { framework: "hipaa", id: attestationId }, json: {} })).status).toBe(404);
    expect((await call("revoke", "POST", { token: tokens.admin, params: { framework: "gdpr", id: attestationId }, json: {} })).status).toBe(404);
    const res = await call("revoke", "POST", { token: tokens.admin, params: { framework: "hipaa", id: attestationId }, json: { reason: "wrong system" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: attestationId, state: "revoked" });
    const again = await call("revoke", "POST", { token: tokens.admin, params: { framework: "hipaa", id: attestationId }, json: {} });
    expect(again.status).toBe(409);
    expect(await m.db.auditLog.count({ where: { orgId: orgA, action: "attestation.revoke", targetId: attestationId } })).toBe(1);
  });
});

describe("the OpenAPI document", () => {
  it("describes the attestation form as multipart with files (and JSON without), with 413 and 415", async () => {
    const { apiRoute } = await import("@/lib/api-routes");
    const res = await apiRoute("GET /api/openapi.json")(new Request("http://app.test/api/openapi.json"), { params: Promise.resolve({}) });
    const doc = (await res.json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> }; responses: Record<string, unknown>; parameters?: Array<{ name: string; in: string }> }>> };
    const post = doc.paths["/api/compliance/{framework}/attestations"]!.post!;
    expect(Object.keys(post.requestBody!.content)).toEqual(["multipart/form-data", "application/json"]);
    expect(post.requestBody!.content["multipart/form-data"]!.schema.properties).toHaveProperty("files");
    expect(post.requestBody!.content["application/json"]!.schema.properties).not.toHaveProperty("files");
    expect(post.requestBody!.content["application/json"]!.schema.properties).not.toHaveProperty("framework");
    expect(post.responses).toHaveProperty("201");
    expect(post.responses).toHaveProperty("413");
    expect(post.responses).toHaveProperty("415");
    expect(post.parameters).toEqual([expect.objectContaining({ name: "framework", in: "path" })]);
    const download = doc.paths["/api/compliance/attestation-files/{id}"]!.get!.responses["200"] as { content: Record<string, unknown> };
    expect(Object.keys(download.content).sort()).toEqual(["application/pdf", "image/png", "text/plain; charset=utf-8"]);
  });
});
