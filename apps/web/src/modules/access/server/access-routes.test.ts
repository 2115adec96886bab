// GET /api/access/* through their route files, with API tokens against real Postgres and access
// models built from kube-sim's scenarios: who-can names the path and reports its server time, the
// change filter pages correctly, and another organization gets 404 for A's clusters and subjects.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { KubeObject } from "@bulwark/rules";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";
import { scenarios } from "../../../../../../packages/kube-sim/src/scenarios";

const DB = "bulwark_be_access_api";
process.env.BULWARK_SECRET_KEY ??= "test-secret-key-that-is-at-least-32-characters";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-at-least-32-characters";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type TJson = Record<string, unknown> & { clusters?: Array<Record<string, unknown>>; items?: Array<Record<string, unknown>>; nextCursor?: string | null };
let m: typeof import("@bulwark/db");
const route: Record<string, Handler> = {};
let shop: string;
let lab: string;
let clusterB: string;
let readA: string;
let readB: string;

async function get(name: string, token: string, query = "") {
  const res = await route[name]!(new Request(`http://app.test/api/access/${name}${query}`, { headers: { host: "app.test", authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
  return { status: res.status, headers: res.headers, json: (await res.json()) as TJson };
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("@bulwark/db");
  const rules = await import("@bulwark/rules");
  const files = {
    overview: import("../../../app/api/access/overview/route"),
    "who-can": import("../../../app/api/access/who-can/route"),
    subject: import("../../../app/api/access/subject/route"),
    subjects: import("../../../app/api/access/subjects/route"),
    stale: import("../../../app/api/access/stale/route"),
    changes: import("../../../app/api/access/changes/route"),
  };
  for (const [name, mod] of Object.entries(files)) route[name] = ((await mod) as unknown as { GET: Handler }).GET;
  const a = await m.createUserWithOrganization({ email: "a@access-api.test", passwordHash: null, orgName: "A" });
  const b = await m.createUserWithOrganization({ email: "b@access-api.test", passwordHash: null, orgName: "B" });
  const mk = (orgId: string, actorId: string, name: string) => m.createCluster({ orgId, actorId, name, server: "https://x", credentialCipher: "x", credentialKeyId: "k" });
  shop = (await mk(a.org.id, a.user.id, "shop-staging")).id;
  lab = (await mk(a.org.id, a.user.id, "access-lab")).id;
  clusterB = (await mk(b.org.id, b.user.id, "b-prod")).id;
  readA = (await m.createApiToken({ orgId: a.org.id, createdById: a.user.id, name: "read", scopes: ["read"], expiresInDays: 1 })).token;
  readB = (await m.createApiToken({ orgId: b.org.id, createdById: b.user.id, name: "read", scopes: ["read"], expiresInDays: 1 })).token;

  const shopObjects = scenarios["shop-staging"]!().objects as KubeObject[];
  await m.saveAccessModel({ orgId: a.org.id, clusterId: shop, scanId: null, model: rules.buildAccessModel(shopObjects), at: new Date("2026-01-01T00:00:00Z") });
  await m.saveAccessModel({ orgId: a.org.id, clusterId: lab, scanId: null, model: rules.buildAccessModel(scenarios["access-lab"]!().objects as KubeObject[]) });
  // A second build of shop-staging: one binding gone, one added (changes of both kinds).
  const next = shopObjects
    .filter((o) => !(o.kind === "RoleBinding" && o.metadata?.name === "storefront-devs-edit"))
    .concat([{ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "oncall-admin" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "oncall@example.com" }] } as KubeObject]);
  await m.saveAccessModel({ orgId: a.org.id, clusterId: shop, scanId: null, model: rules.buildAccessModel(next), at: new Date("2026-01-02T00:00:00Z") });
  // B's cluster knows nobody of A's: its model is tiny and its own.
  await m.saveAccessModel({ orgId: b.org.id, clusterId: clusterB, scanId: null, model: rules.buildAccessModel([]) });
}, 120_000);

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("GET /api/access/who-can", () => {
  it("names the service account that reads secrets in shop, with its binding and role, and the server time", async () => {
    const res = await get("who-can", readA, `?verb=get&resource=secrets&namespace=shop&cluster=${shop}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("server-timing")).toMatch(/^app;dur=\d+(\.\d)?;desc="server time"$/);
    const clusters = res.json.clusters as Array<{ clusterId: string; subjects: Array<{ kind: string; name: string; namespace?: string; via: Array<{ binding: string; role: string; roleKind: string }> }> }>;
    expect(clusters.map((c) => c.clusterId)).toEqual([shop]);
    const sa = clusters[0]!.subjects.find((s) => s.kind === "ServiceAccount" && s.name === "ci-deployer");
    expect(sa?.namespace).toBe("tools");
    expect(sa?.via).toEqual(expect.arrayContaining([expect.objectContaining({ binding: "ci-deployer", role: "ci-deployer", roleKind: "Role" })]));
    // The cluster-admin binding added on the second build answers too.
    expect(clusters[0]!.subjects.find((s) => s.name === "oncall@example.com")?.via.map((v) => v.binding)).toContain("oncall-admin");
  });

  it("asks every cluster without one, hides built-in bindings on request, refuses a malformed question", async () => {
    const all = await get("who-can", readA, "?verb=*&resource=*");
    expect((all.json.clusters ?? []).map((c) => c.clusterName).sort()).toEqual(["access-lab", "shop-staging"]);
    const withBuiltIn = (all.json.clusters as Array<{ subjects: Array<{ name: string }> }>).flatMap((c) => c.subjects.map((s) => s.name));
    expect(withBuiltIn).toContain("system:masters");
    const hidden = await get("who-can", readA, "?verb=*&resource=*&hideBuiltIn=1");
    expect((hidden.json.clusters as Array<{ subjects: Array<{ name: string }> }>).flatMap((c) => c.subjects.map((s) => s.name))).not.toContain("system:masters");
    const bad = await get("who-can", readA, "?verb=get");
    expect(bad.status).toBe(400);
    expect(bad.json.fieldErrors).toHaveProperty("resource");
  });

  it("another organization gets 404 for A's cluster, exactly as for a cluster that exists nowhere", async () => {
    const other = await get("who-can", readB, `?verb=get&resource=secrets&cluster=${shop}`);
    const missing = await get("who-can", readB, "?verb=get&resource=secrets&cluster=cnotarealclusterid0000000");
    expect(other.status).toBe(404);
    expect(other.json).toEqual(missing.json);
    // Without a cluster, B's answer covers B's cluster only.
    const own = await get("who-can", readB, "?verb=get&resource=secrets");
    expect((own.json.clusters ?? []).map((c) => c.clusterId)).toEqual([clusterB]);
  });
});

describe("GET /api/access/subject", () => {
  it("answers the subject in the clusters that know it, and 404 to another organization", async () => {
    const q = "?kind=ServiceAccount&name=ci-deployer&namespace=tools";
    const own = await get("subject", readA, q);
    expect(own.status).toBe(200);
    expect((own.json.clusters ?? []).map((c) => c.clusterId)).toEqual([shop]);
    expect(JSON.stringify(own.json)).toContain("read-secrets");
    expect((await get("subject", readB, q)).status).toBe(404);
    expect((await get("subject", readA, "?kind=ServiceAccount&name=ci-deployer")).status).toBe(400);
  });
});

describe("GET /api/access/subjects, stale, changes, overview", () => {
  it("scope every answer to the caller's organization; A's cluster id is a 404 for B", async () => {
    for (const name of ["subjects", "stale", "changes"]) {
      expect((await get(name, readA, `?cluster=${shop}`)).status, name).toBe(200);
      expect((await get(name, readB, `?cluster=${shop}`)).status, name).toBe(404);
    }
    const overview = await get("overview", readB);
    expect(JSON.stringify(overview.json)).not.toContain(shop);
    expect((await get("overview", readA)).json.clusters?.map((c) => c.clusterName)).toEqual(["access-lab", "shop-staging"]);
  });

  it("filters changes by kind of change and subject, paging without losing a row", async () => {
    const all = await get("changes", readA, `?cluster=${shop}&limit=200`);
    const items = all.json.items as Array<{ id: string; change: string; subject: { name: string } }>;
    expect(new Set(items.map((c) => c.change))).toEqual(new Set(["added", "removed"]));
    const added = await get("changes", readA, `?cluster=${shop}&change=added`);
    expect((added.json.items as Array<{ change: string; subject: { name: string } }>).map((c) => `${c.change} ${c.subject.name}`)).toEqual(
      items.filter((c) => c.change === "added").map((c) => `added ${c.subject.name}`),
    );
    // Removed changes one a page: every one of them, each once, in order.
    const seen: string[] = [];
    let cursor: string | null | undefined = "";
    for (let i = 0; i < 50 && cursor !== null; i++) {
      const page = await get("changes", readA, `?cluster=${shop}&change=removed&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      seen.push(...(page.json.items as Array<{ id: string }>).map((c) => c.id));
      cursor = page.json.nextCursor ?? null;
    }
    expect(seen).toEqual(items.filter((c) => c.change === "removed").map((c) => c.id));
    expect(seen.length).toBeGreaterThan(1);
    const bySubject = await get("changes", readA, `?kind=Group&name=storefront-devs`);
    expect((bySubject.json.items as Array<{ change: string; subject: { name: string } }>).every((c) => c.change === "removed" && c.subject.name === "storefront-devs")).toBe(true);
    expect((bySubject.json.items ?? []).length).toBeGreaterThan(0);
  });
});
