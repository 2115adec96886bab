// Issue 14 in the browser: a second scan request while one is queued or running is refused with
// 409 naming that scan, and a scheduled report's webhook is shown by host only, with its signing
// secret shown once.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { STATE_DIR, addClusterByUpload, signUp, uniqueEmail } from "../helpers";

test("a scan already queued or running is named in a 409; a report webhook's signing secret is shown once", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("flood"), org: "Flood Org" });
  const clusterId = (await addClusterByUpload(page, "shop-staging")).split("/").pop()!;
  const origin = new URL(page.url()).origin;
  const status = async () => {
    const body = await (await page.request.get(`/api/clusters/${clusterId}`)).json();
    return (body.cluster?.lastScan?.status ?? body.lastScan?.status ?? "none") as string;
  };
  await expect.poll(status, { timeout: 90_000, intervals: [1000] }).toMatch(/succeeded|partial|failed/);

  const first = await page.request.post(`/api/clusters/${clusterId}/scans`, { data: {}, headers: { origin } });
  expect(first.status()).toBe(202);
  const { id } = (await first.json()) as { id: string };
  const second = await page.request.post(`/api/clusters/${clusterId}/scans`, { data: {}, headers: { origin } });
  // The first may already have finished on a fast machine; then the second is a new scan.
  if (second.status() === 409) {
    const body = (await second.json()) as { code: string; error: string; details?: { scanId?: string } };
    expect(body.code).toBe("scan_in_progress");
    expect(body.details?.scanId).toBe(id);
    expect(body.error).toContain(id);
  } else {
    expect(second.status()).toBe(202);
  }
  await expect.poll(status, { timeout: 90_000, intervals: [1000] }).toMatch(/succeeded|partial|failed/);

  await page.goto("/reports");
  const schedule = page.getByRole("form", { name: "Schedule a report" });
  await schedule.getByLabel("Webhook (optional)").fill("https://127.0.0.1:9/bulwark-hook?token=path-secret");
  await schedule.getByRole("button", { name: "Schedule" }).click();
  const secret = page.getByLabel("Signing secret");
  await expect(secret).toHaveValue(/^whsec_/);
  await page.screenshot({ path: path.join(STATE_DIR, "..", "test-results", "report-schedule-secret.png"), fullPage: true });
  // The list shows the host; the URL's path (which can carry a credential) never reaches the page.
  await page.reload();
  await expect(page.locator("#schedules table")).toContainText("127.0.0.1:9");
  await expect(page.getByLabel("Signing secret")).toHaveCount(0);
  expect(await page.content()).not.toContain("path-secret");
});
