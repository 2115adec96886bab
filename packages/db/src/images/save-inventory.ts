// Stores a cluster's image inventory after a whole-cluster scan or live record: the images that run
// (Image, one row per organization and registry/repository/tag/digest) and where (ImageUse, one row
// per cluster x image x workload x container). Rows seen again are refreshed and lose their goneAt;
// the cluster's rows this save did not see get goneAt. Batched: a cluster with thousands of
// containers is a few INSERT ... SELECT FROM unnest statements, in one transaction under a
// per-cluster advisory lock so a scan and a live record never interleave.
import { imageKeyString, type ImageKey, type ImageUseRow } from "@bulwark/rules";
import { db, type Tx } from "../client";
import { NotFoundError } from "../errors";
import { newId } from "../ids";
import { pgTimestamp } from "../access/save-access-model";

const BATCH = 5000;

export interface TSaveImageInventoryInput {
  orgId: string;
  clusterId: string;
  /** The scan (or the hour's live record) that saw these rows. */
  scanId: string;
  rows: readonly ImageUseRow[];
  seenAt?: Date;
}

export interface TSaveImageInventoryOutput {
  images: number;
  uses: number;
  /** Rows of the cluster no longer seen (goneAt set by this save). */
  gone: number;
}

export function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The Image rows of these keys (inserted or found), by imageKeyString. With `seenAt`, a known
 * image's lastSeenAt moves up to it (never back); rows already that recent are not written.
 */
export async function upsertImages(tx: Tx, orgId: string, keys: Iterable<ImageKey>, seenAt?: Date): Promise<Map<string, string>> {
  const unique = new Map<string, ImageKey>();
  for (const k of keys) unique.set(imageKeyString(k), k);
  const ids = new Map<string, string>();
  const at = seenAt ? pgTimestamp(seenAt) : null;
  for (const batch of chunks([...unique.values()])) {
    const cols = [batch.map((k) => k.registry), batch.map((k) => k.repository), batch.map((k) => k.tag ?? ""), batch.map((k) => k.digest ?? "")];
    await tx.$executeRawUnsafe(
      `INSERT INTO "Image" (id, "orgId", registry, repository, tag, digest, "firstSeenAt", "lastSeenAt")
       SELECT u.id, $1, u.registry, u.repository, u.tag, u.digest, COALESCE($2::timestamp, now()), COALESCE($2::timestamp, now())
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, registry, repository, tag, digest)
       ON CONFLICT ("orgId", registry, repository, tag, digest) DO NOTHING`,
      orgId,
      at,
      batch.map(() => newId()),
      ...cols,
    );
    const rows = await tx.$queryRawUnsafe<Array<{ id: string; registry: string; repository: string; tag: string; digest: string }>>(
      `WITH k AS (SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS k(registry, repository, tag, digest)),
            i AS (SELECT i.id, i.registry, i.repository, i.tag, i.digest, i."lastSeenAt" FROM "Image" i JOIN k
                    ON i."orgId" = $1 AND i.registry = k.registry AND i.repository = k.repository AND i.tag = k.tag AND i.digest = k.digest),
            up AS (UPDATE "Image" t SET "lastSeenAt" = $6::timestamp FROM i
                   WHERE $6::timestamp IS NOT NULL AND t.id = i.id AND i."lastSeenAt" < $6::timestamp RETURNING 1)
       SELECT id, registry, repository, tag, digest FROM i`,
      orgId,
      ...cols,
      at,
    );
    for (const r of rows) ids.set(imageKeyString({ registry: r.registry, repository: r.repository, ...(r.tag ? { tag: r.tag } : {}), ...(r.digest ? { digest: r.digest } : {}) }), r.id);
  }
  return ids;
}

export async function lockClusterImages(tx: Tx, orgId: string, clusterId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`images:${clusterId}`}))`;
  const [cluster] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Cluster" WHERE id = ${clusterId} AND "orgId" = ${orgId}`;
  if (!cluster) throw new NotFoundError("cluster");
}

export async function saveImageInventory(input: TSaveImageInventoryInput): Promise<TSaveImageInventoryOutput> {
  const seenAt = input.seenAt ?? new Date();
  // One row per (image, workload, container): the table's identity (apiVersion is not part of it).
  const rows = new Map<string, { row: ImageUseRow; image: string }>();
  for (const row of input.rows) {
    const image = imageKeyString(row.key);
    const k = [image, row.workload.kind, row.workload.namespace ?? "", row.workload.name, row.container].join("\t");
    if (!rows.has(k)) rows.set(k, { row, image });
  }
  return db.$transaction(
    async (tx) => {
      await lockClusterImages(tx, input.orgId, input.clusterId);
      const imageIds = await upsertImages(tx, input.orgId, [...rows.values()].map((r) => r.row.key), seenAt);
      const seen: string[] = [];
      for (const batch of chunks([...rows.values()])) {
        const ids = await tx.$queryRawUnsafe<Array<{ id: string }>>(
          `INSERT INTO "ImageUse" (id, "orgId", "clusterId", "imageId", "apiVersion", kind, namespace, name, container, "containerType", reference,
                                   "pullPolicy", "mutableTag", "registryAllowed", "firstSeenAt", "lastSeenAt", "lastSeenScanId", "goneAt")
           SELECT u.id, $1, $2, u.image, u.api, u.kind, u.ns, u.name, u.container, u.ctype, u.ref, u.pull, u.mutable, u.allowed, $3::timestamp, $3::timestamp, $4, NULL
           FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::boolean[], $16::boolean[])
             AS u(id, image, api, kind, ns, name, container, ctype, ref, pull, mutable, allowed)
           ON CONFLICT ("clusterId", "imageId", kind, namespace, name, container) DO UPDATE SET
             "apiVersion" = excluded."apiVersion", "containerType" = excluded."containerType", reference = excluded.reference,
             "pullPolicy" = excluded."pullPolicy", "mutableTag" = excluded."mutableTag", "registryAllowed" = excluded."registryAllowed",
             "lastSeenAt" = excluded."lastSeenAt", "lastSeenScanId" = excluded."lastSeenScanId", "goneAt" = NULL
           RETURNING id`,
          input.orgId,
          input.clusterId,
          pgTimestamp(seenAt),
          input.scanId,
          batch.map(() => newId()),
          batch.map((r) => imageIds.get(r.image)!),
          batch.map((r) => r.row.workload.apiVersion),
          batch.map((r) => r.row.workload.kind),
          batch.map((r) => r.row.workload.namespace ?? ""),
          batch.map((r) => r.row.workload.name),
          batch.map((r) => r.row.container),
          batch.map((r) => r.row.containerType),
          batch.map((r) => r.row.reference),
          batch.map((r) => r.row.pullPolicy ?? null),
          batch.map((r) => r.row.mutableTag),
          batch.map((r) => r.row.registryAllowed ?? null),
        );
        for (const r of ids) seen.push(r.id);
      }
      const gone = await tx.$executeRawUnsafe(
        `UPDATE "ImageUse" SET "goneAt" = $3::timestamp
         WHERE "clusterId" = $1 AND "orgId" = $2 AND "goneAt" IS NULL AND NOT (id = ANY($4::text[]))`,
        input.clusterId,
        input.orgId,
        pgTimestamp(seenAt),
        seen,
      );
      return { images: imageIds.size, uses: seen.length, gone };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
