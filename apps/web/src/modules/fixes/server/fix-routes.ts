// /api/fixes rows of the API registry (lib/api-routes.ts spreads them in): fix bundles, fix
// requests (propose, approve, reject, cancel) and a cluster's write credential; and
// /api/admission-policies. Helper H5 (fixes) and H6 (admission policies) fill it.
import type { TRouteDef } from "@/lib/route";

export const FIX_ROUTES = {} satisfies Record<string, TRouteDef>;
