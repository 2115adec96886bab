// Issue 18: images and vulnerabilities in the browser. An admin scans kube-sim's shop-staging (which
// runs Trivy Operator: its VulnerabilityReports are read with the cluster) and sees every image it
// runs on /images, with filters in the URL and a registry view; imports a Trivy document for the
// one image no in-cluster report covers (pinned to the digest the cluster runs) through the dialog
// and sees its CVEs on the image page; a malformed document shows the server's reason and stores
// nothing; after a rescan the workload's finding lists the imported CVEs, /vulnerabilities lists
// them fleet-wide and an admin excepts one. Another organization gets 404 on every URL naming the
// first one's image or cluster, pages and API alike.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { db, getUserByEmail, listMembershipsForUser } from "@bulwark/db";
import { addClusterByUpload, signUp, uniqueEmail } from "../helpers";

test.describe.configure({ mode: "serial" });

const SHOTS = process.env.E2E_SCREENSHOTS;
const REPO = "ghcr.io/acme-shop/recommendations";
const adminEmail = uniqueEmail("images-admin");
let admin: Page;
let orgId = "";
let clusterId = "";
let imageId = "";
let digest = "";

async function noSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${page.url()}: ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const [label, width] of [["desktop", 1280], ["phone", 390]] as const) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/**
 * `trivy image -f json` of the recommendations service as Trivy writes it (SchemaVersion 2, upper-case
 * severities, an os-pkgs and a lang-pkgs result, CVSS per source), naming the digest the cluster runs.
 */
function trivyDocument(repoDigest: string): string {
  const name = `${REPO}:0.9.1`;
  const vuln = (v: { id: string; pkg: string; installed: string; fixed?: string; severity: string; title: string; score: number; pkgPath?: string }) => ({
    VulnerabilityID: v.id,
    PkgName: v.pkg,
    ...(v.pkgPath ? { PkgPath: v.pkgPath } : {}),
    InstalledVersion: v.installed,
    ...(v.fixed ? { FixedVersion: v.fixed } : {}),
    Status: v.fixed ? "fixed" : "affected",
    SeveritySource: "nvd",
    PrimaryURL: `https://avd.aquasec.com/nvd/${v.id.toLowerCase()}`,
    DataSource: { ID: "debian", Name: "Debian Security Tracker", URL: "https://salsa.debian.org/security-tracker-team/security-tracker" },
    Title: v.title,
    Severity: v.severity,
    CVSS: { nvd: { V3Vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", V3Score: v.score } },
    PublishedDate: "2023-10-18T04:15:11.077Z",
    LastModifiedDate: "2024-01-05T10:15:07.680Z",
  });
  return JSON.stringify(
    {
      SchemaVersion: 2,
      CreatedAt: new Date(Date.now() - 3_600_000).toISOString(),
      ArtifactName: name,
      ArtifactType: "container_image",
      Metadata: {
        OS: { Family: "debian", Name: "12.1" },
        ImageID: "sha256:5d0da3dc976460b72c77d94c8a1ad043720b0416bfc16c52c45d4847e53fadb6",
        DiffIDs: ["sha256:d310e774110ab038b30c6a5f7b7f7dd527dbe527854496bd30194b9ee6ea496e"],
        RepoTags: [name],
        RepoDigests: [`${REPO}@${repoDigest}`],
        ImageConfig: { architecture: "amd64", os: "linux", rootfs: { type: "layers", diff_ids: ["sha256:d310e774110ab038b30c6a5f7b7f7dd527dbe527854496bd30194b9ee6ea496e"] }, config: {} },
      },
      Results: [
        {
          Target: `${name} (debian 12.1)`,
          Class: "os-pkgs",
          Type: "debian",
          Vulnerabilities: [
            vuln({ id: "CVE-2023-38545", pkg: "libcurl4", installed: "7.88.1-10+deb12u1", fixed: "7.88.1-10+deb12u4", severity: "CRITICAL", title: "curl: heap based buffer overflow in the SOCKS5 proxy handshake", score: 9.8 }),
            vuln({ id: "CVE-2023-5363", pkg: "libssl3", installed: "3.0.9-1", fixed: "3.0.11-1~deb12u2", severity: "HIGH", title: "openssl: Incorrect cipher key and IV length processing", score: 7.5 }),
            vuln({ id: "CVE-2023-4039", pkg: "libgcc-s1", installed: "12.2.0-14", severity: "MEDIUM", title: "gcc: -fstack-protector fails to guard dynamic stack allocations on ARM64", score: 4.8 }),
          ],
        },
        {
          Target: "Python",
          Class: "lang-pkgs",
          Type: "python-pkg",
          Vulnerabilities: [
            vuln({ id: "CVE-2024-6345", pkg: "setuptools", pkgPath: "usr/local/lib/python3.11/site-packages/setuptools-65.5.1.dist-info/METADATA", installed: "65.5.1", fixed: "70.0.0", severity: "HIGH", title: "pypa/setuptools: Remote code execution via download functions in the package_index module", score: 8.8 }),
          ],
        },
      ],
    },
    null,
    2,
  );
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  admin = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await signUp(admin, { email: adminEmail, org: "Images Co", name: "Ivy Admin" });
  clusterId = (await addClusterByUpload(admin, "shop-staging")).split("/").pop()!;
  orgId = (await listMembershipsForUser((await getUserByEmail(adminEmail))!.id))[0]!.orgId;
  // The worker saves the image inventory and the CVE history right after the scan's results (two saves: wait for both).
  await expect.poll(async () => db.imageCve.count({ where: { orgId, clusterId } }), { timeout: 180_000, intervals: [1000] }).toBeGreaterThan(0);
  const running = { orgId, registry: "ghcr.io", repository: "acme-shop/recommendations", uses: { some: { clusterId, goneAt: null } } };
  await expect.poll(async () => db.image.count({ where: running }), { timeout: 60_000, intervals: [500] }).toBe(1);
  const image = await db.image.findFirstOrThrow({ where: running });
  imageId = image.id;
  digest = image.digest;
});

test("the images list: every image the cluster runs, worst first, filters in the URL, by registry", async () => {
  await admin.goto("/images");
  const rows = admin.getByTestId("image-row");
  await expect(rows.filter({ hasText: "ghcr.io/acme-shop/cart:1.8.2" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "ghcr.io/acme-shop/frontend:latest" })).toHaveCount(1);
  await expect(rows.filter({ hasText: `${REPO}:0.9.1` })).toContainText("none reported");
  // In-cluster reports: the frontend's http2 CVE (high, fixable) counts
  await expect(rows.filter({ hasText: "ghcr.io/acme-shop/frontend:latest" })).toContainText(/high/);
  await noSeriousA11yViolations(admin);
  await shoot(admin, "images");

  // Images with a fixable critical or high CVE: the frontend (Go's http2 CVEs) and the cart (qs).
  await admin.getByLabel("Vulnerabilities").selectOption("high");
  await admin.getByLabel("Fixable only").check();
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(admin).toHaveURL(/[?&]severity=high/);
  await expect(admin).toHaveURL(/[?&]fixable=1/);
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "ghcr.io/acme-shop/frontend:latest" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "ghcr.io/acme-shop/cart:1.8.2" })).toHaveCount(1);
  // Redis' critical zlib CVE has no fix: there without "fixable only".
  await admin.getByLabel("Fixable only").uncheck();
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(admin).not.toHaveURL(/fixable=1/);
  await expect(rows.filter({ hasText: "redis:7.2" })).toHaveCount(1);

  await admin.goto("/images?registry=quay.io");
  await expect(rows).not.toHaveCount(0);
  for (const text of await rows.allInnerTexts()) expect(text).toContain("quay.io");
  // The StatefulSet's pods report the digest they run; the backup CronJob has no pod yet: two rows, one without a digest.
  await admin.goto("/images?q=postgres");
  await expect(rows).toHaveCount(2);
  for (const text of await rows.allInnerTexts()) expect(text).toContain("postgres:16.1");
  await expect(rows.filter({ hasText: "digest unknown" })).toHaveCount(1);

  await admin.goto("/images");
  await admin.getByRole("link", { name: "By registry" }).click();
  await expect(admin).toHaveURL(/view=registry/);
  const registries = admin.getByTestId("registries-table");
  for (const r of ["docker.io", "ghcr.io", "quay.io"]) await expect(registries.getByRole("link", { name: r, exact: true })).toBeVisible();
  await noSeriousA11yViolations(admin);
  await shoot(admin, "images-registries");
});

test("a malformed document shows the server's reason and stores nothing", async () => {
  const before = await db.vulnImport.count({ where: { orgId } });
  await admin.goto("/images");
  await admin.getByRole("button", { name: "Import scan results" }).click();
  const dialog = admin.getByRole("dialog", { name: "Import scan results" });
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(dialog.getByText("Choose the JSON file your scanner wrote")).toBeVisible();
  await dialog.getByLabel("File").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"SchemaVersion": 2, "Results": [') });
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("Not imported");
  await expect(alert).toContainText(/JSON/);
  // A JSON document no scanner wrote: its own reason.
  await dialog.getByLabel("File").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"notes": "not a scan"}') });
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(alert).toContainText("Not imported");
  await noSeriousA11yViolations(admin);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await db.vulnImport.count({ where: { orgId } })).toBe(before);
});

test("import a Trivy document through the dialog: matched by digest, its CVEs on the image page", async () => {
  await admin.goto("/images");
  await admin.getByRole("button", { name: "Import scan results" }).click();
  const dialog = admin.getByRole("dialog", { name: "Import scan results" });
  await dialog.getByLabel("File").setInputFiles({ name: "recommendations.trivy.json", mimeType: "application/json", buffer: Buffer.from(trivyDocument(digest)) });
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  const status = dialog.getByRole("status");
  await expect(status).toContainText("Imported: Trivy JSON, 4 vulnerabilities");
  await expect(status).toContainText("1 critical (1 fixable), 2 high (2 fixable)");
  await expect(status).toContainText("Matches 1 workload in 1 cluster by digest");
  await dialog.getByRole("button", { name: "Close" }).click();

  // Until a scan judges it, the list shows the import's counts and says so.
  const row = admin.getByTestId("image-row").filter({ hasText: `${REPO}:0.9.1` });
  await expect(row).toContainText("1 critical");
  await expect(row).toContainText("from an import, not yet scanned");
  await row.getByRole("link").first().click();
  await expect(admin).toHaveURL(new RegExp(`/images/${imageId}$`));
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(`${REPO}:0.9.1`);
  const cves = admin.getByTestId("cve-row");
  await expect(cves.first()).toContainText("CVE-2023-38545");
  await expect(cves.first()).toContainText("7.88.1-10+deb12u4");
  await expect(cves.filter({ hasText: "CVE-2023-4039" })).toContainText("no fix yet");
  await expect(admin.locator("#uses")).toContainText("search/recommendations");
  await expect(admin.getByText("an imported Trivy report")).toBeVisible();
  await noSeriousA11yViolations(admin);
});

test("after a rescan the workload's finding lists the imported CVEs; /vulnerabilities lists them and an admin excepts one", async () => {
  test.setTimeout(240_000);
  const started = await admin.request.post(`/api/clusters/${clusterId}/scans`);
  expect(started.status(), await started.text()).toBe(202);
  const scanId = ((await started.json()) as { id: string }).id;
  await expect.poll(async () => (await db.scan.findUnique({ where: { id: scanId }, select: { status: true } }))?.status, { timeout: 180_000, intervals: [1000] }).toMatch(/succeeded|partial/);
  await expect.poll(async () => db.imageCve.count({ where: { orgId, imageId, resolvedAt: null } }), { timeout: 60_000, intervals: [500] }).toBe(4);

  await admin.goto(`/images/${imageId}`);
  await expect(admin.getByText("matched by digest").first()).toBeVisible();
  await expect(admin.getByTestId("cve-row").first()).toContainText("CVE-2023-38545");
  await expect(admin.locator("#trend")).not.toContainText("No history yet");
  await shoot(admin, "image");
  await admin.locator("#uses").getByRole("link", { name: "Its finding" }).click();
  await expect(admin).toHaveURL(/\/findings\/[^/]+$/);
  const findingCves = admin.locator("#cves");
  await expect(findingCves).toContainText(`Vulnerabilities of ${REPO}:0.9.1`);
  await expect(findingCves.getByTestId("cve-row").first()).toContainText("CVE-2023-38545");
  await expect(findingCves).toContainText("matched to the container by image digest");
  await noSeriousA11yViolations(admin);
  await shoot(admin, "finding");

  await admin.goto("/vulnerabilities?severity=critical");
  const vulns = admin.getByTestId("vuln-row");
  const curl = vulns.filter({ hasText: "CVE-2023-38545" });
  await expect(curl).toHaveCount(1);
  await expect(curl).toContainText("7.88.1-10+deb12u4");
  await noSeriousA11yViolations(admin);
  await admin.goto("/vulnerabilities");
  await shoot(admin, "vulnerabilities");
  if (SHOTS) {
    // The README's picture: the list's first screenful once every image has been judged.
    await admin.goto("/images");
    await admin.setViewportSize({ width: 1280, height: 860 });
    await admin.screenshot({ path: `${SHOTS}/images-judged.png` });
    await admin.setViewportSize({ width: 1280, height: 720 });
  }

  // Except the gcc CVE (no fix, ARM64 only): not affected, with its justification and a note.
  await admin.goto("/vulnerabilities?q=CVE-2023-4039");
  await admin.getByRole("button", { name: "Except CVE-2023-4039…" }).click();
  const dialog = admin.getByRole("dialog", { name: "Except CVE-2023-4039" });
  await dialog.getByRole("button", { name: "Except CVE" }).click();
  await expect(dialog.getByText("Choose why it is not affected")).toBeVisible();
  await dialog.getByLabel("Why it is not affected").selectOption("vulnerable_code_not_in_execute_path");
  await dialog.getByLabel("Note (required)").fill("Only arm64 builds are affected; the fleet runs amd64 nodes.");
  await noSeriousA11yViolations(admin);
  await dialog.getByRole("button", { name: "Except CVE" }).click();
  await expect(dialog).toBeHidden();
  const exception = admin.getByTestId("cve-exception-row").filter({ hasText: "CVE-2023-4039" });
  await expect(exception).toContainText("Not affected");
  await expect(exception).toContainText("The vulnerable code is never executed");
  const row = await db.cveException.findFirstOrThrow({ where: { orgId, cve: "CVE-2023-4039" } });
  expect(row.state).toBe("not_affected");
  expect(await db.auditLog.count({ where: { orgId, action: "cve_exception.create", targetId: row.id } })).toBe(1);
});

test("another organization gets 404 on every URL naming the first one's image or cluster", async ({ browser }) => {
  const other = await (await browser.newContext()).newPage();
  await signUp(other, { email: uniqueEmail("images-other"), org: "Other Images Co" });
  for (const url of [`/images/${imageId}`, `/images?cluster=${clusterId}`, `/vulnerabilities?cluster=${clusterId}`, `/vulnerabilities?image=${imageId}`]) expect((await other.goto(url))?.status(), url).toBe(404);
  for (const url of [`/api/images/${imageId}`, `/api/images?cluster=${clusterId}`, `/api/vulnerabilities?cluster=${clusterId}`, `/api/vulnerabilities?image=${imageId}`]) expect((await other.request.get(url)).status(), url).toBe(404);
  // Its own lists hold nothing of the first organization.
  await other.goto("/images");
  await expect(other.getByText("No clusters yet")).toBeVisible();
  expect(JSON.stringify(await (await other.request.get("/api/images")).json())).not.toContain(imageId);
});
