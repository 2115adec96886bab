// Tenancy of the whole JSON API, enumerated from the source tree so a new route cannot slip in
// untested: every route handler file under apps/web/src/app/api and every HTTP method it exports
// must have a row in ROUTES below (the suite fails otherwise), and each row is exercised as
// (a) a member of another organization: 404 on the first organization's ids, nothing of it in lists,
// (b) a viewer of the owning organization: 403 on every mutation,
// (c) no session: 401 (or the documented public answer).
// Server actions are checked statically: every export of a "use server" module is wrapped.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hash } from "@node-rs/argon2";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { acceptInvite, createInvite, createUser, getUserByEmail, listMembershipsForUser } from "@bulwark/db";
import { getFramework } from "@bulwark/rules";
import { PASSWORD, addClusterByUpload, kubeconfigFile, signIn, signUp, uniqueEmail } from "../helpers";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const APP_DIR = path.join(ROOT, "apps", "web", "src", "app");
const MODULES_DIR = path.join(ROOT, "apps", "web", "src", "modules");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
type TMethod = (typeof METHODS)[number];
const MUTATIONS: ReadonlySet<TMethod> = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// NextAuth's own endpoints are public by design and tested by the sign-in flows.
const EXCLUDED_ROUTES = new Set(["/api/auth/[...nextauth]"]);

// ---------------------------------------------------------------------------------------------
// Enumeration from source text
// ---------------------------------------------------------------------------------------------

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/^route\.(ts|tsx|js|mjs)$/.test(name)) out.push(full);
  }
  return out;
}

/** Route pattern as Next sees it: route groups "(x)" do not appear in the URL. */
function routePattern(file: string): string {
  const rel = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter((seg) => !/^\(.*\)$/.test(seg));
  return `/${rel.join("/")}`;
}

function exportedMethods(source: string): TMethod[] {
  const found = new Set<TMethod>();
  const alt = METHODS.join("|");
  for (const m of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s*\\*?\\s*(${alt})\\b`, "g"))) found.add(m[1] as TMethod);
  for (const m of source.matchAll(new RegExp(`export\\s+(?:const|let|var)\\s+(${alt})\\b`, "g"))) found.add(m[1] as TMethod);
  // `export { handler as GET, POST }` and `export { GET } from "..."`.
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && (METHODS as readonly string[]).includes(name)) found.add(name as TMethod);
    }
  }
  return [...found].sort();
}

function enumerateRoutes(): string[] {
  const keys: string[] = [];
  for (const file of walk(path.join(APP_DIR, "api"))) {
    const pattern = routePattern(file);
    if (EXCLUDED_ROUTES.has(pattern)) continue;
    const methods = exportedMethods(readFileSync(file, "utf8"));
    // A route file exporting nothing we recognise is a parse gap, not "no routes": make it visible.
    if (methods.length === 0) keys.push(`?? ${pattern}`);
    for (const method of methods) keys.push(`${method} ${pattern}`);
  }
  return keys.sort();
}

// ---------------------------------------------------------------------------------------------
// The table: one row per (method, route pattern)
// ---------------------------------------------------------------------------------------------

interface TIds {
  clusterId: string;
  clusterName: string;
  scanId: string;
  findingId: string;
  reportId: string;
  exceptionId: string;
  attestationId: string;
  attestationFileId: string;
  reviewId: string;
  reviewItemId: string;
  imageId: string;
  cveExceptionId: string;
  /** a ticket integration of A's (GitHub, on a loopback address) and a ticket from A's finding */
  ticketIntegrationId: string;
  ticketId: string;
  /** a fix request of A's, and the finding it fixes */
  fixId: string;
  fixFindingId: string;
}

type TCrossOrg =
  /** The route names one of org A's ids in its path: org B must get exactly 404. */
  | { kind: "404" }
  /** No id in the path: org B gets `status`, and no id or name of org A appears in the answer. */
  | { kind: "no-leak"; status: number }
  /** The body names org A's ids: org B must get the same answer as for ids that exist nowhere. */
  | { kind: "same-as-missing"; missingBody: (ids: TIds) => unknown };

interface TRouteCase {
  url: (ids: TIds) => string;
  body?: (ids: TIds) => unknown;
  /** "public": answers everyone the same non-tenant content; "org": withOrg-guarded. */
  access: "org" | "public";
  crossOrg: TCrossOrg;
  /** For reads: what the owner gets, and which of A's ids the owner's answer must contain (proves the fixture real). */
  owner?: { status: number; contains?: (ids: TIds) => string };
}

const EVIDENCE_TEXT = "route tenancy evidence: quarterly access review done";
/** A manual HIPAA control (an attestation's usual subject) and the fields of an attestation. */
const attestationBody = () => ({
  controlId: getFramework("hipaa")!.controls.find((c) => c.manual && !c.notApplicable)!.id,
  statement: "route tenancy check, not a real attestation",
  owner: "Route tenancy",
  reviewedAt: new Date().toISOString().slice(0, 10),
  expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
});

const ROUTES: Record<string, TRouteCase> = {
  "GET /api/clusters": {
    url: () => "/api/clusters",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.clusterId },
  },
  // B adds a real cluster of its own: the 201 answer must carry nothing of A.
  "POST /api/clusters": {
    url: () => "/api/clusters",
    body: () => ({ name: `rt-b-${Date.now().toString(36)}`, kubeconfig: readFileSync(kubeconfigFile("admin"), "utf8") }),
    access: "org",
    crossOrg: { kind: "no-leak", status: 201 },
  },
  "GET /api/clusters/[id]": {
    url: (ids) => `/api/clusters/${ids.clusterId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: (ids) => ids.clusterName },
  },
  "GET /api/clusters/[id]/scans": {
    url: (ids) => `/api/clusters/${ids.clusterId}/scans`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: (ids) => ids.scanId },
  },
  "GET /api/clusters/[id]/changes": {
    url: (ids) => `/api/clusters/${ids.clusterId}/changes?range=30d`,
    access: "org",
    crossOrg: { kind: "404" },
    // The fixture cluster may have no change yet: the answer's shape proves the cluster was found.
    owner: { status: 200, contains: () => '"items"' },
  },
  // With a cluster: only the owner learns its watch state; another organization gets 404.
  "GET /api/live": {
    url: (ids) => `/api/live?clusterId=${ids.clusterId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: () => '"watch"' },
  },
  "POST /api/clusters/[id]/scans": {
    url: (ids) => `/api/clusters/${ids.clusterId}/scans`,
    body: () => ({}),
    access: "org",
    crossOrg: { kind: "404" },
  },
  "GET /api/scans/[id]": {
    url: (ids) => `/api/scans/${ids.scanId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: (ids) => ids.scanId },
  },
  "GET /api/findings": {
    url: () => "/api/findings",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.findingId },
  },
  "GET /api/findings/[id]": {
    url: (ids) => `/api/findings/${ids.findingId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: (ids) => ids.findingId },
  },
  "POST /api/findings/[id]/assign": {
    url: (ids) => `/api/findings/${ids.findingId}/assign`,
    body: () => ({ assigneeId: "me" }),
    access: "org",
    crossOrg: { kind: "404" },
  },
  "POST /api/findings/[id]/status": {
    url: (ids) => `/api/findings/${ids.findingId}/status`,
    body: () => ({ status: "in_progress" }),
    access: "org",
    crossOrg: { kind: "404" },
  },
  "POST /api/findings/[id]/comments": {
    url: (ids) => `/api/findings/${ids.findingId}/comments`,
    body: () => ({ body: "route tenancy probe" }),
    access: "org",
    crossOrg: { kind: "404" },
  },
  // B names A's finding ids in the body: the answer must be the same as for ids that exist nowhere (404).
  "POST /api/findings/bulk": {
    url: () => "/api/findings/bulk",
    body: (ids) => ({ target: { ids: [ids.findingId] }, change: { kind: "status", status: "in_progress" } }),
    access: "org",
    crossOrg: { kind: "same-as-missing", missingBody: () => ({ target: { ids: ["cnotarealfindingid0000000"] }, change: { kind: "status", status: "in_progress" } }) },
  },
  "GET /api/exceptions": {
    url: () => "/api/exceptions",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.exceptionId },
  },
  // B asks for an exception on A's finding: it must not be able to tell A's id from one that does not exist.
  "POST /api/exceptions": {
    url: () => "/api/exceptions",
    body: (ids) => ({ findingId: ids.findingId, scope: "object", expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), justification: "route tenancy check, not a real exception" }),
    access: "org",
    crossOrg: {
      kind: "same-as-missing",
      missingBody: () => ({ findingId: "cnotarealfindingid0000000", scope: "object", expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), justification: "route tenancy check, not a real exception" }),
    },
  },
  "GET /api/exceptions/[id]": {
    url: (ids) => `/api/exceptions/${ids.exceptionId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: (ids) => ids.exceptionId },
  },
  "POST /api/exceptions/[id]/decision": {
    url: (ids) => `/api/exceptions/${ids.exceptionId}/decision`,
    body: () => ({ decision: "reject", note: "route tenancy" }),
    access: "org",
    crossOrg: { kind: "404" },
  },
  // The audit export (admins): B's export holds only B's rows; A's owner finds the cluster they added.
  "GET /api/audit/export": {
    url: () => "/api/audit/export?format=jsonl",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.clusterId },
  },
  "GET /api/reports": {
    url: () => "/api/reports",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.reportId },
  },
  // B names A's cluster: 404, as for a cluster that does not exist; A gets its trend.
  "GET /api/trends/vulnerabilities": {
    url: (ids) => `/api/trends/vulnerabilities?days=30&cluster=${ids.clusterId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: () => '"mttpDays"' },
  },
  // B asks for a report over A's cluster: it must not be able to tell A's id from one that does not exist.
  "POST /api/reports": {
    url: () => "/api/reports",
    body: (ids) => ({ framework: "hipaa", clusterIds: [ids.clusterId] }),
    access: "org",
    crossOrg: { kind: "same-as-missing", missingBody: () => ({ framework: "hipaa", clusterIds: ["cnotarealclusterid0000000"] }) },
  },
  "GET /api/reports/[id]/download": {
    url: (ids) => `/api/reports/${ids.reportId}/download?format=json`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: (ids) => ids.clusterId },
  },
  // Each organization reads its own report signing key (created on first use): nothing of A's in B's answer.
  "GET /api/reports/signing-key": {
    url: () => "/api/reports/signing-key",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: () => "BEGIN PUBLIC KEY" },
  },
  "GET /api/compliance/[framework]/scope": {
    url: () => "/api/compliance/hipaa/scope",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.clusterId },
  },
  // B scopes HIPAA to A's cluster: it must not be able to tell A's id from one that does not exist.
  "PUT /api/compliance/[framework]/scope": {
    url: () => "/api/compliance/hipaa/scope",
    body: (ids) => ({ clusters: [{ clusterId: ids.clusterId, namespaces: [] }] }),
    access: "org",
    crossOrg: { kind: "same-as-missing", missingBody: () => ({ clusters: [{ clusterId: "cnotarealclusterid0000000", namespaces: [] }] }) },
  },
  "GET /api/compliance/[framework]/attestations": {
    url: () => "/api/compliance/hipaa/attestations",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.attestationFileId },
  },
  // B attests a control of its own (JSON, no files): the 201 answer must carry nothing of A.
  "POST /api/compliance/[framework]/attestations": {
    url: () => "/api/compliance/hipaa/attestations",
    body: () => attestationBody(),
    access: "org",
    crossOrg: { kind: "no-leak", status: 201 },
  },
  "POST /api/compliance/[framework]/attestations/[id]/revoke": {
    url: (ids) => `/api/compliance/hipaa/attestations/${ids.attestationId}/revoke`,
    body: () => ({ reason: "route tenancy" }),
    access: "org",
    crossOrg: { kind: "404" },
  },
  "GET /api/compliance/attestation-files/[id]": {
    url: (ids) => `/api/compliance/attestation-files/${ids.attestationFileId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: () => EVIDENCE_TEXT },
  },
  // The access model of A's scanned cluster (shop-staging: the tools/ci-deployer service account reads secrets in shop).
  "GET /api/access/overview": {
    url: () => "/api/access/overview",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.clusterId },
  },
  "GET /api/access/who-can": {
    url: (ids) => `/api/access/who-can?verb=get&resource=secrets&namespace=shop&cluster=${ids.clusterId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: () => "ci-deployer" },
  },
  // No id in the URL, but a subject only A's clusters know: B gets 404, as for a subject that exists nowhere.
  "GET /api/access/subject": {
    url: () => "/api/access/subject?kind=ServiceAccount&name=ci-deployer&namespace=tools",
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: (ids) => ids.clusterId },
  },
  "GET /api/access/subjects": {
    url: (ids) => `/api/access/subjects?cluster=${ids.clusterId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: () => "ci-deployer" },
  },
  "GET /api/access/stale": {
    url: (ids) => `/api/access/stale?cluster=${ids.clusterId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: () => '"partial"' },
  },
  "GET /api/access/changes": {
    url: (ids) => `/api/access/changes?cluster=${ids.clusterId}`,
    access: "org",
    crossOrg: { kind: "404" },
    // The first scan is the baseline (no change yet): the answer's shape proves the cluster was found.
    owner: { status: 200, contains: () => '"items"' },
  },
  // Access reviews: A's open review of its cluster, with one item. B's mutations must not find it (and leave it open).
  "GET /api/access/reviews": {
    url: () => "/api/access/reviews",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.reviewId },
  },
  // B starts a review naming A's cluster: refused exactly as for a cluster that exists nowhere.
  "POST /api/access/reviews": {
    url: () => "/api/access/reviews",
    body: (ids) => ({ title: "route tenancy review", clusterIds: [ids.clusterId] }),
    access: "org",
    crossOrg: { kind: "same-as-missing", missingBody: () => ({ title: "route tenancy review", clusterIds: ["cnotarealclusterid0000000"] }) },
  },
  "GET /api/access/reviews/[id]": {
    url: (ids) => `/api/access/reviews/${ids.reviewId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: (ids) => ids.reviewItemId },
  },
  "POST /api/access/reviews/[id]/items/[itemId]": {
    url: (ids) => `/api/access/reviews/${ids.reviewId}/items/${ids.reviewItemId}`,
    body: () => ({ decision: "revoke", note: "route tenancy" }),
    access: "org",
    crossOrg: { kind: "404" },
  },
  "POST /api/access/reviews/[id]/sign-off": {
    url: (ids) => `/api/access/reviews/${ids.reviewId}/sign-off`,
    body: () => ({ note: "route tenancy" }),
    access: "org",
    crossOrg: { kind: "404" },
  },
  "POST /api/access/reviews/[id]/cancel": {
    url: (ids) => `/api/access/reviews/${ids.reviewId}/cancel`,
    body: () => ({ reason: "route tenancy" }),
    access: "org",
    crossOrg: { kind: "404" },
  },
  "GET /api/access/reviews/[id]/export": {
    url: (ids) => `/api/access/reviews/${ids.reviewId}/export?format=csv`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: (ids) => ids.reviewId },
  },
  // Images of A's scanned cluster (shop-staging runs Trivy Operator: its images have CVEs) and A's CVE exception.
  "GET /api/images": {
    url: () => "/api/images",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.imageId },
  },
  "GET /api/images/[id]": {
    url: (ids) => `/api/images/${ids.imageId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: (ids) => ids.clusterId },
  },
  // B imports a Trivy document of its own: the 201 answer carries nothing of A (no workload of A matches).
  "POST /api/images/import": {
    url: () => "/api/images/import",
    body: () => ({
      SchemaVersion: 2,
      CreatedAt: new Date().toISOString(),
      ArtifactName: "ghcr.io/route-tenancy/probe:1.0.0",
      ArtifactType: "container_image",
      Metadata: { OS: { Family: "alpine", Name: "3.19.1" }, RepoTags: ["ghcr.io/route-tenancy/probe:1.0.0"], RepoDigests: [] },
      Results: [{ Target: "ghcr.io/route-tenancy/probe:1.0.0 (alpine 3.19.1)", Class: "os-pkgs", Type: "alpine" }],
    }),
    access: "org",
    crossOrg: { kind: "no-leak", status: 201 },
  },
  "GET /api/vulnerabilities": {
    url: () => "/api/vulnerabilities",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.imageId },
  },
  "GET /api/cve-exceptions": {
    url: () => "/api/cve-exceptions",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.cveExceptionId },
  },
  // B excepts a CVE in A's cluster: refused exactly as for a cluster that exists nowhere.
  "POST /api/cve-exceptions": {
    url: () => "/api/cve-exceptions",
    body: (ids) => ({ cve: "CVE-2023-44487", state: "accepted", note: "route tenancy", expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10), clusterId: ids.clusterId }),
    access: "org",
    crossOrg: {
      kind: "same-as-missing",
      missingBody: () => ({ cve: "CVE-2023-44487", state: "accepted", note: "route tenancy", expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10), clusterId: "cnotarealclusterid0000000" }),
    },
  },
  // Tickets: A's GitHub integration and a ticket from A's first finding; the admission policy download.
  "GET /api/ticket-integrations": {
    url: () => "/api/ticket-integrations",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.ticketIntegrationId },
  },
  // B adds an integration of its own: the 201 answer carries nothing of A.
  "POST /api/ticket-integrations": {
    url: () => "/api/ticket-integrations",
    body: () => ({ kind: "github", name: `rt-b-${Date.now().toString(36)}`, baseUrl: "http://127.0.0.1:9", project: "route-tenancy/b", token: "rt-b-token-never-used" }),
    access: "org",
    crossOrg: { kind: "no-leak", status: 201 },
  },
  "PATCH /api/ticket-integrations/[id]": {
    url: (ids) => `/api/ticket-integrations/${ids.ticketIntegrationId}`,
    body: () => ({ name: "renamed by another organization" }),
    access: "org",
    crossOrg: { kind: "404" },
  },
  "DELETE /api/ticket-integrations/[id]": {
    url: (ids) => `/api/ticket-integrations/${ids.ticketIntegrationId}`,
    access: "org",
    crossOrg: { kind: "404" },
  },
  "POST /api/ticket-integrations/[id]/sync": {
    url: (ids) => `/api/ticket-integrations/${ids.ticketIntegrationId}/sync`,
    access: "org",
    crossOrg: { kind: "404" },
  },
  "GET /api/tickets": {
    url: (ids) => `/api/tickets?finding=${ids.findingId}`,
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.ticketId },
  },
  // B files a ticket on A's finding through A's integration: refused exactly as for ids that exist nowhere.
  "POST /api/tickets": {
    url: () => "/api/tickets",
    body: (ids) => ({ integrationId: ids.ticketIntegrationId, source: "finding", findingId: ids.findingId }),
    access: "org",
    crossOrg: { kind: "same-as-missing", missingBody: () => ({ integrationId: "cnotarealintegration00000", source: "finding", findingId: "cnotarealfindingid0000000" }) },
  },
  "GET /api/admission-policies": {
    url: () => "/api/admission-policies?action=audit",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: () => "ValidatingAdmissionPolicyBinding" },
  },
  "POST /api/cve-exceptions/[id]/revoke": {
    url: (ids) => `/api/cve-exceptions/${ids.cveExceptionId}/revoke`,
    access: "org",
    crossOrg: { kind: "404" },
  },
  // Fixes: A's fix request (proposed by A's owner from a fixable finding) and A's cluster's write credential.
  "GET /api/fixes": {
    url: () => "/api/fixes?tab=all",
    access: "org",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: (ids) => ids.fixId },
  },
  // B proposes fixing A's finding: refused exactly as for a finding that exists nowhere.
  "POST /api/fixes": {
    url: () => "/api/fixes",
    body: (ids) => ({ findingIds: [ids.fixFindingId] }),
    access: "org",
    crossOrg: { kind: "same-as-missing", missingBody: () => ({ findingIds: ["cnotarealfindingid000000"] }) },
  },
  "GET /api/fixes/bundle": {
    url: (ids) => `/api/fixes/bundle?finding=${ids.fixFindingId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200 },
  },
  "GET /api/fixes/[id]": {
    url: (ids) => `/api/fixes/${ids.fixId}`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200, contains: (ids) => ids.fixFindingId },
  },
  "POST /api/fixes/[id]/decision": {
    url: (ids) => `/api/fixes/${ids.fixId}/decision`,
    body: () => ({ decision: "reject", note: "route tenancy" }),
    access: "org",
    crossOrg: { kind: "404" },
  },
  "POST /api/fixes/[id]/cancel": {
    url: (ids) => `/api/fixes/${ids.fixId}/cancel`,
    access: "org",
    crossOrg: { kind: "404" },
  },
  "GET /api/clusters/[id]/write-credential": {
    url: (ids) => `/api/clusters/${ids.clusterId}/write-credential`,
    access: "org",
    crossOrg: { kind: "404" },
    owner: { status: 200 },
  },
  "PUT /api/clusters/[id]/write-credential": {
    url: (ids) => `/api/clusters/${ids.clusterId}/write-credential`,
    body: () => ({ kubeconfig: "apiVersion: v1\nkind: Config\n" }),
    access: "org",
    crossOrg: { kind: "404" },
  },
  "DELETE /api/clusters/[id]/write-credential": {
    url: (ids) => `/api/clusters/${ids.clusterId}/write-credential`,
    access: "org",
    crossOrg: { kind: "404" },
  },
  // Public on purpose (the route has no withOrg and says why): the JSON Schema of the report file
  // format, identical for everyone, holding no tenant data. Everyone gets 200; no org's ids in it.
  "GET /api/reports/schema": {
    url: () => "/api/reports/schema",
    access: "public",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200 },
  },
  // Public on purpose: the OpenAPI document describes routes and schemas, no organization's data.
  "GET /api/openapi.json": {
    url: () => "/api/openapi.json",
    access: "public",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: () => "/api/clusters/{id}/scans" },
  },
  // Public on purpose: health checks for probes say only whether the process (and, ready, its
  // database and queue) answer.
  "GET /api/health": {
    url: () => "/api/health",
    access: "public",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: () => '"ok"' },
  },
  // Public on purpose: operations' metrics, behind their own token (BULWARK_METRICS_TOKEN; unset
  // here, so 404 for everyone), naming no organization.
  "GET /api/metrics": {
    url: () => "/api/metrics",
    access: "public",
    crossOrg: { kind: "no-leak", status: 404 },
    owner: { status: 404 },
  },
  "GET /api/health/ready": {
    url: () => "/api/health/ready",
    access: "public",
    crossOrg: { kind: "no-leak", status: 200 },
    owner: { status: 200, contains: () => '"ok"' },
  },
};

// ---------------------------------------------------------------------------------------------
// Static checks
// ---------------------------------------------------------------------------------------------

test("every API route handler and method has a tenancy fixture, and every fixture has a route", () => {
  const enumerated = enumerateRoutes();
  expect(enumerated.length, "no route files found: is APP_DIR right?").toBeGreaterThan(5);
  expect(enumerated, "route files vs ROUTES table in e2e/specs/route-tenancy.spec.ts").toEqual(Object.keys(ROUTES).sort());
});

test("the method parser recognises the export forms Next accepts", () => {
  expect(exportedMethods("export async function GET(req) {}\nexport function POST() {}")).toEqual(["GET", "POST"]);
  expect(exportedMethods("export const DELETE = withX(async () => {});\nexport const PATCH=h")).toEqual(["DELETE", "PATCH"]);
  expect(exportedMethods("const h = 1; export { h as PUT, GET };")).toEqual(["GET", "PUT"]);
  expect(exportedMethods("export async function GETTER() {}\nexport const dynamic = 'force-dynamic'")).toEqual([]);
});

/** Every export of a "use server" module: names with how they are defined. */
function serverActionExports(source: string): { name: string; wrapped: boolean; line: string }[] {
  const out: { name: string; wrapped: boolean; line: string }[] = [];
  for (const raw of source.split("\n")) {
    const line = raw.trim();
    if (!line.startsWith("export ")) continue;
    // Types and interfaces are erased at build time: not callable from the client.
    if (/^export\s+(type|interface|declare)\b/.test(line)) continue;
    const wrapped = /^export\s+const\s+(\w+)\s*=\s*with(Org|User|Public)\s*\(/.exec(line);
    if (wrapped) {
      out.push({ name: wrapped[1]!, wrapped: true, line });
      continue;
    }
    const name = /^export\s+(?:default\s+)?(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+|var\s+|class\s+)?(\w+|\{[^}]*\})/.exec(line)?.[1] ?? line;
    out.push({ name, wrapped: false, line });
  }
  return out;
}

test('every export of a "use server" module is wrapped by withOrg / withUser / withPublic', () => {
  const files: string[] = [];
  for (const mod of readdirSync(MODULES_DIR)) {
    const dir = path.join(MODULES_DIR, mod, "server");
    try {
      if (!statSync(dir).isDirectory()) continue;
    } catch {
      continue;
    }
    for (const name of readdirSync(dir)) {
      if (!/\.(ts|tsx)$/.test(name) || /\.test\.tsx?$/.test(name)) continue;
      const file = path.join(dir, name);
      const source = readFileSync(file, "utf8");
      // The directive must be the first statement (after comments) to apply.
      const firstStatement = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
      if (/^["']use server["']/.test(firstStatement)) files.push(file);
    }
  }
  expect(files.length, "no \"use server\" modules found").toBeGreaterThan(0);
  const unwrapped: string[] = [];
  let wrappedCount = 0;
  for (const file of files) {
    const exports = serverActionExports(readFileSync(file, "utf8"));
    for (const e of exports) {
      if (e.wrapped) wrappedCount += 1;
      else unwrapped.push(`${path.relative(ROOT, file)}: ${e.line}`);
    }
  }
  expect(unwrapped, "server action exports not wrapped by withOrg/withUser/withPublic").toEqual([]);
  expect(wrappedCount).toBeGreaterThan(0);
  // The checker itself must be able to fail.
  expect(serverActionExports("export async function leak() {}\nexport const ok = withOrg({}, h)\nexport const bad = async () => 1").map((e) => e.wrapped)).toEqual([false, true, false]);
});

// ---------------------------------------------------------------------------------------------
// Live checks against the running app
// ---------------------------------------------------------------------------------------------

function listOf(body: unknown): { id: string; status?: string }[] {
  if (Array.isArray(body)) return body;
  const o = body as Record<string, unknown>;
  for (const key of ["items", "scans", "reports", "clusters"]) if (Array.isArray(o?.[key])) return o[key] as { id: string }[];
  return [];
}

async function call(ctx: APIRequestContext, method: TMethod, url: string, origin: string, body?: unknown): Promise<APIResponse> {
  // Mutations carry the app's own Origin so the cross-site refusal is not what answers.
  return ctx.fetch(url, { method, headers: { origin }, ...(MUTATIONS.has(method) ? { data: body ?? {} } : {}), maxRedirects: 0 });
}

test("every API route: 404 across organizations, 403 for a viewer's mutations, 401 without a session", async ({ browser, playwright }, testInfo) => {
  test.setTimeout(300_000);
  const baseURL = testInfo.project.use.baseURL!;
  const origin = new URL(baseURL).origin;

  // Org A: an owner with a scanned cluster, findings and a finished report.
  const ownerEmail = uniqueEmail("rt-owner");
  const a = await browser.newPage();
  await signUp(a, { email: ownerEmail, org: "Route Tenancy A" });
  const clusterName = `rt-a-${Date.now().toString(36)}`;
  const clusterId = (await addClusterByUpload(a, clusterName)).split("/").pop()!;
  await expect
    .poll(async () => {
      const body = await (await a.request.get(`/api/clusters/${clusterId}`)).json();
      return body.cluster?.lastScan?.status ?? body.lastScan?.status ?? "none";
    }, { timeout: 90_000, intervals: [1000] })
    .toMatch(/succeeded|partial/);
  // The worker saves the access model right after the scan's results: wait for it.
  await expect
    .poll(async () => ((await (await a.request.get("/api/access/overview")).json()) as { clusters: Array<{ clusterId: string; builtAt: string | null }> }).clusters.find((c) => c.clusterId === clusterId)?.builtAt ?? null, { timeout: 60_000, intervals: [1000] })
    .not.toBeNull();
  const findings = listOf(await (await a.request.get(`/api/findings?cluster=${clusterId}`)).json());
  expect(findings.length, "org A's scan produced findings").toBeGreaterThan(0);
  const scans = listOf(await (await a.request.get(`/api/clusters/${clusterId}/scans`)).json());
  expect(scans.length, "org A's cluster has a scan").toBeGreaterThan(0);
  const created = await a.request.post("/api/reports", { data: { framework: "hipaa", clusterIds: [clusterId] }, headers: { origin } });
  expect(created.status(), await created.text()).toBe(202);
  const reportId = ((await created.json()) as { id: string }).id;
  await expect
    .poll(async () => listOf(await (await a.request.get("/api/reports")).json()).find((r) => r.id === reportId)?.status, { timeout: 90_000, intervals: [1000] })
    .toBe("succeeded");
  // An exception of A's (an owner grants it at once), on another rule than findings[0], which the
  // default findings list (open work only) must keep showing.
  const excepted = (findings as Array<{ id: string; ruleId?: string }>).find((f) => f.ruleId !== (findings[0] as { ruleId?: string }).ruleId) ?? findings[findings.length - 1]!;
  const granted = await a.request.post("/api/exceptions", {
    data: { findingId: excepted.id, scope: "object", expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), justification: "route tenancy fixture exception" },
    headers: { origin },
  });
  expect(granted.status(), await granted.text()).toBe(201);
  const exceptionId = ((await granted.json()) as { id: string }).id;
  // An attestation of A's with an evidence file, posted as the browser's form does.
  const fields = attestationBody();
  const attested = await a.request.post("/api/compliance/hipaa/attestations", {
    multipart: { ...fields, files: { name: "review.txt", mimeType: "text/plain", buffer: Buffer.from(EVIDENCE_TEXT) } },
    headers: { origin },
  });
  expect(attested.status(), await attested.text()).toBe(201);
  const attestation = (await attested.json()) as { id: string; files: Array<{ id: string }> };
  // An open access review of A's cluster (its access model has privileged subjects: tools/ci-deployer reads secrets).
  const review = await a.request.post("/api/access/reviews", { data: { title: "Route tenancy review", clusterIds: [clusterId] }, headers: { origin } });
  expect(review.status(), await review.text()).toBe(201);
  const reviewId = ((await review.json()) as { id: string }).id;
  const reviewItems = ((await (await a.request.get(`/api/access/reviews/${reviewId}`)).json()) as { items: Array<{ id: string }> }).items;
  expect(reviewItems.length, "org A's review has an item").toBeGreaterThan(0);
  // The scan saved A's image inventory and CVE history (shop-staging's Trivy Operator reports); A's owner makes a CVE exception.
  await expect.poll(async () => listOf(await (await a.request.get(`/api/vulnerabilities?cluster=${clusterId}`)).json()).length, { timeout: 60_000, intervals: [1000] }).toBeGreaterThan(0);
  const vulnerable = listOf(await (await a.request.get(`/api/vulnerabilities?cluster=${clusterId}`)).json()) as unknown as Array<{ cve: string; imageId: string | null }>;
  const imageId = vulnerable.find((v) => v.imageId)?.imageId;
  expect(imageId, "org A has an image with a CVE only it runs").toBeTruthy();
  const cveException = await a.request.post("/api/cve-exceptions", {
    // A CVE none of A's images has: excepting one they have would resolve it (and its row) on the next judgement.
    data: { cve: "CVE-2014-0160", state: "accepted", note: "route tenancy fixture", expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), clusterId },
    headers: { origin },
  });
  expect(cveException.status(), await cveException.text()).toBe(201);
  const cveExceptionId = ((await cveException.json()) as { id: string }).id;
  // A ticket integration of A's (its loopback address is never reached: the worker's delivery just fails) and a ticket from A's finding.
  const integration = await a.request.post("/api/ticket-integrations", { data: { kind: "github", name: "rt-a-issues", baseUrl: "http://127.0.0.1:9", project: "route-tenancy/a", token: "rt-a-token-never-used" }, headers: { origin } });
  expect(integration.status(), await integration.text()).toBe(201);
  const ticketIntegrationId = ((await integration.json()) as { id: string }).id;
  const ticket = await a.request.post("/api/tickets", { data: { integrationId: ticketIntegrationId, source: "finding", findingId: findings[0]!.id }, headers: { origin } });
  expect(ticket.status(), await ticket.text()).toBe(201);
  const ticketId = ((await ticket.json()) as { ticket: { id: string } }).ticket.id;
  // A fix request of A's: the owner proposes the first finding with an automatic fix.
  let fixId = "";
  let fixFindingId = "";
  for (const f of findings.slice(0, 60)) {
    const proposed = await a.request.post("/api/fixes", { data: { findingIds: [f.id], reason: "route tenancy" }, headers: { origin } });
    if (proposed.status() !== 201) continue;
    fixId = ((await proposed.json()) as { id: string }).id;
    fixFindingId = f.id;
    break;
  }
  expect(fixId, "org A has a finding with an automatic fix").not.toBe("");
  const ids: TIds = { clusterId, clusterName, scanId: scans[0]!.id, findingId: findings[0]!.id, reportId, exceptionId, attestationId: attestation.id, attestationFileId: attestation.files[0]!.id, reviewId, reviewItemId: reviewItems[0]!.id, imageId: imageId!, cveExceptionId, ticketIntegrationId, ticketId, fixId, fixFindingId };

  // Org B: an owner of another organization (every permission there, none in A).
  const b = await browser.newPage();
  await signUp(b, { email: uniqueEmail("rt-other"), org: "Route Tenancy B" });

  // A viewer of org A, seeded as accepting an invite would.
  const ownerUser = (await getUserByEmail(ownerEmail))!;
  const orgId = (await listMembershipsForUser(ownerUser.id))[0]!.orgId;
  const viewerEmail = uniqueEmail("rt-viewer");
  const viewerUser = await createUser({ email: viewerEmail, name: "Route Viewer", passwordHash: await hash(PASSWORD) });
  const { token } = await createInvite({ orgId, role: "viewer", createdById: ownerUser.id });
  await acceptInvite({ token, userId: viewerUser.id });
  const v = await browser.newPage();
  await signIn(v, viewerEmail);

  const anon = await playwright.request.newContext({ baseURL });
  const leakMarkers = [ids.clusterId, ids.clusterName, ids.scanId, ids.findingId, ids.reportId, ids.exceptionId, ids.attestationId, ids.attestationFileId, ids.reviewId, ids.reviewItemId, ids.imageId, ids.cveExceptionId, ids.ticketIntegrationId, ids.ticketId, ids.fixId, ids.fixFindingId, EVIDENCE_TEXT, "Route Tenancy A"];
  const results: string[] = [];

  for (const key of Object.keys(ROUTES).sort()) {
    const [method, pattern] = key.split(" ") as [TMethod, string];
    const rc = ROUTES[key]!;
    const url = rc.url(ids);
    const body = rc.body?.(ids);
    const row: string[] = [key.padEnd(34)];

    // Owner's read proves the fixture points at something real, so the other answers mean something.
    if (rc.owner) {
      const res = await call(a.request, method, url, origin, body);
      const text = await res.text();
      expect.soft(res.status(), `${key} as owner of A`).toBe(rc.owner.status);
      if (rc.owner.contains) expect.soft(text, `${key} as owner of A contains A's id`).toContain(rc.owner.contains(ids));
      row.push(`owner=${res.status()}`);
    }

    // (a) another organization
    const resB = await call(b.request, method, url, origin, body);
    const textB = await resB.text();
    if (rc.crossOrg.kind === "404") {
      expect.soft(resB.status(), `${key} as member of B on A's id`).toBe(404);
    } else if (rc.crossOrg.kind === "no-leak") {
      expect.soft(resB.status(), `${key} as member of B`).toBe(rc.crossOrg.status);
    } else {
      const missing = await call(b.request, method, url, origin, rc.crossOrg.missingBody(ids));
      expect.soft(resB.status(), `${key} as member of B naming A's ids is refused`).toBeGreaterThanOrEqual(400);
      expect.soft(resB.status(), `${key} as member of B is refused before doing anything`).toBeLessThan(500);
      expect.soft({ status: resB.status(), body: textB }, `${key}: A's ids answer exactly like ids that exist nowhere`).toEqual({
        status: missing.status(),
        body: await missing.text(),
      });
    }
    for (const marker of leakMarkers) expect.soft(textB, `${key} as member of B leaks ${marker}`).not.toContain(marker);
    row.push(`otherOrg=${resB.status()}`);

    // (b) viewer of the owning organization: every mutation refused
    if (MUTATIONS.has(method)) {
      const resV = await call(v.request, method, url, origin, body);
      expect.soft(resV.status(), `${key} as viewer of A`).toBe(403);
      // The refusal must come from the role check, not from the cross-site guard.
      expect.soft(await resV.text(), `${key} as viewer of A is refused for the role`).toMatch(/role \(viewer\)/);
      row.push(`viewer=${resV.status()}`);
    }

    // (c) no session
    const resAnon = await call(anon, method, url, origin, body);
    const textAnon = await resAnon.text();
    if (rc.access === "public") {
      // A public route answers everyone alike: what the owner gets (the metrics route is 404 without its token set).
      expect.soft(resAnon.status(), `${key} without a session (public)`).toBe(rc.owner?.status ?? 200);
      for (const marker of leakMarkers) expect.soft(textAnon, `${key} public answer leaks ${marker}`).not.toContain(marker);
    } else {
      expect.soft(resAnon.status(), `${key} without a session`).toBe(401);
    }
    row.push(`anon=${resAnon.status()}`);
    results.push(`${row.join("  ")}  (${pattern})`);
  }

  await anon.dispose();
  testInfo.annotations.push({ type: "route-tenancy", description: results.join("\n") });
  console.log(`route tenancy:\n${results.join("\n")}`);
});
