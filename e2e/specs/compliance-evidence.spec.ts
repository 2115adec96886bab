// Issue 15: compliance evidence an auditor accepts. An admin scopes HIPAA to two of three clusters
// (one narrowed to a namespace), attests a manual control with an evidence file and generates the
// HIPAA report: the PDF (pdftotext) names the scope, the attestation (statement, file name and
// SHA-256) and every failing object (the open findings in scope, counted in the database), and its
// detached signature verifies with the public key shown under Settings, by node:crypto and by
// `bulwark verify-report`, while a copy with one byte changed does not. A viewer reads all of it
// but cannot attest or change the scope: the UI offers nothing and the API answers 403.
import { createHash, createPublicKey, verify } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { hash } from "@node-rs/argon2";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { acceptInvite, createInvite, createUser, db, getUserByEmail, listMembershipsForUser } from "@bulwark/db";
import { getFramework } from "@bulwark/rules";
import { PASSWORD, addClusterByUpload, signIn, signUp, uniqueEmail } from "../helpers";

test.describe.configure({ mode: "serial" });

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CONTROL = "164.308(a)(1)(ii)(A)"; // Risk analysis: a manual control
const STATEMENT = "Risk analysis 2026 covers the EHR clusters; reviewed by the security committee on 1 December.";
const EVIDENCE_NAME = "risk-analysis-2026.txt";
const EVIDENCE = Buffer.from("Risk analysis 2026\nScope: EHR clusters (ehr-prod, ehr-dr/shop)\nThreats, likelihood and impact reviewed.\n");
const EVIDENCE_SHA = createHash("sha256").update(EVIDENCE).digest("hex");

const adminEmail = uniqueEmail("compliance-admin");
let admin: Page;
let origin: string;
let orgId: string;
const clusters: Record<"prod" | "dr" | "other", string> = { prod: "", dr: "", other: "" };
const work = mkdtempSync(path.join(tmpdir(), "bulwark-compliance-"));

async function seedViewer(browser: Browser): Promise<Page> {
  const email = uniqueEmail("compliance-viewer");
  const user = await createUser({ email, name: "Vic Viewer", passwordHash: await hash(PASSWORD) });
  const { token } = await createInvite({ orgId, role: "viewer", createdById: (await getUserByEmail(adminEmail))!.id });
  await acceptInvite({ token, userId: user.id });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function noSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${page.url()}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  // Pages of their own contexts: axe needs one.
  admin = await (await browser.newContext()).newPage();
  await signUp(admin, { email: adminEmail, org: "EHR Health", name: "Ana Admin" });
  origin = new URL(admin.url()).origin;
  orgId = (await listMembershipsForUser((await getUserByEmail(adminEmail))!.id))[0]!.orgId;
  // Three clusters from the one simulated cluster: what differs is which of them HIPAA covers.
  clusters.prod = (await addClusterByUpload(admin, "ehr-prod")).split("/").pop()!;
  clusters.dr = (await addClusterByUpload(admin, "ehr-dr")).split("/").pop()!;
  clusters.other = (await addClusterByUpload(admin, "marketing")).split("/").pop()!;
  for (const id of Object.values(clusters)) {
    await expect
      .poll(async () => (await db.cluster.findUnique({ where: { id }, select: { lastScan: { select: { status: true } } } }))?.lastScan?.status ?? "none", { timeout: 180_000, intervals: [1000] })
      .toMatch(/succeeded|partial/);
  }
});

test("an admin scopes HIPAA to two clusters, one of them to a namespace; the page says so", async () => {
  await admin.goto("/compliance?framework=hipaa");
  await expect(admin.locator("#scope")).toContainText("Scope: all clusters (3)");
  await admin.locator("#scope").getByRole("link", { name: "Set scope" }).click();
  await expect(admin).toHaveURL(/\/compliance\/hipaa\/scope$/);
  await admin.getByLabel("Only the clusters chosen below").check();
  await admin.getByLabel("ehr-prod", { exact: true }).check();
  await admin.getByLabel("ehr-dr", { exact: true }).check();
  await admin.getByRole("radiogroup", { name: "What of ehr-dr" }).getByLabel("Only some namespaces").check();
  // Saving with no namespace picked is refused next to the cluster.
  await admin.getByRole("button", { name: "Save scope" }).click();
  await expect(admin.getByText("Pick at least one namespace, or cover the whole cluster")).toBeVisible();
  await admin.getByRole("group", { name: "Namespaces seen on ehr-dr" }).getByRole("button", { name: "shop", exact: true }).click();
  await noSeriousA11yViolations(admin);
  await admin.getByRole("button", { name: "Save scope" }).click();

  await expect(admin).toHaveURL(/\/compliance\?framework=hipaa$/);
  await expect(admin.getByText("Scope saved")).toBeVisible();
  await expect(admin.locator("#scope")).toContainText(/Scope: 2 of 3 clusters — ehr-dr \(namespace shop\), ehr-prod \(whole cluster\); set by Ana Admin on \d{1,2} \w{3} \d{4}\./);
  const byCluster = admin.locator("#summary tbody");
  await expect(byCluster.getByRole("rowheader")).toHaveText([/^ehr-dr/, /^ehr-prod/]);
  await expect(byCluster).not.toContainText("marketing");
  await noSeriousA11yViolations(admin);

  const scope = await (await admin.request.get("/api/compliance/hipaa/scope")).json();
  expect(scope).toMatchObject({ scoped: true, clusters: [{ clusterName: "ehr-dr", namespaces: ["shop"] }, { clusterName: "ehr-prod", namespaces: [] }] });
});

test("an admin attests the manual risk analysis control with an evidence file; history and download keep its checksum", async () => {
  const manual = getFramework("hipaa")!.controls.find((c) => c.id === CONTROL)!;
  expect(manual.manual).toBeTruthy();
  await admin.goto(`/compliance?framework=hipaa&cluster=${clusters.prod}`);
  const row = admin.locator(`tr#control-${CONTROL.replace(/[^A-Za-z0-9_-]+/g, "-")}`);
  await expect(row.getByText("Manual – pending", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: "Attest…" }).first().click();

  const dialog = admin.getByRole("dialog", { name: "Attest this control" });
  await expect(dialog).toBeVisible();
  // A page posing as text is refused from its bytes, next to the files.
  await dialog.getByLabel("Statement").fill(STATEMENT);
  await dialog.getByLabel("Owner").fill("Security committee");
  await dialog.getByLabel("Links").fill("https://wiki.ehr.example/security/risk-analysis-2026");
  await dialog.getByLabel("Evidence files").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await dialog.getByRole("button", { name: "Attest", exact: true }).click();
  await expect(dialog.locator("#attest-files-error")).toBeVisible();
  await dialog.getByLabel("Evidence files").setInputFiles({ name: EVIDENCE_NAME, mimeType: "text/plain", buffer: EVIDENCE });
  await dialog.getByRole("button", { name: "Attest", exact: true }).click();
  await expect(admin.getByText("Control attested")).toBeVisible();
  await expect(dialog).toBeHidden();

  const inForce = admin.locator("#attestation");
  await expect(inForce).toContainText(STATEMENT);
  await expect(inForce).toContainText("Attested by Ana Admin");
  await expect(inForce).toContainText("Security committee");
  await expect(inForce.getByRole("link", { name: EVIDENCE_NAME })).toBeVisible();
  await expect(inForce).toContainText(EVIDENCE_SHA);
  await expect(admin.locator("#history tbody tr")).toHaveCount(1);
  await expect(admin.locator("#history")).toContainText(EVIDENCE_SHA);
  // Both clusters in scope now read "Manual – attested"; the status counts it, not as passed.
  await expect(admin.locator("#clusters tbody tr").getByText("Manual – attested", { exact: true })).toHaveCount(2);
  await noSeriousA11yViolations(admin);

  const [download] = await Promise.all([admin.waitForEvent("download"), inForce.getByRole("link", { name: EVIDENCE_NAME }).click()]);
  expect(download.suggestedFilename()).toBe(EVIDENCE_NAME);
  expect(createHash("sha256").update(readFileSync((await download.path())!)).digest("hex")).toBe(EVIDENCE_SHA);
  const href = (await inForce.getByRole("link", { name: EVIDENCE_NAME }).getAttribute("href"))!;
  const file = await admin.request.get(href);
  expect(file.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(file.headers()["content-security-policy"]).toContain("sandbox");
  expect(file.headers()["x-checksum-sha256"]).toBe(EVIDENCE_SHA);

  await admin.goto(`/compliance?framework=hipaa&cluster=${clusters.prod}`);
  await expect(row.getByText("Manual – attested", { exact: true })).toBeVisible();
  await expect(row).toContainText(/Attested by Ana Admin until \d{1,2} \w{3} \d{4}/);
});

test("a viewer reads the scope and the attestation but has no way to change them: no controls, and 403 from the API", async ({ browser }) => {
  const viewer = await seedViewer(browser);
  const controlUrl = `/compliance/hipaa/controls/${encodeURIComponent(CONTROL)}`;
  await viewer.goto(controlUrl);
  await expect(viewer.locator("#attestation")).toContainText(STATEMENT);
  await expect(viewer.locator("#attestation")).toContainText(EVIDENCE_SHA);
  await expect(viewer.getByRole("button", { name: /attest/i })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /revoke/i })).toHaveCount(0);
  await viewer.goto("/compliance/hipaa/scope");
  await expect(viewer.getByText("You can read the scope; admins and owners change it.")).toBeVisible();
  await expect(viewer.getByText("ehr-dr (namespace shop)")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Save scope" })).toHaveCount(0);

  const attestationId = (await db.attestation.findFirstOrThrow({ where: { orgId, controlId: CONTROL, revokedAt: null, supersededAt: null } })).id;
  const attest = await viewer.request.post("/api/compliance/hipaa/attestations", {
    headers: { origin },
    multipart: { controlId: CONTROL, statement: "a viewer signing off", owner: "Vic", reviewedAt: "2026-12-01", expiresAt: "2027-06-01", files: { name: "x.txt", mimeType: "text/plain", buffer: Buffer.from("x") } },
  });
  expect(attest.status()).toBe(403);
  expect((await viewer.request.put("/api/compliance/hipaa/scope", { headers: { origin }, data: { clusters: [] } })).status()).toBe(403);
  expect((await viewer.request.post(`/api/compliance/hipaa/attestations/${attestationId}/revoke`, { headers: { origin }, data: {} })).status()).toBe(403);
  // Nothing changed: one attestation, still in force.
  expect(await db.attestation.count({ where: { orgId } })).toBe(1);
  await viewer.close();
});

/** Whitespace-free text, so words a PDF table wrapped across lines still match. */
const squash = (s: string) => s.replace(/\s+/g, "");

test("the HIPAA report covers the scope, lists the attestation and every failing object, and its signature verifies; a changed byte does not", async () => {
  test.setTimeout(180_000);
  await admin.goto("/reports");
  const form = admin.getByRole("form", { name: "Generate report" });
  await form.getByLabel("Framework").selectOption("hipaa");
  await form.getByRole("button", { name: "Generate report" }).click();
  await expect(admin.getByText(/report (is )?queued/i).first()).toBeVisible();
  const reportId = (await db.report.findFirstOrThrow({ where: { orgId, framework: "hipaa" }, orderBy: { createdAt: "desc" } })).id;
  await expect.poll(async () => (await db.report.findUniqueOrThrow({ where: { id: reportId } })).status, { timeout: 120_000, intervals: [1000] }).toBe("succeeded");
  await admin.reload();
  await expect(admin.locator("#reports tbody tr").first().getByText("Ready", { exact: true })).toBeVisible();
  const get = async (format: string) => {
    const res = await admin.request.get(`/api/reports/${reportId}/download?format=${format}`);
    expect(res.status(), format).toBe(200);
    return Buffer.from(await res.body());
  };
  const [pdf, pdfSig, json] = [await get("pdf"), await get("pdf.sig"), JSON.parse((await get("json")).toString("utf8"))];
  writeFileSync(path.join(work, "report.pdf"), pdf);
  writeFileSync(path.join(work, "report.pdf.sig"), pdfSig);
  const text = spawnSync("pdftotext", ["-enc", "UTF-8", path.join(work, "report.pdf"), "-"], { encoding: "utf8" }).stdout;
  expect(text.length).toBeGreaterThan(1000);
  const flat = squash(text);

  // The scope: the two clusters (one narrowed to its namespace), never the third.
  expect(json.scope.source).toBe("compliance-scope");
  expect(json.scope.clusters.map((c: { name: string; namespaces: string[] }) => [c.name, c.namespaces])).toEqual([["ehr-dr", ["shop"]], ["ehr-prod", []]]);
  const spaced = text.replace(/\s+/g, " ");
  expect(spaced).toMatch(/ehr-dr: namespaces? shop\b/);
  expect(spaced).toMatch(/ehr-prod: whole cluster/);
  expect(text).not.toContain("marketing");

  // The attestation: statement, who, the evidence file's name and SHA-256.
  const control = json.controls.find((c: { id: string }) => c.id === CONTROL);
  expect(control).toMatchObject({ status: "attested", attestation: { statement: STATEMENT, files: [{ name: EVIDENCE_NAME, sha256: EVIDENCE_SHA }] } });
  expect(flat).toContain(squash(STATEMENT));
  expect(flat).toContain(squash(EVIDENCE_NAME));
  expect(flat).toContain(EVIDENCE_SHA);

  // Every failing object: the report's open findings in scope are exactly the database's, and the
  // PDF names each of them (its reference and its object), none cut off.
  const hipaaRules = new Set<string>(getFramework("hipaa")!.controls.flatMap((c) => c.ruleIds));
  const inScope = await db.finding.findMany({
    where: {
      orgId,
      status: { in: ["open", "reopened", "in_progress"] },
      baselineId: null,
      OR: [{ clusterId: clusters.prod }, { clusterId: clusters.dr, OR: [{ namespace: "shop" }, { namespace: null }] }],
    },
    select: { clusterId: true, kind: true, namespace: true, name: true, checks: true },
  });
  const key = (cluster: string, o: { kind: string; namespace: string | null; name: string }) => `${cluster}|${o.kind}|${o.namespace ?? ""}|${o.name}`;
  const names: Record<string, string> = { [clusters.prod]: "ehr-prod", [clusters.dr]: "ehr-dr" };
  const fromDb = new Set(inScope.filter((f) => f.checks.some((r) => hipaaRules.has(r))).map((f) => key(names[f.clusterId]!, f)));
  type TJsonFinding = { id: string; cluster: string; state: string; object: { kind: string; namespace: string | null; name: string } };
  const failing = (json.findings as TJsonFinding[]).filter((f) => f.state === "open");
  expect(fromDb.size).toBeGreaterThan(0);
  expect(new Set(failing.map((f) => key(f.cluster, f.object)))).toEqual(fromDb);
  const words = new Set(text.split(/\s+/));
  const missing = failing.filter((f) => !words.has(f.id) || !flat.includes(squash(f.object.name)));
  expect(missing.map((f) => `${f.id} ${key(f.cluster, f.object)}`)).toEqual([]);
  expect(text).not.toMatch(/\d+ more .* in the CSV/);

  // The signature verifies with the public key shown under Settings, by node:crypto and by the CLI.
  await admin.goto("/settings/signing");
  await noSeriousA11yViolations(admin);
  const pem = (await admin.locator("#signing-public-key").innerText()).trim();
  const keyId = (await admin.locator("#signing-key-id").innerText()).trim();
  expect(json.signing.keyId).toBe(keyId);
  expect(flat).toContain(keyId);
  writeFileSync(path.join(work, "key.pem"), `${pem}\n`);
  const publicKey = createPublicKey(pem);
  const signature = Buffer.from(pdfSig.toString("utf8").trim(), "base64");
  expect(verify(null, pdf, publicKey, signature)).toBe(true);
  const cli = (file: string) => spawnSync(process.execPath, [path.join(ROOT, "apps/cli/bin/bulwark.mjs"), "verify-report", file, path.join(work, "report.pdf.sig"), "--public-key", path.join(work, "key.pem")], { encoding: "utf8", cwd: ROOT });
  const good = cli(path.join(work, "report.pdf"));
  expect(good.status, good.stderr).toBe(0);
  expect(good.stdout).toMatch(/signature valid/);

  // One changed byte in the middle of the file: both checks refuse it.
  const tampered = Buffer.from(pdf);
  const at = Math.floor(tampered.length / 2);
  tampered[at] = tampered[at]! ^ 0x01;
  writeFileSync(path.join(work, "tampered.pdf"), tampered);
  expect(verify(null, tampered, publicKey, signature)).toBe(false);
  const bad = cli(path.join(work, "tampered.pdf"));
  expect(bad.status).toBe(1);
  expect(bad.stdout + bad.stderr).toMatch(/signature INVALID/);
});
