// Issue 17: an access review in the browser. An admin asks who can read secrets in the shop
// namespace of a scanned cluster (kube-sim's shop-staging), opens the service account the answer
// names and sees the path (RoleBinding shop/ci-deployer -> Role ci-deployer) in its table and graph;
// starts a review, marks that service account revoke with a note and exports the review (the CSV
// carries the decision and the note, the PDF is a PDF). Another organization gets 404 on every
// access URL naming the first one's cluster, subject or review, pages and API alike.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { db, getUserByEmail, listMembershipsForUser } from "@bulwark/db";
import { addClusterByUpload, signUp, uniqueEmail } from "../helpers";

test.describe.configure({ mode: "serial" });

const NOTE = "CI moved to OIDC deploy keys; platform team removes this RoleBinding by Friday.";
const adminEmail = uniqueEmail("access-admin");
let admin: Page;
let clusterId = "";
let reviewId = "";

async function noSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${page.url()}: ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  admin = await (await browser.newContext()).newPage();
  await signUp(admin, { email: adminEmail, org: "Access Review Co", name: "Ana Admin" });
  clusterId = (await addClusterByUpload(admin, "shop-staging")).split("/").pop()!;
  const orgId = (await listMembershipsForUser((await getUserByEmail(adminEmail))!.id))[0]!.orgId;
  // The worker saves the access model right after the scan's results.
  await expect
    .poll(async () => (await db.accessSnapshot.findFirst({ where: { orgId, clusterId }, select: { builtAt: true } }))?.builtAt ?? null, { timeout: 180_000, intervals: [1000] })
    .not.toBeNull();
});

test("who can read secrets in shop: the service account, its binding and role, on its page as a table and a graph", async () => {
  await admin.goto("/access");
  await expect(admin.locator("#clusters")).toContainText("shop-staging");
  await noSeriousA11yViolations(admin);
  const form = admin.getByRole("form", { name: "Who can" });
  await form.getByLabel("Verb").fill("get");
  await form.getByLabel("Resource").fill("secrets");
  await form.getByLabel("Namespace").fill("shop");
  await form.getByRole("button", { name: "Ask" }).click();
  await expect(admin).toHaveURL(/\/access\/who-can\?verb=get&resource=secrets&namespace=shop/);
  await expect(admin.locator("#who-can-question")).toContainText("Who can get secrets (core group) in namespace shop?");

  const row = admin.getByTestId("who-can-row").filter({ hasText: "tools/ci-deployer" });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("via-binding").filter({ visible: true })).toHaveText(["shop/ci-deployer"]);
  await expect(row.getByTestId("via-role").filter({ visible: true })).toHaveText(["ci-deployer"]);
  await expect(row).toContainText("RoleBinding");
  await expect(row).toContainText("in shop");
  await noSeriousA11yViolations(admin);
  // The API answers the same, with its server time.
  const api = await admin.request.get(`/api/access/who-can?verb=get&resource=secrets&namespace=shop&cluster=${clusterId}`);
  expect(api.status()).toBe(200);
  expect(api.headers()["server-timing"]).toMatch(/app;dur=/);
  expect(JSON.stringify(await api.json())).toContain('"binding":"ci-deployer"');

  await row.getByRole("link", { name: "tools/ci-deployer" }).click();
  await expect(admin).toHaveURL(/\/access\/subject\?kind=ServiceAccount&name=ci-deployer&namespace=tools$/);
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("tools/ci-deployer");
  const permissions = admin.locator(`#permissions-${clusterId}`);
  await expect(permissions.locator("th", { hasText: "shop/ci-deployer" })).toContainText(/RoleBinding\s*shop\/ci-deployer\s*→\s*Role\s*ci-deployer/);
  await expect(permissions).toContainText("secrets, configmaps");
  // Grants every service account holds are there too, labelled with their group.
  await expect(permissions).toContainText("via group system:authenticated");
  await expect(admin.locator(`#caps-${clusterId}`)).toContainText("read Secrets");
  const graph = admin.getByTestId("subject-graph");
  await expect(graph).toBeVisible();
  await expect(graph.locator("text", { hasText: "shop/ci-deployer" })).toHaveCount(1);
  await expect(graph.locator("text", { hasText: /^ci-deployer$/ })).toHaveCount(1);
  await noSeriousA11yViolations(admin);
});

test("a review: the service account marked revoke with a note, exported as CSV and PDF", async () => {
  await admin.goto("/access/reviews");
  await admin.getByRole("button", { name: "Start review" }).first().click();
  const dialog = admin.getByRole("dialog", { name: "Start an access review" });
  await dialog.getByLabel("Title").fill("Q4 access review");
  await dialog.getByRole("button", { name: "Start review" }).click();
  await expect(admin).toHaveURL(/\/access\/reviews\/[^/]+$/, { timeout: 30_000 });
  reviewId = admin.url().split("/").pop()!;

  await admin.getByRole("button", { name: "Revoke ServiceAccount tools/ci-deployer…" }).click();
  const decide = admin.getByRole("dialog", { name: /Revoke access of ServiceAccount tools\/ci-deployer/ });
  await decide.getByRole("button", { name: "Mark revoke" }).click();
  await expect(decide.getByText("Say why the access goes and who removes it")).toBeVisible();
  await decide.getByLabel("Note (required)").fill(NOTE);
  await decide.getByRole("button", { name: "Mark revoke" }).click();
  await expect(decide).toBeHidden();
  await expect(admin.getByRole("button", { name: "Revoke ServiceAccount tools/ci-deployer…" })).toHaveAttribute("aria-pressed", "true");

  const csv = await admin.request.get(`/api/access/reviews/${reviewId}/export?format=csv`);
  expect(csv.status()).toBe(200);
  const line = (await csv.text()).split("\n").find((l) => l.includes("ci-deployer"));
  expect(line).toContain("revoke");
  expect(line).toContain(NOTE);
  const pdf = await admin.request.get(`/api/access/reviews/${reviewId}/export?format=pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("another organization gets 404 on every access URL naming the first one's cluster, subject or review", async ({ browser }) => {
  const other = await (await browser.newContext()).newPage();
  await signUp(other, { email: uniqueEmail("access-other"), org: "Other Access Co" });
  const pages = [
    "/access/subject?kind=ServiceAccount&name=ci-deployer&namespace=tools",
    `/access/who-can?verb=get&resource=secrets&namespace=shop&cluster=${clusterId}`,
    `/access/stale?cluster=${clusterId}`,
    `/access/changes?cluster=${clusterId}`,
    `/access/reviews/${reviewId}`,
  ];
  for (const url of pages) expect((await other.goto(url))?.status(), url).toBe(404);
  const api = [
    "/api/access/subject?kind=ServiceAccount&name=ci-deployer&namespace=tools",
    `/api/access/who-can?verb=get&resource=secrets&cluster=${clusterId}`,
    `/api/access/subjects?cluster=${clusterId}`,
    `/api/access/stale?cluster=${clusterId}`,
    `/api/access/changes?cluster=${clusterId}`,
    `/api/access/reviews/${reviewId}`,
    `/api/access/reviews/${reviewId}/export?format=csv`,
    `/api/access/reviews/${reviewId}/export?format=pdf`,
  ];
  for (const url of api) expect((await other.request.get(url)).status(), url).toBe(404);
  // Its own pages show nothing of the first organization.
  await other.goto("/access");
  await expect(other.getByRole("heading", { name: "No clusters yet" })).toBeVisible();
  for (const url of ["/api/access/overview", "/api/access/who-can?verb=*&resource=*", "/api/access/changes", "/api/access/stale"]) {
    const body = await (await other.request.get(url)).text();
    expect(body, url).not.toContain(clusterId);
    expect(body, url).not.toContain("ci-deployer");
  }
  // The owner still reads all of it: the 404s are about tenancy, not broken URLs.
  for (const url of pages) expect((await admin.goto(url))?.status(), url).toBe(200);
});
