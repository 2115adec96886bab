// Shared steps for the browser specs: unique accounts, signing up and in through the UI, and
// seeding a second member through packages/db (as the invite flow would).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";

export const STATE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".bulwark", "e2e");
export const kubeconfigFile = (identity: "admin" | "no-secrets") => path.join(STATE_DIR, `${identity}.kubeconfig`);

let counter = 0;
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@e2e.bulwark.test`;
}
export const PASSWORD = "correct-horse-battery-staple";

export async function signUp(page: Page, opts: { email: string; org: string; name?: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(opts.name ?? "E2E User");
  await page.getByLabel("Work email").fill(opts.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill(opts.org);
  await page.getByRole("button", { name: /create|sign up/i }).click();
  await expect(page).toHaveURL(/\/overview/, { timeout: 30_000 });
}

export async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/overview/, { timeout: 30_000 });
}

/** Adds a cluster through the UI by uploading a kubeconfig file; returns the cluster page URL. */
export async function addClusterByUpload(page: Page, name: string, identity: "admin" | "no-secrets" = "admin"): Promise<string> {
  await page.goto("/clusters/new?method=kubeconfig");
  const tab = page.getByRole("tab", { name: /upload a kubeconfig/i });
  if ((await tab.getAttribute("aria-selected")) !== "true") await tab.click();
  await page.locator("#kubeconfig-file").setInputFiles(kubeconfigFile(identity));
  // The server reads the file's contexts and proposes a name; wait for that before typing ours.
  await expect(page.getByLabel("Cluster name")).not.toHaveValue("", { timeout: 15_000 });
  await page.getByLabel("Cluster name").fill(name);
  await page.getByRole("button", { name: "Add cluster" }).click();
  await expect(page).toHaveURL(/\/clusters\/(?!new)[^/?]+$/, { timeout: 30_000 });
  return page.url();
}
