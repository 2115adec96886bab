// A cluster's change history: rows seeded through packages/db (as the worker's watch writes them),
// filters that live in the URL, the findings link of a change, and another organization's 404.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { db } from "@bulwark/db";
import { addClusterByUpload, signUp, uniqueEmail } from "../helpers";

test("the change history lists changes newest first and filters through the URL", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUp(page, { email: uniqueEmail("changes"), org: "Changes Org" });
  const clusterId = (await addClusterByUpload(page, `changes-${Date.now().toString(36)}`)).split("/").pop()!;
  const { orgId } = await db.cluster.findUniqueOrThrow({ where: { id: clusterId }, select: { orgId: true } });
  const now = Date.now();
  const row = (s: number, type: "added" | "modified" | "deleted", kind: string, namespace: string, name: string, manager: string | null, fields: string[] = []) => ({
    orgId, clusterId, at: new Date(now - s * 1000), type, apiVersion: kind === "Deployment" ? "apps/v1" : "v1", kind, namespace, name, manager, fields,
  });
  await db.clusterChange.createMany({
    data: [
      row(30, "modified", "Deployment", "shop", "checkout", "kubectl-client-side-apply", ["spec.template.spec.containers[app].securityContext.privileged", "spec.replicas"]),
      row(90, "added", "Pod", "payments", "debug-shell", "kubectl-run"),
      row(600, "deleted", "ConfigMap", "shop", "old-flags", null),
      row(900, "modified", "Deployment", "shop", "cart", "helm", ["spec.template.spec.containers[app].image"]),
    ],
  });

  await page.goto(`/clusters/${clusterId}/changes`);
  await expect(page.getByRole("heading", { name: "Change history" })).toBeVisible();
  await expect(page.getByText("Kept for 90 days")).toBeVisible();
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText("checkout");
  await expect(rows.nth(0)).toContainText("spec.template.spec.containers[app].securityContext.privileged");
  await expect(rows.nth(0)).toContainText("kubectl (client-side apply)");
  await expect(rows.nth(3)).toContainText("Helm");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Filters go through the URL (a GET form), and a link with them opens the same list.
  await page.getByLabel("Kind").selectOption("Deployment");
  await page.getByLabel("Made by").selectOption("helm");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/kind=Deployment/);
  await expect(page).toHaveURL(/manager=helm/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("cart");
  await page.goto(`/clusters/${clusterId}/changes?namespace=payments&type=added`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("debug-shell");
  await expect(rows.first()).toContainText("kubectl (run)");
  await rows.first().getByRole("link", { name: "Object's findings" }).click();
  await expect(page).toHaveURL(/\/findings\?.*namespace=payments.*q=debug-shell/);

  // Another organization does not see it.
  const other = await browser.newPage();
  await signUp(other, { email: uniqueEmail("changes-other"), org: "Other Org" });
  const res = await other.goto(`/clusters/${clusterId}/changes`);
  expect(res?.status()).toBe(404);
  expect((await other.request.get(`/api/clusters/${clusterId}/changes`)).status()).toBe(404);
  await other.close();
});
