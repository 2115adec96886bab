// /api/fixes and /api/clusters/{id}/write-credential through their route files, with API tokens
// against real Postgres and Redis. Findings come from the rule engine judging a Deployment (so their
// fixes are the rules' own); the bundle is a real zip with a kustomization and patches; a proposal
// is refused for what cannot be fixed and for a request already open; approval needs the cluster's
// write credential (vetted, never answered back) and enqueues the apply job; reject needs a note;
// another organization gets 404 for every id of the first.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { evaluate, snapshotFromManifests, type KubeObject } from "@bulwark/rules";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";

const DB = "bulwark_be_h5_fix_routes";
process.env.BULWARK_SECRET_KEY ??= "test-secret-key-that-is-at-least-32-characters";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-at-least-32-characters";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
process.env.BULWARK_ALLOW_PRIVATE_NETWORKS = "true";
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type TJson = Record<string, unknown>;
let m: typeof import("@bulwark/db");
let jobs: typeof import("@bulwark/jobs");
const h: Record<string, Handler> = {};
let orgA: string;
let clusterA: string;
let readA: string;
let adminA: string;
let adminB: string;
let fixable: string[] = [];
let manual = "";

const SERVER = "https://127.0.0.1:6443";
/** A throwaway CA certificate (vetting parses it; nothing connects in this test). */
function caCertificate(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bulwark-h5-ca-"));
  try {
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=kube-ca", "-days", "2", "-keyout", path.join(dir, "k.pem"), "-out", path.join(dir, "c.pem")], { stdio: "ignore" });
    return readFileSync(path.join(dir, "c.pem"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kubeconfig = () => `apiVersion: v1
kind: Config
clusters:
- name: shop
  cluster:
    server: ${SERVER}
    certificate-authority-data: ${Buffer.from(caCertificate()).toString("base64")}
users:
- name: fixer
  user:
    token: write-token-that-must-never-come-back
contexts:
- name: fixer@shop
  context: { cluster: shop, user: fixer }
current-context: fixer@shop
`;

const DEPLOYMENT: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "shop", labels: { app: "web" } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "web", image: "nginx:1.27.0", securityContext: { privileged: true } }] },
    },
  },
} as unknown as KubeObject;

async function call(handler: string, token: string, opts: { url: string; method?: string; json?: unknown; params?: Record<string, string> }) {
  const headers: Record<string, string> = { host: "app.test", authorization: `Bearer ${token}`, ...(opts.json !== undefined ? { "content-type": "application/json" } : {}) };
  const res = await h[handler]!(new Request(`http://app.test${opts.url}`, { method: opts.method ?? "GET", headers, ...(opts.json !== undefined ? { body: JSON.stringify(opts.json) } : {}) }), { params: Promise.resolve(opts.params ?? {}) });
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) return { status: res.status, json: (await res.json()) as TJson, headers: res.headers, bytes: null };
  return { status: res.status, json: {} as TJson, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  const files = {
    fixes: import("../../../app/api/fixes/route"),
    bundle: import("../../../app/api/fixes/bundle/route"),
    fix: import("../../../app/api/fixes/[id]/route"),
    decision: import("../../../app/api/fixes/[id]/decision/route"),
    cancel: import("../../../app/api/fixes/[id]/cancel/route"),
    cred: import("../../../app/api/clusters/[id]/write-credential/route"),
  };
  for (const [name, mod] of Object.entries(files)) {
    const r = (await mod) as unknown as Record<string, Handler | undefined>;
    for (const method of ["GET", "POST", "PUT", "DELETE"]) if (r[method]) h[`${method} ${name}`] = r[method]!;
  }
  const a = await m.createUserWithOrganization({ email: "a@fix-routes.test", passwordHash: null, orgName: "A" });
  const b = await m.createUserWithOrganization({ email: "b@fix-routes.test", passwordHash: null, orgName: "B" });
  orgA = a.org.id;
  clusterA = (await m.createCluster({ orgId: orgA, actorId: a.user.id, name: "shop", server: SERVER, credentialCipher: "x", credentialKeyId: "k" })).id;
  await m.createCluster({ orgId: b.org.id, actorId: b.user.id, name: "b-prod", server: SERVER, credentialCipher: "x", credentialKeyId: "k" });
  readA = (await m.createApiToken({ orgId: orgA, createdById: a.user.id, name: "read", scopes: ["read"], expiresInDays: 1 })).token;
  adminA = (await m.createApiToken({ orgId: orgA, createdById: a.user.id, name: "admin", scopes: ["admin"], expiresInDays: 1 })).token;
  adminB = (await m.createApiToken({ orgId: b.org.id, createdById: b.user.id, name: "admin", scopes: ["admin"], expiresInDays: 1 })).token;

  // The findings the engine raises on the Deployment, stored as a scan would store them.
  const scan = await m.db.scan.create({ data: { orgId: orgA, clusterId: clusterA, trigger: "manual", status: "succeeded" } });
  const { findings } = evaluate(snapshotFromManifests([DEPLOYMENT], [undefined]));
  await m.db.clusterObject.create({ data: { orgId: orgA, clusterId: clusterA, key: "Deployment/shop/web", apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web", hash: "h", manifest: DEPLOYMENT as object, lastSeenScanId: scan.id } });
  await m.db.finding.createMany({
    data: findings.map((f) => ({
      orgId: orgA, clusterId: clusterA, fingerprint: f.fingerprint, ruleId: f.ruleId, severity: f.severity, apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web",
      path: f.path, message: f.message, remediation: f.remediation, ...(f.fix ? { fix: f.fix as object } : {}), firstSeenScanId: scan.id, lastSeenScanId: scan.id,
    })),
  });
  const stored = await m.db.finding.findMany({ where: { orgId: orgA }, select: { id: true, ruleId: true, fix: true } });
  const plan = (await import("@bulwark/rules")).planFixes((await m.loadFixInputs({ orgId: orgA, findingIds: stored.map((s) => s.id) }))[0]!.inputs).plan;
  fixable = plan.flatMap((e) => e.findingIds);
  // A finding whose fix needs a value only its owner knows (or has none): nothing automatic.
  manual = stored.find((s) => !fixable.includes(s.id))?.id ?? "";
}, 120_000);

afterAll(async () => {
  await jobs?.closeQueues?.().catch(() => {});
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("fix bundles", () => {
  it("zips a kustomize patch set and strategic-merge patches for the findings", async () => {
    expect(fixable.length).toBeGreaterThan(0);
    const res = await call("GET bundle", readA, { url: `/api/fixes/bundle?${fixable.map((id) => `finding=${id}`).join("&")}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="bulwark-fixes-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(res.headers.get("x-fix-targets")).toBe("1");
    const files = unzipSync(res.bytes!);
    expect(Object.keys(files)).toContain("kustomization.yaml");
    const all = Object.entries(files).map(([name, b]) => `${name}\n${strFromU8(b)}`).join("\n");
    expect(all).toMatch(/privileged: false/);
    expect(all).toMatch(/name: web/);
    // One cluster: no cluster folder.
    expect(Object.keys(files).every((n) => !n.startsWith("shop/"))).toBe(true);
  });

  it("400 with the reason when nothing is fixable, 400 without ids, 404 for another organization", async () => {
    expect(manual).not.toBe("");
    {
      const res = await call("GET bundle", readA, { url: `/api/fixes/bundle?finding=${manual}` });
      expect(res.status).toBe(400);
      expect(String(res.json.error)).toMatch(/^Nothing/);
    }
    expect((await call("GET bundle", readA, { url: "/api/fixes/bundle" })).status).toBe(400);
    expect((await call("GET bundle", adminB, { url: `/api/fixes/bundle?finding=${fixable[0]}` })).status).toBe(404);
    expect((await call("GET bundle", adminB, { url: "/api/fixes/bundle?risk=nope" })).status).toBe(404);
  });
});

describe("fix requests", () => {
  let fixId = "";

  it("a read token may not propose; an admin proposes, once", async () => {
    expect((await call("POST fixes", readA, { url: "/api/fixes", method: "POST", json: { findingIds: [fixable[0]] } })).status).toBe(403);
    const res = await call("POST fixes", adminA, { url: "/api/fixes", method: "POST", json: { findingIds: [fixable[0]], reason: "change window tonight" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "proposed", clusterId: clusterA, reason: "change window tonight", source: "finding" });
    fixId = String(res.json.id);
    const plan = res.json.plan as { target: { kind: string; name: string }; patch: Record<string, unknown> }[];
    expect(plan[0]?.target).toMatchObject({ kind: "Deployment", name: "web" });
    const again = await call("POST fixes", adminA, { url: "/api/fixes", method: "POST", json: { findingIds: [fixable[0]] } });
    expect(again.status).toBe(409);
    {
      const none = await call("POST fixes", adminA, { url: "/api/fixes", method: "POST", json: { findingIds: [manual] } });
      expect(none.status).toBe(400);
    }
    expect((await call("POST fixes", adminA, { url: "/api/fixes", method: "POST", json: {} })).status).toBe(400);
  });

  it("lists by tab and reads one; another organization gets 404", async () => {
    const proposed = await call("GET fixes", readA, { url: "/api/fixes?tab=proposed" });
    expect((proposed.json.items as { id: string }[]).map((i) => i.id)).toEqual([fixId]);
    const done = await call("GET fixes", readA, { url: "/api/fixes?tab=done" });
    expect(done.json.items).toEqual([]);
    const byFinding = await call("GET fixes", readA, { url: `/api/fixes?finding=${fixable[0]}` });
    expect((byFinding.json.items as unknown[]).length).toBe(1);
    expect((await call("GET fix", readA, { url: `/api/fixes/${fixId}`, params: { id: fixId } })).status).toBe(200);
    expect((await call("GET fix", adminB, { url: `/api/fixes/${fixId}`, params: { id: fixId } })).status).toBe(404);
    expect((await call("GET fixes", adminB, { url: `/api/fixes?cluster=${clusterA}` })).status).toBe(404);
    expect((await call("POST decision", adminB, { url: `/api/fixes/${fixId}/decision`, method: "POST", json: { decision: "approve" }, params: { id: fixId } })).status).toBe(404);
  });

  it("approval needs the write credential; reject needs a note", async () => {
    const noCred = await call("POST decision", adminA, { url: `/api/fixes/${fixId}/decision`, method: "POST", json: { decision: "approve" }, params: { id: fixId } });
    expect(noCred.status).toBe(409);
    expect(String(noCred.json.error)).toMatch(/write credential/);
    const noNote = await call("POST decision", adminA, { url: `/api/fixes/${fixId}/decision`, method: "POST", json: { decision: "reject" }, params: { id: fixId } });
    expect(noNote.status).toBe(400);
    expect(noNote.json.fieldErrors).toHaveProperty("note");
    const rejected = await call("POST decision", adminA, { url: `/api/fixes/${fixId}/decision`, method: "POST", json: { decision: "reject", note: "not during the sale" }, params: { id: fixId } });
    expect(rejected.status).toBe(200);
    expect(rejected.json).toMatchObject({ status: "rejected", decisionNote: "not during the sale" });
    expect((await call("POST cancel", adminA, { url: `/api/fixes/${fixId}/cancel`, method: "POST", params: { id: fixId } })).status).toBe(409);
  });

  it("the write credential is vetted, stored and never answered back; approval then enqueues the apply job", async () => {
    const url = `/api/clusters/${clusterA}/write-credential`;
    const KUBECONFIG = kubeconfig();
    const bad = await call("PUT cred", adminA, { url, method: "PUT", json: { kubeconfig: "not: a kubeconfig" }, params: { id: clusterA } });
    expect(bad.status).toBe(400);
    expect(bad.json.fieldErrors).toHaveProperty("kubeconfig");
    expect((await call("PUT cred", readA, { url, method: "PUT", json: { kubeconfig: KUBECONFIG }, params: { id: clusterA } })).status).toBe(403);
    expect((await call("PUT cred", adminB, { url, method: "PUT", json: { kubeconfig: KUBECONFIG }, params: { id: clusterA } })).status).toBe(404);
    const set = await call("PUT cred", adminA, { url, method: "PUT", json: { kubeconfig: KUBECONFIG }, params: { id: clusterA } });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ set: true });
    expect(JSON.stringify(set.json)).not.toContain("write-token-that-must-never-come-back");
    const read = await call("GET cred", readA, { url, params: { id: clusterA } });
    expect(read.json).toMatchObject({ set: true });
    expect(JSON.stringify(read.json)).not.toContain("write-token");

    const proposed = await call("POST fixes", adminA, { url: "/api/fixes", method: "POST", json: { findingIds: fixable } });
    expect(proposed.status).toBe(201);
    expect(proposed.json.source).toBe(fixable.length > 1 ? "selection" : "finding");
    const id = String(proposed.json.id);
    const approved = await call("POST decision", adminA, { url: `/api/fixes/${id}/decision`, method: "POST", json: { decision: "approve", note: "ok" }, params: { id } });
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe("approved");
    const queue = jobs.getQueue(jobs.QUEUE_REMEDIATION);
    const queued = await queue.getJobs(["waiting", "delayed", "active", "completed", "failed", "prioritized"]);
    expect(queued.some((j) => (j.data as { fixRequestId?: string }).fixRequestId === id)).toBe(true);
    await Promise.all(queued.filter((j) => (j.data as { fixRequestId?: string }).fixRequestId === id).map((j) => j.remove().catch(() => {})));

    const cleared = await call("DELETE cred", adminA, { url, method: "DELETE", params: { id: clusterA } });
    expect(cleared.json).toMatchObject({ set: false, identity: null });
  });
});
