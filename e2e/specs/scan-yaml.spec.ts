// Scan YAML in the browser against the built app: the manifests are judged in the rules worker
// thread (which must start beside `next start`), a long list of findings is capped and says so,
// and deeply nested YAML is refused with a message at the field.
import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "../helpers";

test("scan YAML runs off the request thread and refuses deep nesting", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("yaml"), org: "YAML Org" });
  await page.goto("/scan-yaml");
  await page.getByRole("button", { name: "Load an example" }).click();
  await page.getByRole("button", { name: "Scan manifests" }).click();
  const results = page.getByRole("region", { name: "Scan results" });
  await expect(results).toBeVisible({ timeout: 60_000 });
  await expect(results.getByText(/privileged/i).first()).toBeVisible();

  const pods = Array.from({ length: 150 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: shop}\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: nginx:latest\n      securityContext: {privileged: true}\n`);
  await page.getByLabel("Manifests", { exact: true }).fill(pods.join("---\n"));
  await page.getByRole("button", { name: "Scan manifests" }).click();
  await expect(results.getByText(/Showing the first 500 of \d+ findings/)).toBeVisible({ timeout: 60_000 });
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/scan-yaml-capped.png`, fullPage: false });

  await page.getByLabel("Manifests", { exact: true }).fill(`${"- ".repeat(3000)}x`);
  await page.getByRole("button", { name: "Scan manifests" }).click();
  await expect(page.getByText(/nests deeper than 100 levels/)).toBeVisible();
});
