import { z } from "zod";

export const ZListNotifications = z.object({ limit: z.number().int().min(1).max(50).default(15) });
export const ZMarkRead = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100).optional() });
