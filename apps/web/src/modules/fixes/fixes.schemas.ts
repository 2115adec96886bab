// Inputs of the fixes pages and /api/fixes: fix bundles, fix requests (propose, decide, cancel) and
// a cluster's write credential. Client-safe (zod only): the dialogs and the server share them.
import { z } from "zod";
import type { TFixRequestStatus } from "@bulwark/db";
import { ZKubeconfigText } from "@/modules/clusters/clusters.schemas";

/** Every status a fix request goes through (the same list as @bulwark/db's, kept client-safe). */
export const FIX_STATUSES = ["proposed", "approved", "rejected", "applying", "applied", "verified", "unverified", "failed", "refused", "cancelled"] as const satisfies readonly TFixRequestStatus[];

/** The /fixes page's tabs: which statuses each shows. */
export const FIX_TABS = {
  proposed: { label: "Proposed", statuses: ["proposed"] },
  progress: { label: "In progress", statuses: ["approved", "applying", "applied"] },
  done: { label: "Done", statuses: ["verified"] },
  attention: { label: "Needs attention", statuses: ["unverified", "failed", "refused"] },
  closed: { label: "Closed", statuses: ["rejected", "cancelled"] },
  all: { label: "All", statuses: [...FIX_STATUSES] },
} as const satisfies Record<string, { label: string; statuses: readonly TFixRequestStatus[] }>;
export type TFixTab = keyof typeof FIX_TABS;
export const FIX_TAB_KEYS = Object.keys(FIX_TABS) as [TFixTab, ...TFixTab[]];

/** At most this many findings go into one bundle or one proposal. */
export const MAX_FIX_FINDINGS = 200;

/** The first value of a repeated query parameter; empty means not given. */
const one = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, inner.optional());
const id = (what: string) => z.string().max(64).regex(/^[A-Za-z0-9_-]+$/, `A ${what} id`);
const ids = (what: string) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === "string" ? x.split(",") : [x])).filter((x) => x !== "")),
    z.array(id(what)).min(1, `Name at least one ${what}`).max(MAX_FIX_FINDINGS, `At most ${MAX_FIX_FINDINGS} findings at once`).optional(),
  );

export const ZFixListInput = z.object({
  tab: one(z.enum(FIX_TAB_KEYS)),
  /** Comma list of statuses; wins over tab. */
  status: z.preprocess((v) => (typeof v === "string" && v ? v.split(",") : Array.isArray(v) ? v : undefined), z.array(z.enum(FIX_STATUSES)).max(FIX_STATUSES.length).optional()),
  cluster: one(id("cluster")),
  finding: one(id("finding")),
  cursor: one(z.string().max(200)),
  limit: one(z.coerce.number().int().min(1).max(200)),
});
export type TFixListInput = z.output<typeof ZFixListInput>;

export const ZFixId = z.object({ fixId: id("fix request") });

/** GET /api/fixes/bundle: ?finding=ID (repeatable, or a comma list) or ?risk=ID. */
export const ZFixBundleInput = z
  .object({ finding: ids("finding"), risk: one(id("risk")) })
  .refine((v) => Boolean(v.finding?.length) !== Boolean(v.risk), { message: "Name the findings (finding=ID, repeatable) or one risk (risk=ID), not both", path: ["finding"] });
export type TFixBundleInput = z.output<typeof ZFixBundleInput>;

export const ZProposeFix = z
  .object({
    findingIds: z.array(id("finding")).min(1).max(MAX_FIX_FINDINGS, `At most ${MAX_FIX_FINDINGS} findings at once`).optional(),
    riskId: id("risk").optional(),
    reason: z.string().trim().max(2000, "At most 2000 characters").optional().transform((v) => v || undefined),
  })
  .refine((v) => Boolean(v.findingIds?.length) !== Boolean(v.riskId), { message: "Propose the fixes of findings (findingIds) or of one risk (riskId)", path: ["findingIds"] });
export type TProposeFix = z.input<typeof ZProposeFix>;

export const ZFixDecision = z
  .object({
    fixId: id("fix request"),
    decision: z.enum(["approve", "reject"], { message: "decision is approve or reject" }),
    note: z.string().trim().max(2000, "At most 2000 characters").optional().transform((v) => v || undefined),
  })
  .refine((v) => v.decision === "approve" || Boolean(v.note), { message: "Say why it is rejected: the proposer reads it", path: ["note"] });
export type TFixDecision = z.input<typeof ZFixDecision>;

export const ZWriteCredential = z.object({
  clusterId: id("cluster"),
  kubeconfig: ZKubeconfigText,
  context: z.string().trim().max(253).optional().transform((v) => v || undefined),
});
export type TWriteCredential = z.input<typeof ZWriteCredential>;

export const ZClusterRef = z.object({ clusterId: id("cluster") });

export const FIX_STATUS_LABEL: Record<TFixRequestStatus, string> = {
  proposed: "Proposed",
  approved: "Approved",
  rejected: "Rejected",
  applying: "Applying",
  applied: "Applied",
  verified: "Verified",
  unverified: "Not verified",
  failed: "Failed",
  refused: "Refused (GitOps)",
  cancelled: "Cancelled",
};
