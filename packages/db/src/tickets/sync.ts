// Two-way status. From the remote side: a ticket a person closed leaves its still-open findings
// resolved pending verification (the next scan reopens any still present). From Bulwark's side:
// after a scan, tickets whose findings are all resolved are closed with a comment, and closed
// tickets whose findings came back get a comment (GitHub issues are reopened).
import type { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { writeAudit } from "../audit/write-audit";
import type { TTicketKind } from "./types";

const OPEN = ["open", "reopened", "in_progress"] as const;

export interface TTicketToSync {
  id: string;
  orgId: string;
  externalKey: string;
  url: string | null;
  integrationId: string;
}

/**
 * Open tickets to check, least recently synced first. Spans organizations when neither orgId nor
 * integrationId is given (the scheduler's sweep); each row carries its orgId for what follows.
 */
export async function listTicketsToSync(input: { orgId?: string; integrationId?: string; limit?: number }): Promise<{ integrationId: string; orgId: string; tickets: TTicketToSync[] }[]> {
  const where: Prisma.TicketWhereInput = {
    status: "open",
    externalKey: { not: null },
    integration: { enabled: true },
    ...(input.orgId ? { orgId: input.orgId } : {}),
    ...(input.integrationId ? { integrationId: input.integrationId } : {}),
  };
  const rows = await db.ticket.findMany({
    where,
    select: { id: true, orgId: true, externalKey: true, url: true, integrationId: true },
    orderBy: [{ syncedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: Math.min(input.limit ?? 1000, 5000),
  });
  const byIntegration = new Map<string, { integrationId: string; orgId: string; tickets: TTicketToSync[] }>();
  for (const r of rows) {
    const g = byIntegration.get(r.integrationId) ?? { integrationId: r.integrationId, orgId: r.orgId, tickets: [] };
    g.tickets.push({ ...r, externalKey: r.externalKey! });
    byIntegration.set(r.integrationId, g);
  }
  return [...byIntegration.values()];
}

export async function getIntegrationForSync(input: { orgId: string; integrationId: string }): Promise<{ id: string; name: string; kind: TTicketKind; baseUrl: string; project: string; username: string | null; tokenCipher: string; enabled: boolean } | null> {
  const row = await db.ticketIntegration.findFirst({ where: { id: input.integrationId, orgId: input.orgId }, select: { id: true, name: true, kind: true, baseUrl: true, project: true, username: true, tokenCipher: true, enabled: true } });
  return row ? { ...row, kind: row.kind as TTicketKind } : null;
}

export async function recordIntegrationSync(input: { orgId: string; integrationId: string; ok: boolean; error?: string | null }): Promise<void> {
  await db.ticketIntegration.updateMany({
    where: { id: input.integrationId, orgId: input.orgId },
    data: { lastSyncAt: new Date(), lastStatus: input.ok ? "ok" : "error", lastError: input.ok ? null : (input.error ?? "sync failed").slice(0, 1000) },
  });
}

/** The remote issue is still open: remember what it said and when. */
export async function recordTicketSynced(input: { orgId: string; ticketId: string; remoteStatus: string | null; error?: string | null }): Promise<void> {
  await db.ticket.updateMany({ where: { id: input.ticketId, orgId: input.orgId }, data: { remoteStatus: input.remoteStatus, syncedAt: new Date(), lastError: input.error ? input.error.slice(0, 1000) : null } });
}

/**
 * A person closed the remote issue: the ticket is closed, and its findings still open become
 * resolved pending verification (FindingEvent "ticket_closed"). Idempotent: a ticket already
 * closed changes nothing. Returns the findings resolved.
 */
export async function closeTicketFromRemote(input: { orgId: string; ticketId: string; remoteStatus: string | null; reason?: string | null }): Promise<{ closed: boolean; resolvedFindingIds: string[] }> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const t = await tx.ticket.findFirst({ where: { id: input.ticketId, orgId: input.orgId }, select: { id: true, status: true, findingIds: true, url: true, externalKey: true, title: true } });
    if (!t || t.status !== "open") return { closed: false, resolvedFindingIds: [] };
    const { count } = await tx.ticket.updateMany({ where: { id: t.id, status: "open" }, data: { status: "closed", closedByBulwark: false, closedAt: now, remoteStatus: input.remoteStatus, syncedAt: now, lastError: null } });
    if (count !== 1) return { closed: false, resolvedFindingIds: [] };
    const open = await tx.finding.findMany({ where: { orgId: input.orgId, id: { in: t.findingIds }, status: { in: [...OPEN] } }, select: { id: true } });
    const ids = open.map((f) => f.id);
    if (ids.length) {
      await tx.finding.updateMany({ where: { id: { in: ids }, status: { in: [...OPEN] } }, data: { status: "resolved", resolvedAt: now } });
      await tx.findingEvent.createMany({
        data: ids.map((findingId) => ({ orgId: input.orgId, findingId, type: "ticket_closed", data: { ticketId: t.id, url: t.url, key: t.externalKey, pendingVerification: true, ...(input.reason ? { reason: input.reason } : {}) } })),
      });
    }
    await writeAudit({ orgId: input.orgId, action: "ticket.closed_remotely", targetType: "ticket", targetId: t.id, data: { title: t.title, key: t.externalKey, remoteStatus: input.remoteStatus, resolvedFindings: ids.length } }, tx);
    return { closed: true, resolvedFindingIds: ids };
  });
}

export interface TTicketAfterScanAction {
  ticketId: string;
  kind: TTicketKind;
  action: "close" | "comment";
  comment: string;
}

/**
 * What a stored scan means for the cluster's tickets: open tickets whose findings are now all
 * resolved are to be closed ("Resolved: Bulwark's scan <id> no longer finds ..."); closed tickets
 * with a finding this scan reopened get a comment.
 */
export async function planTicketsAfterScan(input: { orgId: string; clusterId: string; scanId: string }): Promise<TTicketAfterScanAction[]> {
  const { orgId, clusterId, scanId } = input;
  const cluster = await db.cluster.findFirst({ where: { id: clusterId, orgId }, select: { name: true } });
  if (!cluster) return [];
  const actions: TTicketAfterScanAction[] = [];
  const scope: Prisma.TicketWhereInput = { orgId, externalKey: { not: null }, integration: { enabled: true }, OR: [{ clusterId }, { clusterId: null }] };

  const open = await db.ticket.findMany({ where: { ...scope, status: "open" }, select: { id: true, findingIds: true, source: true, integration: { select: { kind: true } } }, take: 5000 });
  if (open.length) {
    const ids = [...new Set(open.flatMap((t) => t.findingIds))];
    const rows = await db.finding.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, status: true, clusterId: true, kind: true, namespace: true, name: true, lastSeenScanId: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const t of open) {
      const fs = t.findingIds.map((id) => byId.get(id)).filter((f) => f !== undefined);
      // Only this cluster's scan speaks for its findings, and only when it resolved at least one.
      if (!fs.length || !fs.some((f) => f.clusterId === clusterId && f.lastSeenScanId === scanId)) continue;
      if (!fs.every((f) => f.status === "resolved")) continue;
      const what = fs.length === 1 ? `${fs[0]!.kind} ${fs[0]!.namespace ? `${fs[0]!.namespace}/` : ""}${fs[0]!.name}'s finding` : `any of the ${fs.length} findings of this ticket`;
      actions.push({ ticketId: t.id, kind: t.integration.kind as TTicketKind, action: "close", comment: `Resolved: Bulwark's scan ${scanId} of ${cluster.name} no longer finds ${what}.` });
    }
  }

  const reopenedEvents = await db.findingEvent.findMany({ where: { orgId, scanId, type: "reopened" }, select: { findingId: true }, take: 10_000 });
  if (reopenedEvents.length) {
    const reopened = reopenedEvents.map((e) => e.findingId);
    const closed = await db.ticket.findMany({ where: { ...scope, status: "closed", findingIds: { hasSome: reopened } }, select: { id: true, findingIds: true, integration: { select: { kind: true } } }, take: 1000 });
    const set = new Set(reopened);
    for (const t of closed) {
      const n = t.findingIds.filter((id) => set.has(id)).length;
      actions.push({
        ticketId: t.id,
        kind: t.integration.kind as TTicketKind,
        action: "comment",
        comment: `Reopened: Bulwark's scan ${scanId} of ${cluster.name} finds ${n === 1 ? "this problem" : `${n} of this ticket's findings`} again.`,
      });
    }
  }
  return actions;
}
