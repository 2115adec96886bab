// Issue 19: fixes in the browser. An admin scans kube-sim's shop-staging; a member opens a finding
// with an automatic fix, sees the planned patch in "Apply to cluster…" and proposes it; a viewer
// sees the fix but no button to act on it; the admin stores the cluster's write credential (the
// form empties, the page and the API never show it again) and approves: the worker (global setup
// runs one) dry-runs, patches kube-sim and rescans, and the request ends verified. Another proposal
// is rejected with a note; one on a Deployment labelled for Argo CD is refused with "fix it in Git"
// and the bundle; the finding page's bundle download is a zip with a kustomization.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { acceptInvite, createInvite, createUser, db, getUserByEmail, listMembershipsForUser } from "@bulwark/db";
import { PASSWORD, addClusterByUpload, kubeconfigFile, signIn, signUp, uniqueEmail } from "../helpers";

test.describe.configure({ mode: "serial" });

const SHOTS = process.env.E2E_SCREENSHOTS;
const adminEmail = uniqueEmail("fixes-admin");
let admin: Page;
let member: Page;
let viewer: Page;
let clusterId = "";
let origin = "";
type TFixable = { id: string; kind: string; namespace: string | null; name: string; ruleId: string };
let fixable: TFixable[] = [];
let approvedFix = "";
/** The kube-sim kubeconfig as it was when the cluster was added (another run may rewrite the shared file). */
let kubeconfigText = "";
let kubeconfigCopy = "";
/** The approved fix's Deployment as it was, put back after the spec (later specs scan the same kube-sim). */
let beforeFix: Record<string, unknown> | null = null;

async function shoot(page: Page, name: string, opts: { fullPage?: boolean; phone?: boolean } = {}) {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/h5-${name}.png`, fullPage: opts.fullPage ?? true });
  if (!opts.phone) return;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/h5-${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function noSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${page.url()}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

async function seedUser(role: "member" | "viewer", name: string) {
  const owner = (await getUserByEmail(adminEmail))!;
  const orgId = (await listMembershipsForUser(owner.id))[0]!.orgId;
  const email = uniqueEmail(`fixes-${role}`);
  const user = await createUser({ email, name, passwordHash: await hash(PASSWORD) });
  const { token } = await createInvite({ orgId, role, createdById: owner.id });
  await acceptInvite({ token, userId: user.id });
  return email;
}

async function signedIn(browser: Browser, email: string) {
  // A page of its own context: axe needs one.
  const p = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(p, email);
  return p;
}

/** kubectl against the e2e kube-sim (the admin identity). */
function kubectl(...args: string[]) {
  return execFileSync("kubectl", ["--kubeconfig", kubeconfigCopy, ...args], { encoding: "utf8" });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signUp(admin, { email: adminEmail, org: "Fixes Org", name: "Ada Admin" });
  origin = new URL(admin.url()).origin;
  kubeconfigText = readFileSync(kubeconfigFile("admin"), "utf8");
  kubeconfigCopy = path.join(mkdtempSync(path.join(tmpdir(), "bulwark-e2e-fixes-")), "admin.kubeconfig");
  writeFileSync(kubeconfigCopy, kubeconfigText, { mode: 0o600 });
  clusterId = (await addClusterByUpload(admin, "shop-staging")).split("/").pop()!;
  const findings = async () => ((await (await admin.request.get(`/api/findings?cluster=${clusterId}&limit=200`)).json()).items ?? []) as TFixable[];
  await expect.poll(async () => (await findings()).length, { timeout: 180_000, intervals: [1000] }).toBeGreaterThan(0);
  // Findings whose fix the bundle can carry, on Deployments, one per object (a fix request per object).
  const seen = new Set<string>();
  for (const f of await findings()) {
    if (f.kind !== "Deployment" || seen.has(`${f.namespace}/${f.name}`)) continue;
    const res = await admin.request.get(`/api/fixes/bundle?finding=${f.id}`);
    if (res.status() !== 200) continue;
    seen.add(`${f.namespace}/${f.name}`);
    fixable.push(f);
    if (fixable.length === 3) break;
  }
  expect(fixable.length, "three Deployments with an automatic fix").toBe(3);
  member = await signedIn(browser, await seedUser("member", "Mo Member"));
  viewer = await signedIn(browser, await seedUser("viewer", "Vi Viewer"));
});

test.afterAll(async () => {
  const f = fixable[2];
  try {
    if (f) kubectl("label", "deployment", f.name, "-n", f.namespace ?? "default", "argocd.argoproj.io/instance-");
  } catch {
    // never labelled (an earlier test failed) or kube-sim already gone
  }
  try {
    if (beforeFix) {
      const file = path.join(path.dirname(kubeconfigCopy), "before.json");
      writeFileSync(file, JSON.stringify(beforeFix));
      kubectl("replace", "-f", file);
    }
  } catch (err) {
    console.warn("fixes spec: the fixed Deployment was not put back", err);
  }
});

test("a member proposes a finding's fix after seeing the planned patch", async () => {
  const f = fixable[0]!;
  await member.goto(`/findings/${f.id}`);
  const panel = member.locator("section#apply-fix");
  await expect(panel.getByRole("heading", { name: "Apply the fix" })).toBeVisible();
  await expect(panel.getByText(`Deployment ${f.namespace}/${f.name}`)).toBeVisible();
  await expect(panel.getByText(/Approving needs a write credential/)).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await shoot(member, "finding-fix-panel", { fullPage: false });
  await panel.getByRole("button", { name: "Apply to cluster…" }).click();
  const dialog = member.getByRole("dialog", { name: /Apply the fix to shop-staging/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("region", { name: `Patch of Deployment ${f.namespace}/${f.name}` })).toContainText(`name: ${f.name}`);
  await expect(dialog.getByText(/has no write credential yet/)).toBeVisible();
  await dialog.getByLabel("Reason (optional)").fill("Tonight's change window");
  await shoot(member, "propose-dialog", { fullPage: false });
  await noSeriousA11yViolations(member);
  await dialog.getByRole("button", { name: "Propose fix" }).click();
  await expect(member).toHaveURL(/\/fixes\/[^/]+$/);
  approvedFix = member.url().split("/").pop()!;
  await expect(member.getByText("Waiting for approval")).toBeVisible();
  await expect(member.getByText("Tonight's change window")).toBeVisible();
  // A member may withdraw, not approve.
  await expect(member.getByRole("button", { name: "Withdraw proposal" })).toBeVisible();
  await expect(member.getByRole("button", { name: "Approve and apply" })).toHaveCount(0);
  // The finding lists its fix request.
  await member.goto(`/findings/${f.id}`);
  await expect(member.getByRole("list", { name: "Fix requests for this finding" }).getByText("Proposed")).toBeVisible();
});

test("a viewer sees the fix and the request but no button to act", async () => {
  await viewer.goto(`/findings/${fixable[0]!.id}`);
  await expect(viewer.getByRole("list", { name: "Objects the fix patches" }).getByText(`Deployment ${fixable[0]!.namespace}/${fixable[0]!.name}`)).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Apply to cluster…" })).toHaveCount(0);
  await viewer.goto(`/fixes/${approvedFix}`);
  await expect(viewer.getByText("Waiting for approval")).toBeVisible();
  for (const name of ["Approve and apply", "Reject", "Withdraw proposal"]) await expect(viewer.getByRole("button", { name })).toHaveCount(0);
  await viewer.goto(`/clusters/${clusterId}`);
  await expect(viewer.locator("section#write-credential").getByText("Admins set or remove the write credential.")).toBeVisible();
  await expect(viewer.getByLabel("Kubeconfig with write access")).toHaveCount(0);
});

test("the admin stores the write credential; it is never shown again", async () => {
  const kubeconfig = kubeconfigText;
  const secret = /token:\s*(\S+)/.exec(kubeconfig)?.[1] ?? /client-key-data:\s*(\S+)/.exec(kubeconfig)?.[1];
  expect(secret, "the kubeconfig carries a credential").toBeTruthy();
  await admin.goto(`/clusters/${clusterId}`);
  const card = admin.locator("section#write-credential");
  await expect(card.getByText(/Not set/)).toBeVisible();
  await card.getByText("Least privilege: get and patch on workloads").click();
  await card.scrollIntoViewIfNeeded();
  await shoot(admin, "cluster-write-credential-unset", { fullPage: false });
  await card.getByLabel("Kubeconfig with write access").fill(kubeconfig);
  await card.getByRole("button", { name: "Save write credential" }).click();
  await expect(card.getByRole("button", { name: "Replace…" })).toBeVisible();
  await expect(card.getByText("Identity", { exact: true })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await shoot(admin, "cluster-write-credential", { fullPage: false });
  await admin.reload();
  expect(await admin.content()).not.toContain(secret!);
  const api = await (await admin.request.get(`/api/clusters/${clusterId}/write-credential`)).text();
  expect(JSON.parse(api)).toMatchObject({ set: true });
  expect(api).not.toContain(secret!);
  expect(await (await admin.request.get(`/api/clusters/${clusterId}`)).text()).not.toContain(secret!);
});

test("the admin approves: the worker dry-runs, patches and the rescan verifies", async () => {
  test.setTimeout(180_000);
  await admin.goto("/fixes");
  await expect(admin.getByRole("link", { name: `Deployment ${fixable[0]!.namespace}/${fixable[0]!.name}` })).toBeVisible();
  const f = fixable[0]!;
  const live = JSON.parse(kubectl("get", "deployment", f.name, "-n", f.namespace ?? "default", "-o", "json")) as { metadata: Record<string, unknown> };
  for (const k of ["resourceVersion", "managedFields", "generation", "uid", "creationTimestamp"]) delete live.metadata[k];
  beforeFix = { ...live, status: undefined };
  await admin.goto(`/fixes/${approvedFix}`);
  await admin.getByLabel("Note").fill("Approved for the window");
  await admin.getByRole("button", { name: "Approve and apply" }).click();
  await expect(admin.getByText("Fix approved")).toBeVisible();
  // The page refreshes with the decision (the worker may already be applying it).
  await expect(admin.locator("section#decision")).toHaveCount(0);
  await expect(admin.getByText("Approved", { exact: true }).first()).toBeVisible();
  await shoot(admin, "fix-approved");
  // No page waits on the worker: reload until it is done.
  const status = async () => ((await (await admin.request.get(`/api/fixes/${approvedFix}`)).json()) as { status: string }).status;
  await expect.poll(status, { timeout: 150_000, intervals: [1000] }).toMatch(/^(verified|unverified|failed|refused)$/);
  await admin.reload();
  await expect(admin.getByText("Applied and verified")).toBeVisible();
  await expect(admin.getByRole("table", { name: /Fields changed on Deployment/ })).toBeVisible();
  await expect(admin.getByText("Dry run:").first()).toContainText("accepted");
  await shoot(admin, "fix-verified", { phone: true });
  await noSeriousA11yViolations(admin);
  await admin.goto("/fixes?tab=done");
  await expect(admin.getByRole("link", { name: `Deployment ${fixable[0]!.namespace}/${fixable[0]!.name}` })).toBeVisible();
  await shoot(admin, "fixes-list", { phone: true });
});

test("a proposal rejected with a note; one on a GitOps-managed Deployment is refused with the bundle", async () => {
  test.setTimeout(180_000);
  const [, second, third] = fixable;
  const propose = async (f: TFixable) => {
    const res = await member.request.post("/api/fixes", { data: { findingIds: [f.id] }, headers: { origin } });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const rejectId = await propose(second!);
  await admin.goto(`/fixes/${rejectId}`);
  await admin.getByRole("button", { name: "Reject" }).click();
  await expect(admin.getByText("Say why it is rejected: the proposer reads it")).toBeVisible();
  await admin.getByLabel("Note").fill("Not during the sale");
  await admin.getByRole("button", { name: "Reject" }).click();
  await expect(admin.getByText(/Rejected by Ada Admin/)).toBeVisible();
  await member.goto("/fixes?tab=closed");
  await expect(member.getByRole("link", { name: `Deployment ${second!.namespace}/${second!.name}` })).toBeVisible();

  // Argo CD manages the third Deployment from now on: the worker refuses to patch it.
  kubectl("label", "deployment", third!.name, "-n", third!.namespace ?? "default", "argocd.argoproj.io/instance=shop", "--overwrite");
  const refusedId = await propose(third!);
  const decided = await admin.request.post(`/api/fixes/${refusedId}/decision`, { data: { decision: "approve" }, headers: { origin } });
  expect(decided.status(), await decided.text()).toBe(200);
  await expect
    .poll(async () => ((await (await admin.request.get(`/api/fixes/${refusedId}`)).json()) as { status: string }).status, { timeout: 120_000, intervals: [1000] })
    .toBe("refused");
  await admin.goto(`/fixes/${refusedId}`);
  await expect(admin.getByText("Fix it in Git", { exact: true })).toBeVisible();
  await expect(admin.getByText(/Argo CD/).first()).toBeVisible();
  await shoot(admin, "fix-refused");
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("status").getByRole("button", { name: "Download fix bundle" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^bulwark-fixes-\d{4}-\d{2}-\d{2}\.zip$/);
});

test("the finding page's bundle download is a zip with a kustomization", async () => {
  await admin.goto(`/findings/${fixable[1]!.id}`);
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.locator("section#apply-fix").getByRole("button", { name: "Download fix bundle" }).click()]);
  const bytes = readFileSync((await download.path())!);
  // A zip's local file headers name each file in plain text.
  expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  expect(bytes.includes(Buffer.from("kustomization.yaml"))).toBe(true);
  expect(bytes.includes(Buffer.from("patches/"))).toBe(true);
});

test("a selection on the findings list downloads one bundle", async () => {
  await member.goto("/findings?tab=all");
  const bar = member.getByRole("region", { name: "Bulk actions" });
  await expect(bar.getByRole("button", { name: "Download fix bundle" })).toBeDisabled();
  // Every finding of the first page: those without an automatic fix are left out of the zip.
  await member.getByRole("checkbox", { name: "Select every finding on this page" }).check();
  const [download] = await Promise.all([member.waitForEvent("download"), bar.getByRole("button", { name: "Download fix bundle" }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.includes(Buffer.from("kustomization.yaml"))).toBe(true);
  await expect(member.getByText(/could not be fixed automatically and are left out/)).toBeVisible();
});

test("a risk's page offers the fixes of its findings; a platform component's are not offered to apply", async () => {
  const open = { clusterId, status: { in: ["open", "reopened", "in_progress"] as ("open" | "reopened" | "in_progress")[] } };
  const expected = await db.risk.findFirst({ where: { ...open, baselineId: { not: null } } });
  if (expected) {
    await member.goto(`/risks/${expected.id}`);
    await expect(member.locator("section#apply-fix").getByRole("heading", { name: "Apply the fix" })).toBeVisible();
    await expect(member.getByRole("button", { name: "Apply to cluster…" })).toHaveCount(0);
  }
  const risk = await db.risk.findFirstOrThrow({ where: { ...open, baselineId: null }, orderBy: { score: "desc" } });
  await member.goto(`/risks/${risk.id}`);
  const panel = member.locator("section#apply-fix");
  await expect(panel.getByRole("heading", { name: "Apply the fix" })).toBeVisible();
  // Either patches to propose, or why none is automatic: never an error.
  await expect(panel.getByText("The fix could not be worked out right now")).toHaveCount(0);
  await panel.scrollIntoViewIfNeeded();
  await shoot(member, "risk-fix-panel", { fullPage: false });
});
