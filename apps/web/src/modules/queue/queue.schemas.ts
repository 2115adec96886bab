// The remediation queue's inputs. Filters live in the URL (shareable, back-button safe); the same
// schema parses page search params and the filter carried by a bulk action.
import { z } from "zod";

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export const QUEUE_STATUSES = ["open", "in_progress", "reopened", "resolved", "excepted"] as const;
/** What a person may set on a finding: resolved by hand reopens when a scan still sees it. */
export const PERSON_STATUSES = ["open", "in_progress", "resolved"] as const;
export type TPersonStatus = (typeof PERSON_STATUSES)[number];

/** Accepts ?severity=critical,high and ?severity=critical&severity=high alike. */
function multi<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).filter(Boolean)))
    .pipe(z.array(z.enum(values)));
}

const one = (max: number, pattern?: RegExp) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v[0] : v) || undefined)
    .pipe(pattern ? z.string().max(max).regex(pattern).optional() : z.string().max(max).optional());

/** "me", "unassigned", or a user id. */
const ZAssigneeFilter = one(64, /^[A-Za-z0-9_-]+$/);
/** "<framework id>:<control id>", e.g. "cis-1.9:5.2.1". */
const ZControlFilter = one(160, /^[A-Za-z0-9._-]+:[^\s]+$/);

export const ZQueueFilters = z.object({
  view: z.enum(["list", "groups"]).optional().catch(undefined),
  cluster: one(64),
  namespace: one(253),
  severity: multi(SEVERITIES),
  rule: one(128),
  control: ZControlFilter,
  assignee: ZAssigneeFilter,
  status: multi(QUEUE_STATUSES),
  overdue: z
    .union([z.string(), z.array(z.string()), z.boolean()])
    .optional()
    .transform((v) => v === true || ["1", "true", "yes"].includes(String(Array.isArray(v) ? v[0] : (v ?? "")))),
  q: one(200),
  cursor: one(400),
  /** The rule whose objects are shown under its group row. */
  expand: one(128),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type TQueueFilters = z.infer<typeof ZQueueFilters>;
/** The filter part only (what "everything matching" means for a bulk action). */
export type TQueueFilterValues = Pick<TQueueFilters, "cluster" | "namespace" | "severity" | "rule" | "control" | "assignee" | "status" | "overdue" | "q">;

export const FILTER_KEYS = ["cluster", "namespace", "severity", "rule", "control", "assignee", "status", "overdue", "q"] as const;

export function pickFilter(f: TQueueFilters): TQueueFilterValues {
  return { cluster: f.cluster, namespace: f.namespace, severity: f.severity, rule: f.rule, control: f.control, assignee: f.assignee, status: f.status, overdue: f.overdue, q: f.q };
}

/** A query string for the queue; empty values are left out so URLs stay short. */
export function queueQuery(f: Partial<Record<keyof TQueueFilters, string | string[] | number | boolean | undefined>>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === "" || v === false || (Array.isArray(v) && v.length === 0)) continue;
    sp.set(k, v === true ? "1" : Array.isArray(v) ? v.join(",") : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

const ZId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** null unassigns; "me" is the caller. */
const ZAssigneeInput = z.union([z.literal("me"), ZId]).nullable();
const ZComment = z.string().trim().max(1000).optional().transform((v) => v || undefined);

export const ZAssignFinding = z.object({ findingId: ZId, assigneeId: ZAssigneeInput });
export type TAssignFinding = z.input<typeof ZAssignFinding>;

export const ZSetStatus = z.object({ findingId: ZId, status: z.enum(PERSON_STATUSES), comment: ZComment });
export type TSetStatus = z.input<typeof ZSetStatus>;

export const ZCommentFinding = z.object({
  findingId: ZId,
  body: z.string().trim().min(1, "Write something first").max(4000, "At most 4000 characters"),
});
export type TCommentFinding = z.input<typeof ZCommentFinding>;

/** The filter of a bulk action, in the URL's own shape (so "what you see" is "what you change"). */
export const ZBulkFilter = ZQueueFilters.pick({ cluster: true, namespace: true, severity: true, rule: true, control: true, assignee: true, status: true, overdue: true, q: true });

export const ZBulkAction = z.object({
  target: z.union([z.object({ ids: z.array(ZId).min(1, "Select at least one finding").max(5000) }), z.object({ filter: ZBulkFilter })]),
  change: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("assign"), assigneeId: ZAssigneeInput }),
    z.object({ kind: z.literal("status"), status: z.enum(PERSON_STATUSES) }),
  ]),
  comment: ZComment,
});
export type TBulkAction = z.input<typeof ZBulkAction>;

export const ZCountMatching = z.object({ filter: ZBulkFilter });

const ZDays = z
  .union([z.number(), z.string(), z.null()])
  .transform((v) => (v === null || v === "" ? null : Number(v)))
  .pipe(z.number({ error: "A whole number of days" }).int("A whole number of days").min(1, "At least 1 day").max(3650, "At most 3650 days").nullable());

export const ZSlaPolicyInput = z.object({ critical: ZDays, high: ZDays, medium: ZDays, low: ZDays, info: ZDays });
export type TSlaPolicyInput = z.input<typeof ZSlaPolicyInput>;
