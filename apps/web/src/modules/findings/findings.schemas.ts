// The Findings page's inputs: one filter for every tab (risks, all, by rule, by object, mine,
// platform), the /api/findings query string and the filter a bulk action carries. Filters live in
// the URL (shareable, back-button safe), so the same schema parses page search params and bodies.
import { z } from "zod";

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export const FINDING_STATUSES = ["open", "in_progress", "reopened", "resolved", "excepted"] as const;
/** Open work: what every list shows when no status is asked for. */
export const DEFAULT_STATUSES = ["open", "reopened", "in_progress"] as const;
/** What a person may set on a finding: resolved by hand reopens when a scan still sees it. */
export const PERSON_STATUSES = ["open", "in_progress", "resolved"] as const;
export type TPersonStatus = (typeof PERSON_STATUSES)[number];

/** The page's tabs. `platform` lists the findings expected for platform components (baseline). */
export const FINDING_TABS = ["risks", "all", "rules", "objects", "mine", "platform"] as const;
export type TFindingTab = (typeof FINDING_TABS)[number];

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

const ZOverdue = z
  .union([z.string(), z.array(z.string()), z.boolean()])
  .optional()
  .transform((v) => v === true || ["1", "true", "yes"].includes(String(Array.isArray(v) ? v[0] : (v ?? ""))));

/** The filter part: what "everything matching" means for a bulk action, shared by every tab. */
const filterShape = {
  cluster: one(64),
  namespace: one(253),
  severity: multi(SEVERITIES),
  rule: one(128),
  control: ZControlFilter,
  assignee: ZAssigneeFilter,
  status: multi(FINDING_STATUSES),
  overdue: ZOverdue,
  q: one(200),
};
export const ZFilterValues = z.object(filterShape);
export type TFilterValues = z.infer<typeof ZFilterValues>;
export const FILTER_KEYS = Object.keys(filterShape) as Array<keyof TFilterValues>;

export const ZFindingFilters = z.object({
  tab: z.enum(FINDING_TABS).optional().catch(undefined),
  ...filterShape,
  cursor: one(400),
  /** The rule (By rule) or object key (By object) whose findings are shown under its group row. */
  expand: one(600),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type TFindingFilters = z.infer<typeof ZFindingFilters>;

export function pickFilter(f: TFilterValues): TFilterValues {
  return { cluster: f.cluster, namespace: f.namespace, severity: f.severity, rule: f.rule, control: f.control, assignee: f.assignee, status: f.status, overdue: f.overdue, q: f.q };
}

type TQueryValue = string | readonly string[] | number | boolean | undefined;
/** A query string for /findings; empty values are left out so URLs stay short. */
export function findingsQuery(f: Partial<Record<keyof TFindingFilters, TQueryValue>>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(f) as Array<[string, TQueryValue]>) {
    if (v === undefined || v === "" || v === false || (Array.isArray(v) && v.length === 0)) continue;
    sp.set(k, v === true ? "1" : Array.isArray(v) ? v.join(",") : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** Filters only findings have (risks are not judged by rule, framework control or SLA). */
export function hasFindingOnlyFilter(f: TFilterValues): boolean {
  return Boolean(f.rule || f.control || f.overdue);
}

/**
 * The tab a bare /findings shows: what a reviewer fixes first. An explicit tab wins; a filter only
 * findings have (rule, control, overdue) means the findings list; otherwise the Risks tab when
 * there are open risks, else every finding.
 */
export function resolveTab(f: Pick<TFindingFilters, "tab"> & TFilterValues, openRisks: number): TFindingTab {
  if (f.tab) return f.tab;
  if (hasFindingOnlyFilter(f)) return "all";
  return openRisks > 0 ? "risks" : "all";
}

/**
 * /queue's old links, as /findings links: `view=groups` was the By rule tab, `assignee=me` alone
 * was "My findings"; every other filter keeps its name.
 */
export function queueRedirect(raw: Record<string, string | string[] | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined || k === "view" || k === "tab") continue;
    for (const x of Array.isArray(v) ? v : [v]) sp.append(k, x);
  }
  const view = Array.isArray(raw.view) ? raw.view[0] : raw.view;
  const tab = view === "groups" ? "rules" : sp.get("assignee") === "me" ? "mine" : "all";
  if (tab === "mine") sp.delete("assignee");
  const rest = sp.toString();
  return `/findings?tab=${tab}${rest ? `&${rest}` : ""}`;
}

/**
 * Search matches what the tables display: "shop/catalog" (namespace/name) and
 * "Deployment shop/catalog" (kind namespace/name) become a namespace and a name search.
 */
export function splitObjectSearch(q: string | undefined): { namespace?: string; q?: string } {
  const text = q?.trim();
  if (!text) return {};
  const m = /^(?:[A-Z][A-Za-z0-9]*\s+)?([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/(\S+)$/.exec(text);
  if (!m) return { q: text };
  return { namespace: m[1]!, q: m[3]! };
}

/**
 * The namespace and text a list searches with, from the namespace filter and the search box. A
 * "namespace/name" search for another namespace than the filter's stays literal (and so matches
 * nothing an object shows).
 */
export function searchScope(namespace: string | undefined, q: string | undefined): { namespace?: string; q?: string } {
  const split = splitObjectSearch(q);
  if (split.namespace && namespace && split.namespace !== namespace) return { namespace, q: q!.trim() };
  const ns = namespace ?? split.namespace;
  return { ...(ns ? { namespace: ns } : {}), ...(split.q ? { q: split.q } : {}) };
}

const ZId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** null unassigns; "me" is the caller. */
const ZAssigneeInput = z.union([z.literal("me"), ZId]).nullable();
const ZComment = z.string().trim().max(1000).optional().transform((v) => v || undefined);

export const ZFindingId = z.object({ findingId: z.string().min(1).max(64) });

export const ZAssignFinding = z.object({ findingId: ZId, assigneeId: ZAssigneeInput });
export type TAssignFinding = z.input<typeof ZAssignFinding>;

export const ZSetStatus = z.object({ findingId: ZId, status: z.enum(PERSON_STATUSES), comment: ZComment });
export type TSetStatus = z.input<typeof ZSetStatus>;

export const ZCommentBody = z.string().trim().min(1, "Write something first").max(4000, "At most 4000 characters");
export const ZCommentFinding = z.object({ findingId: ZId, body: ZCommentBody });
export type TCommentFinding = z.input<typeof ZCommentFinding>;

export const ZBulkAction = z.object({
  target: z.union([z.object({ ids: z.array(ZId).min(1, "Select at least one finding").max(5000) }), z.object({ filter: ZFilterValues })]),
  change: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("assign"), assigneeId: ZAssigneeInput }),
    z.object({ kind: z.literal("status"), status: z.enum(PERSON_STATUSES) }),
  ]),
  comment: ZComment,
});
export type TBulkAction = z.input<typeof ZBulkAction>;

export const ZCountMatching = z.object({ filter: ZFilterValues });

export { ZAssigneeInput, ZId };
