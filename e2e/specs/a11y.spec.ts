// Accessibility of the main pages (axe-core): no serious or critical violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { db } from "@bulwark/db";
import { addClusterByUpload, signUp, uniqueEmail } from "../helpers";

test("main pages have no serious or critical accessibility violations", async ({ page }) => {
  // One scan, then an axe run on each of some twenty pages.
  test.setTimeout(300_000);
  await signUp(page, { email: uniqueEmail("a11y"), org: "A11y Org" });
  const clusterUrl = await addClusterByUpload(page, "a11y-cluster");
  const clusterId = clusterUrl.split("/").pop()!;
  await expect
    .poll(async () => (await (await page.request.get(`/api/findings?cluster=${clusterId}`)).json()).items?.length ?? 0, {
      timeout: 60_000,
      intervals: [1000],
    })
    .toBeGreaterThan(0);
  const findingId = (await (await page.request.get(`/api/findings?cluster=${clusterId}`)).json()).items[0].id;

  // The scan stores its risks with its findings; a risk page is a main page too.
  await expect.poll(async () => db.risk.count({ where: { clusterId } }), { timeout: 30_000, intervals: [500] }).toBeGreaterThan(0);
  const riskId = (await db.risk.findFirstOrThrow({ where: { clusterId }, orderBy: { score: "desc" } })).id;

  for (const url of [
    "/overview", "/clusters", clusterUrl, "/findings", "/findings?tab=all", "/findings?tab=rules", "/findings?tab=objects", "/findings?tab=mine", "/findings?tab=platform",
    `/findings/${findingId}`, `/risks/${riskId}`, "/scan-yaml", "/settings/members", "/clusters/new", "/trends", "/reports", "/compliance", "/settings/audit",
    "/exceptions", "/settings/policy", "/settings/alerts",
  ]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${url}: ${v.id} (${v.nodes.length})`)).toEqual([]);
  }
});
