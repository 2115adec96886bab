// Fix requests: a member proposes applying the fixes of findings (or of a risk) to their cluster,
// an admin approves or rejects, the proposer (or an admin) may withdraw one still proposed. Every
// step is a FindingEvent on each finding and an audit row.
import { planFixes, type FixPlan, type FixSkip } from "@bulwark/rules";
import type { Prisma } from "../generated/prisma/client";
import { db, type Tx } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { loadFixInputs } from "./load-fix-inputs";
import { FIX_REQUEST_STATUSES, type TFixRequestStatus, type TFixRequestView, type TFixTargetResult } from "./types";

/** Requests still on their way: a finding in one of these cannot be proposed again. */
export const ACTIVE_FIX_STATUSES: readonly TFixRequestStatus[] = ["proposed", "approved", "applying"];

const USER_SELECT = { select: { id: true, name: true, email: true } } as const;
export const FIX_REQUEST_INCLUDE = { cluster: { select: { name: true } }, proposedBy: USER_SELECT, decidedBy: USER_SELECT } as const;
type Row = Prisma.FixRequestGetPayload<{ include: typeof FIX_REQUEST_INCLUDE }>;

/** What is stored in FixRequest.plan: the plan, and what planning left out (with why). */
interface StoredPlan {
  entries: FixPlan;
  skipped: FixSkip[];
}

export function readStoredPlan(value: unknown): StoredPlan {
  if (Array.isArray(value)) return { entries: value as FixPlan, skipped: [] };
  const v = (value ?? {}) as Partial<StoredPlan>;
  return { entries: Array.isArray(v.entries) ? v.entries : [], skipped: Array.isArray(v.skipped) ? v.skipped : [] };
}

export function toFixRequestView(row: Row): TFixRequestView & { skipped: FixSkip[] } {
  const plan = readStoredPlan(row.plan);
  return {
    id: row.id,
    clusterId: row.clusterId,
    clusterName: row.cluster.name,
    source: row.source as TFixRequestView["source"],
    status: row.status as TFixRequestStatus,
    reason: row.reason,
    findingIds: row.findingIds,
    riskId: row.riskId,
    plan: plan.entries,
    skipped: plan.skipped,
    result: (row.result as TFixTargetResult[] | null) ?? null,
    error: row.error,
    proposedBy: row.proposedBy,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    decisionNote: row.decisionNote,
    appliedAt: row.appliedAt,
    verifyScanId: row.verifyScanId,
    verification: (row.verification as TFixRequestView["verification"]) ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** One FindingEvent per finding of the request. */
export async function fixEvents(tx: Tx, input: { orgId: string; findingIds: readonly string[]; actorId: string | null; type: string; data: Record<string, unknown>; scanId?: string }): Promise<void> {
  if (input.findingIds.length === 0) return;
  // findingIds are the request's own (org-scoped when proposed); a finding deleted since is skipped.
  const present = await tx.finding.findMany({ where: { orgId: input.orgId, id: { in: [...input.findingIds] } }, select: { id: true } });
  await tx.findingEvent.createMany({
    data: present.map((f) => ({ orgId: input.orgId, findingId: f.id, actorId: input.actorId, type: input.type, data: input.data as Prisma.InputJsonValue, scanId: input.scanId ?? null })),
  });
}

const trimText = (s: string | undefined, max: number, what: string): string | null => {
  const t = s?.trim() ?? "";
  if (t.length > max) throw new DomainError(`${what} is longer than ${max} characters`);
  return t || null;
};

/** A member proposes applying the fixes of findings (one cluster) or a risk; 400 (DomainError) when nothing can be fixed automatically. */
export async function proposeFix(input: { orgId: string; actorId: string; source: "finding" | "risk" | "selection"; findingIds?: readonly string[]; riskId?: string; reason?: string; ip?: string | null }): Promise<TFixRequestView> {
  if (!["finding", "risk", "selection"].includes(input.source)) throw new DomainError(`source must be finding, risk or selection`);
  if (input.source === "risk" ? !input.riskId : !input.findingIds?.length) {
    throw new DomainError(input.source === "risk" ? "name the risk whose findings to fix" : "name at least one finding to fix");
  }
  if (input.source === "finding" && input.findingIds!.length !== 1) throw new DomainError("a fix proposed from a finding covers exactly that finding; use a selection for several");
  const reason = trimText(input.reason, 2000, "the reason");
  const groups = await loadFixInputs(input.source === "risk" ? { orgId: input.orgId, riskId: input.riskId! } : { orgId: input.orgId, findingIds: input.findingIds! });
  if (groups.length > 1) {
    throw new DomainError(`these findings are in ${groups.length} clusters (${groups.map((g) => g.clusterName).join(", ")}): a fix is applied to one cluster, propose one per cluster`);
  }
  const group = groups[0];
  if (!group || (group.inputs.length === 0 && !group.missing?.length)) {
    throw new DomainError(input.source === "risk" ? "the risk has no open findings to fix" : "none of these findings is open (only open, reopened or in-progress findings are fixed)");
  }
  const { plan, skipped } = group.inputs.length ? planFixes(group.inputs) : { plan: [] as FixPlan, skipped: [] as FixSkip[] };
  const allSkipped: FixSkip[] = [...skipped, ...(group.missing ?? []).map((m) => ({ fingerprint: m.fingerprint, ruleId: m.ruleId, reason: m.reason }))];
  if (plan.length === 0) {
    const why = [...new Set(allSkipped.map((s) => `${s.ruleId}: ${s.reason}`))].slice(0, 5);
    throw new DomainError(`nothing here can be fixed automatically${why.length ? `: ${why.join("; ")}` : ""}`);
  }
  const findingIds = [...new Set(plan.flatMap((e) => e.findingIds))];
  return db.$transaction(async (tx) => {
    // One request at a time per finding: a second would patch the same fields twice.
    const busy = await tx.fixRequest.findFirst({ where: { orgId: input.orgId, clusterId: group.clusterId, status: { in: [...ACTIVE_FIX_STATUSES] }, findingIds: { hasSome: findingIds } }, select: { id: true, status: true } });
    if (busy) throw new DomainError(`a fix request for these findings is already ${busy.status} (${busy.id}): decide or cancel it first`);
    const row = await tx.fixRequest.create({
      data: {
        orgId: input.orgId,
        clusterId: group.clusterId,
        source: input.source,
        findingIds,
        riskId: input.source === "risk" ? input.riskId! : null,
        plan: { entries: plan, skipped: allSkipped } as unknown as Prisma.InputJsonValue,
        status: "proposed",
        reason,
        proposedById: input.actorId,
      },
      include: FIX_REQUEST_INCLUDE,
    });
    await fixEvents(tx, { orgId: input.orgId, findingIds, actorId: input.actorId, type: "fix_proposed", data: { fixRequestId: row.id } });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "fix.propose", targetType: "fix_request", targetId: row.id, data: { clusterId: group.clusterId, source: input.source, findings: findingIds.length, targets: plan.map((e) => e.target) } }, tx);
    return toFixRequestView(row);
  });
}

async function requireAdmin(tx: Tx, orgId: string, actorId: string): Promise<void> {
  const m = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId: actorId } }, select: { role: true } });
  if (!m || (m.role !== "admin" && m.role !== "owner")) throw new DomainError("only an admin or owner may approve or reject a fix");
}

/** An admin approves (the caller then enqueues the apply job) or rejects a proposed fix. */
export async function decideFix(input: { orgId: string; actorId: string; id: string; decision: "approve" | "reject"; note?: string; ip?: string | null }): Promise<TFixRequestView> {
  if (input.decision !== "approve" && input.decision !== "reject") throw new DomainError("decision must be approve or reject");
  const note = trimText(input.note, 2000, "the note");
  return db.$transaction(async (tx) => {
    const req = await tx.fixRequest.findFirst({ where: { id: input.id, orgId: input.orgId }, select: { id: true, status: true, clusterId: true, findingIds: true, cluster: { select: { writeCredentialKeyId: true } } } });
    if (!req) throw new NotFoundError("fix request");
    await requireAdmin(tx, input.orgId, input.actorId);
    if (req.status !== "proposed") throw new DomainError(`the fix request is ${req.status}, not proposed: it cannot be ${input.decision === "approve" ? "approved" : "rejected"} now`);
    if (input.decision === "approve" && req.cluster.writeCredentialKeyId === null) {
      throw new DomainError("the cluster has no write credential: set one on the cluster's page (Write access for fixes) before approving");
    }
    const status = input.decision === "approve" ? "approved" : "rejected";
    // Conditional on the status read above: two admins deciding at once cannot both win.
    const updated = await tx.fixRequest.updateMany({ where: { id: req.id, orgId: input.orgId, status: "proposed" }, data: { status, decidedById: input.actorId, decidedAt: new Date(), decisionNote: note } });
    if (updated.count !== 1) throw new DomainError("the fix request was decided by someone else meanwhile");
    await fixEvents(tx, { orgId: input.orgId, findingIds: req.findingIds, actorId: input.actorId, type: input.decision === "approve" ? "fix_approved" : "fix_rejected", data: { fixRequestId: req.id, ...(note ? { note } : {}) } });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: `fix.${input.decision}`, targetType: "fix_request", targetId: req.id, data: { clusterId: req.clusterId, ...(note ? { note } : {}) } }, tx);
    return toFixRequestView(await tx.fixRequest.findUniqueOrThrow({ where: { id: req.id }, include: FIX_REQUEST_INCLUDE }));
  });
}

/** The proposer (or an admin) withdraws a fix still proposed. */
export async function cancelFix(input: { orgId: string; actorId: string; id: string; ip?: string | null }): Promise<TFixRequestView> {
  return db.$transaction(async (tx) => {
    const req = await tx.fixRequest.findFirst({ where: { id: input.id, orgId: input.orgId }, select: { id: true, status: true, proposedById: true, findingIds: true, clusterId: true } });
    if (!req) throw new NotFoundError("fix request");
    if (req.proposedById !== input.actorId) await requireAdmin(tx, input.orgId, input.actorId).catch(() => {
      throw new DomainError("only the person who proposed the fix, or an admin, may cancel it");
    });
    if (req.status !== "proposed") throw new DomainError(`the fix request is ${req.status}: only a proposed fix can be cancelled`);
    const updated = await tx.fixRequest.updateMany({ where: { id: req.id, orgId: input.orgId, status: "proposed" }, data: { status: "cancelled" } });
    if (updated.count !== 1) throw new DomainError("the fix request was decided meanwhile");
    await fixEvents(tx, { orgId: input.orgId, findingIds: req.findingIds, actorId: input.actorId, type: "fix_cancelled", data: { fixRequestId: req.id } });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "fix.cancel", targetType: "fix_request", targetId: req.id, data: { clusterId: req.clusterId } }, tx);
    return toFixRequestView(await tx.fixRequest.findUniqueOrThrow({ where: { id: req.id }, include: FIX_REQUEST_INCLUDE }));
  });
}

export async function listFixRequests(input: { orgId: string; status?: readonly string[]; clusterId?: string; findingId?: string; limit?: number; cursor?: string }): Promise<{ items: TFixRequestView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(1, Math.floor(input.limit ?? 50)), 200);
  const statuses = input.status?.filter((s): s is TFixRequestStatus => (FIX_REQUEST_STATUSES as readonly string[]).includes(s));
  if (input.status?.length && !statuses?.length) throw new DomainError(`status must be one of ${FIX_REQUEST_STATUSES.join(", ")}`);
  const where: Prisma.FixRequestWhereInput = {
    orgId: input.orgId,
    ...(statuses?.length ? { status: { in: statuses } } : {}),
    ...(input.clusterId ? { clusterId: input.clusterId } : {}),
    ...(input.findingId ? { findingIds: { has: input.findingId } } : {}),
  };
  if (input.cursor) {
    const at = await db.fixRequest.findFirst({ where: { id: input.cursor, orgId: input.orgId }, select: { id: true, createdAt: true } });
    if (!at) throw new DomainError("the cursor does not name a fix request of this organization");
    where.OR = [{ createdAt: { lt: at.createdAt } }, { createdAt: at.createdAt, id: { lt: at.id } }];
  }
  const rows = await db.fixRequest.findMany({ where, include: FIX_REQUEST_INCLUDE, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1 });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return { items: page.map(toFixRequestView), nextCursor: more ? page[page.length - 1]!.id : null };
}

export async function getFixRequest(input: { orgId: string; id: string }): Promise<TFixRequestView | null> {
  const row = await db.fixRequest.findFirst({ where: { id: input.id, orgId: input.orgId }, include: FIX_REQUEST_INCLUDE });
  return row ? toFixRequestView(row) : null;
}
