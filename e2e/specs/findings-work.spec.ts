// The Findings page's work in the browser: assign a finding, filter the All tab by assignee and
// severity (the URL carries both), bulk-change status on a selection and on everything a filter
// matches, group by rule and by object, read the finding's history; old /queue links land on the
// matching tab. A viewer sees no mutation controls and gets 403 from the API; a member of another
// organization gets 404 for the finding and the bulk route.
import { hash } from "@node-rs/argon2";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { acceptInvite, createInvite, createUser, db, getUserByEmail, listMembershipsForUser } from "@bulwark/db";
import { PASSWORD, addClusterByUpload, signIn, signUp, uniqueEmail } from "../helpers";

test.describe.configure({ mode: "serial" });

const ownerEmail = uniqueEmail("queue-owner");
let a: Page;
let clusterId: string;
let findingId: string;
let severity: string;
let member: { email: string; id: string };
let viewer: { email: string; id: string };

async function seedMember(role: "member" | "viewer", name: string) {
  const owner = (await getUserByEmail(ownerEmail))!;
  const orgId = (await listMembershipsForUser(owner.id))[0]!.orgId;
  const email = uniqueEmail(role);
  const user = await createUser({ email, name, passwordHash: await hash(PASSWORD) });
  const { token } = await createInvite({ orgId, role, createdById: owner.id });
  await acceptInvite({ token, userId: user.id });
  return { email, id: user.id };
}

async function signedIn(browser: Browser, email: string) {
  const p = await browser.newPage();
  await signIn(p, email);
  return p;
}

const origin = (p: Page) => new URL(p.url()).origin;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  a = await browser.newPage();
  await signUp(a, { email: ownerEmail, org: "Queue Org", name: "Quinn Owner" });
  clusterId = (await addClusterByUpload(a, `queue-${Date.now().toString(36)}`)).split("/").pop()!;
  await expect
    .poll(async () => (await (await a.request.get(`/api/findings?cluster=${clusterId}`)).json()).items?.length ?? 0, { timeout: 90_000, intervals: [1000] })
    .toBeGreaterThan(0);
  member = await seedMember("member", "Mara Member");
  viewer = await seedMember("viewer", "Vik Viewer");
});

test("assign a finding from the All tab and read it in its history", async () => {
  // The All tab lists the worst first; open the first finding and assign it to the member.
  await a.goto("/findings?tab=all");
  await expect(a.getByRole("heading", { name: "Findings", level: 1 })).toBeVisible();
  await expect(a.getByRole("link", { name: "All", exact: true })).toHaveAttribute("aria-current", "page");
  const firstRow = a.locator("tbody tr").first();
  severity = (await firstRow.locator("td").nth(1).innerText()).trim();
  await firstRow.getByRole("link").first().click();
  await expect(a).toHaveURL(/\/findings\/[^/]+$/);
  findingId = a.url().split("/").pop()!;
  await a.getByLabel("Assignee").selectOption({ label: "Mara Member" });
  await expect(a.getByText("Assigned to Mara Member")).toBeVisible();
  await a.getByLabel("Add a comment").fill("Looking at the chart values now.");
  await a.getByRole("button", { name: "Comment" }).click();
  const history = a.getByRole("list", { name: "History" });
  await expect(history).toContainText("assigned it to Mara Member");
  await expect(history).toContainText("Looking at the chart values now.");
});

test("filter by assignee and severity through the controls; the URL carries both and survives a reload", async () => {
  await a.goto("/findings?tab=all");
  await a.getByLabel("Assignee").selectOption({ label: "Mara Member" });
  await expect(a).toHaveURL(new RegExp(`assignee=${member.id}`));
  await a.getByRole("group", { name: "Severity" }).getByRole("button", { name: severity }).click();
  await expect(a).toHaveURL(new RegExp(`severity=${severity.toLowerCase()}`));
  await expect(a).toHaveURL(new RegExp(`assignee=${member.id}`));
  await expect(a).toHaveURL(/tab=all/);
  await expect(a.locator("tbody tr")).toHaveCount(1);
  await expect(a.locator("tbody tr").first()).toContainText("Mara Member");
  // The selected filter's whole label is its tooltip (long labels are never only cut off).
  await expect(a.getByLabel("Assignee")).toHaveAttribute("title", "Assignee: Mara Member");
  await a.reload();
  await expect(a.locator("tbody tr")).toHaveCount(1);
});

test("bulk-change status on a selection and on everything the filter matches", async () => {
  await a.goto(`/findings?tab=all&assignee=${member.id}&severity=${severity.toLowerCase()}`);
  await a.getByLabel("Select every finding on this page").check();
  await expect(a.getByText("1 selected")).toBeVisible();
  await a.getByLabel("New status").selectOption("in_progress");
  await a.getByRole("button", { name: "Set status", exact: true }).click();
  await expect(a.getByText("1 finding changed")).toBeVisible();
  await expect(a.locator("tbody tr").first()).toContainText("In progress");

  await a.getByLabel("New status").selectOption("open");
  await a.getByRole("button", { name: "Set status of all…" }).click();
  const dialog = a.getByRole("dialog");
  await expect(dialog).toContainText("Set status to Open: 1 finding?");
  await dialog.getByRole("button", { name: "Change 1 finding" }).click();
  // The first bulk change's toast may still be on screen: look at the newest one, then the row.
  await expect(a.getByText("1 finding changed").last()).toBeVisible();
  await expect(a.locator("tbody tr").first()).not.toContainText("In progress");

  await a.goto(`/findings/${findingId}`);
  const history = a.getByRole("list", { name: "History" });
  await expect(history).toContainText("changed status Open → In progress");
  await expect(history).toContainText("changed status In progress → Open");
});

test("By rule and By object group the same findings; old /queue links land on the matching tab", async () => {
  await a.goto("/findings?tab=rules");
  await expect(a.getByRole("columnheader", { name: "Objects" })).toBeVisible();
  await a.goto("/findings?tab=objects");
  await expect(a.getByRole("columnheader", { name: "Object and its findings" })).toBeVisible();
  await expect(a.locator("tbody tr").first().getByRole("link").nth(1)).toHaveAttribute("href", /^\/findings\/[^/?]+$/);

  await a.goto("/queue?view=groups&severity=critical");
  await expect(a).toHaveURL(/\/findings\?tab=rules&severity=critical$/);
  await expect(a.getByRole("link", { name: "By rule" })).toHaveAttribute("aria-current", "page");
  await a.goto(`/queue?assignee=${member.id}`);
  await expect(a).toHaveURL(new RegExp(`/findings\\?tab=all&assignee=${member.id}$`));
  await expect(a.locator("tbody tr")).toHaveCount(1);
});

test("the assignee is told, and finds the finding under Mine", async ({ browser }) => {
  const notes = await db.notification.findMany({ where: { userId: member.id } });
  expect(notes.map((n) => [n.kind, n.link])).toEqual([["assigned", `/findings/${findingId}`]]);
  const m = await signedIn(browser, member.email);
  await m.goto("/queue?assignee=me");
  await expect(m).toHaveURL(/tab=mine/);
  await expect(m.getByRole("link", { name: /^Mine/ })).toHaveAttribute("aria-current", "page");
  await expect(m.locator("tbody tr")).toHaveCount(1);
  await m.goto(`/findings/${findingId}`);
  await expect(m.getByRole("list", { name: "History" })).toContainText("Quinn Owner assigned it to you");
  await m.close();
});

test("a viewer sees no mutation controls and the API answers 403", async ({ browser }) => {
  const v = await signedIn(browser, viewer.email);
  await v.goto("/findings?tab=all");
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
  await v.close();
});

test("another organization gets 404 for the finding and every route that names it", async ({ browser }) => {
  const b = await browser.newPage();
  await signUp(b, { email: uniqueEmail("queue-other"), org: "Other Queue Org" });
  expect((await b.goto(`/findings/${findingId}`))?.status()).toBe(404);
  const bo = { origin: origin(b) };
  expect((await b.request.get(`/api/findings/${findingId}`)).status()).toBe(404);
  expect((await b.request.post(`/api/findings/${findingId}/assign`, { data: { assigneeId: "me" }, headers: bo })).status()).toBe(404);
  expect((await b.request.post(`/api/findings/${findingId}/status`, { data: { status: "resolved" }, headers: bo })).status()).toBe(404);
  expect((await b.request.post("/api/findings/bulk", { data: { target: { ids: [findingId] }, change: { kind: "status", status: "resolved" } }, headers: bo })).status()).toBe(404);
  // And nothing of A's in B's lists.
  await b.goto("/findings?tab=all");
  await expect(b.getByText("No findings match")).toBeVisible();
  // The owner's finding did not change.
  const after = await (await a.request.get(`/api/findings/${findingId}`)).json();
  expect(after.finding.status).toBe("open");
  expect(after.finding.assigneeId).toBe(member.id);
  await b.close();
});
