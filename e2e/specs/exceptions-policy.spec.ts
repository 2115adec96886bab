// Exceptions and policy in the browser: a member requests an exception from a finding, an admin
// approves it, the finding shows as excepted and the audit log has both entries; a viewer gets no
// controls and 403 from the server; another organization gets 404; an admin writes a custom rule
// with a syntax error (shown at its line and column), fixes it and tries it on YAML.
import { hash } from "@node-rs/argon2";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { acceptInvite, createInvite, createUser, getUserByEmail, listMembershipsForUser } from "@bulwark/db";
import { PASSWORD, addClusterByUpload, signIn, signUp, uniqueEmail } from "../helpers";

test.describe.configure({ mode: "serial" });

let owner: Page;
let origin: string;
let orgId: string;
let findingId: string;
let exceptionId: string;

async function seedMember(browser: Browser, role: "member" | "viewer", name: string): Promise<Page> {
  const ownerUser = (await getUserByEmail(ownerEmail))!;
  const email = uniqueEmail(role);
  const user = await createUser({ email, name, passwordHash: await hash(PASSWORD) });
  const { token } = await createInvite({ orgId, role, createdById: ownerUser.id });
  await acceptInvite({ token, userId: user.id });
  const page = await browser.newPage();
  await signIn(page, email);
  return page;
}

const ownerEmail = uniqueEmail("exc-owner");

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  owner = await browser.newPage();
  await signUp(owner, { email: ownerEmail, org: "Exceptions Org", name: "Olga Owner" });
  origin = new URL(owner.url()).origin;
  const clusterId = (await addClusterByUpload(owner, "exc-cluster")).split("/").pop()!;
  await expect
    .poll(async () => (await (await owner.request.get(`/api/findings?cluster=${clusterId}`)).json()).items?.length ?? 0, { timeout: 90_000, intervals: [1000] })
    .toBeGreaterThan(0);
  const items = (await (await owner.request.get(`/api/findings?cluster=${clusterId}&severity=high,critical`)).json()).items as Array<{ id: string; namespace: string | null }>;
  findingId = (items.find((f) => f.namespace) ?? items[0]!).id;
  orgId = (await listMembershipsForUser((await getUserByEmail(ownerEmail))!.id))[0]!.orgId;
});

test("a member requests an exception, an admin approves it, the finding shows excepted, the audit log has both", async ({ browser }) => {
  const member = await seedMember(browser, "member", "Max Member");
  await member.goto(`/findings/${findingId}`);
  await member.getByRole("button", { name: /request exception/i }).click();
  const dialog = member.getByRole("dialog", { name: /request exception/i });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/this object/i).check();
  // Required fields are enforced next to the field.
  await dialog.getByRole("button", { name: /^request exception$/i }).click();
  await expect(dialog.getByText(/at least 10 characters/i)).toBeVisible();
  await dialog.getByLabel("Justification").fill("Vendor chart; the fix ships with the next upstream release.");
  await dialog.getByRole("button", { name: /^request exception$/i }).click();
  await expect(member.getByText("Exception requested")).toBeVisible();
  await expect(member.getByRole("link", { name: /request pending/i })).toBeVisible();
  // Still open until an admin decides.
  expect((await (await member.request.get(`/api/findings/${findingId}`)).json()).finding.status).not.toBe("excepted");

  await owner.goto("/exceptions");
  await expect(owner.getByRole("link", { name: /pending requests/i })).toHaveAttribute("aria-current", "page");
  const row = owner.getByRole("row").filter({ hasText: "Vendor chart" });
  await expect(row).toBeVisible();
  exceptionId = (await row.getByRole("link").first().getAttribute("href"))!.split("/").pop()!;
  await row.getByRole("button", { name: "Approve" }).click();
  const approve = owner.getByRole("dialog", { name: /approve exception/i });
  await approve.getByLabel(/note/i).fill("Until the upstream release");
  await approve.getByRole("button", { name: "Approve" }).click();
  await expect(owner.getByText("Exception approved")).toBeVisible();

  await owner.goto(`/findings/${findingId}`);
  await expect(owner.getByText("Excepted", { exact: true }).first()).toBeVisible();
  await expect(owner.locator("#exception").getByText(/excepted until \d{4}-\d{2}-\d{2}/i)).toBeVisible();
  // The history names who asked and who approved (not "You covers it"), and the request has its own line.
  const history = owner.getByRole("list", { name: "History" });
  await expect(history).toContainText(/Max Member requested an exception; you approved it: covers this finding until \d{4}-\d{2}-\d{2}/);
  await expect(history).toContainText("Max Member requested an exception");
  await expect(history).not.toContainText("covers it");
  // An excepted finding carries no SLA badge: nothing is due while the exception holds.
  await expect(owner.getByText(/^(Due in \d+ d|Due today|Overdue \d+ d)$/)).toHaveCount(0);
  await expect(owner.locator("#details")).toContainText("nothing due (excepted)");
  await owner.goto("/exceptions?tab=active");
  await expect(owner.getByRole("row").filter({ hasText: "Vendor chart" })).toBeVisible();

  await owner.goto("/settings/audit");
  const entries = owner.getByRole("row").filter({ hasText: exceptionId });
  await expect(entries.filter({ hasText: "Requested an exception" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "Approved an exception" })).toHaveCount(1);
  await member.close();
});

test("a viewer sees no exception controls and the server refuses with 403; another organization gets 404", async ({ browser }) => {
  const viewer = await seedMember(browser, "viewer", "Vera Viewer");
  await viewer.goto(`/findings/${findingId}`);
  await expect(viewer.getByRole("heading", { name: "Exception" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: /request exception|grant exception/i })).toHaveCount(0);
  await viewer.goto("/exceptions?tab=active");
  await expect(viewer.getByRole("row").filter({ hasText: "Vendor chart" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: /approve|revoke|edit/i })).toHaveCount(0);
  const body = { findingId, scope: "object", expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), justification: "a viewer trying to accept risk" };
  const req = await viewer.request.post("/api/exceptions", { data: body, headers: { origin } });
  expect(req.status()).toBe(403);
  const decide = await viewer.request.post(`/api/exceptions/${exceptionId}/decision`, { data: { decision: "reject" }, headers: { origin } });
  expect(decide.status()).toBe(403);
  await viewer.close();

  const other = await browser.newPage();
  await signUp(other, { email: uniqueEmail("exc-other"), org: "Other Org" });
  expect((await other.request.get(`/api/exceptions/${exceptionId}`)).status()).toBe(404);
  expect((await other.goto(`/exceptions/${exceptionId}`))?.status()).toBe(404);
  expect((await other.request.post(`/api/exceptions/${exceptionId}/decision`, { data: { decision: "reject" }, headers: { origin } })).status()).toBe(404);
  const list = await (await other.request.get("/api/exceptions")).json();
  expect(JSON.stringify(list)).not.toContain(exceptionId);
  await other.close();
});

test("an admin writes a custom rule: a syntax error is shown at its position, fixed, tried on YAML, saved", async () => {
  await owner.goto("/settings/policy");
  await owner.getByRole("button", { name: /new custom rule/i }).click();
  // The id's fixed prefix is in the field, and a bad id is said as it is typed, not at save time.
  const ruleId = owner.getByLabel("Rule id");
  await expect(owner.locator("#custom-rules").getByText("custom-", { exact: true })).toBeVisible();
  await ruleId.fill("Single_Replica");
  await expect(owner.getByText(/Use kebab-case/)).toBeVisible();
  await ruleId.fill("single-replica");
  await expect(owner.getByText(/Use kebab-case/)).toHaveCount(0);
  await ruleId.fill("custom-single-replica");
  await expect(ruleId).toHaveValue("single-replica");
  await owner.getByLabel("Title").fill("Deployments run at least two replicas");
  await owner.getByLabel("Kinds").fill("Deployment");
  const editor = owner.getByLabel(/CEL expression/i);
  await editor.fill("has(object.spec.replicas) &&\n  object.spec.replicas <");
  const errors = owner.getByRole("list", { name: "Expression errors" });
  await expect(errors).toContainText(/Line 2, column \d+/);
  await editor.fill("has(object.spec.replicas) &&\n  object.spec.replicas < 2");
  await expect(owner.getByText("Compiles.")).toBeVisible();
  await expect(errors).toHaveCount(0);
  await owner.getByLabel("How to fix").fill("Set spec.replicas to 2 or more.");
  await owner.getByRole("button", { name: /try against yaml/i }).click();
  await expect(owner.getByRole("status", { name: "Try result" })).toContainText("1 finding");
  await expect(owner.getByRole("status", { name: "Try result" })).toContainText("Deployment shop/web");
  await owner.getByRole("button", { name: "Save rule" }).click();
  await expect(owner.getByText("Custom rule saved")).toBeVisible();
  await expect(owner.getByRole("row").filter({ hasText: "custom-single-replica" }).first()).toBeVisible();
  await owner.goto("/settings/audit");
  await expect(owner.getByRole("cell", { name: /Added a custom rule/ }).first()).toBeVisible();
});
