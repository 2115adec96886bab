// Tickets in the browser: an admin adds a GitHub and a Jira integration (the token is never shown
// again, not even in the edit form), a member creates a ticket from a finding through the Create
// ticket menu and sees it pending (the worker would create the issue; the integration's loopback
// address is never reached here), the same menu on the By rule group, and a viewer sees no button.
import { hash } from "@node-rs/argon2";
import { expect, test, type Browser } from "@playwright/test";
import { acceptInvite, createInvite, createUser, getUserByEmail, listMembershipsForUser } from "@bulwark/db";
import { PASSWORD, addClusterByUpload, signIn, signUp, uniqueEmail } from "../helpers";

const GITHUB_TOKEN = "ghp_e2eTokenThatIsNeverShownAgain0001";
const JIRA_TOKEN = "ATATT3xFfGF0e2eJiraTokenNeverShown";

async function member(browser: Browser, ownerEmail: string, role: "member" | "viewer") {
  const owner = (await getUserByEmail(ownerEmail))!;
  const orgId = (await listMembershipsForUser(owner.id))[0]!.orgId;
  const email = uniqueEmail(`tickets-${role}`);
  const user = await createUser({ email, name: `Ticket ${role}`, passwordHash: await hash(PASSWORD) });
  const { token } = await createInvite({ orgId, role, createdById: owner.id });
  await acceptInvite({ token, userId: user.id });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("admin adds integrations, a member files a finding's ticket, a viewer cannot", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const ownerEmail = uniqueEmail("tickets-owner");
  await signUp(page, { email: ownerEmail, org: "Tickets Org" });
  const clusterId = (await addClusterByUpload(page, "tickets-cluster")).split("/").pop()!;

  // GitHub, then Jira, through the settings form.
  await page.goto("/settings/integrations");
  await expect(page.getByText("No ticket integrations yet")).toBeVisible();
  const form = page.getByRole("form", { name: "Add a ticket integration" });
  await form.getByRole("radio", { name: /GitHub Issues/ }).check();
  await form.getByRole("textbox", { name: "Name", exact: true }).fill("platform issues");
  await form.getByRole("textbox", { name: "Repository", exact: true }).fill("acme/platform");
  await form.getByRole("textbox", { name: "API base URL", exact: true }).fill("http://127.0.0.1:9/api/v3");
  await form.getByLabel("Token", { exact: true }).fill(GITHUB_TOKEN);
  await form.getByRole("button", { name: "Add GitHub Issues integration" }).click();
  await expect(page.getByRole("button", { name: "Sync platform issues now" })).toBeVisible();
  await form.getByRole("radio", { name: /^Jira/ }).check();
  await form.getByRole("textbox", { name: "Name", exact: true }).fill("Jira SEC");
  await form.getByRole("textbox", { name: "Project key", exact: true }).fill("SEC");
  await form.getByRole("textbox", { name: "Jira site", exact: true }).fill("http://127.0.0.1:9");
  await form.getByRole("textbox", { name: "Account email", exact: true }).fill("bot@acme.test");
  await form.getByLabel("API token", { exact: true }).fill(JIRA_TOKEN);
  await form.getByRole("button", { name: "Add Jira integration" }).click();
  await expect(page.getByRole("button", { name: "Sync Jira SEC now" })).toBeVisible();
  await expect(page.getByText("Token set")).toHaveCount(2);
  // The token is write-only: not in the page, not in the edit form, not in the API.
  await page.reload();
  expect(await page.content()).not.toContain(GITHUB_TOKEN);
  await page.getByRole("button", { name: "Edit platform issues" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit platform issues" });
  await expect(dialog.getByLabel("New token (optional)")).toHaveValue("");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  const api = await (await page.request.get("/api/ticket-integrations")).text();
  expect(api).not.toContain(GITHUB_TOKEN);
  expect(api).not.toContain(JIRA_TOKEN);

  // A finding of the first scan.
  await expect.poll(async () => (await (await page.request.get(`/api/findings?cluster=${clusterId}`)).json()).items?.length ?? 0, { timeout: 180_000, intervals: [1000] }).toBeGreaterThan(0);
  const finding = (await (await page.request.get(`/api/findings?cluster=${clusterId}`)).json()).items[0] as { id: string; ruleId: string };

  // A member files it in GitHub from the finding's page.
  const m = await member(browser, ownerEmail, "member");
  await m.goto(`/findings/${finding.id}`);
  const tickets = m.locator("section#tickets");
  await tickets.getByRole("button", { name: "Create ticket for this finding" }).click();
  await m.getByRole("menuitem", { name: /platform issues/ }).click();
  await expect(m.getByText("Ticket queued in platform issues")).toBeVisible();
  const list = tickets.getByRole("list", { name: "Tickets of this finding" });
  await expect(list.getByText(/Pending|Failed|Open/)).toBeVisible();
  await expect(list.getByText("platform issues")).toBeVisible();
  // Asking again answers the same ticket.
  await tickets.getByRole("button", { name: "Create ticket for this finding" }).click();
  await m.getByRole("menuitem", { name: /platform issues/ }).click();
  await expect(m.getByText("Already tracked in platform issues")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  const listed = (await (await m.request.get(`/api/tickets?finding=${finding.id}`)).json()).items as Array<{ source: string }>;
  expect(listed.map((t) => t.source)).toEqual(["finding"]);

  // The rule group in By rule has the same menu.
  await m.goto(`/findings?tab=rules&expand=${encodeURIComponent(finding.ruleId)}`);
  await expect(m.getByRole("button", { name: /Create ticket for .* findings/ })).toBeVisible();

  // A viewer sees the ticket but no button.
  const v = await member(browser, ownerEmail, "viewer");
  await v.goto(`/findings/${finding.id}`);
  await expect(v.locator("section#tickets").getByRole("list", { name: "Tickets of this finding" })).toBeVisible();
  await expect(v.getByRole("button", { name: /Create ticket/ })).toHaveCount(0);
  await expect(v.getByText("Viewers cannot create tickets.")).toBeVisible();
  await v.goto("/settings/integrations");
  await expect(v.getByRole("form", { name: "Add a ticket integration" })).toHaveCount(0);
  await expect(v.getByRole("button", { name: /Sync .* now/ })).toHaveCount(0);
});
