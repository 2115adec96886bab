// Risks first: the overview and the Findings page open on the worst attack paths; a risk page draws
// the path (steps in order, their findings linked, factors, remediation) and acts on the risk as a
// unit (assign with its findings, status, comment, accept: an exception per finding, scoped to its
// object). Viewers read only; another organization gets 404.
import { expect, test, type Page } from "@playwright/test";
import { db, getUserByEmail } from "@bulwark/db";
import { addClusterByUpload, signUp, uniqueEmail } from "../helpers";

test.describe.configure({ mode: "serial" });

const ownerEmail = uniqueEmail("risk-owner");
let owner: Page;
let clusterId: string;
let clusterName: string;
let risk: { id: string; title: string; fingerprints: string[] };

const fingerprintsOf = (steps: unknown): string[] =>
  (Array.isArray(steps) ? steps : []).flatMap((s) => ((s as { findings?: unknown }).findings as string[] | undefined) ?? []);

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  owner = await browser.newPage();
  await signUp(owner, { email: ownerEmail, org: "Risk Org", name: "Rhea Owner" });
  clusterName = `risks-${Date.now().toString(36)}`;
  clusterId = (await addClusterByUpload(owner, clusterName)).split("/").pop()!;
  // The worker stores the scan's risks with its findings.
  await expect.poll(async () => db.risk.count({ where: { clusterId, status: "open" } }), { timeout: 90_000, intervals: [1000] }).toBeGreaterThan(0);
  const worst = await db.risk.findFirstOrThrow({ where: { clusterId, status: "open", baselineId: null }, orderBy: [{ severity: "asc" }, { score: "desc" }, { id: "asc" }] });
  risk = { id: worst.id, title: worst.title, fingerprints: fingerprintsOf(worst.steps) };
});

test("the overview starts with the top risks, and the Findings page opens on the Risks tab, worst first", async () => {
  await owner.goto("/overview");
  const first = owner.locator("main section").first();
  await expect(first.getByRole("heading", { name: "Top risks" })).toBeVisible();
  const top = owner.getByRole("table", { name: "Top risks" });
  await expect(top.locator("tbody tr").first()).toContainText(risk.title);
  await expect(top.locator("tbody tr").first()).toContainText(clusterName);
  await expect(owner.locator("#open-risks")).toBeVisible();

  await owner.goto("/findings");
  await expect(owner.getByRole("link", { name: /^Risks/ })).toHaveAttribute("aria-current", "page");
  await expect(owner.getByRole("table", { name: "Risks" }).locator("tbody tr").first()).toContainText(risk.title);
  // A link that filters by something only findings have opens the findings list instead.
  await owner.goto("/findings?overdue=1");
  await expect(owner.getByRole("link", { name: "All", exact: true })).toHaveAttribute("aria-current", "page");
});

test("a risk page draws the path in order, links its findings, and a finding links back", async () => {
  await owner.goto("/findings?tab=risks");
  await owner.getByRole("link", { name: risk.title }).first().click();
  await expect(owner).toHaveURL(new RegExp(`/risks/${risk.id}$`));
  await expect(owner.getByRole("heading", { name: risk.title, level: 1 })).toBeVisible();
  const path = owner.getByRole("list", { name: "Attack path" });
  const steps = path.locator(":scope > li");
  expect(await steps.count()).toBeGreaterThanOrEqual(2);
  // Exposure (when there is one) comes first; privilege or identity before data or network.
  const kinds = await steps.evaluateAll((lis) => lis.map((li) => li.querySelector("span.ring-1")?.textContent ?? ""));
  const rank = (k: string) => ({ Exposure: 0, Privilege: 1, Identity: 1, Data: 2, Network: 2 })[k] ?? 3;
  expect(kinds.map(rank)).toEqual([...kinds.map(rank)].sort((x, y) => x - y));
  await expect(owner.getByRole("heading", { name: "How to fix" })).toBeVisible();

  const findingLink = path.locator("a[href^='/findings/']").first();
  await findingLink.click();
  await expect(owner).toHaveURL(/\/findings\/[^/?]+$/);
  const related = owner.getByRole("list", { name: "Risks this finding is part of" });
  await expect(related.getByRole("link", { name: risk.title })).toBeVisible();
});

test("assign, track and comment on the risk as a unit: its open findings go to the same person", async () => {
  await owner.goto(`/risks/${risk.id}`);
  await owner.getByRole("button", { name: "Take it" }).click();
  await expect(owner.getByText("Assigned to you")).toBeVisible();
  const me = (await getUserByEmail(ownerEmail))!;
  await expect
    .poll(async () => db.finding.count({ where: { clusterId, fingerprint: { in: risk.fingerprints }, status: { in: ["open", "reopened", "in_progress"] }, NOT: { assigneeId: me.id } } }))
    .toBe(0);
  await owner.getByRole("group", { name: "Status" }).getByRole("button", { name: "In progress" }).click();
  await expect(owner.getByText("Marked in progress")).toBeVisible();
  await owner.getByLabel("Add a comment").fill("Dropping the cluster-admin binding this sprint.");
  await owner.getByRole("button", { name: "Comment" }).click();
  const history = owner.getByRole("list", { name: "History" });
  await expect(history).toContainText("first saw this risk");
  await expect(history).toContainText("assigned it to you");
  await expect(history).toContainText("changed status Open → In progress");
  await expect(history).toContainText("Dropping the cluster-admin binding this sprint.");
});

test("accept the risk: an exception per open finding, scoped to its object, with a reason and an expiry", async () => {
  await owner.goto(`/risks/${risk.id}`);
  const open = await db.finding.findMany({ where: { clusterId, fingerprint: { in: risk.fingerprints }, status: { in: ["open", "reopened", "in_progress"] }, exceptionId: null } });
  expect(open.length).toBeGreaterThan(0);
  await owner.getByRole("button", { name: "Accept risk…" }).click();
  const dialog = owner.getByRole("dialog", { name: "Accept risk" });
  await dialog.getByRole("button", { name: "Accept risk" }).click();
  await expect(dialog.getByText(/at least 10 characters/i)).toBeVisible();
  await dialog.getByLabel("Justification").fill("Internal admin tool behind the VPN; replaced next quarter (SEC-7).");
  await dialog.getByRole("button", { name: "Accept risk" }).click();
  await expect(owner.getByText("Risk accepted")).toBeVisible();

  const exceptions = await db.riskException.findMany({ where: { findingId: { in: open.map((f) => f.id) } } });
  expect(new Set(exceptions.map((e) => `${e.ruleId}|${e.kind}|${e.namespace}|${e.name}`)).size).toBe(new Set(open.map((f) => `${f.ruleId}|${f.kind}|${f.namespace ?? ""}|${f.name}`)).size);
  for (const e of exceptions) {
    expect(e.status).toBe("approved");
    expect(e.clusterId).toBe(clusterId);
    expect(e.name).toBeTruthy();
  }
  await expect(owner.getByRole("list", { name: "History" })).toContainText(/Granted \d+ exceptions? .* until \d{4}-\d{2}-\d{2}: Internal admin tool/);

  await owner.goto(`/findings/${open[0]!.id}`);
  await expect(owner.getByText("Excepted", { exact: true }).first()).toBeVisible();
  await expect(owner.getByRole("list", { name: "History" })).toContainText(/You granted an exception: covers this finding until \d{4}-\d{2}-\d{2}/);
});

test("another organization gets 404 for the risk page and sees none of its risks", async ({ browser }) => {
  const other = await browser.newPage();
  await signUp(other, { email: uniqueEmail("risk-other"), org: "Other Risk Org" });
  expect((await other.goto(`/risks/${risk.id}`))?.status()).toBe(404);
  await other.goto("/findings?tab=risks");
  await expect(other.getByText("No open risks")).toBeVisible();
  await other.close();
});
