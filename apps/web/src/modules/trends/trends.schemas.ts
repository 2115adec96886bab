// The trends page's filters, read from the URL so a view can be shared and survives back/forward.
import { z } from "zod";

export const TREND_RANGES = ["7", "30", "90", "365"] as const;
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD");

export const ZTrendsQuery = z
  .object({
    range: z.enum([...TREND_RANGES, "custom"]).catch("30"),
    from: ZDay.optional().catch(undefined),
    to: ZDay.optional().catch(undefined),
    cluster: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((s) => s.length > 0 && s.length <= 64).slice(0, 50))),
  })
  .transform((q) => ({ ...q, range: q.range === "custom" && !q.from ? ("30" as const) : q.range }));
export type TTrendsQuery = z.output<typeof ZTrendsQuery>;

/** The UTC instants a query covers: whole days, `to` inclusive. */
export function rangeOf(q: TTrendsQuery, now = new Date()): { from: Date; to: Date; days: number } {
  if (q.range === "custom" && q.from) {
    const from = new Date(`${q.from}T00:00:00.000Z`);
    const toDay = q.to && q.to >= q.from ? q.to : now.toISOString().slice(0, 10);
    const to = new Date(`${toDay}T23:59:59.999Z`);
    return { from, to, days: Math.round((to.getTime() - from.getTime()) / 86_400_000) };
  }
  const days = Number(q.range === "custom" ? 30 : q.range);
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days + 1));
  return { from, to: now, days };
}

/** A URL for the page with some filters changed. */
export function trendsHref(q: TTrendsQuery, patch: Partial<Pick<TTrendsQuery, "range" | "from" | "to" | "cluster">>): string {
  const next = { ...q, ...patch };
  const p = new URLSearchParams();
  p.set("range", next.range);
  if (next.range === "custom") {
    if (next.from) p.set("from", next.from);
    if (next.to) p.set("to", next.to);
  }
  for (const c of next.cluster) p.append("cluster", c);
  return `/trends?${p.toString()}`;
}

/** GET /api/trends/vulnerabilities: the last `days` UTC days (default 30), one cluster or the fleet. */
export const ZVulnTrendsInput = z.object({
  days: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, z.coerce.number({ error: "days is a whole number from 1 to 366" }).int("days is a whole number from 1 to 366").min(1, "days is a whole number from 1 to 366").max(366, "days is a whole number from 1 to 366").default(30)),
  cluster: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, z.string().max(64).regex(/^[A-Za-z0-9_-]+$/, "A cluster id").optional()),
});
export type TVulnTrendsInput = z.output<typeof ZVulnTrendsInput>;
