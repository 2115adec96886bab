import { z } from "zod";

/** GET /api/live: one cluster's stamps, or the organization's without clusterId. */
export const ZLiveQuery = z.object({ clusterId: z.string().min(1).max(64).optional() });
