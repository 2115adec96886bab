// Issue 14: organization API tokens, end to end against the built app. An admin creates tokens in
// Settings → API tokens (shown once); a scan token starts a scan over HTTP (202) and a read token
// lists findings; another organization's token gets 404 on the cluster, a read token 403 on
// mutations, and a token revoked in the UI gets 401.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { addClusterByUpload, signUp, uniqueEmail } from "../helpers";

async function createToken(page: Page, name: string, scopes: string[]): Promise<string> {
  await page.goto("/settings/tokens");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  for (const box of await page.getByRole("checkbox").all()) if (await box.isChecked()) await box.uncheck();
  for (const s of scopes) await page.locator("label", { has: page.locator("code", { hasText: new RegExp(`^${s}$`) }) }).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(/shown only once/)).toBeVisible();
  const token = await page.locator("#token-secret").inputValue();
  expect(token).toMatch(/^bwk_[A-Za-z0-9_-]{43}$/);
  return token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test("API tokens: created once in settings, scoped, tenant-bound and revocable", async ({ browser, playwright }, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const a = await browser.newPage();
  await signUp(a, { email: uniqueEmail("tokens-a"), org: "Tokens A" });
  const clusterId = (await addClusterByUpload(a, "shop-staging")).split("/").pop()!;
  const scanToken = await createToken(a, "CI scan", ["scan"]);
  const readToken = await createToken(a, "Dashboards", ["read"]);
  // Shown once: after a reload the secret is nowhere on the page, only its prefix.
  await a.reload();
  expect(await a.content()).not.toContain(readToken);
  await expect(a.locator("#tokens table")).toContainText(readToken.slice(0, 12));

  const b = await browser.newPage();
  await signUp(b, { email: uniqueEmail("tokens-b"), org: "Tokens B" });
  const otherToken = await createToken(b, "B admin", ["admin"]);

  // No cookies: the token is the only credential of these requests.
  const api: APIRequestContext = await playwright.request.newContext({ baseURL });
  const lastScan = async () => ((await (await api.get(`/api/clusters/${clusterId}`, { headers: bearer(readToken) })).json()) as { lastScan?: { status: string } }).lastScan?.status ?? "none";
  await expect.poll(lastScan, { timeout: 120_000, intervals: [1000] }).toMatch(/succeeded|partial|failed/);

  const scan = await api.post(`/api/clusters/${clusterId}/scans`, { headers: bearer(scanToken) });
  expect(scan.status()).toBe(202);
  expect(await scan.json()).toMatchObject({ status: "queued", clusterId });
  await expect.poll(lastScan, { timeout: 120_000, intervals: [1000] }).toMatch(/succeeded|partial|failed/);

  const findings = await api.get(`/api/findings?cluster=${clusterId}`, { headers: bearer(readToken) });
  expect(findings.status()).toBe(200);
  const items = ((await findings.json()) as { items: Array<{ id: string }> }).items;
  expect(items.length).toBeGreaterThan(0);

  // Another organization's token: this organization's cluster and findings do not exist for it.
  expect((await api.post(`/api/clusters/${clusterId}/scans`, { headers: bearer(otherToken) })).status()).toBe(404);
  expect((await api.get(`/api/findings/${items[0]!.id}`, { headers: bearer(otherToken) })).status()).toBe(404);
  expect(JSON.stringify(await (await api.get("/api/findings", { headers: bearer(otherToken) })).json())).not.toContain(items[0]!.id);

  // A read token may not change anything.
  expect((await api.post(`/api/clusters/${clusterId}/scans`, { headers: bearer(readToken) })).status()).toBe(403);
  expect((await api.post(`/api/findings/${items[0]!.id}/status`, { headers: bearer(readToken), data: { status: "resolved" } })).status()).toBe(403);

  // The list shows when a token was used; revoking it in the UI makes it 401 at once.
  await a.goto("/settings/tokens");
  const row = a.locator("#tokens tr", { hasText: "Dashboards" });
  await expect(row).not.toContainText("never");
  a.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: /Revoke/ }).click();
  await expect(row).toContainText("revoked");
  const revoked = await api.get("/api/findings", { headers: bearer(readToken) });
  expect(revoked.status()).toBe(401);
  expect(revoked.headers()["www-authenticate"]).toContain("Bearer");
  await api.dispose();
});
