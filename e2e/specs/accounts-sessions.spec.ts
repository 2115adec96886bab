// Accounts in a real browser against the built app: "Sign out everywhere" ends another browser's
// session at its next request, and a signed-in visit to the sign-in page with a callback URL such
// as /\evil.com stays on the site (it used to send the browser off-site).
import { expect, test } from "@playwright/test";
import { signIn, signUp, uniqueEmail } from "../helpers";

test("sign out everywhere ends every session of the user, in other browsers too", async ({ browser, page }) => {
  const email = uniqueEmail("everywhere");
  await signUp(page, { email, org: "Everywhere Org" });
  const other = await browser.newContext();
  const laptop = await other.newPage();
  await signIn(laptop, email);

  await page.goto("/settings/account");
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("account-settings.png"), fullPage: true });
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=SessionRevoked/, { timeout: 30_000 });
  await expect(page.getByText("You were signed out. Sign in again.")).toBeVisible();

  // The other browser still holds its (signed, unexpired) cookie: the server no longer accepts it.
  await laptop.goto("/overview");
  await expect(laptop).toHaveURL(/\/sign-in/, { timeout: 30_000 });
  const api = await laptop.request.get("/api/clusters", { headers: { "sec-fetch-site": "same-origin" } });
  expect(api.status()).toBe(401);

  // Signing in again works and is a fresh session.
  await signIn(laptop, email);
  await other.close();
});

test("changing the password ends the other sessions and keeps this one", async ({ browser, page }) => {
  const email = uniqueEmail("password");
  await signUp(page, { email, org: "Password Org" });
  const other = await browser.newContext();
  const laptop = await other.newPage();
  await signIn(laptop, email);

  await page.goto("/settings/account");
  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password").fill("a-brand-new-passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That password is not right")).toBeVisible();

  await page.getByLabel("Current password").fill("correct-horse-battery-staple");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Every other session was signed out.")).toBeVisible({ timeout: 30_000 });
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/overview/);

  await laptop.goto("/overview");
  await expect(laptop).toHaveURL(/\/sign-in/, { timeout: 30_000 });
  await other.close();
});

for (const attack of ["/\\evil.example", "/\\/evil.example", "//evil.example", "https://evil.example/", "/%09/evil.example"]) {
  test(`signed in, /sign-in?callbackUrl=${attack} stays on the site`, async ({ page, baseURL }) => {
    const email = uniqueEmail("redirect");
    await signUp(page, { email, org: "Redirect Org" });
    const res = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(attack)}`, { maxRedirects: 0 });
    const location = res.headers()["location"];
    expect(location, `status ${res.status()}`).toBeTruthy();
    // Resolved the way the browser resolves it.
    expect(new URL(location!, baseURL).origin).toBe(new URL(baseURL!).origin);
  });
}

test("signing in with a callback URL such as /\\evil.example lands on the site", async ({ page, baseURL }) => {
  const email = uniqueEmail("redirect-form");
  await signUp(page, { email, org: "Redirect Form Org" });
  await page.context().clearCookies();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/\\evil.example")}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-battery-staple");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/overview/, { timeout: 30_000 });
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("sign-up does not say that an email already has an account", async ({ page, browser }) => {
  const email = uniqueEmail("exists");
  await signUp(page, { email, org: "Exists Org" });
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto("/sign-up");
  await stranger.getByLabel("Your name").fill("Someone Else");
  await stranger.getByLabel("Work email").fill(email);
  await stranger.getByLabel("Password").fill("another-long-password");
  await stranger.getByLabel("Organization name").fill("Probe Org");
  await stranger.getByRole("button", { name: /create/i }).click();
  await expect(stranger.getByText("We could not sign you in with these details. If you already have an account, sign in instead.")).toBeVisible({ timeout: 30_000 });
  await expect(stranger.getByText(/already exists/i)).toHaveCount(0);
  await expect(stranger).toHaveURL(/\/sign-up/);
  // The owner's account is untouched: they still sign in with their own password.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, email);
});
