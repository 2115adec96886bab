import { z } from "zod";

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Not a real date");

/** The audit page's filters as they appear in the URL (also the export's query string). */
export const ZAuditQuery = z.object({
  action: z.string().max(64).regex(/^[a-z_.*]*$/).optional().catch(undefined),
  actor: z.string().max(64).regex(/^[A-Za-z0-9_-]*$/).optional().catch(undefined),
  target: z.string().max(64).regex(/^[A-Za-z0-9_-]*$/).optional().catch(undefined),
  from: ZDay.optional().catch(undefined),
  to: ZDay.optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditExport = ZAuditQuery.omit({ cursor: true }).extend({ format: z.enum(["csv", "jsonl"]).default("csv") });

/** Filters for @bulwark/db from the URL's days: `to` includes its whole day (UTC). */
export function auditFilterOf(q: Omit<TAuditQuery, "cursor">) {
  return {
    ...(q.action ? { action: q.action } : {}),
    ...(q.actor ? { actorId: q.actor } : {}),
    ...(q.target ? { targetId: q.target } : {}),
    ...(q.from ? { from: new Date(`${q.from}T00:00:00Z`) } : {}),
    ...(q.to ? { to: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
  };
}
