// Prevention: the Admission policies page previews the policies for its options (in the URL) and
// downloads them as YAML: at least 20 ValidatingAdmissionPolicies, each with its binding, carrying
// the chosen action and excluded namespaces.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "../helpers";

test("the prevention page previews and downloads the admission policies", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, { email: uniqueEmail("prevention"), org: "Prevention Org" });
  await page.goto("/settings/prevention");
  await expect(page.getByRole("heading", { name: "Admission policies", level: 1 })).toBeVisible();
  // The page starts a rollout at Audit.
  await expect(page.getByRole("radio", { name: /Audit/ })).toBeChecked();
  await page.getByRole("radio", { name: /Warn/ }).check();
  await page.getByLabel("Namespaces to leave out").fill("monitoring, istio-system");
  await page.getByRole("button", { name: "Update preview" }).click();
  await expect(page).toHaveURL(/action=warn/);
  const region = page.getByRole("region", { name: "Policies in the download" });
  await expect(region.getByRole("row")).not.toHaveCount(0);
  const rows = await region.getByRole("row").count();
  expect(rows - 1).toBeGreaterThanOrEqual(20);
  await expect(region.getByText("privileged-container", { exact: true })).toBeVisible();
  await expect(page.getByText(/--exclude-namespace kube-node-lease --exclude-namespace monitoring --exclude-namespace istio-system/)).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download YAML" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("bulwark-admission-policies.yaml");
  // One document per "---", each with its top-level kind (the e2e package reads YAML as text).
  const docs = readFileSync((await file.path())!, "utf8").split(/^---$/m).slice(1);
  const kindOf = (d: string) => /^kind: (\S+)$/m.exec(d)?.[1];
  const policies = docs.filter((d) => kindOf(d) === "ValidatingAdmissionPolicy");
  const bindings = docs.filter((d) => kindOf(d) === "ValidatingAdmissionPolicyBinding");
  expect(policies.length).toBeGreaterThanOrEqual(20);
  expect(bindings.length).toBe(policies.length);
  expect(policies.length).toBe(rows - 1);
  for (const b of bindings) expect(b).toMatch(/validationActions:\n(\s+- \w+\n)*\s+- Warn/);
  for (const ns of ["istio-system", "kube-system"]) expect(bindings[0]).toContain(ns);

  // A bad namespace name is said next to the field.
  await page.goto("/settings/prevention?exclude=Not_A_Namespace");
  await expect(page.getByText(/namespace names: lowercase letters/)).toBeVisible();
});
