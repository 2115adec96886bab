// The access review API through its route files' own handlers, against real Postgres: start
// (admins only; a never-scanned cluster is refused), decide (members; a revoke needs a note),
// sign-off refused while items are pending and then attesting four controls, export as CSV and
// PDF attachments, and another organization answered 404 on every review URL.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";

const DB = "bulwark_be_access_review_api";
process.env.BULWARK_SECRET_KEY ??= "test-secret-key-that-is-at-least-32-characters";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-at-least-32-characters";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Db = typeof import("@bulwark/db");
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let m: Db;
let routes: Record<string, Record<string, Handler>>;
const files = {
  reviews: "../../../app/api/access/reviews/route",
  review: "../../../app/api/access/reviews/[id]/route",
  item: "../../../app/api/access/reviews/[id]/items/[itemId]/route",
  signOff: "../../../app/api/access/reviews/[id]/sign-off/route",
  cancel: "../../../app/api/access/reviews/[id]/cancel/route",
  export: "../../../app/api/access/reviews/[id]/export/route",
} as const;

let orgA: string;
let prod: string;
let unscanned: string;
let theirCluster: string;
const tokens: Record<string, string> = {};

async function call(
  file: keyof typeof files,
  method: "GET" | "POST",
  opts: { token: string; params?: Record<string, string>; query?: string; json?: unknown },
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers; bytes: Buffer }> {
  const headers: Record<string, string> = { host: "app.test", authorization: `Bearer ${opts.token}` };
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  }
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

const capability = (title: string) => ({
  id: "cluster-admin",
  level: "admin",
  title,
  why: "Can do anything anywhere in the cluster.",
  via: { binding: "ops-admins", bindingKind: "ClusterRoleBinding", role: "cluster-admin", roleKind: "ClusterRole", ruleIndex: 0, rule: { apiGroups: ["*"], resources: ["*"], verbs: ["*"], resourceNames: [], nonResourceURLs: [] }, builtIn: false },
});

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("@bulwark/db");
  routes = Object.fromEntries(await Promise.all(Object.entries(files).map(async ([k, f]) => [k, (await import(f)) as Record<string, Handler>])));
  const a = await m.createUserWithOrganization({ email: "ada@reviews-api.test", passwordHash: null, orgName: "Reviews A", name: "Ada Admin" });
  const b = await m.createUserWithOrganization({ email: "bo@reviews-api.test", passwordHash: null, orgName: "Reviews B" });
  const member = await m.createUser({ email: "mia@reviews-api.test", passwordHash: null, name: "Mia Member" });
  await m.db.membership.create({ data: { orgId: a.org.id, userId: member.id, role: "member" } });
  orgA = a.org.id;
  const cluster = async (org: string, actor: string, name: string, built: boolean) => {
    const id = (await m.createCluster({ orgId: org, actorId: actor, name, server: "https://127.0.0.1:6443", credentialCipher: "x", credentialKeyId: "k1" })).id;
    if (built) await m.db.accessSnapshot.create({ data: { clusterId: id, orgId: org, builtAt: new Date(), counts: {} } });
    return id;
  };
  prod = await cluster(orgA, a.user.id, "payments-prod", true);
  unscanned = await cluster(orgA, a.user.id, "new-cluster", false);
  theirCluster = await cluster(b.org.id, b.user.id, "theirs", true);
  for (const [name, privilege] of [["alice@example.com", "admin"], ["ci-deployer", "high"]] as const) {
    await m.db.accessSubject.create({ data: { orgId: orgA, clusterId: prod, kind: "User", name, privilege, capabilities: [capability(privilege === "admin" ? "cluster-admin" : "create workloads")] } });
  }
  await m.db.accessSubject.create({ data: { orgId: b.org.id, clusterId: theirCluster, kind: "User", name: "eve@example.com", privilege: "admin", capabilities: [capability("cluster-admin")] } });

  for (const scope of ["read", "admin"] as const) tokens[scope] = (await m.createApiToken({ orgId: orgA, createdById: a.user.id, name: scope, scopes: [scope], expiresInDays: 30 })).token;
  // A member's token with every scope still acts as a member: may decide, may not start or sign off.
  tokens.member = (await m.createApiToken({ orgId: orgA, createdById: member.id, name: "member", scopes: ["admin"], expiresInDays: 30 })).token;
  tokens.other = (await m.createApiToken({ orgId: b.org.id, createdById: b.user.id, name: "other", scopes: ["admin"], expiresInDays: 30 })).token;
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("access review routes", () => {
  let reviewId: string;
  let items: Array<{ id: string; subject: { name: string } }>;

  it("only admins start a review; a never-scanned or foreign cluster is refused with a message", async () => {
    const body = { title: "Q4 access review", dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10), validDays: 120 };
    expect((await call("reviews", "POST", { token: tokens.read!, json: body })).status).toBe(403);
    expect((await call("reviews", "POST", { token: tokens.member!, json: body })).status).toBe(403);
    const bad = await call("reviews", "POST", { token: tokens.admin!, json: { ...body, clusterIds: [unscanned] } });
    expect(bad).toMatchObject({ status: 400, json: { code: "invalid_input" } });
    expect(String(bad.json.error)).toContain("new-cluster has no access model yet");
    const foreign = await call("reviews", "POST", { token: tokens.admin!, json: { ...body, clusterIds: [theirCluster] } });
    expect(foreign.status).toBe(400);
    expect(String(foreign.json.error)).toMatch(/does not exist/);
    expect((await call("reviews", "POST", { token: tokens.admin!, json: { title: "" } })).json).toMatchObject({ code: "invalid_input", fieldErrors: { title: "Give the review a title" } });

    const started = await call("reviews", "POST", { token: tokens.admin!, json: body });
    expect(started.status).toBe(201);
    expect(started.json).toMatchObject({ items: 2 });
    reviewId = String(started.json.id);

    const list = await call("reviews", "GET", { token: tokens.read! });
    expect(list.json).toMatchObject({ items: [{ id: reviewId, title: "Q4 access review", status: "open", validDays: 120, counts: { total: 2, pending: 2 }, clusters: [{ clusterId: prod, clusterName: "payments-prod" }] }] });
    const one = await call("review", "GET", { token: tokens.read!, params: { id: reviewId } });
    items = one.json.items as typeof items;
    expect(items.map((i) => i.subject.name)).toEqual(["alice@example.com", "ci-deployer"]);
  });

  it("another organization gets 404 on every review URL, exactly as for an id that does not exist", async () => {
    const params = { id: reviewId, itemId: items[0]!.id };
    const attempts = [
      () => call("review", "GET", { token: tokens.other!, params }),
      () => call("item", "POST", { token: tokens.other!, params, json: { decision: "keep" } }),
      () => call("signOff", "POST", { token: tokens.other!, params, json: {} }),
      () => call("cancel", "POST", { token: tokens.other!, params, json: {} }),
      () => call("export", "GET", { token: tokens.other!, params, query: "?format=csv" }),
      () => call("export", "GET", { token: tokens.other!, params, query: "?format=pdf" }),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.status).toBe(404);
      expect(res.bytes.toString()).not.toContain("alice");
    }
    const missing = await call("review", "GET", { token: tokens.admin!, params: { id: "cnotarealreview0000000000" } });
    const theirs = await call("review", "GET", { token: tokens.other!, params: { id: reviewId } });
    expect(theirs.json).toEqual(missing.json);
    // An item id of this review under another review id is not found either.
    expect((await call("item", "POST", { token: tokens.admin!, params: { id: "cnotarealreview0000000000", itemId: items[0]!.id }, json: { decision: "keep" } })).status).toBe(404);
    expect((await call("reviews", "GET", { token: tokens.other! })).json).toEqual({ items: [] });
  });

  it("members decide (a revoke needs a note); sign-off waits for every item, then attests; exports are attachments", async () => {
    const noNote = await call("item", "POST", { token: tokens.member!, params: { id: reviewId, itemId: items[1]!.id }, json: { decision: "revoke" } });
    expect(noNote).toMatchObject({ status: 400, json: { fieldErrors: { note: "Say why the access goes and who removes it" } } });
    const revoke = await call("item", "POST", { token: tokens.member!, params: { id: reviewId, itemId: items[1]!.id }, json: { decision: "revoke", note: "CI moved to a scoped role; remove ci-deployer" } });
    expect(revoke).toMatchObject({ status: 200, json: { decision: "revoke", decidedByName: "Mia Member <mia@reviews-api.test>" } });
    expect((await call("item", "POST", { token: tokens.read!, params: { id: reviewId, itemId: items[0]!.id }, json: { decision: "keep" } })).status).toBe(403);

    expect((await call("signOff", "POST", { token: tokens.member!, params: { id: reviewId }, json: {} })).status).toBe(403);
    const early = await call("signOff", "POST", { token: tokens.admin!, params: { id: reviewId }, json: {} });
    expect(early).toMatchObject({ status: 409, json: { code: "conflict", error: "1 of 2 items are still pending: mark each keep or revoke before signing off" } });

    await call("item", "POST", { token: tokens.member!, params: { id: reviewId, itemId: items[0]!.id }, json: { decision: "keep", note: "on-call lead" } });
    const signed = await call("signOff", "POST", { token: tokens.admin!, params: { id: reviewId }, json: { note: "Reviewed with the platform team" } });
    expect(signed.status).toBe(200);
    expect(signed.json).toMatchObject({ status: "signed-off", signedOffByName: "Ada Admin <ada@reviews-api.test>", counts: { keep: 1, revoke: 1, pending: 0 } });
    expect((signed.json.attestations as Array<{ controlId: string }>).map((a) => a.controlId)).toEqual(["164.308(a)(3)(ii)(B)", "164.308(a)(4)(ii)(C)", "CC6.2", "CC6.3"]);

    const csv = await call("export", "GET", { token: tokens.read!, params: { id: reviewId }, query: "?format=csv" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="access-review-\d{4}-\d\d-\d\d-[a-z0-9]{8}\.csv"$/);
    expect(csv.headers.get("x-content-type-options")).toBe("nosniff");
    const rows = csv.bytes.toString("utf8").trimEnd().split("\r\n");
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain(",revoke,CI moved to a scoped role; remove ci-deployer,Mia Member <mia@reviews-api.test>,");
    const pdf = await call("export", "GET", { token: tokens.read!, params: { id: reviewId }, query: "?format=pdf" });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(Number(pdf.headers.get("content-length"))).toBe(pdf.bytes.byteLength);
    expect((await call("export", "GET", { token: tokens.read!, params: { id: reviewId }, query: "?format=docx" })).status).toBe(400);
    expect(await m.db.auditLog.count({ where: { orgId: orgA, action: "access-review.export", targetId: reviewId } })).toBe(2);

    // Closed: 409 on decisions, sign-off and cancel.
    expect((await call("item", "POST", { token: tokens.member!, params: { id: reviewId, itemId: items[0]!.id }, json: { decision: "keep" } })).status).toBe(409);
    expect((await call("signOff", "POST", { token: tokens.admin!, params: { id: reviewId }, json: {} })).status).toBe(409);
    expect((await call("cancel", "POST", { token: tokens.admin!, params: { id: reviewId }, json: {} })).status).toBe(409);
  });

  it("admins cancel an open review; members may not", async () => {
    const started = await call("reviews", "POST", { token: tokens.admin!, json: { title: "Scratch", clusterIds: [prod], includeHigh: false } });
    expect(started.json).toMatchObject({ items: 1 });
    const id = String(started.json.id);
    expect((await call("cancel", "POST", { token: tokens.member!, params: { id }, json: {} })).status).toBe(403);
    const cancelled = await call("cancel", "POST", { token: tokens.admin!, params: { id }, json: { reason: "duplicate" } });
    expect(cancelled).toMatchObject({ status: 200, json: { status: "cancelled" } });
  });
});
