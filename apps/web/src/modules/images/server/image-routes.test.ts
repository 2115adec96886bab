// /api/images, /api/vulnerabilities and /api/cve-exceptions through their route files, with API
// tokens against real Postgres: a CI token imports a Trivy document as the raw body and as a
// multipart upload (201, the same document again is a duplicate), malformed, empty, non-UTF-8 and
// oversized documents answer 4xx with a reason and store nothing, a read token may not import;
// the image list and page answer the imported counts; CVE exceptions are an admin's, checked and
// revocable once; another organization gets 404 for every id of the first.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";

const DB = "bulwark_be_images_api";
process.env.BULWARK_SECRET_KEY ??= "test-secret-key-that-is-at-least-32-characters";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-at-least-32-characters";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TRIVY = readFileSync(path.join(HERE, "../../../../../../packages/rules/src/vulns/formats/fixtures/trivy-nginx-1.21.0.json"), "utf8");
const DIGEST = "sha256:c0b10b1f6af8e59627bdede5c49dc1ee7aa69493a8a6a2c1b3c5c4eaf39d4801";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type TJson = Record<string, unknown>;
let m: typeof import("@bulwark/db");
const h: Record<string, Handler> = {};
let orgA: string;
let orgB: string;
let clusterA: string;
let clusterB: string;
let imageA: string;
let scanA: string;
let readA: string;
let adminA: string;
let adminB: string;

async function call(handler: string, token: string, opts: { url: string; method?: string; body?: BodyInit; type?: string; params?: Record<string, string>; headers?: Record<string, string> }) {
  const headers: Record<string, string> = { host: "app.test", authorization: `Bearer ${token}`, ...(opts.type ? { "content-type": opts.type } : {}), ...(opts.headers ?? {}) };
  const res = await h[handler]!(new Request(`http://app.test${opts.url}`, { method: opts.method ?? "GET", headers, ...(opts.body !== undefined ? { body: opts.body } : {}) }), { params: Promise.resolve(opts.params ?? {}) });
  return { status: res.status, json: (await res.json()) as TJson };
}
const importCount = () => m.db.vulnImport.count({ where: { orgId: orgA } });

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("@bulwark/db");
  const files = {
    images: import("../../../app/api/images/route"),
    image: import("../../../app/api/images/[id]/route"),
    import: import("../../../app/api/images/import/route"),
    vulns: import("../../../app/api/vulnerabilities/route"),
    exceptions: import("../../../app/api/cve-exceptions/route"),
    revoke: import("../../../app/api/cve-exceptions/[id]/revoke/route"),
  };
  for (const [name, mod] of Object.entries(files)) {
    const r = (await mod) as unknown as { GET?: Handler; POST?: Handler };
    if (r.GET) h[`GET ${name}`] = r.GET;
    if (r.POST) h[`POST ${name}`] = r.POST;
  }
  const a = await m.createUserWithOrganization({ email: "a@images-api.test", passwordHash: null, orgName: "A" });
  const b = await m.createUserWithOrganization({ email: "b@images-api.test", passwordHash: null, orgName: "B" });
  orgA = a.org.id;
  orgB = b.org.id;
  const mk = (orgId: string, actorId: string, name: string) => m.createCluster({ orgId, actorId, name, server: "https://x", credentialCipher: "x", credentialKeyId: "k" });
  clusterA = (await mk(orgA, a.user.id, "shop")).id;
  clusterB = (await mk(orgB, b.user.id, "b-prod")).id;
  readA = (await m.createApiToken({ orgId: orgA, createdById: a.user.id, name: "read", scopes: ["read"], expiresInDays: 1 })).token;
  adminA = (await m.createApiToken({ orgId: orgA, createdById: a.user.id, name: "admin", scopes: ["admin"], expiresInDays: 1 })).token;
  adminB = (await m.createApiToken({ orgId: orgB, createdById: b.user.id, name: "admin", scopes: ["admin"], expiresInDays: 1 })).token;
  // A's cluster runs nginx:1.21.0 (its pods report the digest the Trivy document names).
  scanA = (await m.db.scan.create({ data: { orgId: orgA, clusterId: clusterA, trigger: "manual", status: "succeeded" } })).id;
  imageA = (await m.db.image.create({ data: { orgId: orgA, registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: DIGEST } })).id;
  await m.db.imageUse.create({
    data: { orgId: orgA, clusterId: clusterA, imageId: imageA, apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web", container: "web", reference: "nginx:1.21.0", mutableTag: true, lastSeenScanId: scanA },
  });
}, 120_000);

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("POST /api/images/import", () => {
  let ci: string;
  beforeAll(async () => {
    const owner = (await m.db.membership.findFirstOrThrow({ where: { orgId: orgA } })).userId;
    ci = (await m.createApiToken({ orgId: orgA, createdById: owner, name: "ci", scopes: ["scan"], expiresInDays: 1 })).token;
  });

  it("imports a Trivy document sent as the body by a CI token (201), attached by digest; the same document again is a duplicate", async () => {
    const res = await call("POST import", ci, { url: "/api/images/import", method: "POST", body: TRIVY, type: "application/json" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ format: "trivy", duplicate: false, image: { registry: "docker.io", repository: "library/nginx", digest: DIGEST }, matches: { workloads: 1, clusters: 1, by: "digest" } });
    expect((res.json.counts as { critical: { total: number } }).critical.total).toBeGreaterThan(0);
    const again = await call("POST import", ci, { url: "/api/images/import", method: "POST", body: TRIVY, type: "application/json" });
    expect(again.status).toBe(201);
    expect(again.json).toMatchObject({ id: res.json.id, duplicate: true });
    expect(await importCount()).toBe(1);
    const audit = await m.db.auditLog.findMany({ where: { orgId: orgA, action: "vulns.import" } });
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it("imports an uploaded file with the image named in the form (multipart)", async () => {
    const form = new FormData();
    const pinned = TRIVY.replace('"RepoDigests": [\n      "nginx@sha256:c0b10b1f6af8e59627bdede5c49dc1ee7aa69493a8a6a2c1b3c5c4eaf39d4801"\n    ]', '"RepoDigests": []');
    expect(pinned).not.toBe(TRIVY);
    form.set("file", new File([pinned], "nginx.trivy.json", { type: "application/json" }));
    form.set("image", `nginx@${DIGEST}`);
    const res = await call("POST import", ci, { url: "/api/images/import", method: "POST", body: form });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ format: "trivy", duplicate: false, image: { digest: DIGEST }, matches: { by: "digest" } });
    expect(await importCount()).toBe(2);
  });

  it("refuses malformed, empty, non-UTF-8, unrecognized and oversized documents with a reason, storing nothing", async () => {
    const before = await importCount();
    const cases: Array<[BodyInit, string | undefined, number, RegExp]> = [
      ['{"SchemaVersion": 2, "Results": [', "application/json", 400, /JSON/i],
      ["", "application/json", 400, /empty/i],
      [new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "application/json", 400, /UTF-8/],
      ['{"hello": "world"}', "application/json", 400, /.+/],
      ["<xml/>", "application/xml", 415, /multipart/],
    ];
    for (const [body, type, status, reason] of cases) {
      const res = await call("POST import", ci, { url: "/api/images/import", method: "POST", body, ...(type ? { type } : {}) });
      expect(res.status, String(body)).toBe(status);
      expect(res.json.error).toMatch(reason);
    }
    // declared too big: refused before reading
    const big = await call("POST import", ci, { url: "/api/images/import", method: "POST", body: "{}", type: "application/json", headers: { "content-length": String(33 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    // actually too big
    const huge = await call("POST import", ci, { url: "/api/images/import", method: "POST", body: `{"pad":"${"x".repeat(32 * 1024 * 1024)}"}`, type: "application/json" });
    expect(huge.status).toBe(413);
    expect(huge.json.error).toMatch(/MiB/);
    expect(await importCount()).toBe(before);
  });

  it("a read token may not import (403) and learns nothing of the body", async () => {
    const res = await call("POST import", readA, { url: "/api/images/import", method: "POST", body: TRIVY, type: "application/json" });
    expect(res.status).toBe(403);
  });
});

describe("GET /api/images, /api/images/{id}, /api/vulnerabilities", () => {
  it("lists the image with the import's counts until a scan judges it, and shows its CVEs", async () => {
    const list = await call("GET images", readA, { url: "/api/images?severity=critical" });
    expect(list.status).toBe(200);
    const items = list.json.items as Array<{ id: string; countsFrom: string }>;
    expect(items.map((i) => [i.id, i.countsFrom])).toEqual([[imageA, "import"]]);
    const registries = await call("GET images", readA, { url: "/api/images?view=registry" });
    expect((registries.json.registries as Array<{ registry: string }>).map((r) => r.registry)).toEqual(["docker.io"]);
    const one = await call("GET image", readA, { url: `/api/images/${imageA}`, params: { id: imageA } });
    expect(one.status).toBe(200);
    const cves = one.json.cves as Array<{ id: string; from: string; fixedVersion?: string }>;
    expect(cves.find((c) => c.id === "CVE-2021-23017")).toMatchObject({ from: "import", fixedVersion: "1.21.1-1~buster" });
    const vulns = await call("GET vulns", readA, { url: `/api/vulnerabilities?cluster=${clusterA}&severity=high` });
    expect(vulns.status).toBe(200);
    expect(vulns.json.items).toEqual([]);
  });

  it("bad filters answer 400 naming the field", async () => {
    const res = await call("GET images", readA, { url: "/api/images?severity=sometimes" });
    expect(res.status).toBe(400);
    expect(res.json.fieldErrors).toHaveProperty("severity");
  });
});

describe("/api/cve-exceptions", () => {
  let exceptionId = "";
  const body = (v: object) => JSON.stringify(v);
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

  it("an admin excepts a CVE with a state, justification and note; bad fields answer 400 with the reason", async () => {
    const bad = await call("POST exceptions", adminA, { url: "/api/cve-exceptions", method: "POST", type: "application/json", body: body({ cve: "CVE-2021-23017", state: "accepted", note: "later" }) });
    expect(bad.status).toBe(400);
    expect(bad.json.fieldErrors).toHaveProperty("expiresAt");
    const badId = await call("POST exceptions", adminA, { url: "/api/cve-exceptions", method: "POST", type: "application/json", body: body({ cve: "CVE-21-1", state: "not_affected", justification: "component_not_present", note: "n" }) });
    expect(badId.status).toBe(400);
    expect(badId.json.error).toMatch(/not a CVE id/);
    const ok = await call("POST exceptions", adminA, {
      url: "/api/cve-exceptions",
      method: "POST",
      type: "application/json",
      body: body({ cve: "cve-2021-23017", state: "not_affected", justification: "vulnerable_code_not_in_execute_path", note: "resolver directive unused", repository: "nginx", clusterId: clusterA, namespace: "shop" }),
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ cve: "CVE-2021-23017", repository: "docker.io/library/nginx", clusterName: "shop", namespace: "shop", active: true });
    exceptionId = ok.json.id as string;
    const until = await call("POST exceptions", adminA, { url: "/api/cve-exceptions", method: "POST", type: "application/json", body: body({ cve: "CVE-2022-0778", state: "accepted", note: "patch window", expiresAt: inDays(30) }) });
    expect(until.status).toBe(201);
    const list = await call("GET exceptions", readA, { url: "/api/cve-exceptions" });
    expect((list.json.items as Array<{ cve: string }>).map((e) => e.cve).sort()).toEqual(["CVE-2021-23017", "CVE-2022-0778"]);
  });

  it("a read token may not except; another organization's cluster is refused; revoking twice is a conflict", async () => {
    const read = await call("POST exceptions", readA, { url: "/api/cve-exceptions", method: "POST", type: "application/json", body: body({ cve: "CVE-2021-1", state: "accepted", note: "n", expiresAt: inDays(3) }) });
    expect(read.status).toBe(403);
    const theirs = await call("POST exceptions", adminB, { url: "/api/cve-exceptions", method: "POST", type: "application/json", body: body({ cve: "CVE-2021-23017", state: "accepted", note: "n", expiresAt: inDays(3), clusterId: clusterA }) });
    expect(theirs.status).toBe(400);
    expect(await m.db.cveException.count({ where: { orgId: orgB } })).toBe(0);
    const otherRevoke = await call("POST revoke", adminB, { url: `/api/cve-exceptions/${exceptionId}/revoke`, method: "POST", params: { id: exceptionId } });
    expect(otherRevoke.status).toBe(404);
    const revoke = await call("POST revoke", adminA, { url: `/api/cve-exceptions/${exceptionId}/revoke`, method: "POST", params: { id: exceptionId } });
    expect(revoke.status).toBe(200);
    expect(revoke.json).toMatchObject({ active: false });
    const again = await call("POST revoke", adminA, { url: `/api/cve-exceptions/${exceptionId}/revoke`, method: "POST", params: { id: exceptionId } });
    expect(again.status).toBe(409);
  });
});

describe("tenancy", () => {
  it("another organization gets 404 for A's image and cluster, and sees none of A's data", async () => {
    expect((await call("GET image", adminB, { url: `/api/images/${imageA}`, params: { id: imageA } })).status).toBe(404);
    expect((await call("GET images", adminB, { url: `/api/images?cluster=${clusterA}` })).status).toBe(404);
    expect((await call("GET vulns", adminB, { url: `/api/vulnerabilities?cluster=${clusterA}` })).status).toBe(404);
    expect((await call("GET vulns", adminB, { url: `/api/vulnerabilities?image=${imageA}` })).status).toBe(404);
    const mine = await call("GET images", adminB, { url: `/api/images?cluster=${clusterB}` });
    expect(mine.status).toBe(200);
    expect(mine.json.items).toEqual([]);
    expect((await call("GET exceptions", adminB, { url: "/api/cve-exceptions?includeRevoked=1" })).json.items).toEqual([]);
    expect(orgB).not.toBe(orgA);
  });
});
