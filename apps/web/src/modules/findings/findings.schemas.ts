// The findings queue's filters. They live in the URL (shareable, back-button safe), so the same
// schema parses page search params and the /api/findings query string.
import { z } from "zod";

const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
const STATUSES = ["open", "in_progress", "resolved", "reopened", "excepted"] as const;

/** Accepts ?severity=critical,high and ?severity=critical&severity=high alike. */
function multi<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).filter(Boolean)))
    .pipe(z.array(z.enum(values)));
}

const one = (max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v[0] : v) || undefined)
    .pipe(z.string().max(max).optional());

export const ZFindingFilters = z.object({
  cluster: one(64),
  namespace: one(253),
  severity: multi(SEVERITIES),
  rule: one(128),
  status: multi(STATUSES),
  q: one(200),
  cursor: one(64),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type TFindingFilters = z.infer<typeof ZFindingFilters>;

/** Open work by default: resolved and excepted findings are shown only when asked for. */
export const DEFAULT_STATUSES = ["open", "reopened", "in_progress"] as const;

export const ZFindingId = z.object({ findingId: z.string().min(1).max(64) });

export function filtersToQuery(f: Partial<Record<keyof TFindingFilters, string | string[] | number | undefined>>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    sp.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}
