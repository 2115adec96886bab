// /api/fixes rows of the API registry (lib/api-routes.ts spreads them in): fix bundles, fix
// requests (propose, approve, reject, cancel) and a cluster's write credential.
import { download } from "@/lib/download";
import type { TRouteDef } from "@/lib/route";
import { orgRoute } from "@/lib/route";
import { FIX_STATUSES, MAX_FIX_FINDINGS } from "../fixes.schemas";
import { cancelFixAction, clearWriteCredentialAction, decideFixAction, proposeFixAction, setWriteCredentialAction } from "./fix-actions";
import { fixBundleOp, getFixOp, getWriteCredentialOp, listFixesOp } from "./fix-ops";

const VIEW =
  "A fix request is { id, clusterId, clusterName, source (finding | risk | selection), status, reason, findingIds, riskId, plan: [{ target: { apiVersion, kind, namespace, name }, edits, patch (the strategic merge patch), fingerprints, findingIds, ruleIds, skipped: [{ fingerprint, ruleId, reason }] }], result: [{ target, dryRun, before, after, error }] | null, error, proposedBy, decidedBy, decidedAt, decisionNote, appliedAt, verifyScanId, verification: { resolved: [fingerprint], stillOpen: [{ fingerprint, reason }] } | null, createdAt, updatedAt }.";

export const FIX_ROUTES = {
  "GET /api/fixes": orgRoute({
    summary: "Fix requests, newest first",
    description: `Query: tab (proposed | progress: approved, applying, applied | done: verified | attention: unverified, failed, refused | closed: rejected, cancelled | all), status (comma list of ${FIX_STATUSES.join(", ")}; wins over tab), cluster, finding (the requests fixing a finding), cursor, limit (at most 200). Answers { items, nextCursor }. ${VIEW}`,
    op: listFixesOp,
    input: "query",
  }),
  "POST /api/fixes": orgRoute({
    summary: "Propose applying the fixes of findings (one cluster) or of a risk (members and up)",
    description: `Body: { findingIds: [id] (at most ${MAX_FIX_FINDINGS}) | riskId, reason? }. Nothing changes in the cluster until an admin approves. 400 when none of the findings can be fixed automatically (the message says why). Answers 201 with the fix request. Audited.`,
    op: proposeFixAction,
    input: "json",
    ok: 201,
  }),
  "GET /api/fixes/bundle": orgRoute({
    summary: "Download a fix bundle (zip): a kustomize patch set and the equivalent strategic-merge patches, for a GitOps repository",
    description: `Query: finding=ID (repeatable, or a comma list; at most ${MAX_FIX_FINDINGS}) or risk=ID (its open findings). Files of each cluster sit under "<cluster>/" when the findings span several. X-Fix-Targets and X-Fix-Findings count the objects patched and the findings fixed, X-Fix-Skipped the findings left out. 400 with the reasons when nothing can be fixed automatically; 404 for another organization's ids.`,
    op: fixBundleOp,
    input: "query",
    file: {
      contentTypes: ["application/zip"],
      reply: (b) =>
        download(new Uint8Array(b.bytes), "application/zip", b.filename, {
          "Content-Length": String(b.bytes.byteLength),
          "X-Fix-Targets": String(b.targets),
          "X-Fix-Findings": String(b.fixed),
          "X-Fix-Skipped": String(b.skipped.length),
        }),
    },
  }),
  "GET /api/fixes/{id}": orgRoute({ summary: "A fix request: its plan, decision, result per object and verification", description: VIEW, op: getFixOp, params: { id: "fixId" } }),
  "POST /api/fixes/{id}/decision": orgRoute({
    summary: "Approve or reject a proposed fix (admins and owners)",
    description:
      "Body: { decision: approve | reject, note? (required to reject) }. Approving needs the cluster's write credential; the worker then runs a server-side dry run, applies the patch with field manager bulwark and rescans to verify. 409 when the request is no longer proposed. Audited.",
    op: decideFixAction,
    input: "json",
    params: { id: "fixId" },
  }),
  "POST /api/fixes/{id}/cancel": orgRoute({ summary: "Withdraw a proposed fix (its proposer, or an admin)", description: "409 when it is no longer proposed. Audited.", op: cancelFixAction, params: { id: "fixId" } }),
  "GET /api/clusters/{id}/write-credential": orgRoute({
    summary: "Whether a cluster has a write credential for approved fixes, and whose identity it is (never the credential)",
    description: "Answers { set, identity, setAt }.",
    op: getWriteCredentialOp,
    params: { id: "clusterId" },
  }),
  "PUT /api/clusters/{id}/write-credential": orgRoute({
    summary: "Set a cluster's write credential (admins and owners): used only to apply approved fixes, never for scans",
    description: "Body: { kubeconfig, context? }. Vetted like the read credential (the same API server as the cluster), encrypted at rest, never answered back. Answers { set, identity, setAt }. Audited.",
    op: setWriteCredentialAction,
    input: "json",
    params: { id: "clusterId" },
  }),
  "DELETE /api/clusters/{id}/write-credential": orgRoute({
    summary: "Remove a cluster's write credential (admins and owners): approved fixes cannot be applied until one is set again",
    description: "Answers { set: false, identity: null, setAt: null }. Audited.",
    op: clearWriteCredentialAction,
    params: { id: "clusterId" },
  }),
} satisfies Record<string, TRouteDef>;
