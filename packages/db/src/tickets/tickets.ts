// Tickets made from findings, risks and rule groups, and the lists that show their links.
import { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { writeAudit } from "../audit/write-audit";
import { DomainError, NotFoundError } from "../errors";
import { TICKET_VIEW, toTicketView } from "./ticket-view";
import { resolveTicketSubject } from "./ticket-subject";
import type { TTicketView } from "./types";

/**
 * A ticket for a finding, a risk, or a rule's open findings (in one cluster, or all when clusterId
 * is absent). One per subject and integration: asking again returns the existing one (created: false).
 * The caller enqueues the "create" delivery when created.
 */
export async function createTicket(input: {
  orgId: string;
  actorId: string;
  integrationId: string;
  source: "finding" | "risk" | "rule";
  findingId?: string;
  riskId?: string;
  ruleId?: string;
  clusterId?: string;
  ip?: string | null;
}): Promise<{ ticket: TTicketView; created: boolean }> {
  if (!["finding", "risk", "rule"].includes(input.source)) throw new DomainError('source must be "finding", "risk" or "rule"');
  const integration = await db.ticketIntegration.findFirst({ where: { id: input.integrationId, orgId: input.orgId }, select: { id: true, name: true, enabled: true } });
  if (!integration) throw new NotFoundError("ticket integration");
  const subject = await resolveTicketSubject(db, input);
  const existing = await db.ticket.findFirst({ where: { orgId: input.orgId, integrationId: integration.id, dedupeKey: subject.dedupeKey }, select: TICKET_VIEW });
  if (existing) return { ticket: toTicketView(existing), created: false };
  if (!integration.enabled) throw new DomainError(`the integration "${integration.name}" is disabled`);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.ticket.create({ data: { orgId: input.orgId, integrationId: integration.id, ...subject, createdById: input.actorId }, select: TICKET_VIEW });
      await writeAudit(
        {
          orgId: input.orgId,
          actorId: input.actorId,
          ip: input.ip ?? null,
          action: "ticket.create",
          targetType: "ticket",
          targetId: row.id,
          data: { integration: integration.name, source: subject.source, title: subject.title, findings: subject.findingIds.length, riskId: subject.riskId, ruleId: subject.ruleId, clusterId: subject.clusterId },
        },
        tx,
      );
      return { ticket: toTicketView(row), created: true };
    });
  } catch (e) {
    // Two requests at once: the other one made it.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const row = await db.ticket.findFirst({ where: { orgId: input.orgId, integrationId: integration.id, dedupeKey: subject.dedupeKey }, select: TICKET_VIEW });
      if (row) return { ticket: toTicketView(row), created: false };
    }
    throw e;
  }
}

/** Tickets linked to a finding (directly or through its risk or rule group), a risk, or a rule. */
export async function listTickets(input: { orgId: string; findingId?: string; riskId?: string; ruleId?: string; limit?: number }): Promise<TTicketView[]> {
  const take = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const or: Prisma.TicketWhereInput[] = [];
  if (input.findingId) {
    const f = await db.finding.findFirst({ where: { id: input.findingId, orgId: input.orgId }, select: { id: true, ruleId: true, clusterId: true } });
    if (!f) return [];
    // Covered when made (findingIds), or a rule ticket of its rule made before the finding appeared.
    or.push({ findingIds: { has: f.id } }, { source: "rule", ruleId: f.ruleId, OR: [{ clusterId: f.clusterId }, { clusterId: null }] });
  }
  if (input.riskId) or.push({ riskId: input.riskId });
  if (input.ruleId) or.push({ source: "rule", ruleId: input.ruleId });
  const rows = await db.ticket.findMany({ where: { orgId: input.orgId, ...(or.length ? { OR: or } : {}) }, select: TICKET_VIEW, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  return rows.map(toTicketView);
}

export async function getTicket(input: { orgId: string; id: string }): Promise<TTicketView | null> {
  const row = await db.ticket.findFirst({ where: { id: input.id, orgId: input.orgId }, select: TICKET_VIEW });
  return row ? toTicketView(row) : null;
}
