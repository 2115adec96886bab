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
import { Prisma } from "../generated/prisma/client";
import { db, type Tx } from "../client";
import { DomainError } from "../errors";
import { newId } from "../ids";
import { writeAudit } from "../audit/write-audit";

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

  const existing = await db.vulnImport.findUnique({ where: { orgId_sha256: { orgId: input.orgId, sha256 } } });
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

  try {
    const row = await db.$transaction(async (tx) => {
      await upsertImage(tx, input.orgId, key);
      const created = await tx.vulnImport.create({
        data: {
          orgId: input.orgId,
          format,
          registry: key.registry,
          repository: key.repository,
          tag: key.tag ?? "",
          digest: key.digest ?? "",
          scanner: report.scanner?.name?.slice(0, 200) ?? null,
          scannerVersion: report.scanner?.version?.slice(0, 100) ?? null,
          scannedAt,
          vulnerabilities: report.vulnerabilities as unknown as Prisma.InputJsonValue,
          counts: counts as unknown as Prisma.InputJsonValue,
          vulnCount: report.vulnerabilities.length,
          sha256,
          bytes,
          createdById: input.actorId ?? null,
          tokenId: input.tokenId ?? null,
          createdAt: now,
        },
      });
      await writeAudit(
        {
          orgId: input.orgId,
          actorId: input.actorId ?? undefined,
          action: "vulns.import",
          targetType: "vuln_import",
          targetId: created.id,
          data: { format, image: imageKeyString(key), vulnerabilities: report.vulnerabilities.length, bytes, sha256, ...(input.tokenId ? { tokenId: input.tokenId } : {}) },
          ip: input.ip ?? null,
        },
        tx,
      );
      return created;
    });
    return answer(row, false);
  } catch (e) {
    // The same document sent twice at once: the other request stored it.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const other = await db.vulnImport.findUnique({ where: { orgId_sha256: { orgId: input.orgId, sha256 } } });
      if (other) return answer(other, true);
    }
    throw e;
  }
}

/** The producer's scan time; a missing, unreadable or future one reads as the import time. */
function scanTime(updatedAt: string | undefined, now: Date): Date {
  const t = updatedAt ? new Date(updatedAt) : undefined;
  if (!t || Number.isNaN(t.getTime()) || t.getTime() > now.getTime()) return now;
  return t;
}

/** The Image row of a key (one statement, safe against a concurrent insert of the same image). */
export async function upsertImage(tx: Tx, orgId: string, key: ImageKey): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Image" (id, "orgId", registry, repository, tag, digest)
    VALUES (${newId()}, ${orgId}, ${key.registry}, ${key.repository}, ${key.tag ?? ""}, ${key.digest ?? ""})
    ON CONFLICT ("orgId", registry, repository, tag, digest) DO UPDATE SET registry = excluded.registry
    RETURNING id`;
  return row!.id;
}

type TImportRow = Awaited<ReturnType<typeof db.vulnImport.create>>;

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
  type Count = { workloads: number; clusters: number };
  if (key.digest) {
    const [d] = await db.$queryRaw<Count[]>`
      SELECT count(DISTINCT (u."clusterId", u.kind, u.namespace, u.name))::int AS workloads, count(DISTINCT u."clusterId")::int AS clusters
      FROM "ImageUse" u JOIN "Image" i ON i.id = u."imageId"
      WHERE u."orgId" = ${orgId} AND i."orgId" = ${orgId} AND u."goneAt" IS NULL AND i.digest = ${key.digest}`;
    if (d && d.workloads > 0) return { ...d, by: "digest" };
  }
  if (key.tag) {
    const [t] = await db.$queryRaw<Count[]>`
      SELECT count(DISTINCT (u."clusterId", u.kind, u.namespace, u.name))::int AS workloads, count(DISTINCT u."clusterId")::int AS clusters
      FROM "ImageUse" u JOIN "Image" i ON i.id = u."imageId"
      WHERE u."orgId" = ${orgId} AND i."orgId" = ${orgId} AND u."goneAt" IS NULL
        AND i.registry = ${key.registry} AND i.repository = ${key.repository} AND i.tag = ${key.tag}
        AND (${key.digest ?? ""} = '' OR i.digest = '')`;
    if (t && t.workloads > 0) return { ...t, by: "tag" };
  }
  return { workloads: 0, clusters: 0, by: "none" };
}
