// Cross-tenant access: a member of another organization gets 404 for the first organization's
// cluster and finding, in pages and in the JSON API alike; a viewer cannot add a cluster.
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import { acceptInvite, createInvite, createUser, getUserByEmail, listFindings } from "@bulwark/db";
import { PASSWORD, addClusterByUpload, signIn, signUp, uniqueEmail } from "../helpers";

test("another organization's member gets 404 on clusters and findings, pages and API", async ({ browser }) => {
  const ownerEmail = uniqueEmail("tenant-a");
  const a = await browser.newPage();
  await signUp(a, { email: ownerEmail, org: "Tenant A" });
  const clusterId = (await addClusterByUpload(a, "tenant-a-cluster")).split("/").pop()!;
  await expect
    .poll(async () => (await (await a.request.get(`/api/findings?cluster=${clusterId}`)).json()).items?.length ?? 0, {
      timeout: 60_000,
      intervals: [1000],
    })
    .toBeGreaterThan(0);
  const findingsA = await (await a.request.get(`/api/findings?cluster=${clusterId}`)).json();
  const findingId = findingsA.items[0].id as string;
  // The owner can see both.
  expect((await a.request.get(`/api/clusters/${clusterId}`)).status()).toBe(200);
  expect((await a.request.get(`/api/findings/${findingId}`)).status()).toBe(200);

  const b = await browser.newPage();
  await signUp(b, { email: uniqueEmail("tenant-b"), org: "Tenant B" });
  for (const url of [`/clusters/${clusterId}`, `/findings/${findingId}`]) {
    const res = await b.goto(url);
    expect(res?.status(), url).toBe(404);
  }
  for (const url of [`/api/clusters/${clusterId}`, `/api/findings/${findingId}`, `/api/scans/${findingsA.items[0].lastSeenScanId ?? "x"}`]) {
    expect((await b.request.get(url)).status(), url).toBe(404);
  }
  expect((await b.request.post(`/api/clusters/${clusterId}/scans`, { data: {}, headers: { origin: new URL(b.url()).origin } })).status()).toBe(404);
  // Nothing of A's leaks into B's lists.
  const listB = await (await b.request.get("/api/findings")).json();
  expect(listB.items.map((f: { id: string }) => f.id)).not.toContain(findingId);
});

test("a viewer can read but cannot add a cluster or start a scan", async ({ browser }) => {
  const ownerEmail = uniqueEmail("owner-v");
  const owner = await browser.newPage();
  await signUp(owner, { email: ownerEmail, org: "Viewer Org" });
  const clusterId = (await addClusterByUpload(owner, "viewer-cluster")).split("/").pop()!;

  // Seed a viewer through packages/db, as accepting an invite link would.
  const ownerUser = await getUserByEmail(ownerEmail);
  const memberships = await import("@bulwark/db").then((db) => db.listMembershipsForUser(ownerUser!.id));
  const orgId = memberships[0]!.orgId;
  const viewerEmail = uniqueEmail("viewer");
  const viewer = await createUser({ email: viewerEmail, name: "Vera Viewer", passwordHash: await hash(PASSWORD) });
  const { token } = await createInvite({ orgId, role: "viewer", createdById: ownerUser!.id });
  await acceptInvite({ token, userId: viewer.id });
  expect((await listFindings({ orgId })).items).toBeDefined();

  const v = await browser.newPage();
  await signIn(v, viewerEmail);
  await v.goto(`/clusters/${clusterId}`);
  await expect(v.getByRole("heading", { name: "viewer-cluster" })).toBeVisible();
  await expect(v.getByRole("button", { name: /scan now/i })).toHaveCount(0);

  const origin = new URL(v.url()).origin;
  const add = await v.request.post("/api/clusters", { data: { name: "sneaky", kubeconfig: "apiVersion: v1" }, headers: { origin } });
  expect(add.status()).toBe(403);
  const scan = await v.request.post(`/api/clusters/${clusterId}/scans`, { data: {}, headers: { origin } });
  expect(scan.status()).toBe(403);
  const page = await v.goto("/clusters/new");
  expect([403, 404, 200]).toContain(page?.status());
  await expect(v.getByRole("button", { name: "Add cluster" })).toHaveCount(0);
});
