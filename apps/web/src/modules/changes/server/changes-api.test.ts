// GET /api/clusters/{id}/changes and GET /api/live through their route files, with API tokens
// against real Postgres: filters and the cursor over HTTP, another organization's cluster is a 404,
// a read token is enough.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";

const DB = "bulwark_be_changes_api";
process.env.BULWARK_SECRET_KEY ??= "test-secret-key-that-is-at-least-32-characters";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-at-least-32-characters";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let m: typeof import("@bulwark/db");
let changes: Handler;
let live: Handler;
let clusterA: string;
let clusterB: string;
let readA: string;
let readB: string;

async function get(handler: Handler, token: string, query = "", params: Record<string, string> = {}) {
  const res = await handler(new Request(`http://app.test/api/x${query}`, { headers: { host: "app.test", authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("@bulwark/db");
  changes = ((await import("../../../app/api/clusters/[id]/changes/route")) as { GET: Handler }).GET;
  live = ((await import("../../../app/api/live/route")) as { GET: Handler }).GET;
  const a = await m.createUserWithOrganization({ email: "a@changes-api.test", passwordHash: null, orgName: "A" });
  const b = await m.createUserWithOrganization({ email: "b@changes-api.test", passwordHash: null, orgName: "B" });
  const mk = (orgId: string, actorId: string) => m.createCluster({ orgId, actorId, name: "prod", server: "https://x", credentialCipher: "x", credentialKeyId: "k" });
  clusterA = (await mk(a.org.id, a.user.id)).id;
  clusterB = (await mk(b.org.id, b.user.id)).id;
  readA = (await m.createApiToken({ orgId: a.org.id, createdById: a.user.id, name: "read", scopes: ["read"], expiresInDays: 1 })).token;
  readB = (await m.createApiToken({ orgId: b.org.id, createdById: b.user.id, name: "read", scopes: ["read"], expiresInDays: 1 })).token;
  const base = new Date("2025-03-01T09:00:00Z").getTime();
  await m.db.clusterChange.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      orgId: a.org.id, clusterId: clusterA, at: new Date(base + i * 60_000), type: i % 2 ? ("modified" as const) : ("added" as const), apiVersion: "v1", kind: i % 2 ? "ConfigMap" : "Pod",
      namespace: "shop", name: `obj-${i}`, manager: "kubectl-client-side-apply", fields: i % 2 ? ["data.key"] : [],
    })),
  });
  await m.db.cluster.update({ where: { id: clusterA }, data: { watchState: "live", lastEventAt: new Date(base + 29 * 60_000), liveUpdatedAt: new Date(base) } });
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("GET /api/clusters/{id}/changes", () => {
  it("filters, pages with the cursor, and answers fields and the manager in words", async () => {
    const first = await get(changes, readA, "?kind=ConfigMap&limit=10&since=2025-03-01T09:05:00Z", { id: clusterA });
    expect(first.status).toBe(200);
    const items = first.json.items as Array<{ name: string; kind: string; fields: string[]; managerView: { label: string } }>;
    expect(items).toHaveLength(10);
    expect(items[0]).toMatchObject({ name: "obj-29", kind: "ConfigMap", fields: ["data.key"], managerView: { label: "kubectl (client-side apply)" } });
    const second = await get(changes, readA, `?kind=ConfigMap&limit=10&since=2025-03-01T09:05:00Z&cursor=${first.json.nextCursor as string}`, { id: clusterA });
    expect((second.json.items as Array<{ name: string }>).map((r) => r.name)).toEqual(["obj-9", "obj-7", "obj-5"]);
    expect(second.json.nextCursor).toBeUndefined();
    expect((await get(changes, readA, "?type=renamed", { id: clusterA })).status).toBe(400);
  });

  it("is a 404 for another organization's cluster", async () => {
    expect((await get(changes, readB, "", { id: clusterA })).status).toBe(404);
    expect((await get(changes, readA, "", { id: clusterB })).status).toBe(404);
  });
});

describe("GET /api/live", () => {
  it("answers the organization's or one cluster's stamps, and 404 for a foreign cluster", async () => {
    const org = await get(live, readA);
    expect(org.status).toBe(200);
    expect(org.json).toMatchObject({ live: 1, clusters: 1, lastEventAt: "2025-03-01T09:29:00.000Z" });
    expect(typeof org.json.stamp).toBe("string");
    const one = await get(live, readA, `?clusterId=${clusterA}`);
    expect(one.json.watch).toEqual({ continuous: true, state: "live", error: null });
    expect((await get(live, readB, `?clusterId=${clusterA}`)).status).toBe(404);
    expect((await get(live, readB)).json).toMatchObject({ live: 0, clusters: 1 });
  });
});
