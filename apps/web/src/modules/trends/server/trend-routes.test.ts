// GET /api/trends/vulnerabilities through its route file, with API tokens against real Postgres:
// the open CVE series and mean time to patch, input checks, and 404 for another organization's
// cluster.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";

const DB = "bulwark_be_h5_trend_api";
process.env.BULWARK_SECRET_KEY ??= "test-secret-key-that-is-at-least-32-characters";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-at-least-32-characters";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let m: typeof import("@bulwark/db");
let GET: Handler;
let shop: string;
let clusterB: string;
let readA: string;
let readB: string;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

async function get(token: string, query = "") {
  const res = await GET(new Request(`http://app.test/api/trends/vulnerabilities${query}`, { headers: { host: "app.test", authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { days: { day: string; critical: number; high: number }[]; fleet: Record<string, unknown>; clusters: Record<string, unknown>[] } };
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("@bulwark/db");
  GET = ((await import("../../../app/api/trends/vulnerabilities/route")) as unknown as { GET: Handler }).GET;
  const a = await m.createUserWithOrganization({ email: "a@trend-api.test", passwordHash: null, orgName: "A" });
  const b = await m.createUserWithOrganization({ email: "b@trend-api.test", passwordHash: null, orgName: "B" });
  const mk = (orgId: string, actorId: string, name: string) => m.createCluster({ orgId, actorId, name, server: "https://x", credentialCipher: "x", credentialKeyId: "k" });
  shop = (await mk(a.org.id, a.user.id, "shop")).id;
  clusterB = (await mk(b.org.id, b.user.id, "b-prod")).id;
  readA = (await m.createApiToken({ orgId: a.org.id, createdById: a.user.id, name: "read", scopes: ["read"], expiresInDays: 1 })).token;
  readB = (await m.createApiToken({ orgId: b.org.id, createdById: b.user.id, name: "read", scopes: ["read"], expiresInDays: 1 })).token;
  const nginx = (await m.db.image.create({ data: { orgId: a.org.id, registry: "docker.io", repository: "library/nginx", tag: "1.21.0" } })).id;
  const row = (cve: string, severity: "critical" | "high", firstSeenAt: Date, resolvedAt: Date | null) =>
    m.db.imageCve.create({ data: { orgId: a.org.id, clusterId: shop, imageId: nginx, cve, package: "nginx", severity, fixable: true, fixedVersion: "1.21.1-1~buster", firstSeenAt, lastSeenAt: resolvedAt ?? new Date(), resolvedAt } });
  await row("CVE-2021-23017", "critical", daysAgo(20), null);
  await row("CVE-2021-3618", "high", daysAgo(12), daysAgo(2)); // patched after 10 days
}, 120_000);

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("GET /api/trends/vulnerabilities", () => {
  it("answers open critical/high CVEs per day and mean time to patch per cluster and fleet", async () => {
    const res = await get(readA, `?days=14&cluster=${shop}`);
    expect(res.status).toBe(200);
    expect(res.json.days).toHaveLength(14);
    expect(res.json.days.at(-1)).toMatchObject({ critical: 1, high: 0 });
    // The high CVE, first seen on the range's second day (12 days ago) and patched 2 days ago.
    expect(res.json.days.map((d) => d.high)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(res.json.days[0]).toMatchObject({ critical: 1 });
    expect(res.json.clusters).toEqual([expect.objectContaining({ clusterId: shop, name: "shop", openCritical: 1, openHigh: 0, patched: 1 })]);
    expect(res.json.fleet.mttpDays as number).toBeCloseTo(10, 3);
    const fleet = await get(readA);
    expect(fleet.json.days).toHaveLength(30);
  });

  it("refuses a range it will not answer, and another organization's cluster", async () => {
    for (const days of ["0", "367", "1.5", "x"]) {
      const res = await get(readA, `?days=${days}`);
      expect(res.status, days).toBe(400);
    }
    expect((await get(readB, `?cluster=${shop}`)).status).toBe(404);
    const own = await get(readB, `?cluster=${clusterB}`);
    expect(own.status).toBe(200);
    expect(own.json.clusters).toEqual([]);
    expect(own.json.days.every((d) => d.critical === 0 && d.high === 0)).toBe(true);
  });
});
