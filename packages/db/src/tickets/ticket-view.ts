// What of a ticket is shown: its link, status and the findings it covers.
import type { Prisma } from "../generated/prisma/client";
import type { TTicketKind, TTicketView } from "./types";

export const TICKET_VIEW = {
  id: true,
  integrationId: true,
  source: true,
  title: true,
  status: true,
  externalKey: true,
  url: true,
  remoteStatus: true,
  lastError: true,
  findingIds: true,
  riskId: true,
  ruleId: true,
  clusterId: true,
  createdAt: true,
  closedAt: true,
  integration: { select: { name: true, kind: true } },
} satisfies Prisma.TicketSelect;

type Row = Prisma.TicketGetPayload<{ select: typeof TICKET_VIEW }>;

export function toTicketView(row: Row): TTicketView {
  const { integration, ...rest } = row;
  return {
    ...rest,
    integrationName: integration.name,
    kind: integration.kind as TTicketKind,
    source: row.source as TTicketView["source"],
    status: row.status as TTicketView["status"],
  };
}
