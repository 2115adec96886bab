// The API's one registry: every /api route (next-auth's aside), its operation and how a request
// feeds it. Route files take their handlers from here (lib/route.ts), and /api/openapi.json is
// built from the same rows, so the document cannot miss a route or describe another input.
import { MAX_EVIDENCE_FILES, evidenceEnv, reportJsonSchema } from "@bulwark/db";
import { ACCESS_ROUTES } from "@/modules/access/server/access-routes";
import { ACCESS_REVIEW_ROUTES } from "@/modules/access/server/review-routes";
import { exportAuditOp } from "@/modules/audit/server/export";
import { listChangesOp } from "@/modules/changes/server/actions";
import { createAttestationAction, getScopeOp, listAttestationsOp, revokeAttestationAction, setScopeAction } from "@/modules/compliance/server/actions";
import { attestationFileOp } from "@/modules/compliance/server/attestation-files";
import { addClusterAction, apiScanAction, getClusterOp, getScanOp, listClustersOp, listScansOp } from "@/modules/clusters/server/actions";
import { createExceptionAction, decideExceptionAction, getExceptionOp, listExceptionsOp } from "@/modules/exceptions/server/actions";
import { assignFindingAction, bulkAction, commentAction, getFindingOp, listFindingsOp, setStatusAction } from "@/modules/findings/server/actions";
import { FIX_ROUTES } from "@/modules/fixes/server/fix-routes";
import { IMAGE_ROUTES } from "@/modules/images/server/image-routes";
import { liveStampsOp } from "@/modules/live/server/actions";
import { PREVENTION_ROUTES } from "@/modules/prevention/server/prevention-routes";
import { generateReportAction, listReportsOp } from "@/modules/reports/server/actions";
import { reportFileOp, reportSigningKeyOp } from "@/modules/reports/server/files";
import { PEM_MIME, REPORT_MIME } from "@/modules/reports/reports.schemas";
import { TICKET_ROUTES } from "@/modules/tickets/server/ticket-routes";
import { TREND_ROUTES } from "@/modules/trends/server/trend-routes";
import { contentDisposition, download } from "./download";
import { liveness, readiness } from "./health";
import { metricsHandler, timed } from "./metrics";
import { openApiDocument } from "./openapi";
import { orgRoute, publicRoute, routeHandler, type TRouteDef, type TRouteHandler } from "./route";

const EVIDENCE_TYPES = { "application/pdf": "application/pdf", "image/png": "image/png", "text/plain": "text/plain; charset=utf-8" } as const;

/** Built once per process: the registry does not change while it runs. */
let document: unknown;

export const API_ROUTES = {
  "GET /api/clusters": orgRoute({ summary: "List the organization's clusters (never their credentials)", op: listClustersOp }),
  "POST /api/clusters": orgRoute({
    summary: "Add a cluster from a kubeconfig",
    description: "Body: { name, kubeconfig, context? }. Answers the cluster (never its credentials) and the first scan's id.",
    op: addClusterAction,
    input: "json",
    ok: 201,
  }),
  "GET /api/clusters/{id}": orgRoute({ summary: "A cluster, its schedule and recent scans", op: getClusterOp, params: { id: "clusterId" } }),
  "GET /api/clusters/{id}/scans": orgRoute({ summary: "A cluster's scans, newest first", op: listScansOp, input: "query", params: { id: "clusterId" } }),
  "POST /api/clusters/{id}/scans": orgRoute({ summary: "Start a scan of a cluster", description: "Answers 202 with the queued scan.", op: apiScanAction, params: { id: "clusterId" }, ok: 202 }),
  "GET /api/clusters/{id}/changes": orgRoute({
    summary: "A cluster's change history (objects added, modified, deleted, as the watch saw them), newest first",
    description:
      "Query: namespace, kind, manager (raw field manager, e.g. kubectl-client-side-apply), type (added|modified|deleted), q (object name contains), range (1h|24h|7d|30d|report: since the last report covering the cluster), since, until (ISO times; since wins over range), cursor, limit. Each change lists the changed field paths (never values), the manager, and how many findings its live scan introduced on that object.",
    op: listChangesOp,
    input: "query",
    params: { id: "clusterId" },
  }),
  "GET /api/live": orgRoute({
    summary: "Live stamps: what open pages poll to know when findings, risks or scores changed",
    description: "Query: clusterId (optional; the organization's clusters without it). Compare `stamp` with the previous answer; lastEventAt is the last watch event. With clusterId, `watch` is that cluster's continuous mode and watch state.",
    op: liveStampsOp,
    input: "query",
  }),
  "GET /api/scans/{id}": orgRoute({ summary: "A scan's status and progress", op: getScanOp, params: { id: "scanId" } }),
  "GET /api/findings": orgRoute({ summary: "List findings", description: "Query: cluster, namespace, severity (comma list), rule, status (comma list), q, cursor, limit.", op: listFindingsOp, input: "query" }),
  "GET /api/findings/{id}": orgRoute({ summary: "A finding and its history", op: getFindingOp, params: { id: "findingId" } }),
  "POST /api/findings/{id}/assign": orgRoute({ summary: "Assign a finding", description: "Body: { assigneeId: userId | \"me\" | null }.", op: assignFindingAction, input: "json", params: { id: "findingId" } }),
  "POST /api/findings/{id}/comments": orgRoute({ summary: "Comment on a finding", op: commentAction, input: "json", params: { id: "findingId" }, ok: 201 }),
  "POST /api/findings/{id}/status": orgRoute({ summary: "Change a finding's status", op: setStatusAction, input: "json", params: { id: "findingId" } }),
  "POST /api/findings/bulk": orgRoute({
    summary: "Assign or change the status of many findings",
    description: "Any id not of the caller's organization answers 404 for the whole request. Answers { matched, changed }.",
    op: bulkAction,
    input: "json",
  }),
  "GET /api/exceptions": orgRoute({ summary: "List exceptions (accepted risk)", op: listExceptionsOp, input: "query" }),
  "POST /api/exceptions": orgRoute({ summary: "Request (members) or grant (admins) an exception from a finding", op: createExceptionAction, input: "json", ok: 201 }),
  "GET /api/exceptions/{id}": orgRoute({ summary: "An exception and the findings it covers", op: getExceptionOp, params: { id: "exceptionId" } }),
  "POST /api/exceptions/{id}/decision": orgRoute({ summary: "Approve or reject a requested exception", op: decideExceptionAction, input: "json", params: { id: "exceptionId" } }),
  "GET /api/reports": orgRoute({ summary: "List reports, newest first, without their files", op: listReportsOp, input: "query" }),
  "POST /api/reports": orgRoute({ summary: "Generate a framework report", description: "Answers 202 { id, status: \"queued\" }; the worker renders it.", op: generateReportAction, input: "json", ok: 202 }),
  "GET /api/reports/{id}/download": orgRoute({
    summary: "Download a finished report (pdf, csv or json) or a file's detached signature (pdf.sig, csv.sig, json.sig)",
    description:
      "A file answers with its SHA-256 in X-Checksum-Sha256, its Ed25519 signature (base64) in X-Signature-Ed25519 and the signing key's id in X-Signing-Key-Id. A .sig answers the signature alone, base64 of its 64 bytes: check it with `bulwark verify-report FILE FILE.sig --public-key KEY.pem` and the key from GET /api/reports/signing-key (docs/reports.md also shows the openssl command).",
    op: reportFileOp,
    input: "query",
    params: { id: "id" },
    file: {
      contentTypes: [...Object.values(REPORT_MIME)],
      reply: (d) => {
        const name = `bulwark-${d.framework}-${d.createdAt.toISOString().slice(0, 10)}-${d.id.slice(-8)}.${d.format}`;
        const signed: Record<string, string> = d.signingKeyId ? { "X-Signing-Key-Id": d.signingKeyId } : {};
        if (d.kind === "signature") return download(`${d.signature}\n`, REPORT_MIME.sig, `${name}.sig`, { ...signed, "X-Checksum-Sha256": d.sha256 });
        return download(new Uint8Array(d.bytes), REPORT_MIME[d.format], name, {
          "Content-Length": String(d.bytes.byteLength),
          "X-Checksum-Sha256": d.sha256,
          ...signed,
          ...(d.signature ? { "X-Signature-Ed25519": d.signature } : {}),
        });
      },
    },
  }),
  "GET /api/reports/signing-key": orgRoute({
    summary: "The organization's report signing public key (Ed25519, SPKI PEM), created on first use; its id in X-Signing-Key-Id",
    description: "Every report file is signed with this key; reports print the key id. Verify a file with `bulwark verify-report FILE FILE.sig --public-key KEY.pem`.",
    op: reportSigningKeyOp,
    file: {
      contentTypes: [PEM_MIME],
      reply: (k) => download(k.publicKeyPem, PEM_MIME, `bulwark-report-signing-key-${k.keyId}.pem`, { "X-Signing-Key-Id": k.keyId }),
    },
  }),
  "GET /api/reports/schema": publicRoute({ summary: "The JSON Schema of the JSON report file", handler: () => reportJsonSchema() }),
  "GET /api/compliance/{framework}/scope": orgRoute({
    summary: "A framework's compliance scope: the clusters (and namespaces) it covers",
    description: "Answers { framework, scoped, clusters: [{ clusterId, clusterName, namespaces }] }. Not scoped: every cluster of the organization, namespaces [] (the whole cluster).",
    op: getScopeOp,
    params: { framework: "framework" },
  }),
  "PUT /api/compliance/{framework}/scope": orgRoute({
    summary: "Replace a framework's compliance scope (admins and owners)",
    description:
      "Body: { clusters: [{ clusterId, namespaces? }] }. An empty list clears the scope (every cluster). namespaces empty: the whole cluster; otherwise those namespaces plus cluster-scoped objects. Audited.",
    op: setScopeAction,
    input: "json",
    params: { framework: "framework" },
  }),
  "GET /api/compliance/{framework}/attestations": orgRoute({
    summary: "A framework's attestations, newest first (history included), without file bytes",
    description: "Query: control (one control's history). Each has state active | superseded | revoked | expired, and files with name, contentType, size, sha256 and their download url.",
    op: listAttestationsOp,
    input: "query",
    params: { framework: "framework" },
  }),
  "POST /api/compliance/{framework}/attestations": orgRoute({
    summary: "Attest a control with a statement, evidence files and links (admins and owners)",
    description:
      "multipart/form-data: controlId, statement, owner, reviewedAt and expiresAt (YYYY-MM-DD or ISO), links (repeated, or one per line), files (PDF, PNG or plain UTF-8 text, judged from their bytes; HTML, SVG and programs are refused). application/json takes the same fields without files. Supersedes the control's previous attestation. 413 when a file is over the size limit. Audited.",
    op: createAttestationAction,
    input: "form",
    form: () => ({ maxFiles: MAX_EVIDENCE_FILES, maxFileBytes: evidenceEnv().maxBytes }),
    params: { framework: "framework" },
    ok: 201,
  }),
  "POST /api/compliance/{framework}/attestations/{id}/revoke": orgRoute({
    summary: "Revoke an attestation (admins and owners): its control is pending again",
    description: "Body: { reason? }. Audited.",
    op: revokeAttestationAction,
    input: "json",
    params: { framework: "framework", id: "attestationId" },
  }),
  "GET /api/compliance/attestation-files/{id}": orgRoute({
    summary: "Download an attestation's evidence file (always as an attachment), with its SHA-256 in X-Checksum-Sha256",
    description: "Served with its checked content type, X-Content-Type-Options: nosniff and a sandboxing Content-Security-Policy; never rendered inline. Audited.",
    op: attestationFileOp,
    params: { id: "fileId" },
    file: {
      contentTypes: Object.values(EVIDENCE_TYPES),
      reply: ({ bytes, contentType, name, sha256 }) =>
        download(new Uint8Array(bytes), EVIDENCE_TYPES[contentType as keyof typeof EVIDENCE_TYPES] ?? "application/octet-stream", name, {
          "Content-Disposition": contentDisposition(name),
          "Content-Length": String(bytes.byteLength),
          "Content-Security-Policy": "default-src 'none'; sandbox",
          "X-Checksum-Sha256": sha256,
        }),
    },
  }),
  "GET /api/audit/export": orgRoute({
    summary: "Export the audit trail (csv or jsonl, streamed); the export is itself audited",
    op: exportAuditOp,
    input: "query",
    file: {
      contentTypes: ["text/csv; charset=utf-8", "application/x-ndjson; charset=utf-8"],
      reply: ({ stream, format, filename }) => download(stream, format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8", filename),
    },
  }),
  ...ACCESS_ROUTES,
  ...ACCESS_REVIEW_ROUTES,
  ...IMAGE_ROUTES,
  ...TREND_ROUTES,
  ...FIX_ROUTES,
  ...TICKET_ROUTES,
  ...PREVENTION_ROUTES,
  "GET /api/health": publicRoute({ summary: "Liveness: the web process answers (for probes)", handler: liveness, cacheSeconds: 0 }),
  "GET /api/health/ready": publicRoute({
    summary: "Readiness: the web process reaches Postgres and the queue backend (503 with the problems when not)",
    handler: readiness,
    cacheSeconds: 0,
  }),
  "GET /api/metrics": publicRoute({
    summary: "Prometheus metrics of this web process (request durations by route)",
    description: "Needs `Authorization: Bearer <BULWARK_METRICS_TOKEN>`; 404 when the variable is not set, 401 without the token. Names no organization.",
    handler: metricsHandler,
    cacheSeconds: 0,
  }),
  "GET /api/openapi.json": publicRoute({ summary: "This document: the API as OpenAPI 3.1", handler: (): unknown => (document ??= openApiDocument(API_ROUTES)), cacheSeconds: 300 }),
} satisfies Record<string, TRouteDef>;

export type TApiRouteKey = keyof typeof API_ROUTES;

/** The handler of one registry row, for a route file: `export const GET = apiRoute("GET /api/findings")`. */
export function apiRoute(key: TApiRouteKey): TRouteHandler {
  return timed(key, routeHandler(API_ROUTES[key]));
}
