// The remediation queue in the browser: assign a finding, filter the queue by assignee and
// severity (the URL carries both), bulk-change status on a selection and on everything a filter
// matches, read the finding's history. A viewer sees no mutation controls and gets 403 from the
// API; a member of another organization gets 404 for the finding and the bulk route.
import { hash } from "@node-rs/argon2";
import { expect, test, type Page } from "@playwright/test";
import { acceptInvite, createInvite, createUser, db, getUserByEmail, listMembershipsForUser } from "@bulwark/db";
import { PASSWORD, addClusterByUpload, signIn, signUp, uniqueEmail } from "../helpers";

async function seedMember(orgOwnerEmail: string, role: "member" | "viewer", name: string) {
  const owner = (await getUserByEmail(orgOwnerEmail))!;
  const orgId = (await listMembershipsForUser(owner.id))[0]!.orgId;
  const email = uniqueEmail(role);
  const user = await createUser({ email, name, passwordHash: await hash(PASSWORD) });
  const { token } = await createInvite({ orgId, role, createdById: owner.id });
  await acceptInvite({ token, userId: user.id });
  return { email, id: user.id };
}

const origin = (p: Page) => new URL(p.url()).origin;

test("assign, filter, bulk-change and read the history; viewers and other organizations are refused", async ({ browser }) => {
  test.setTimeout(240_000);
  const ownerEmail = uniqueEmail("queue-owner");
  const a = await browser.newPage();
  await signUp(a, { email: ownerEmail, org: "Queue Org", name: "Quinn Owner" });
  const clusterId = (await addClusterByUpload(a, `queue-${Date.now().toString(36)}`)).split("/").pop()!;
  await expect
    .poll(async () => (await (await a.request.get(`/api/findings?cluster=${clusterId}`)).json()).items?.length ?? 0, { timeout: 90_000, intervals: [1000] })
    .toBeGreaterThan(0);
  const member = await seedMember(ownerEmail, "member", "Mara Member");
  const viewer = await seedMember(ownerEmail, "viewer", "Vik Viewer");

  // The queue lists the worst first; open the first finding and assign it to the member.
  await a.goto("/queue");
  await expect(a.getByRole("heading", { name: "Remediation" })).toBeVisible();
  const firstRow = a.locator("tbody tr").first();
  const severity = (await firstRow.locator("td").nth(1).innerText()).trim();
  await firstRow.getByRole("link").first().click();
  await expect(a).toHaveURL(/\/findings\/[^/]+$/);
  const findingId = a.url().split("/").pop()!;
  await a.getByLabel("Assignee").selectOption({ label: "Mara Member" });
  await expect(a.getByText("Assigned to Mara Member")).toBeVisible();
  await a.getByLabel("Add a comment").fill("Looking at the chart values now.");
  await a.getByRole("button", { name: "Comment" }).click();
  const history = a.getByRole("list", { name: "History" });
  await expect(history).toContainText("assigned it to Mara Member");
  await expect(history).toContainText("Looking at the chart values now.");

  // Filter by assignee and severity through the controls: the URL carries both, and the finding is there.
  await a.goto("/queue");
  await a.getByLabel("Assignee").selectOption({ label: "Mara Member" });
  await expect(a).toHaveURL(new RegExp(`assignee=${member.id}`));
  await a.getByRole("group", { name: "Severity" }).getByRole("button", { name: severity }).click();
  await expect(a).toHaveURL(new RegExp(`severity=${severity.toLowerCase()}`));
  await expect(a).toHaveURL(new RegExp(`assignee=${member.id}`));
  await expect(a.locator("tbody tr")).toHaveCount(1);
  await expect(a.locator("tbody tr").first()).toContainText("Mara Member");
  // The filtered view survives a reload (it lives in the URL).
  await a.reload();
  await expect(a.locator("tbody tr")).toHaveCount(1);

  // Bulk: select the page, set status In progress.
  await a.getByLabel("Select every finding on this page").check();
  await expect(a.getByText("1 selected")).toBeVisible();
  await a.getByLabel("New status").selectOption("in_progress");
  await a.getByRole("button", { name: "Set status", exact: true }).click();
  await expect(a.getByText("1 finding changed")).toBeVisible();
  await expect(a.locator("tbody tr").first()).toContainText("In progress");

  // Bulk on everything the filter matches, with a confirmation that says how many.
  await a.getByLabel("New status").selectOption("open");
  await a.getByRole("button", { name: "Set status of all…" }).click();
  const dialog = a.getByRole("dialog");
  await expect(dialog).toContainText("Set status to Open: 1 finding?");
  await dialog.getByRole("button", { name: "Change 1 finding" }).click();
  // The first bulk change's toast may still be on screen: look at the newest one, then the row.
  await expect(a.getByText("1 finding changed").last()).toBeVisible();
  await expect(a.locator("tbody tr").first()).not.toContainText("In progress");

  // My findings, grouping and the history on the finding page.
  await a.goto("/queue?view=groups");
  await expect(a.getByRole("columnheader", { name: "Objects" })).toBeVisible();
  await a.goto(`/findings/${findingId}`);
  await expect(history).toContainText("changed status Open → In progress");
  await expect(history).toContainText("changed status In progress → Open");

  // The assignee was told, in the app.
  const notes = await db.notification.findMany({ where: { userId: member.id } });
  expect(notes.map((n) => [n.kind, n.link])).toEqual([["assigned", `/findings/${findingId}`]]);
  const m = await browser.newPage();
  await signIn(m, member.email);
  await m.goto("/queue?assignee=me");
  await expect(m.getByRole("link", { name: /My findings/ })).toHaveAttribute("aria-current", "page");
  await expect(m.locator("tbody tr")).toHaveCount(1);
  await m.goto(`/findings/${findingId}`);
  await expect(m.getByRole("list", { name: "History" })).toContainText("Quinn Owner assigned it to you");

  // A viewer: no mutation controls, and the API answers 403.
  const v = await browser.newPage();
  await signIn(v, viewer.email);
  await v.goto("/queue");
  await expect(v.locator("tbody tr").first()).toBeVisible();
  await expect(v.getByRole("region", { name: "Bulk actions" })).toHaveCount(0);
  await expect(v.getByRole("checkbox")).toHaveCount(await v.getByLabel("Overdue only").count());
  await v.goto(`/findings/${findingId}`);
  await expect(v.getByText("Viewers can read a finding but not change it.")).toBeVisible();
  await expect(v.getByLabel("Add a comment")).toHaveCount(0);
  await expect(v.getByRole("button", { name: "Take it" })).toHaveCount(0);
  const vo = { origin: origin(v) };
  for (const [url, data] of [
    [`/api/findings/${findingId}/assign`, { assigneeId: "me" }],
    [`/api/findings/${findingId}/status`, { status: "resolved" }],
    [`/api/findings/${findingId}/comments`, { body: "hi" }],
    ["/api/findings/bulk", { target: { ids: [findingId] }, change: { kind: "status", status: "resolved" } }],
  ] as const) {
    const res = await v.request.post(url, { data, headers: vo });
    expect(res.status(), url).toBe(403);
  }

  // Another organization: 404 for the finding page and every route that names it.
  const b = await browser.newPage();
  await signUp(b, { email: uniqueEmail("queue-other"), org: "Other Queue Org" });
  expect((await b.goto(`/findings/${findingId}`))?.status()).toBe(404);
  const bo = { origin: origin(b) };
  expect((await b.request.get(`/api/findings/${findingId}`)).status()).toBe(404);
  expect((await b.request.post(`/api/findings/${findingId}/assign`, { data: { assigneeId: "me" }, headers: bo })).status()).toBe(404);
  expect((await b.request.post(`/api/findings/${findingId}/status`, { data: { status: "resolved" }, headers: bo })).status()).toBe(404);
  expect((await b.request.post("/api/findings/bulk", { data: { target: { ids: [findingId] }, change: { kind: "status", status: "resolved" } }, headers: bo })).status()).toBe(404);
  // And nothing of A's in B's queue.
  await b.goto("/queue");
  await expect(b.getByText("No findings match")).toBeVisible();
  // The owner's finding did not change.
  const after = await (await a.request.get(`/api/findings/${findingId}`)).json();
  expect(after.finding.status).toBe("open");
  expect(after.finding.assigneeId).toBe(member.id);
});
