// Contract of fixes applied with approval (helper H3 implements the functions in this folder).
import type { FixPlan, FixSkip } from "@bulwark/rules";

export const FIX_REQUEST_STATUSES = ["proposed", "approved", "rejected", "applying", "applied", "verified", "unverified", "failed", "refused", "cancelled"] as const;
export type TFixRequestStatus = (typeof FIX_REQUEST_STATUSES)[number];

export interface TFixTargetResult {
  target: { apiVersion: string; kind: string; namespace?: string; name: string };
  /** "ok" or the API server's message */
  dryRun?: string;
  /** sanitized manifests before and after the patch (never Secret values) */
  before?: unknown;
  after?: unknown;
  error?: string;
  /** the object actually patched when it is the target's controlling owner (a Pod's Deployment) */
  patchedAt?: { apiVersion: string; kind: string; namespace?: string; name: string };
  /** the fields the patch changed: path (lists of named items as [name]), value before and after */
  changes?: { path: string; before: unknown; after: unknown }[];
}

export interface TFixRequestView {
  id: string;
  clusterId: string;
  clusterName: string;
  source: "finding" | "risk" | "selection";
  status: TFixRequestStatus;
  reason: string | null;
  findingIds: string[];
  riskId: string | null;
  plan: FixPlan;
  /** findings planning left out, with why (needs a value only you know, conflicts, not stored...) */
  skipped?: FixSkip[];
  result: TFixTargetResult[] | null;
  error: string | null;
  proposedBy: { id: string; name: string | null; email: string } | null;
  decidedBy: { id: string; name: string | null; email: string } | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  appliedAt: Date | null;
  verifyScanId: string | null;
  verification: { resolved: string[]; stillOpen: { fingerprint: string; reason: string }[] } | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What the web shows about a cluster's write credential (never the credential itself). */
export interface TWriteCredentialView {
  set: boolean;
  identity: string | null;
  setAt: Date | null;
}
