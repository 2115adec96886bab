// /api/access/reviews rows of the API registry (lib/api-routes.ts spreads them in): the access
// review workflow (start, decide, sign off, export).
import type { TRouteDef } from "@/lib/route";

export const ACCESS_REVIEW_ROUTES = {} satisfies Record<string, TRouteDef>;
