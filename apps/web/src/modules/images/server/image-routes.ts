// /api/images and /api/vulnerabilities rows of the API registry (lib/api-routes.ts spreads them in).
import type { TRouteDef } from "@/lib/route";

export const IMAGE_ROUTES = {} satisfies Record<string, TRouteDef>;
