// /api/access rows of the API registry (lib/api-routes.ts spreads them in): the access model's
// queries (who can, subjects, stale access, changes).
import type { TRouteDef } from "@/lib/route";

export const ACCESS_ROUTES = {} satisfies Record<string, TRouteDef>;
