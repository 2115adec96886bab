// /api/access/reviews rows of the API registry (lib/api-routes.ts spreads them in): the access
// review workflow (start, decide, sign off, export).
import { download } from "@/lib/download";
import type { TRouteDef } from "@/lib/route";
import { orgRoute } from "@/lib/route";
import { cancelReviewAction, decideItemAction, getReviewOp, listReviewsOp, signOffReviewAction, startReviewAction } from "./reviews-actions";
import { exportReviewOp } from "./reviews-export";

export const ACCESS_REVIEW_ROUTES = {
  "GET /api/access/reviews": orgRoute({
    summary: "List access reviews, newest first, with their decision counts",
    description: "Each has status open | signed-off | cancelled, its clusters, due date, validity (days its sign-off counts as evidence) and counts { total, pending, keep, revoke }.",
    op: listReviewsOp,
  }),
  "POST /api/access/reviews": orgRoute({
    summary: "Start an access review (admins and owners)",
    description:
      "Body: { title, clusterIds? (default: every cluster whose access model was built), dueAt? (YYYY-MM-DD), validDays? (1-730, default 90), includeHigh? (default true) }. Items: one per (cluster, subject) whose highest capability is admin (and high when includeHigh), Kubernetes' and the platform's own subjects left out, capabilities copied as they are now. A chosen cluster never scanned is refused (400). Answers 201 { id, items }. Audited.",
    op: startReviewAction,
    input: "json",
    ok: 201,
  }),
  "GET /api/access/reviews/{id}": orgRoute({
    summary: "An access review with every item (subject, capabilities with why and the grant, decision, note, who decided when)",
    op: getReviewOp,
    params: { id: "reviewId" },
  }),
  "POST /api/access/reviews/{id}/items/{itemId}": orgRoute({
    summary: "Mark an item of an open review keep or revoke (members and up)",
    description: "Body: { decision: \"keep\" | \"revoke\", note } (note required to revoke). A later decision replaces an earlier one while the review is open; 409 once it is signed off or cancelled. Audited.",
    op: decideItemAction,
    input: "json",
    params: { id: "reviewId", itemId: "itemId" },
  }),
  "POST /api/access/reviews/{id}/sign-off": orgRoute({
    summary: "Sign off an access review (admins and owners): attests HIPAA 164.308(a)(3)(ii)(B), 164.308(a)(4)(ii)(C) and SOC 2 CC6.2, CC6.3",
    description:
      "Body: { note? }. 409 while any item is pending. Each attestation names the review and its counts, the signer as owner, reviewed now, expiring after the review's validDays, with the review's PDF as evidence file; it supersedes the control's previous attestation. Answers the review with its attestation ids. Audited.",
    op: signOffReviewAction,
    input: "json",
    params: { id: "reviewId" },
  }),
  "POST /api/access/reviews/{id}/cancel": orgRoute({
    summary: "Cancel an open access review (admins and owners); nothing is attested",
    description: "Body: { reason? }. 409 once signed off or cancelled. Audited.",
    op: cancelReviewAction,
    input: "json",
    params: { id: "reviewId" },
  }),
  "GET /api/access/reviews/{id}/export": orgRoute({
    summary: "Download an access review as CSV (one row per item) or PDF (the file a sign-off attaches)",
    description: "Query: format=csv|pdf (default pdf). Audited.",
    op: exportReviewOp,
    input: "query",
    params: { id: "reviewId" },
    file: {
      contentTypes: ["text/csv; charset=utf-8", "application/pdf"],
      reply: ({ bytes, filename, contentType }) => download(new Uint8Array(bytes), contentType, filename, { "Content-Length": String(bytes.byteLength) }),
    },
  }),
} satisfies Record<string, TRouteDef>;
