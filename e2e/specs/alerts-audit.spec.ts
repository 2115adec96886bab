// Alerts and the audit trail in the browser: an admin adds a webhook channel pointing at a local
// HTTPS receiver (trusted by the worker through global-setup's certificate), sends a test and sees
// it delivered with a valid signature; the audit page lists and filters what happened and exports
// it; a viewer sees neither; another organization's channel id is a 404.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { hash } from "@node-rs/argon2";
import { expect, test, type Page } from "@playwright/test";
import { acceptInvite, createInvite, createUser, getUserByEmail, listMembershipsForUser } from "@bulwark/db";
import { PASSWORD, STATE_DIR, signIn, signUp, uniqueEmail } from "../helpers";

interface THit { path: string; body: string; timestamp?: string; signature?: string }
const hits: THit[] = [];
let server: Server;
let base: string;

test.beforeAll(async () => {
  const key = readFileSync(path.join(STATE_DIR, "receiver.key.pem"), "utf8");
  const cert = readFileSync(path.join(STATE_DIR, "receiver.cert.pem"), "utf8");
  server = createServer({ key, cert }, (req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      hits.push({ path: req.url ?? "", body, timestamp: req.headers["x-bulwark-timestamp"] as string, signature: req.headers["x-bulwark-signature"] as string });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

test.describe.configure({ mode: "serial" });

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${what}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

const ownerEmail = uniqueEmail("alerts-owner");
let channelUrl = "";
let secret = "";

test("an admin adds a webhook channel, sends a test and sees it delivered, signed", async ({ page }) => {
  await signUp(page, { email: ownerEmail, org: "Alerts Org A" });
  await page.goto("/settings/alerts");
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  await expect(page.getByText("No channels yet")).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("E2E receiver");
  await page.getByLabel("Endpoint URL").fill(`${base}/hooks/e2e-path-token`);
  await page.getByLabel("Alert on").selectOption("critical");
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByText(/is ready/)).toBeVisible();
  secret = await page.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_/);

  // The list shows the host only, never the path (which may carry a token).
  const row = page.getByRole("row", { name: /E2E receiver/ });
  await expect(row).toContainText(new URL(base).host);
  await expect(page.locator("body")).not.toContainText("e2e-path-token");

  await page.getByRole("link", { name: "Open it" }).click();
  await expect(page).toHaveURL(/\/settings\/alerts\/[^/]+$/);
  channelUrl = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByText("Delivered").first()).toBeVisible({ timeout: 45_000 });

  const hit = hits.find((h) => h.path === "/hooks/e2e-path-token");
  expect(hit, "the receiver got the test").toBeTruthy();
  expect(JSON.parse(hit!.body)).toMatchObject({ type: "test", channel: { name: "E2E receiver" } });
  const want = `sha256=${createHmac("sha256", secret).update(`${hit!.timestamp}.${hit!.body}`).digest("hex")}`;
  expect(hit!.signature).toBe(want);
  expect(Math.abs(Date.now() / 1000 - Number(hit!.timestamp))).toBeLessThan(120);

  await page.reload();
  await expect(page.getByRole("table").getByText("Test message")).toBeVisible();
  await expectAccessible(page, "channel page");
  await page.goto("/settings/alerts");
  await expect(page.getByRole("row", { name: /E2E receiver Webhook/ })).toContainText("Delivered");
  await expectAccessible(page, "alerts page");
  // the bell opens an (empty) list
  await page.getByRole("button", { name: /^Notifications/ }).click();
  await expect(page.getByText("You’re all caught up")).toBeVisible();
  await expectAccessible(page, "notifications");
});

test("the audit page lists the entries, filters them, and exports CSV and JSON Lines without secrets", async ({ page }) => {
  await signIn(page, ownerEmail);
  await page.goto("/settings/audit");
  const table = page.getByRole("table");
  await expect(table.getByText("Added an alert channel")).toBeVisible();
  await expect(table.getByText("Sent a test alert")).toBeVisible();
  await expect(table.getByText("Signed in").first()).toBeVisible();

  await page.getByLabel("Action").selectOption("channel.create");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=channel\.create/);
  await expect(table.getByText("Added an alert channel")).toBeVisible();
  await expect(table.getByText("Sent a test alert")).toHaveCount(0);
  await expect(table.getByText("Signed in")).toHaveCount(0);
  await expectAccessible(page, "audit page");

  const csv = await page.request.get("/api/audit/export?format=csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="bulwark-audit-.+-\d{4}-\d{2}-\d{2}\.csv"/);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe("time,action,description,actor_id,actor_email,ip,target_type,target_id,details");
  expect(text).toContain("channel.create");
  expect(text).toContain("channel.test");
  expect(text).toContain("audit.export");
  expect(text).not.toContain("e2e-path-token");
  expect(text).not.toContain(secret);

  const jsonl = await page.request.get("/api/audit/export?format=jsonl&action=channel.");
  expect(jsonl.status()).toBe(200);
  const lines = (await jsonl.text()).trim().split("\n").map((l) => JSON.parse(l) as { action: string });
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(lines.every((l) => l.action.startsWith("channel."))).toBe(true);
});

test("a viewer sees neither channel management nor the audit log, and cannot export", async ({ browser }) => {
  const owner = await getUserByEmail(ownerEmail);
  const orgId = (await listMembershipsForUser(owner!.id))[0]!.orgId;
  const viewerEmail = uniqueEmail("alerts-viewer");
  const viewer = await createUser({ email: viewerEmail, name: "Alerts Viewer", passwordHash: await hash(PASSWORD) });
  const { token } = await createInvite({ orgId, role: "viewer", createdById: owner!.id });
  await acceptInvite({ token, userId: viewer.id });

  const page = await browser.newPage();
  await signIn(page, viewerEmail);
  await page.goto("/settings/alerts");
  await expect(page.getByText("Admins only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add channel" })).toHaveCount(0);
  await expect(page.getByText("E2E receiver")).toHaveCount(0);
  await page.goto(channelUrl);
  await expect(page.getByText("Admins only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send test" })).toHaveCount(0);
  await page.goto("/settings/audit");
  await expect(page.getByText("Admins only")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  const res = await page.request.get("/api/audit/export?format=csv");
  expect(res.status()).toBe(403);
  await page.close();
});

test("another organization's channel id is a 404", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("alerts-other"), org: "Alerts Org B" });
  const res = await page.goto(channelUrl);
  expect(res?.status()).toBe(404);
  await expect(page.getByText("E2E receiver")).toHaveCount(0);
  await page.goto("/settings/alerts");
  await expect(page.getByText("No channels yet")).toBeVisible();
});
