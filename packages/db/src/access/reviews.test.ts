// Access reviews against real Postgres: items from the clusters' access models (built-in subjects
// and lower levels left out), decisions (a revoke needs a note), sign-off refused while anything is
// pending and otherwise attesting the four HIPAA / SOC 2 controls with the review's PDF (read back
// with poppler's pdftotext), supersede on a second review, cancel, CSV quoting, and another
// organization seeing nothing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Capability } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_access_reviews";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let ownerId: string;
let memberId: string;
let otherUserId: string;
let prod: string;
let staging: string;
let fresh: string;
let theirs: string;

const DAY = 86_400_000;

const cap = (id: Capability["id"], level: Capability["level"], title: string, scope?: string): Capability => ({
  id,
  level,
  title,
  why: `${title} lets the subject take over more than its job needs.`,
  ...(scope ? { scope } : {}),
  via: {
    binding: `${id}-binding`,
    bindingKind: scope ? "RoleBinding" : "ClusterRoleBinding",
    ...(scope ? { bindingNamespace: scope } : {}),
    role: scope ? "admin" : "cluster-admin",
    roleKind: "ClusterRole",
    ruleIndex: 0,
    rule: { apiGroups: ["*"], resources: ["*"], verbs: ["*"], resourceNames: [], nonResourceURLs: [] },
    ...(scope ? { scope } : {}),
    builtIn: false,
  },
});

async function cluster(org: string, actor: string, name: string, built: boolean): Promise<string> {
  const id = (await m.createCluster({ orgId: org, actorId: actor, name, server: `https://${name}.example`, credentialCipher: "x", credentialKeyId: "k1" })).id;
  if (built) {
    await m.db.accessSnapshot.create({ data: { clusterId: id, orgId: org, builtAt: new Date(), counts: { subjects: 0, bindings: 0, roles: 0, grants: 0, privileged: 0 } } });
  }
  return id;
}

async function subject(org: string, clusterId: string, s: { kind: string; name: string; namespace?: string; privilege: string; builtIn?: boolean; capabilities?: Capability[] }) {
  await m.db.accessSubject.create({
    data: {
      orgId: org,
      clusterId,
      kind: s.kind,
      name: s.name,
      namespace: s.namespace ?? "",
      privilege: s.privilege,
      builtIn: s.builtIn ?? false,
      capabilities: (s.capabilities ?? []) as never,
    },
  });
}

function pdfToText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bulwark-review-"));
  try {
    writeFileSync(path.join(dir, "r.pdf"), bytes);
    return execFileSync("pdftotext", ["-layout", path.join(dir, "r.pdf"), "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "owner@reviews.test", passwordHash: null, orgName: "Reviews", name: "Olive Owner" });
  const b = await m.createUserWithOrganization({ email: "other@reviews.test", passwordHash: null, orgName: "Other" });
  orgId = a.org.id;
  ownerId = a.user.id;
  otherOrgId = b.org.id;
  otherUserId = b.user.id;
  const member = await m.createUser({ email: "member@reviews.test", passwordHash: null, name: "Max Member" });
  memberId = member.id;
  await m.db.membership.create({ data: { orgId, userId: memberId, role: "member" } });

  prod = await cluster(orgId, ownerId, "payments-prod", true);
  staging = await cluster(orgId, ownerId, "shop-staging", true);
  fresh = await cluster(orgId, ownerId, "never-scanned", false);
  theirs = await cluster(otherOrgId, otherUserId, "theirs", true);

  await subject(orgId, prod, { kind: "User", name: "alice@example.com", privilege: "admin", capabilities: [cap("cluster-admin", "admin", "cluster-admin"), cap("read-secrets", "high", "read Secrets")] });
  await subject(orgId, prod, { kind: "ServiceAccount", name: "api", namespace: "payments", privilege: "high", capabilities: [cap("read-secrets", "high", "read Secrets", "payments")] });
  await subject(orgId, prod, { kind: "User", name: "bob@example.com", privilege: "medium", capabilities: [cap("port-forward", "medium", "port-forward", "payments")] });
  await subject(orgId, prod, { kind: "Group", name: "system:masters", privilege: "admin", builtIn: true, capabilities: [cap("cluster-admin", "admin", "cluster-admin")] });
  await subject(orgId, prod, { kind: "ServiceAccount", name: "nobody", namespace: "payments", privilege: "" });
  await subject(orgId, staging, { kind: "User", name: "alice@example.com", privilege: "admin", capabilities: [cap("cluster-admin", "admin", "cluster-admin")] });
  await subject(otherOrgId, theirs, { kind: "User", name: "eve@example.com", privilege: "admin", capabilities: [cap("cluster-admin", "admin", "cluster-admin")] });
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

const start = (extra: Partial<Parameters<Mod["startAccessReview"]>[0]> = {}) =>
  m.startAccessReview({ orgId, userId: ownerId, userName: "Olive Owner <owner@reviews.test>", title: "Q4 production access", ...extra });

describe("starting a review", () => {
  it("refuses an empty title, a past due date, an unbuilt cluster (by name) and another organization's cluster", async () => {
    await expect(start({ title: "  " })).rejects.toThrow(/title/);
    await expect(start({ dueAt: new Date(Date.now() - 3 * DAY) })).rejects.toThrow(/due date is in the past/);
    await expect(start({ validDays: 0 })).rejects.toThrow(/1 to 730 days/);
    await expect(start({ clusterIds: [prod, fresh] })).rejects.toThrow(/never-scanned has no access model yet/);
    const foreign = await start({ clusterIds: [theirs] }).catch((e: Error) => e.message);
    const missing = await start({ clusterIds: ["cnotarealcluster000000000"] }).catch((e: Error) => e.message);
    expect(foreign).toMatch(/does not exist/);
    expect(foreign).toBe(missing);
    expect(await m.db.accessReview.count()).toBe(0);
  });

  it("takes admin and high subjects of the built clusters, built-in ones left out, capabilities copied; audited", async () => {
    const all = await start();
    expect(all.items).toBe(3); // alice (prod), payments/api (prod), alice (staging)
    const review = (await m.getAccessReview({ orgId, reviewId: all.id }))!;
    expect(review.clusters.map((c) => c.clusterName)).toEqual(["payments-prod", "shop-staging"]);
    expect(review.items.map((i) => [i.clusterName, i.privilege, m.describeSubject(i.subject)])).toEqual([
      ["payments-prod", "admin", "User alice@example.com"],
      ["payments-prod", "high", "ServiceAccount payments/api"],
      ["shop-staging", "admin", "User alice@example.com"],
    ]);
    expect(review.items[0]!.capabilities.map((c) => c.id)).toEqual(["cluster-admin", "read-secrets"]);
    expect(review.items[0]!.capabilities[0]!.via.binding).toBe("cluster-admin-binding");
    expect(review).toMatchObject({ status: "open", signingOff: false, validDays: 90, counts: { total: 3, pending: 3, keep: 0, revoke: 0 }, createdByName: "Olive Owner <owner@reviews.test>" });
    const audit = await m.db.auditLog.findFirstOrThrow({ where: { orgId, action: "access-review.start", targetId: all.id } });
    expect(audit.data).toMatchObject({ items: 3, clusters: ["payments-prod", "shop-staging"], levels: ["admin", "high"] });

    const adminOnly = await start({ clusterIds: [prod], includeHigh: false, validDays: 30, dueAt: new Date(Date.now() + 7 * DAY) });
    expect(adminOnly.items).toBe(1);
    await m.cancelAccessReview({ orgId, reviewId: adminOnly.id, userId: ownerId });
    await m.cancelAccessReview({ orgId, reviewId: all.id, userId: ownerId });
  });
});

describe("deciding, signing off and cancelling", () => {
  it("a revoke needs a note; sign-off is refused while items are pending, then attests four controls with the PDF", async () => {
    const { id } = await start({ validDays: 60 });
    const items = (await m.getAccessReview({ orgId, reviewId: id }))!.items;
    const [alice, api, aliceStaging] = items;

    await expect(m.decideAccessReviewItem({ orgId, reviewId: id, itemId: api!.id, userId: memberId, userName: "Max Member", decision: "revoke", note: " " })).rejects.toThrow(/note is required to revoke/);
    await expect(m.decideAccessReviewItem({ orgId: otherOrgId, reviewId: id, itemId: api!.id, userId: otherUserId, userName: "x", decision: "keep" })).rejects.toBeInstanceOf(m.NotFoundError);
    const revoked = await m.decideAccessReviewItem({ orgId, reviewId: id, itemId: api!.id, userId: memberId, userName: "Max Member", decision: "revoke", note: "=HYPERLINK(\"x\") left the team; remove binding" });
    expect(revoked).toMatchObject({ decision: "revoke", decidedByName: "Max Member" });
    await m.decideAccessReviewItem({ orgId, reviewId: id, itemId: alice!.id, userId: memberId, userName: "Max Member", decision: "keep", note: "on-call SRE" });

    await expect(m.signOffAccessReview({ orgId, reviewId: id, userId: ownerId, userName: "Olive Owner" })).rejects.toThrow("1 of 3 items are still pending: mark each keep or revoke before signing off");
    await expect(m.signOffAccessReview({ orgId: otherOrgId, reviewId: id, userId: otherUserId, userName: "x" })).rejects.toBeInstanceOf(m.NotFoundError);
    await m.decideAccessReviewItem({ orgId, reviewId: id, itemId: aliceStaging!.id, userId: ownerId, userName: "Olive Owner", decision: "keep" });

    const before = Date.now();
    const signed = await m.signOffAccessReview({ orgId, reviewId: id, userId: ownerId, userName: "Olive Owner", note: "Quarterly review done" });
    expect(signed).toMatchObject({ status: "signed-off", signedOffByName: "Olive Owner", signOffNote: "Quarterly review done", counts: { total: 3, keep: 2, revoke: 1, pending: 0 } });
    expect(signed.attestations.map((a) => `${a.framework} ${a.controlId}`)).toEqual(["hipaa 164.308(a)(3)(ii)(B)", "hipaa 164.308(a)(4)(ii)(C)", "soc2 CC6.2", "soc2 CC6.3"]);

    const atts = await m.db.attestation.findMany({ where: { orgId, id: { in: signed.attestations.map((a) => a.id) } }, include: { files: true } });
    expect(atts).toHaveLength(4);
    for (const a of atts) {
      expect(a.owner).toBe("Olive Owner");
      expect(a.statement).toContain('Access review "Q4 production access"');
      expect(a.statement).toContain("3 privileged subjects reviewed, 2 kept, 1 to be revoked");
      expect(a.statement).toContain("payments-prod, shop-staging");
      expect(Math.abs(a.expiresAt.getTime() - a.reviewedAt.getTime() - 60 * DAY)).toBeLessThan(1000);
      expect(a.reviewedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(a.files).toHaveLength(1);
      expect(a.files[0]!.contentType).toBe("application/pdf");
    }
    // The attached file is the review's PDF: readable, signed off, with each decision.
    const file = (await m.getAttestationFile({ orgId, fileId: atts[0]!.files[0]!.id }))!;
    const text = pdfToText(file.bytes);
    expect(text).toContain("Q4 production access");
    expect(text).toMatch(/Signed off by Olive Owner on \d{4}-\d\d-\d\d/);
    expect(text).toContain("3 privileged subjects reviewed: 2 kept, 1 to be revoked, 0 pending.");
    expect(text).toMatch(/ServiceAccount[^\n]*\n\s*payments\/api/);
    expect(text).toContain("REVOKE");
    expect(text).toContain("left the");
    expect(text).toContain("read Secrets in payments");

    // The posture sees the controls attested.
    const active = await m.listActiveAttestations({ orgId, framework: "soc2" });
    expect(active.get("CC6.3")?.id).toBe(signed.attestations[3]!.id);
    expect(await m.db.auditLog.count({ where: { orgId, action: "access-review.sign-off", targetId: id } })).toBe(1);
    expect(await m.db.auditLog.count({ where: { orgId, action: "access-review.decide", targetId: id } })).toBe(3);

    // Closed: nothing more to decide, sign or cancel.
    await expect(m.decideAccessReviewItem({ orgId, reviewId: id, itemId: alice!.id, userId: ownerId, userName: "Olive Owner", decision: "revoke", note: "x" })).rejects.toThrow(/signed off/);
    await expect(m.signOffAccessReview({ orgId, reviewId: id, userId: ownerId, userName: "Olive Owner" })).rejects.toThrow(/signed off/);
    await expect(m.cancelAccessReview({ orgId, reviewId: id, userId: ownerId })).rejects.toThrow(/signed off/);

    // A second signed-off review supersedes the first one's attestations.
    const second = await start({ title: "Follow-up", clusterIds: [staging] });
    const [only] = (await m.getAccessReview({ orgId, reviewId: second.id }))!.items;
    await m.decideAccessReviewItem({ orgId, reviewId: second.id, itemId: only!.id, userId: ownerId, userName: "Olive Owner", decision: "keep" });
    const again = await m.signOffAccessReview({ orgId, reviewId: second.id, userId: ownerId, userName: "Olive Owner" });
    const old = await m.db.attestation.findMany({ where: { id: { in: signed.attestations.map((a) => a.id) } } });
    expect(old.every((a) => a.supersededAt !== null)).toBe(true);
    expect((await m.listActiveAttestations({ orgId, framework: "hipaa" })).get("164.308(a)(4)(ii)(C)")?.id).toBe(again.attestations[1]!.id);
  });

  it("a review with no privileged subject can still be signed off (evidence that nobody holds such rights)", async () => {
    const lone = await cluster(orgId, ownerId, "quiet", true);
    const r = await start({ clusterIds: [lone], title: "Quiet cluster" });
    expect(r.items).toBe(0);
    const signed = await m.signOffAccessReview({ orgId, reviewId: r.id, userId: ownerId, userName: "Olive Owner" });
    expect(signed.counts.total).toBe(0);
    expect(signed.attestations).toHaveLength(4);
  });

  it("cancel ends an open review; decisions and sign-off are then refused", async () => {
    const { id } = await start({ clusterIds: [prod] });
    const [item] = (await m.getAccessReview({ orgId, reviewId: id }))!.items;
    await expect(m.cancelAccessReview({ orgId: otherOrgId, reviewId: id, userId: otherUserId })).rejects.toBeInstanceOf(m.NotFoundError);
    const cancelled = await m.cancelAccessReview({ orgId, reviewId: id, userId: ownerId, reason: "wrong scope" });
    expect(cancelled.status).toBe("cancelled");
    await expect(m.decideAccessReviewItem({ orgId, reviewId: id, itemId: item!.id, userId: ownerId, userName: "O", decision: "keep" })).rejects.toThrow(/cancelled/);
    await expect(m.signOffAccessReview({ orgId, reviewId: id, userId: ownerId, userName: "O" })).rejects.toThrow(/cancelled/);
    expect((await m.db.auditLog.findFirstOrThrow({ where: { orgId, action: "access-review.cancel", targetId: id } })).data).toMatchObject({ reason: "wrong scope" });
  });
});

describe("export and tenancy", () => {
  it("CSV has one row per item, quoted, formulas neutralised; PDF is a PDF; another organization gets null", async () => {
    const [review] = (await m.listAccessReviews({ orgId })).filter((r) => r.title === "Q4 production access" && r.status === "signed-off");
    const csv = (await m.accessReviewCsv({ orgId, reviewId: review!.id }))!.toString("utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("review_id,review_title,review_status,cluster,cluster_id,subject_kind,subject_namespace,subject_name,privilege,capabilities,decision,note,decided_by,decided_at,signed_off_by,signed_off_at");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain(`,ServiceAccount,payments,api,high,`);
    expect(lines[2]).toContain(`,revoke,"'=HYPERLINK(""x"") left the team; remove binding",Max Member,`);
    expect(lines[1]).toContain("cluster-admin cluster-wide (via ClusterRoleBinding cluster-admin-binding -> ClusterRole cluster-admin)");
    const pdf = (await m.accessReviewPdf({ orgId, reviewId: review!.id }))!;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfToText(pdf)).toContain("Reviews · Kubernetes access review");

    expect(await m.accessReviewCsv({ orgId: otherOrgId, reviewId: review!.id })).toBeNull();
    expect(await m.accessReviewPdf({ orgId: otherOrgId, reviewId: review!.id })).toBeNull();
    expect(await m.getAccessReview({ orgId: otherOrgId, reviewId: review!.id })).toBeNull();
    expect(await m.listAccessReviews({ orgId: otherOrgId })).toEqual([]);
    const listed = await m.listAccessReviews({ orgId });
    expect(listed.find((r) => r.id === review!.id)).toMatchObject({ counts: { total: 3, keep: 2, revoke: 1, pending: 0 }, clusters: [{ clusterName: "payments-prod" }, { clusterName: "shop-staging" }] });
  });
});
