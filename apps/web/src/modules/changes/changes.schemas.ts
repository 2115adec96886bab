// The change history's inputs: one filter for the page's URL and GET /api/clusters/{id}/changes
// (namespace, kind, manager, type, object name, time range, cursor), and the retention setting.
import { z } from "zod";

export const CHANGE_TYPES = ["added", "modified", "deleted"] as const;
/** Time range presets; "report" starts at the cluster's last generated report. */
export const CHANGE_RANGES = ["1h", "24h", "7d", "30d", "report"] as const;
export type TChangeRange = (typeof CHANGE_RANGES)[number];
export const RANGE_LABEL: Record<TChangeRange, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", report: "Since the last report" };
const RANGE_MS: Record<Exclude<TChangeRange, "report">, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 };

/** The first value of a repeated query parameter; empty means not given. */
const one = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, inner.optional());

export const ZChangeFilters = z.object({
  clusterId: z.string().min(1).max(64),
  namespace: one(z.string().max(253)),
  kind: one(z.string().max(100).regex(/^[A-Za-z0-9]+$/, "A kind, e.g. Deployment")),
  manager: one(z.string().max(128)),
  type: one(z.enum(CHANGE_TYPES)),
  q: one(z.string().max(253)),
  range: one(z.enum(CHANGE_RANGES)),
  since: one(z.coerce.date()),
  until: one(z.coerce.date()),
  cursor: one(z.string().max(400)),
  limit: one(z.coerce.number().int().min(1).max(200)),
});
export type TChangeFilters = z.infer<typeof ZChangeFilters>;

/** The time window a filter asks for: explicit since/until win over a preset. */
export function changeWindow(f: Pick<TChangeFilters, "range" | "since" | "until">, now: Date, lastReportAt: Date | null): { since?: Date; until?: Date } {
  let since = f.since;
  if (!since && f.range === "report" && lastReportAt) since = lastReportAt;
  else if (!since && f.range && f.range !== "report") since = new Date(now.getTime() - RANGE_MS[f.range]);
  return { ...(since ? { since } : {}), ...(f.until ? { until: f.until } : {}) };
}

type TQueryValue = string | Date | number | undefined | null;
/** A query string for /clusters/{id}/changes; empty values are left out. */
export function changesQuery(f: Partial<Record<Exclude<keyof TChangeFilters, "clusterId">, TQueryValue>>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(f) as Array<[string, TQueryValue]>) {
    if (v === undefined || v === null || v === "") continue;
    sp.set(k, v instanceof Date ? v.toISOString() : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
export const ZChangeRetention = z.object({
  days: z.coerce.number({ error: "Enter a number of days" }).int("Use whole days").min(MIN_RETENTION_DAYS, "At least 1 day").max(MAX_RETENTION_DAYS, "At most 3650 days (10 years)"),
});
export type TChangeRetention = z.input<typeof ZChangeRetention>;

export const ZSetContinuous = z.object({ clusterId: z.string().min(1).max(64), continuous: z.boolean() });
