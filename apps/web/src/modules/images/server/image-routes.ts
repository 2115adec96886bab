// /api/images, /api/vulnerabilities and /api/cve-exceptions rows of the API registry
// (lib/api-routes.ts spreads them in): the image inventory, imports of scanners' documents from CI,
// the fleet's CVEs and the organization's CVE exceptions.
import { MAX_VULN_DOCUMENT_BYTES } from "@bulwark/rules";
import type { TRouteDef } from "@/lib/route";
import { orgRoute } from "@/lib/route";
import { createCveExceptionAction, revokeCveExceptionAction } from "./image-actions";
import { imageDetailOp, importVulnsOp, listCveExceptionsOp, listImagesOp, listVulnerabilitiesOp } from "./image-ops";

const CLUSTER = "cluster: a cluster id of the organization (404 for any other).";

export const IMAGE_ROUTES = {
  "GET /api/images": orgRoute({
    summary: "Images running in the organization's clusters, worst first, with their open CVE counts; or grouped by registry",
    description: `Query: view (image | registry), ${CLUSTER} registry (a host, e.g. ghcr.io), q (registry, repository or tag contains), severity (critical | high: at least one open CVE of it), fixable (1: only CVEs with a fix count), mutable (1: run by a mutable tag), notAllowed (1: from a registry outside the allowed list), sort (worst | name), cursor, limit (at most 200). view=image answers { view, items: [{ id, registry, repository, tag, digest, clusters, clusterNames, workloads, mutableTag, registryAllowed, firstSeenAt, lastSeenAt, counts, countsFrom }], total, nextCursor }; counts are { critical: { total, fixable }, high, medium, low, unknown } of open CVEs, not excepted; countsFrom "scan" (judged by a scan), "import" (only an import names the image so far) or null (no vulnerability data). view=registry answers { view, registries: [{ registry, images, repositories, workloads, clusters, mutableImages, registryAllowed, critical, high, fixable }] }.`,
    op: listImagesOp,
    input: "query",
  }),
  "GET /api/images/{id}": orgRoute({
    summary: "One image: where it runs, its vulnerabilities now (fixed versions, exception state) and open CVEs per day over 90 days",
    description:
      "Answers { image, uses: [{ clusterId, clusterName, kind, namespace, name, container, reference, pullPolicy, mutableTag, registryAllowed, firstSeenAt, lastSeenAt, goneAt, findingId }], counts, cves: [{ id, severity, package, installedVersion, fixedVersion?, excepted?, workloads, from }], reports: [{ from, source, scanner, match, reportedAt, stale }], imports, trend: [{ day, critical, high, other }] }. CVEs come from the open image-vulnerabilities findings and, when newer, the latest import naming the image (from: \"import\": not judged by a scan yet). 404 for another organization's image.",
    op: imageDetailOp,
    params: { id: "imageId" },
  }),
  "POST /api/images/import": orgRoute({
    summary: "Import a vulnerability document for an image: Trivy JSON, Grype JSON or a CycloneDX SBOM/VEX (members, and API tokens with the scan scope)",
    description: `The body is the document as the scanner wrote it (\`trivy image -f json\`, \`grype -o json\`, \`trivy image -f cyclonedx\` / \`syft -o cyclonedx-json\`), sent as application/json; or multipart/form-data with the document as a file and an optional image field. Query (or form field) image: the image reference (with its digest, e.g. ghcr.io/acme/api@sha256:...) when the document does not name it, or names it by tag only. At most ${MAX_VULN_DOCUMENT_BYTES / 1024 / 1024} MiB. The document is only parsed, never executed or followed. Answers 201 { id, format, image, scannedAt, counts, vulnCount, duplicate, matches: { workloads, clusters, by: digest | tag | none } }; the same document sent again answers the first import with duplicate true. A malformed document answers 400 with the reason in error, an oversized one 413; neither stores anything. Workloads running the image show its CVEs on the next scan. \`bulwark push FILE --image REF --server URL --token TOKEN\` sends it from a pipeline. Audited.`,
    op: importVulnsOp,
    input: "document",
    form: () => ({ maxFiles: 1, maxFileBytes: MAX_VULN_DOCUMENT_BYTES }),
    ok: 201,
  }),
  "GET /api/vulnerabilities": orgRoute({
    summary: "Open CVEs across the organization's running images, worst first, one row per CVE",
    description: `Query: ${CLUSTER} image (an image id), severity (critical | high | medium | low: at least), fixable (1), q (CVE id or package contains), cursor, limit (at most 200). Answers { items: [{ cve, severity, fixable, fixedVersions, packages, images, workloads, clusters, imageId, firstSeenAt, exceptions: [{ id, state, scoped, expiresAt }] }], total, nextCursor }. Excepted CVEs are not open: GET /api/cve-exceptions lists the exceptions.`,
    op: listVulnerabilitiesOp,
    input: "query",
  }),
  "GET /api/cve-exceptions": orgRoute({
    summary: "The organization's CVE exceptions (not affected, fix unavailable, accepted until a date), newest first",
    description: "Query: includeRevoked (1), cve. Answers { items: [{ id, cve, repository, clusterId, clusterName, namespace, state, justification, note, expiresAt, createdAt, createdBy, revokedAt, active }] }.",
    op: listCveExceptionsOp,
    input: "query",
  }),
  "POST /api/cve-exceptions": orgRoute({
    summary: "Except a CVE, VEX-style (admins and owners): not affected (with a justification), fix unavailable or accepted (both until a date)",
    description:
      "Body: { cve, state: not_affected | fix_unavailable | accepted, justification (not_affected only: component_not_present | vulnerable_code_not_present | vulnerable_code_not_in_execute_path | vulnerable_code_cannot_be_controlled_by_adversary | inline_mitigations_already_exist), note, expiresAt (YYYY-MM-DD or ISO; required unless not_affected, at most 365 days away), repository (registry/repository, e.g. docker.io/library/nginx: every tag of it), clusterId, namespace }. Scans from then on list the CVE as excepted and count it nowhere, nor raise a risk on it. Audited.",
    op: createCveExceptionAction,
    input: "json",
    ok: 201,
  }),
  "POST /api/cve-exceptions/{id}/revoke": orgRoute({
    summary: "Revoke a CVE exception (admins and owners): the CVE counts again from the next scan",
    description: "409 when it is already revoked. Audited.",
    op: revokeCveExceptionAction,
    params: { id: "id" },
  }),
} satisfies Record<string, TRouteDef>;
