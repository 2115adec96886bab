// Reads of ticket integrations and tickets (GET /api/ticket-integrations, GET /api/tickets and the
// pages): withOrg around one @bulwark/db call each, scoped by the caller's organization. Tokens
// never leave the data layer (the view says only that one is set).
import { listTicketIntegrations, listTickets } from "@bulwark/db";
import { withOrg } from "@/modules/auth/server/with-org";
import { z } from "zod";
import { ZListTickets } from "../tickets.schemas";

export const listIntegrationsOp = withOrg({ schema: z.object({}), permission: "org:read" }, async (_input, ctx) => ({
  items: await listTicketIntegrations({ orgId: ctx.orgId }),
}));

export const listTicketsOp = withOrg({ schema: ZListTickets, permission: "org:read" }, async (input, ctx) => ({
  items: await listTickets({
    orgId: ctx.orgId,
    ...(input.finding ? { findingId: input.finding } : {}),
    ...(input.risk ? { riskId: input.risk } : {}),
    ...(input.rule ? { ruleId: input.rule } : {}),
    limit: input.limit,
  }),
}));
