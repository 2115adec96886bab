// /api/tickets and /api/ticket-integrations rows of the API registry (lib/api-routes.ts spreads
// them in). Helper H6 fills it.
import type { TRouteDef } from "@/lib/route";

export const TICKET_ROUTES = {} satisfies Record<string, TRouteDef>;
