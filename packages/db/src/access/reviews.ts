// Access reviews: an admin starts one over some clusters (the privileged subjects of their latest
// access models become its items), reviewers mark each item keep or revoke, an admin signs it off
// once nothing is pending, which attests the access-review controls of HIPAA and SOC 2 with the
// review's PDF as evidence. Every change is audited and every query is scoped by organization.
import type { AccessSubjectKind, Capability, SubjectRef } from "@bulwark/rules";
import { db, type Tx } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { MAX_ATTESTATION_DAYS, createAttestation, revokeAttestation } from "../compliance/attestations";
import { renderAccessReviewPdf } from "./reviews-pdf";

export const MAX_REVIEW_TITLE_CHARS = 200;
export const MAX_REVIEW_NOTE_CHARS = 2000;
/** A review is read by people: beyond this many items the scope is too wide to review one by one. */
export const MAX_REVIEW_ITEMS = 5000;
export const DEFAULT_REVIEW_VALID_DAYS = 90;
/** A sign-off that has not finished after this long (the process died mid-way) may be taken over. */
const SIGN_OFF_STALE_MS = 10 * 60_000;

/** The controls a signed-off review attests: access clearance and modification (HIPAA), registration and least privilege (SOC 2). */
export const ACCESS_REVIEW_CONTROLS: ReadonlyArray<{ framework: string; controlId: string }> = [
  { framework: "hipaa", controlId: "164.308(a)(3)(ii)(B)" },
  { framework: "hipaa", controlId: "164.308(a)(4)(ii)(C)" },
  { framework: "soc2", controlId: "CC6.2" },
  { framework: "soc2", controlId: "CC6.3" },
];

export type TAccessReviewStatus = "open" | "signed-off" | "cancelled";
export type TAccessReviewDecision = "pending" | "keep" | "revoke";

export interface TAccessReviewCounts {
  total: number;
  pending: number;
  keep: number;
  revoke: number;
}

export interface TAccessReviewSummary {
  id: string;
  title: string;
  status: TAccessReviewStatus;
  /** Set while a sign-off is being recorded (status is still "open"). */
  signingOff: boolean;
  clusters: Array<{ clusterId: string; clusterName: string }>;
  createdByName: string;
  createdAt: Date;
  dueAt: Date | null;
  validDays: number;
  signedOffAt: Date | null;
  signedOffByName: string | null;
  counts: TAccessReviewCounts;
}

export interface TAccessReviewItem {
  id: string;
  clusterId: string;
  clusterName: string;
  subject: SubjectRef;
  privilege: string;
  capabilities: Capability[];
  decision: TAccessReviewDecision;
  note: string;
  decidedByName: string | null;
  decidedAt: Date | null;
}

export interface TAccessReview extends TAccessReviewSummary {
  signOffNote: string | null;
  attestations: Array<{ id: string; framework: string; controlId: string }>;
  items: TAccessReviewItem[];
}

const DAY = 86_400_000;

function subjectOf(r: { subjectKind: string; subjectName: string; subjectNamespace: string }): SubjectRef {
  return { kind: r.subjectKind as AccessSubjectKind, name: r.subjectName, ...(r.subjectNamespace ? { namespace: r.subjectNamespace } : {}) };
}

/** "ServiceAccount payments/api", "User alice@example.com". */
export function describeSubject(s: SubjectRef): string {
  return `${s.kind} ${s.namespace ? `${s.namespace}/` : ""}${s.name}`;
}

function isSigningOff(r: { status: string; signedOffAt: Date | null }): boolean {
  return r.status === "open" && r.signedOffAt !== null;
}

async function countsOf(reviewIds: string[]): Promise<Map<string, TAccessReviewCounts>> {
  const out = new Map<string, TAccessReviewCounts>();
  for (const id of reviewIds) out.set(id, { total: 0, pending: 0, keep: 0, revoke: 0 });
  if (!reviewIds.length) return out;
  const groups = await db.accessReviewItem.groupBy({ by: ["reviewId", "decision"], where: { reviewId: { in: reviewIds } }, _count: { _all: true } });
  for (const g of groups) {
    const c = out.get(g.reviewId)!;
    c.total += g._count._all;
    if (g.decision === "pending" || g.decision === "keep" || g.decision === "revoke") c[g.decision] += g._count._all;
  }
  return out;
}

/** Cluster names: the cluster's current name, else the one kept on the review's items, else "(removed cluster)". */
async function clusterNames(orgId: string, reviews: Array<{ id: string; clusterIds: string[] }>): Promise<Map<string, Array<{ clusterId: string; clusterName: string }>>> {
  const ids = [...new Set(reviews.flatMap((r) => r.clusterIds))];
  const live = new Map((await db.cluster.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  const missing = ids.filter((id) => !live.has(id));
  if (missing.length) {
    const kept = await db.accessReviewItem.findMany({ where: { orgId, clusterId: { in: missing } }, distinct: ["clusterId"], select: { clusterId: true, clusterName: true } });
    for (const k of kept) live.set(k.clusterId, k.clusterName);
  }
  return new Map(reviews.map((r) => [r.id, r.clusterIds.map((id) => ({ clusterId: id, clusterName: live.get(id) ?? "(removed cluster)" }))]));
}

const SUMMARY_SELECT = {
  id: true,
  title: true,
  status: true,
  clusterIds: true,
  createdByName: true,
  createdAt: true,
  dueAt: true,
  validDays: true,
  signedOffAt: true,
  signedOffByName: true,
} as const;

type TSummaryRow = { id: string; title: string; status: string; clusterIds: string[]; createdByName: string; createdAt: Date; dueAt: Date | null; validDays: number; signedOffAt: Date | null; signedOffByName: string | null };

function summaryOf(r: TSummaryRow, clusters: Array<{ clusterId: string; clusterName: string }>, counts: TAccessReviewCounts): TAccessReviewSummary {
  const signingOff = isSigningOff(r);
  return {
    id: r.id,
    title: r.title,
    status: r.status as TAccessReviewStatus,
    signingOff,
    clusters,
    createdByName: r.createdByName,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    validDays: r.validDays,
    // Not signed off until the attestations are recorded.
    signedOffAt: signingOff ? null : r.signedOffAt,
    signedOffByName: signingOff ? null : r.signedOffByName,
    counts,
  };
}

/** The organization's reviews, newest first, with their decision counts. */
export async function listAccessReviews(input: { orgId: string; limit?: number }): Promise<TAccessReviewSummary[]> {
  const rows = await db.accessReview.findMany({
    where: { orgId: input.orgId },
    select: SUMMARY_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(input.limit ?? 200, 1), 1000),
  });
  const [counts, names] = await Promise.all([countsOf(rows.map((r) => r.id)), clusterNames(input.orgId, rows)]);
  return rows.map((r) => summaryOf(r, names.get(r.id) ?? [], counts.get(r.id)!));
}

const DECISION_ORDER: Record<string, number> = { admin: 0, high: 1, medium: 2 };

/** A review with every item (grouped by cluster, most privileged first), or null when not the organization's. */
export async function getAccessReview(input: { orgId: string; reviewId: string }): Promise<TAccessReview | null> {
  const r = await db.accessReview.findFirst({ where: { id: input.reviewId, orgId: input.orgId }, select: { ...SUMMARY_SELECT, signOffNote: true, attestationIds: true } });
  if (!r) return null;
  const [rows, names, attestations] = await Promise.all([
    db.accessReviewItem.findMany({ where: { reviewId: r.id, orgId: input.orgId } }),
    clusterNames(input.orgId, [r]),
    r.attestationIds.length
      ? db.attestation.findMany({ where: { orgId: input.orgId, id: { in: r.attestationIds } }, select: { id: true, framework: true, controlId: true } })
      : Promise.resolve([]),
  ]);
  const items: TAccessReviewItem[] = rows
    .map(toReviewItem)
    .sort(
      (a, b) =>
        a.clusterName.localeCompare(b.clusterName) ||
        a.clusterId.localeCompare(b.clusterId) ||
        (DECISION_ORDER[a.privilege] ?? 9) - (DECISION_ORDER[b.privilege] ?? 9) ||
        a.subject.kind.localeCompare(b.subject.kind) ||
        (a.subject.namespace ?? "").localeCompare(b.subject.namespace ?? "") ||
        a.subject.name.localeCompare(b.subject.name),
    );
  const counts: TAccessReviewCounts = { total: items.length, pending: 0, keep: 0, revoke: 0 };
  for (const i of items) counts[i.decision] += 1;
  const order = new Map(r.attestationIds.map((id, n) => [id, n]));
  return {
    ...summaryOf(r, names.get(r.id) ?? [], counts),
    signOffNote: r.signOffNote,
    attestations: attestations.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    items,
  };
}

export interface TStartAccessReviewInput {
  orgId: string;
  userId: string;
  userName: string;
  title: string;
  /** Clusters to review; when none, every cluster of the organization whose access model was built. */
  clusterIds?: string[];
  dueAt?: Date;
  validDays?: number;
  /** Also review subjects whose highest capability is "high" (default true); "admin" ones always are. */
  includeHigh?: boolean;
  ip?: string | null;
  now?: Date;
}

/**
 * Starts a review: one item per (cluster, subject) of the chosen clusters' access models whose
 * privilege is admin (and high, unless includeHigh is false), built-in subjects left out, with the
 * capabilities copied as they are now. A cluster whose access model was never built is refused,
 * so a review never signs off clusters it could not see.
 */
export async function startAccessReview(input: TStartAccessReviewInput): Promise<{ id: string; items: number }> {
  const now = input.now ?? new Date();
  const title = input.title.trim();
  if (!title) throw new DomainError("give the review a title (e.g. \"Q3 production access review\")");
  if (title.length > MAX_REVIEW_TITLE_CHARS) throw new DomainError(`the title is longer than ${MAX_REVIEW_TITLE_CHARS} characters`);
  const validDays = input.validDays ?? DEFAULT_REVIEW_VALID_DAYS;
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > MAX_ATTESTATION_DAYS) throw new DomainError(`a sign-off counts as evidence for 1 to ${MAX_ATTESTATION_DAYS} days`);
  if (input.dueAt) {
    if (Number.isNaN(input.dueAt.getTime())) throw new DomainError("the due date is not a date");
    // A due date of today may be entered in a time zone behind the server's.
    if (input.dueAt.getTime() < now.getTime() - DAY) throw new DomainError("the due date is in the past");
  }
  const wanted = [...new Set(input.clusterIds ?? [])];
  // No clusters chosen: every cluster whose access model was built (the review's scope names them).
  const clusters = await db.cluster.findMany({
    where: { orgId: input.orgId, ...(wanted.length ? { id: { in: wanted } } : { accessSnapshot: { isNot: null } }) },
    select: { id: true, name: true, accessSnapshot: { select: { builtAt: true } } },
    orderBy: { name: "asc" },
  });
  // Another organization's cluster reads exactly as one that does not exist.
  if (wanted.length && clusters.length !== wanted.length) throw new DomainError("a chosen cluster does not exist (it may have been removed)");
  if (!clusters.length) throw new DomainError("no cluster has an access model yet: add a cluster and let its first scan finish");
  const unbuilt = clusters.filter((c) => !c.accessSnapshot);
  if (unbuilt.length) {
    throw new DomainError(`${unbuilt.map((c) => c.name).join(", ")} ${unbuilt.length === 1 ? "has" : "have"} no access model yet: scan ${unbuilt.length === 1 ? "it" : "them"} first, or leave ${unbuilt.length === 1 ? "it" : "them"} out`);
  }
  const levels = input.includeHigh === false ? ["admin"] : ["admin", "high"];
  const names = new Map(clusters.map((c) => [c.id, c.name]));
  const where = { orgId: input.orgId, clusterId: { in: clusters.map((c) => c.id) }, builtIn: false, privilege: { in: levels } };
  const count = await db.accessSubject.count({ where });
  if (count > MAX_REVIEW_ITEMS) {
    throw new DomainError(`${count} subjects match; a review holds at most ${MAX_REVIEW_ITEMS}. Choose fewer clusters${input.includeHigh === false ? "" : " or review admin-level subjects only"}`);
  }
  const subjects = await db.accessSubject.findMany({ where, select: { clusterId: true, kind: true, name: true, namespace: true, privilege: true, capabilities: true } });

  return db.$transaction(async (tx) => {
    const review = await tx.accessReview.create({
      data: {
        orgId: input.orgId,
        title,
        clusterIds: clusters.map((c) => c.id),
        createdById: input.userId,
        createdByName: input.userName.slice(0, 300),
        createdAt: now,
        dueAt: input.dueAt ?? null,
        validDays,
      },
      select: { id: true },
    });
    if (subjects.length) {
      await tx.accessReviewItem.createMany({
        data: subjects.map((s) => ({
          reviewId: review.id,
          orgId: input.orgId,
          clusterId: s.clusterId,
          clusterName: names.get(s.clusterId)!,
          subjectKind: s.kind,
          subjectName: s.name,
          subjectNamespace: s.namespace,
          privilege: s.privilege,
          capabilities: s.capabilities ?? [],
        })),
      });
    }
    await writeAudit(
      {
        orgId: input.orgId,
        actorId: input.userId,
        action: "access-review.start",
        targetType: "access-review",
        targetId: review.id,
        data: { title, clusters: clusters.map((c) => c.name), items: subjects.length, levels, dueAt: input.dueAt?.toISOString() ?? null, validDays },
        ip: input.ip ?? null,
      },
      tx,
    );
    return { id: review.id, items: subjects.length };
  });
}

/** Locks the review row for the rest of the transaction; NotFoundError when not the organization's. */
async function lockReview(tx: Tx, orgId: string, reviewId: string, mode: "share" | "update") {
  const rows =
    mode === "update"
      ? await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "AccessReview" WHERE id = ${reviewId} AND "orgId" = ${orgId} FOR UPDATE`
      : await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "AccessReview" WHERE id = ${reviewId} AND "orgId" = ${orgId} FOR SHARE`;
  if (!rows.length) throw new NotFoundError("access review");
  return tx.accessReview.findUniqueOrThrow({ where: { id: reviewId }, select: { id: true, title: true, status: true, signedOffAt: true, validDays: true, clusterIds: true } });
}

function assertOpen(r: { status: string; signedOffAt: Date | null }, now: Date, what: string): void {
  if (r.status === "signed-off") throw new DomainError(`this review is signed off; ${what} only while it is open`);
  if (r.status === "cancelled") throw new DomainError(`this review was cancelled; ${what} only while it is open`);
  if (r.signedOffAt && now.getTime() - r.signedOffAt.getTime() < SIGN_OFF_STALE_MS) throw new DomainError(`this review is being signed off; ${what} only while it is open`);
}

export interface TDecideAccessReviewItemInput {
  orgId: string;
  reviewId: string;
  itemId: string;
  userId: string;
  userName: string;
  decision: "keep" | "revoke";
  note?: string | null;
  ip?: string | null;
  now?: Date;
}

/** Marks one item keep or revoke (a note is required to revoke); a later decision replaces an earlier one while the review is open. */
export async function decideAccessReviewItem(input: TDecideAccessReviewItemInput): Promise<TAccessReviewItem> {
  const now = input.now ?? new Date();
  if (input.decision !== "keep" && input.decision !== "revoke") throw new DomainError("the decision is keep or revoke");
  const note = (input.note ?? "").trim();
  if (note.length > MAX_REVIEW_NOTE_CHARS) throw new DomainError(`the note is longer than ${MAX_REVIEW_NOTE_CHARS} characters`);
  if (input.decision === "revoke" && !note) throw new DomainError("say why the access should be revoked and who will remove it (the note is required to revoke)");
  return db.$transaction(async (tx) => {
    // Shared lock: decisions run side by side, a sign-off or cancel waits for them (and they for it).
    const review = await lockReview(tx, input.orgId, input.reviewId, "share");
    assertOpen(review, now, "decisions are taken");
    const item = await tx.accessReviewItem.findFirst({ where: { id: input.itemId, reviewId: review.id, orgId: input.orgId } });
    if (!item) throw new NotFoundError("review item");
    const updated = await tx.accessReviewItem.update({
      where: { id: item.id },
      data: { decision: input.decision, note, decidedById: input.userId, decidedByName: input.userName.slice(0, 300), decidedAt: now },
    });
    await writeAudit(
      {
        orgId: input.orgId,
        actorId: input.userId,
        action: "access-review.decide",
        targetType: "access-review",
        targetId: review.id,
        data: { itemId: item.id, cluster: item.clusterName, subject: describeSubject(subjectOf(item)), decision: input.decision, previous: item.decision, note },
        ip: input.ip ?? null,
      },
      tx,
    );
    return toReviewItem(updated);
  });
}

type TReviewItemRow = Parameters<typeof subjectOf>[0] & {
  id: string;
  clusterId: string;
  clusterName: string;
  privilege: string;
  capabilities: unknown;
  decision: string;
  note: string;
  decidedByName: string | null;
  decidedAt: Date | null;
};

/** A stored review item as the API answers it. */
function toReviewItem(i: TReviewItemRow): TAccessReviewItem {
  return {
    id: i.id,
    clusterId: i.clusterId,
    clusterName: i.clusterName,
    subject: subjectOf(i),
    privilege: i.privilege,
    capabilities: (Array.isArray(i.capabilities) ? i.capabilities : []) as unknown as Capability[],
    decision: i.decision as TAccessReviewDecision,
    note: i.note,
    decidedByName: i.decidedByName,
    decidedAt: i.decidedAt,
  };
}

export interface TSignOffAccessReviewInput {
  orgId: string;
  reviewId: string;
  userId: string;
  userName: string;
  note?: string | null;
  ip?: string | null;
  now?: Date;
}

/** "2026-12-07" */
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Signs off a review whose every item is decided: records the signer, renders the review's PDF
 * and attests the HIPAA and SOC 2 access-review controls with it (through createAttestation, so
 * each supersedes the control's previous attestation and is audited), valid for the review's
 * validDays. The review is claimed first (signedOffAt set, status still open) so decisions and
 * cancels wait; if attesting fails, the attestations made so far are revoked and the claim undone.
 */
export async function signOffAccessReview(input: TSignOffAccessReviewInput): Promise<TAccessReview> {
  const now = input.now ?? new Date();
  const note = (input.note ?? "").trim();
  if (note.length > MAX_REVIEW_NOTE_CHARS) throw new DomainError(`the note is longer than ${MAX_REVIEW_NOTE_CHARS} characters`);
  const member = await db.membership.findUnique({ where: { orgId_userId: { orgId: input.orgId, userId: input.userId } }, select: { userId: true } });
  if (!member) throw new DomainError("only a member of the organization can sign off a review");
  const signer = input.userName.slice(0, 300);

  const claimed = await db.$transaction(async (tx) => {
    const review = await lockReview(tx, input.orgId, input.reviewId, "update");
    assertOpen(review, now, "it can be signed off");
    const pending = await tx.accessReviewItem.count({ where: { reviewId: review.id, decision: "pending" } });
    if (pending) {
      const total = await tx.accessReviewItem.count({ where: { reviewId: review.id } });
      throw new DomainError(`${pending} of ${total} ${total === 1 ? "item is" : "items are"} still pending: mark each keep or revoke before signing off`);
    }
    await tx.accessReview.update({ where: { id: review.id }, data: { signedOffAt: now, signedOffById: input.userId, signedOffByName: signer, signOffNote: note || null } });
    return review;
  });

  const attestationIds: string[] = [];
  try {
    const view = await getAccessReview({ orgId: input.orgId, reviewId: claimed.id });
    if (!view) throw new NotFoundError("access review");
    // The evidence shows the review as signed off, by whom and when.
    const signed: TAccessReview = { ...view, status: "signed-off", signingOff: false, signedOffAt: now, signedOffByName: signer, signOffNote: note || null };
    const org = await db.organization.findUnique({ where: { id: input.orgId }, select: { name: true } });
    const pdf = await renderAccessReviewPdf(signed, org?.name);
    const scope = signed.clusters.map((c) => c.clusterName).join(", ");
    const statement =
      `Access review "${signed.title}" (Bulwark review ${signed.id}) of ${scope} signed off by ${signer} on ${day(now)}: ` +
      `${signed.counts.total} privileged ${signed.counts.total === 1 ? "subject" : "subjects"} reviewed, ${signed.counts.keep} kept, ${signed.counts.revoke} to be revoked. ` +
      "Each privileged subject in scope (cluster-admin or equivalent rights, and other high-risk rights when included) was marked keep or revoke with a note; the attached PDF lists every decision, its note, who took it and when." +
      (note ? ` Sign-off note: ${note}` : "");
    const expiresAt = new Date(now.getTime() + claimed.validDays * DAY);
    const file = { name: `access-review-${day(now)}-${signed.id.slice(-8)}.pdf`, contentType: "application/pdf", bytes: pdf };
    for (const c of ACCESS_REVIEW_CONTROLS) {
      const a = await createAttestation({
        orgId: input.orgId,
        actor: { id: input.userId, name: signer },
        framework: c.framework,
        controlId: c.controlId,
        statement: statement.slice(0, 4000),
        owner: signer.slice(0, 200),
        reviewedAt: now,
        expiresAt,
        files: [file],
        ip: input.ip ?? null,
        now,
      });
      attestationIds.push(a.id);
    }
    await db.$transaction(async (tx) => {
      await tx.accessReview.update({ where: { id: claimed.id }, data: { status: "signed-off", attestationIds } });
      await writeAudit(
        {
          orgId: input.orgId,
          actorId: input.userId,
          action: "access-review.sign-off",
          targetType: "access-review",
          targetId: claimed.id,
          data: { title: signed.title, total: signed.counts.total, keep: signed.counts.keep, revoke: signed.counts.revoke, note: note || null, attestationIds, expiresAt: expiresAt.toISOString() },
          ip: input.ip ?? null,
        },
        tx,
      );
    });
  } catch (err) {
    for (const id of attestationIds) {
      await revokeAttestation({ orgId: input.orgId, actorId: input.userId, attestationId: id, reason: "the access review sign-off that created it failed" }).catch(() => {});
    }
    await db.accessReview.updateMany({ where: { id: claimed.id, orgId: input.orgId, status: "open" }, data: { signedOffAt: null, signedOffById: null, signedOffByName: null, signOffNote: null } }).catch(() => {});
    throw err;
  }
  return (await getAccessReview({ orgId: input.orgId, reviewId: claimed.id }))!;
}

/** Cancels an open review (its decisions stay readable; nothing is attested). */
export async function cancelAccessReview(input: { orgId: string; reviewId: string; userId: string; reason?: string | null; ip?: string | null; now?: Date }): Promise<TAccessReviewSummary> {
  const now = input.now ?? new Date();
  const reason = (input.reason ?? "").trim().slice(0, MAX_REVIEW_NOTE_CHARS) || null;
  await db.$transaction(async (tx) => {
    const review = await lockReview(tx, input.orgId, input.reviewId, "update");
    assertOpen(review, now, "it can be cancelled");
    // A stale sign-off claim is dropped with the cancel.
    await tx.accessReview.update({ where: { id: review.id }, data: { status: "cancelled", signedOffAt: null, signedOffById: null, signedOffByName: null } });
    await writeAudit({ orgId: input.orgId, actorId: input.userId, action: "access-review.cancel", targetType: "access-review", targetId: review.id, data: { title: review.title, reason }, ip: input.ip ?? null }, tx);
  });
  const view = (await getAccessReview({ orgId: input.orgId, reviewId: input.reviewId }))!;
  const { signOffNote: _n, attestations: _a, items: _i, ...summary } = view;
  return summary;
}
