// Issue 7: posture over time and proof for auditors. After a real scan (worker + kube-sim), the
// trends page draws its charts from the scan summaries, and a HIPAA report generated from the
// reports page is rendered by the worker and downloads as PDF and CSV.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { addClusterByUpload, signUp, uniqueEmail } from "../helpers";

test("trends show charts with data; a HIPAA report is generated and downloads as PDF and CSV", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("auditor"), org: "Audit Org" });
  const clusterId = (await addClusterByUpload(page, "shop-staging")).split("/").pop()!;
  await expect
    .poll(async () => {
      const body = await (await page.request.get(`/api/clusters/${clusterId}`)).json();
      return body.cluster?.lastScan?.status ?? body.lastScan?.status ?? "none";
    }, { timeout: 60_000, intervals: [1000] })
    .toMatch(/succeeded|partial/);

  await page.goto("/trends?range=7");
  await expect(page.getByRole("heading", { name: "Posture score" })).toBeVisible();
  // recharts drew the data (a first scan is one point: a dot, and stacked bars), and the table view has today's row.
  await expect(page.locator("#score .recharts-line-dots circle").first()).toBeVisible();
  await expect(page.locator("#severity .recharts-bar-rectangle").first()).toBeVisible();
  await page.locator("#score").getByText("Show the data as a table").click();
  await expect(page.locator("#score table tbody tr").last()).toContainText(new Date().toISOString().slice(0, 10));

  await page.goto("/reports");
  const form = page.getByRole("form", { name: "Generate report" });
  await form.getByLabel("Framework").selectOption("hipaa");
  await form.getByRole("button", { name: "Generate report" }).click();
  const row = page.locator("#reports tbody tr").first();
  await expect(row.getByText("Ready")).toBeVisible({ timeout: 60_000 });

  const [pdf] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: /as PDF$/ }).click()]);
  const pdfBytes = readFileSync((await pdf.path())!);
  expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.suggestedFilename()).toMatch(/^bulwark-hipaa-.*\.pdf$/);

  const [csv] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: /as CSV$/ }).click()]);
  const lines = readFileSync((await csv.path())!, "utf8").trim().split(/\r\n/);
  expect(lines[0]).toMatch(/^row_type,framework,control_id/);
  expect(lines.filter((l) => l.startsWith("control,hipaa,")).length).toBeGreaterThan(10);
  expect(lines.some((l) => l.startsWith("finding,hipaa,"))).toBe(true);
});
