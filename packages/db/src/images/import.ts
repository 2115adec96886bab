// Imports one vulnerability document (Trivy JSON, Grype JSON, CycloneDX SBOM/VEX) uploaded by a
// person or POSTed by CI with an API token. The document is only parsed as JSON and normalized by
// @bulwark/rules' parseVulnDocument: nothing in it is executed or fetched. A bad document stores
// nothing and answers with the parser's reason; the same document sent twice is one import.
import { createHash } from "node:crypto";
import {
  MAX_VULN_DOCUMENT_BYTES,
  VulnDocumentError,
  imageKeyString,
  parseVulnDocument,
  type ImageKey,
  type VulnCounts,
  type VulnReport,
  countVulns,
} from "@bulwark/rules";
import { db } from "../client";
import { DomainError } from "../errors";
import { newId } from "../ids";
import { pgTimestamp } from "../access/save-access-model";

export type TVulnFormat = "trivy" | "grype" | "cyclonedx";

/** A refused document: the message is the reason; status 413 when too big, else 400. */
export class VulnImportError extends DomainError {
  readonly status: 400 | 413;
  constructor(message: string, status: 400 | 413 = 400) {
    super(message);
    this.name = "VulnImportError";
    this.status = status;
  }
}

export interface TImportVulnDocumentInput {
  orgId: string;
  /** The document as received (JSON text). */
  text: string;
  /** An image reference naming the image when the document does not (or only by tag). */
  image?: string | null;
  actorId?: string | null;
  /** The API token a pipeline used. */
  tokenId?: string | null;
  ip?: string | null;
  now?: Date;
}

export interface TVulnImportMatches {
  /** Workloads (across clusters) now running the image. */
  workloads: number;
  clusters: number;
  by: "digest" | "tag" | "none";
}

export interface TVulnImportResult {
  id: string;
  format: TVulnFormat;
  image: ImageKey;
  scannedAt: string;
  counts: VulnCounts;
  vulnCount: number;
  /** The same document was imported before: that import is answered, nothing new is stored. */
  duplicate: boolean;
  matches: TVulnImportMatches;
}

const MIB = 1024 * 1024;
const FORMATS: readonly string[] = ["trivy", "grype", "cyclonedx"];

/**
 * The SHA-256 a request is known by: the document's bytes, and the image the caller named (the
 * same document attributed to another image is another import).
 */
export function vulnDocumentSha256(text: string, image?: string | null): string {
  const h = createHash("sha256").update(text, "utf8");
  if (image?.trim()) h.update("\0image=").update(image.trim());
  return h.digest("hex");
}

export async function importVulnDocument(input: TImportVulnDocumentInput): Promise<TVulnImportResult> {
  const now = input.now ?? new Date();
  // Refused before parsing: a huge body is never held twice nor walked.
  const bytes = Buffer.byteLength(input.text, "utf8");
  if (bytes > MAX_VULN_DOCUMENT_BYTES) {
    throw new VulnImportError(`the document is ${(bytes / MIB).toFixed(1)} MiB, over the limit of ${MAX_VULN_DOCUMENT_BYTES / MIB} MiB`, 413);
  }
  if (!input.text.trim()) throw new VulnImportError("the document is empty");
  const image = input.image?.trim() || undefined;
  if (image && image.length > 512) throw new VulnImportError("the image reference is longer than 512 characters");
  const sha256 = vulnDocumentSha256(input.text, image);

  const existing = await findImport(input.orgId, sha256);
  if (existing) return answer(existing, true);

  let parsed: { format: TVulnFormat; report: VulnReport };
  try {
    parsed = parseVulnDocument(input.text, image ? { image } : undefined);
  } catch (e) {
    if (e instanceof VulnDocumentError) throw new VulnImportError(e.message);
    throw e;
  }
  const { format, report } = parsed;
  if (!FORMATS.includes(format)) throw new VulnImportError(`unsupported document format ${String(format)}`);
  const key = report.image;
  if (!key.digest && !key.tag) {
    throw new VulnImportError(`the document names ${imageKeyString(key)} without a tag or digest; name the image (e.g. ?image=${imageKeyString({ ...key, tag: "1.0" })} or a @sha256: digest)`);
  }
  const counts = countVulns(report.vulnerabilities);
  const scannedAt = scanTime(report.updatedAt, now);
  const audit = { format, image: imageKeyString(key), vulnerabilities: report.vulnerabilities.length, bytes, sha256, ...(input.tokenId ? { tokenId: input.tokenId } : {}) };

  // One statement, so all or nothing without a transaction's round trips: the Image row, the
  // import (nothing when the same document was stored meanwhile) and its audit entry.
  const [row] = await db.$queryRawUnsafe<TImportRow[]>(
    `WITH img AS (
       INSERT INTO "Image" (id, "orgId", registry, repository, tag, digest) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("orgId", registry, repository, tag, digest) DO NOTHING RETURNING id
     ), imp AS (
       INSERT INTO "VulnImport" (id, "orgId", format, registry, repository, tag, digest, scanner, "scannerVersion", "scannedAt", vulnerabilities, counts,
                                 "vulnCount", sha256, bytes, "createdById", "tokenId", "createdAt")
       VALUES ($7, $2, $8, $3, $4, $5, $6, $9, $10, $11::timestamp, $12::jsonb, $13::jsonb, $14, $15, $16, $17, $18, $19::timestamp)
       ON CONFLICT ("orgId", sha256) DO NOTHING
       RETURNING ${ANSWER_COLUMNS}
     ), aud AS (
       INSERT INTO "AuditLog" (id, "orgId", "actorId", action, "targetType", "targetId", data, ip, "createdAt")
       SELECT $20, imp."orgId", $17, 'vulns.import', 'vuln_import', imp.id, $21::jsonb, $22, $19::timestamp FROM imp
       RETURNING 1
     )
     SELECT ${ANSWER_COLUMNS} FROM imp`,
    newId(),
    input.orgId,
    key.registry,
    key.repository,
    key.tag ?? "",
    key.digest ?? "",
    newId(),
    format,
    report.scanner?.name?.slice(0, 200) ?? null,
    report.scanner?.version?.slice(0, 100) ?? null,
    pgTimestamp(scannedAt),
    JSON.stringify(report.vulnerabilities),
    JSON.stringify(counts),
    report.vulnerabilities.length,
    sha256,
    bytes,
    input.actorId ?? null,
    input.tokenId ?? null,
    pgTimestamp(now),
    newId(),
    JSON.stringify(audit),
    input.ip ?? null,
  );
  if (row) return answer(row, false);
  // The same document sent twice at once: the other request stored it.
  const other = await findImport(input.orgId, sha256);
  if (!other) throw new Error("the import was neither stored nor found");
  return answer(other, true);
}

/** The producer's scan time; a missing, unreadable or future one reads as the import time. */
function scanTime(updatedAt: string | undefined, now: Date): Date {
  const t = updatedAt ? new Date(updatedAt) : undefined;
  if (!t || Number.isNaN(t.getTime()) || t.getTime() > now.getTime()) return now;
  return t;
}

interface TImportRow {
  id: string;
  orgId: string;
  format: string;
  registry: string;
  repository: string;
  tag: string;
  digest: string;
  scannedAt: Date;
  counts: unknown;
  vulnCount: number;
}

const ANSWER_COLUMNS = `id, "orgId", format, registry, repository, tag, digest, "scannedAt", counts, "vulnCount"`;

async function findImport(orgId: string, sha256: string): Promise<TImportRow | null> {
  return db.vulnImport.findUnique({
    where: { orgId_sha256: { orgId, sha256 } },
    select: { id: true, orgId: true, format: true, registry: true, repository: true, tag: true, digest: true, scannedAt: true, counts: true, vulnCount: true },
  });
}

function keyOf(row: Pick<TImportRow, "registry" | "repository" | "tag" | "digest">): ImageKey {
  return { registry: row.registry, repository: row.repository, ...(row.tag ? { tag: row.tag } : {}), ...(row.digest ? { digest: row.digest } : {}) };
}

async function answer(row: TImportRow, duplicate: boolean): Promise<TVulnImportResult> {
  const image = keyOf(row);
  return {
    id: row.id,
    format: row.format as TVulnFormat,
    image,
    scannedAt: row.scannedAt.toISOString(),
    counts: row.counts as unknown as VulnCounts,
    vulnCount: row.vulnCount,
    duplicate,
    matches: await importMatches(row.orgId, image),
  };
}

/**
 * Where the imported image runs now (the inventory's current rows): by digest when the import
 * names one that runs; else by repository:tag, leaving out containers known to run another
 * digest under that tag (a different build than the one scanned).
 */
export async function importMatches(orgId: string, key: ImageKey): Promise<TVulnImportMatches> {
  const digest = key.digest ?? "";
  const tag = key.tag ?? "";
  const [r] = await db.$queryRaw<Array<{ dw: number; dc: number; tw: number; tc: number }>>`
    WITH u AS (
      SELECT u."clusterId", u.kind, u.namespace, u.name, (${digest} <> '' AND i.digest = ${digest}) AS by_digest
      FROM "ImageUse" u JOIN "Image" i ON i.id = u."imageId"
      WHERE u."orgId" = ${orgId} AND i."orgId" = ${orgId} AND u."goneAt" IS NULL
        AND ((${digest} <> '' AND i.digest = ${digest})
          OR (${tag} <> '' AND i.registry = ${key.registry} AND i.repository = ${key.repository} AND i.tag = ${tag} AND (${digest} = '' OR i.digest = '')))
    )
    SELECT count(DISTINCT ("clusterId", kind, namespace, name)) FILTER (WHERE by_digest)::int AS dw, count(DISTINCT "clusterId") FILTER (WHERE by_digest)::int AS dc,
           count(DISTINCT ("clusterId", kind, namespace, name))::int AS tw, count(DISTINCT "clusterId")::int AS tc
    FROM u`;
  if (r && r.dw > 0) return { workloads: r.dw, clusters: r.dc, by: "digest" };
  if (r && r.tw > 0) return { workloads: r.tw, clusters: r.tc, by: "tag" };
  return { workloads: 0, clusters: 0, by: "none" };
}
