// The first-run journey: sign up, add a cluster by uploading a kubeconfig served by kube-sim, scan
// it in the worker, see its findings, open one.
import { expect, test } from "@playwright/test";
import { addClusterByUpload, signUp, uniqueEmail } from "../helpers";

test("sign up, add a cluster from a kubeconfig file, scan it, open a finding", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("owner"), org: "Onboarding Org" });
  await expect(page.getByText(/add your first cluster/i).first()).toBeVisible();

  const clusterUrl = await addClusterByUpload(page, "shop-staging");
  const clusterId = clusterUrl.split("/").pop()!;

  // The first scan is queued on add; the worker runs it against kube-sim.
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/clusters/${clusterId}`);
        const body = await res.json();
        return body.cluster?.lastScan?.status ?? body.lastScan?.status ?? "none";
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toMatch(/succeeded|partial/);

  await page.reload();
  await expect(page.getByRole("heading", { name: "shop-staging" })).toBeVisible();

  await page.goto(`/findings?tab=all&cluster=${clusterId}`);
  const rows = page.locator("table tbody tr");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(5);

  // Open the first (most severe) finding.
  await rows.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/findings\/[^/?]+$/);
  await expect(page.getByRole("heading", { name: "How to fix" })).toBeVisible();
  await expect(page.getByText("Evidence path")).toBeVisible();
  // The object's YAML is shown with the offending field's line marked.
  const marked = page.locator("#marked");
  await expect(marked).toBeVisible();
  expect((await marked.textContent())?.trim().length).toBeGreaterThan(0);
});
