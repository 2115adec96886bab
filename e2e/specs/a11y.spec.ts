// Accessibility of the main pages (axe-core): no serious or critical violations. One test per page,
// each with its own time budget, so a busy machine slows a page rather than failing the lot; the
// organization, its cluster and the first scan are set up once, then every test signs in with the
// same session cookies in its own browser context.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext } from "@playwright/test";
import { db } from "@bulwark/db";
import { addClusterByUpload, signUp, uniqueEmail } from "../helpers";

type Ids = { clusterUrl: string; findingId: string; riskId: string; imageId: string; fixId: string };
let ids: Ids;
let cookies: Awaited<ReturnType<BrowserContext["cookies"]>>;

test.beforeAll(async ({ browser }) => {
  // Sign-up, an upload and a whole scan: waits on conditions, with room for a loaded machine.
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, { email: uniqueEmail("a11y"), org: "A11y Org" });
  const clusterUrl = await addClusterByUpload(page, "a11y-cluster");
  const clusterId = clusterUrl.split("/").pop()!;
  const listed = async () => (await (await page.request.get(`/api/findings?cluster=${clusterId}`)).json()).items?.length ?? 0;
  await expect.poll(listed, { timeout: 180_000, intervals: [1000] }).toBeGreaterThan(0);
  const findingId = (await (await page.request.get(`/api/findings?cluster=${clusterId}`)).json()).items[0].id;
  // The scan stores its risks with its findings; a risk page is a main page too.
  await expect.poll(async () => db.risk.count({ where: { clusterId } }), { timeout: 60_000, intervals: [500] }).toBeGreaterThan(0);
  const riskId = (await db.risk.findFirstOrThrow({ where: { clusterId }, orderBy: { score: "desc" } })).id;
  // The scenario runs Trivy Operator: the scan saves its images with their CVEs.
  await expect.poll(async () => db.imageCve.count({ where: { clusterId } }), { timeout: 60_000, intervals: [500] }).toBeGreaterThan(0);
  const imageId = (await db.imageCve.findFirstOrThrow({ where: { clusterId }, orderBy: { severity: "asc" } })).imageId;
  // A fix request: the first finding with an automatic fix, proposed by the owner.
  let fixId = "";
  const origin = new URL(page.url()).origin;
  for (const f of ((await (await page.request.get(`/api/findings?cluster=${clusterId}&limit=60`)).json()).items as { id: string }[])) {
    const proposed = await page.request.post("/api/fixes", { data: { findingIds: [f.id] }, headers: { origin } });
    if (proposed.status() === 201) {
      fixId = ((await proposed.json()) as { id: string }).id;
      break;
    }
  }
  expect(fixId, "a finding with an automatic fix").not.toBe("");
  ids = { clusterUrl, findingId, riskId, imageId, fixId };
  cookies = await context.cookies();
  await context.close();
});

const PAGES: Array<[name: string, url: (ids: Ids) => string]> = [
  ["overview", () => "/overview"],
  ["clusters", () => "/clusters"],
  ["a cluster", (i) => i.clusterUrl],
  ["findings (risks tab)", () => "/findings"],
  ["findings (all)", () => "/findings?tab=all"],
  ["findings (by rule)", () => "/findings?tab=rules"],
  ["findings (by object)", () => "/findings?tab=objects"],
  ["findings (mine)", () => "/findings?tab=mine"],
  ["findings (platform)", () => "/findings?tab=platform"],
  ["a finding", (i) => `/findings/${i.findingId}`],
  ["a risk", (i) => `/risks/${i.riskId}`],
  ["scan YAML", () => "/scan-yaml"],
  ["members", () => "/settings/members"],
  ["add a cluster", () => "/clusters/new"],
  ["trends", () => "/trends"],
  ["reports", () => "/reports"],
  ["compliance", () => "/compliance"],
  ["access", () => "/access"],
  ["who can", () => "/access/who-can?verb=get&resource=secrets"],
  ["stale access", () => "/access/stale"],
  ["access changes", () => "/access/changes"],
  ["access reviews", () => "/access/reviews"],
  ["images", () => "/images"],
  ["images (by registry)", () => "/images?view=registry"],
  ["an image", (i) => `/images/${i.imageId}`],
  ["vulnerabilities", () => "/vulnerabilities"],
  ["audit log", () => "/settings/audit"],
  ["exceptions", () => "/exceptions"],
  ["policy", () => "/settings/policy"],
  ["ticket integrations", () => "/settings/integrations"],
  ["admission policies", () => "/settings/prevention"],
  ["alerts", () => "/settings/alerts"],
  ["fixes", () => "/fixes?tab=all"],
  ["a fix request", (i) => `/fixes/${i.fixId}`],
];

for (const [name, urlOf] of PAGES) {
  test(`${name} has no serious or critical accessibility violations`, async ({ page }) => {
    // One page and one axe run; a loaded machine has taken over a minute on the heavier pages.
    test.setTimeout(180_000);
    await page.context().addCookies(cookies);
    const url = urlOf(ids);
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(400);
    // The app shell is rendered (not the sign-in page) before axe looks at it.
    await expect(page.locator("main#main")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${url}: ${v.id} (${v.nodes.length})`)).toEqual([]);
  });
}
