// Scan YAML in the browser against the built app: the manifests are judged in the rules worker
// thread (which must start beside `next start`), a long list of findings is capped and says so,
// and deeply nested YAML is refused with a message at the field; "try it" on the Policy page runs
// in the same thread, and CEL bombs are refused or stopped at the cost limit.
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

test("a custom rule's try-it runs in the worker thread: a bomb is refused, a costly rule stops at the cost limit", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("cel"), org: "CEL Org" });
  await page.goto("/settings/policy");
  await page.getByRole("button", { name: /new custom rule/i }).click();
  await page.getByLabel("Rule id").fill("wide");
  await page.getByLabel("Title").fill("Quadratic walk");
  await page.getByLabel("Kinds").fill("ConfigMap");
  const editor = page.getByLabel(/CEL expression/i);
  await editor.fill('object.data.items.split(",").all(x, object.data.items.split(",").all(y, x == y))');
  await expect(page.getByRole("list", { name: "Expression errors" })).toContainText(/exceeds the CEL cost limit of 1,000,000 steps per object/);

  await editor.fill('object.data.items.split(",").all(x, object.data.items.contains(x))');
  await expect(page.getByText("Compiles.")).toBeVisible();
  await page.getByLabel("How to fix").fill("none");
  const items = Array.from({ length: 10_000 }, () => "a").join(",");
  await page.locator("#cr-yaml").fill(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big, namespace: default}\ndata:\n  items: "${items}"\n`);
  await page.getByRole("button", { name: /try against yaml/i }).click();
  await expect(page.getByRole("status", { name: "Try result" })).toContainText("Not evaluated: CEL cost limit of 1,000,000 steps per object exceeded on ConfigMap default/big", { timeout: 60_000 });
  if (process.env.E2E_SCREENSHOTS) await page.getByRole("status", { name: "Try result" }).screenshot({ path: `${process.env.E2E_SCREENSHOTS}/try-cost-limit.png` });
});
