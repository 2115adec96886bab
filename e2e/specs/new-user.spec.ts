// What a new user tripped over, each checked in the browser: searching an object as it is shown
// ("namespace/name"), renaming a cluster after onboarding (admins; unique per organization;
// audited), a resolved finding's page telling the old observed value from today's YAML, and filter
// options that show whole labels.
import { expect, test, type Page } from "@playwright/test";
import { createCluster, db, getUserByEmail, listMembershipsForUser } from "@bulwark/db";
import { frameworks } from "@bulwark/rules";
import { addClusterByUpload, signUp, uniqueEmail } from "../helpers";

test.describe.configure({ mode: "serial" });

const ownerEmail = uniqueEmail("newuser-owner");
let page: Page;
let clusterId: string;
let finding: { id: string; namespace: string; name: string; kind: string };

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  page = await browser.newPage();
  await signUp(page, { email: ownerEmail, org: "New User Org", name: "Nia Owner" });
  clusterId = (await addClusterByUpload(page, `first-${Date.now().toString(36)}`)).split("/").pop()!;
  await expect
    .poll(async () => (await (await page.request.get(`/api/findings?cluster=${clusterId}`)).json()).items?.length ?? 0, { timeout: 90_000, intervals: [1000] })
    .toBeGreaterThan(0);
  const items = (await (await page.request.get(`/api/findings?cluster=${clusterId}&limit=200`)).json()).items as Array<{ id: string; namespace: string | null; name: string; kind: string }>;
  const f = items.find((x) => x.namespace && x.namespace !== "kube-system")!;
  finding = { id: f.id, namespace: f.namespace!, name: f.name, kind: f.kind };
});

test("searching an object as the tables show it (namespace/name) finds it", async () => {
  await page.goto("/findings?tab=all");
  const search = page.getByRole("searchbox", { name: "Search", exact: true });
  await search.fill(`${finding.namespace}/${finding.name}`);
  await search.press("Enter");
  await expect(page).toHaveURL(/[?&]q=/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain(`${finding.namespace}/${finding.name}`);
  // As the kind is shown too: "Deployment shop/catalog".
  await page.goto(`/findings?tab=all&q=${encodeURIComponent(`${finding.kind} ${finding.namespace}/${finding.name}`)}`);
  await expect(page.locator("tbody tr").first()).toContainText(`${finding.namespace}/${finding.name}`);
});

test("filter options carry whole labels, and the selected one is the select's tooltip", async () => {
  const longest = frameworks.flatMap((fw) => fw.controls.filter((c) => c.ruleIds.length > 0).map((c) => `${c.id} ${c.title}`)).sort((x, y) => y.length - x.length)[0]!;
  await page.goto("/findings?tab=all");
  const control = page.getByLabel("Framework control");
  await expect(control.locator("option", { hasText: longest })).toHaveCount(1);
  await control.selectOption({ label: longest });
  await expect(page).toHaveURL(/control=/);
  await expect(page.getByLabel("Framework control")).toHaveAttribute("title", `Framework control: ${longest}`);
});

test("an admin renames a cluster: checked as typed, unique in the organization, audited", async () => {
  const owner = (await getUserByEmail(ownerEmail))!;
  const orgId = (await listMembershipsForUser(owner.id))[0]!.orgId;
  await createCluster({ orgId, actorId: owner.id, name: "taken-name", server: "https://10.0.0.1", credentialCipher: "x", credentialKeyId: "k" });
  await page.goto(`/clusters/${clusterId}`);
  const name = page.getByLabel("Cluster name");
  await name.fill("bad/name");
  await expect(page.getByText("Use letters, digits, spaces, dots, dashes and underscores")).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename" })).toBeDisabled();
  await name.fill("taken-name");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText("Another cluster of this organization has that name")).toBeVisible();
  await name.fill("shop-staging-renamed");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText("Renamed to shop-staging-renamed")).toBeVisible();
  await expect(page.getByRole("heading", { name: "shop-staging-renamed", level: 1 })).toBeVisible();
  await expect.poll(async () => (await db.auditLog.findFirst({ where: { orgId, action: "cluster.rename", targetId: clusterId } }))?.data).toEqual({ from: expect.stringMatching(/^first-/), to: "shop-staging-renamed" });
  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: /Renamed a cluster/ }).first()).toBeVisible();
});

test("a resolved finding's page says the observed value is from before the fix, beside today's YAML", async () => {
  const res = await page.request.post(`/api/findings/${finding.id}/status`, { data: { status: "resolved" }, headers: { origin: new URL(page.url()).origin } });
  expect(res.status()).toBe(200);
  await page.goto(`/findings/${finding.id}`);
  await expect(page.getByText("Observed when last seen")).toBeVisible();
  await expect(page.getByText(/fixed since/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Object YAML now" })).toBeVisible();
  await expect(page.getByText(/the marked field is the fixed one/)).toBeVisible();
  // Nothing is due on a resolved finding.
  await expect(page.getByText(/^(Due in \d+ d|Due today|Overdue \d+ d)$/)).toHaveCount(0);
});
