// A cluster's CVE history from a whole-cluster judgement: one ImageCve row per cluster x image x
// vulnerability x package, from the image-vulnerabilities findings (details.vulnerabilities). A CVE
// seen again is refreshed (and reopened if it had been resolved); the cluster's open rows this save
// did not see are resolved (patched, image replaced, report gone, or excepted). Trends count the
// open rows and time to patch from firstSeenAt to resolvedAt. Call it only after a complete scan:
// a partial read would resolve what it could not see.
import { imageKeyString, type Finding, type FindingCve, type ImageKey, type VulnSeverity } from "@bulwark/rules";
import { db } from "../client";
import { pgTimestamp } from "../access/save-access-model";
import { chunks, lockClusterImages, upsertImages } from "./save-inventory";

export const IMAGE_VULNERABILITIES_RULE = "image-vulnerabilities";

export interface TSaveImageCvesInput {
  orgId: string;
  clusterId: string;
  findings: readonly Finding[];
  seenAt?: Date;
}

export interface TSaveImageCvesOutput {
  /** Rows seen by this save (new, refreshed or reopened). */
  open: number;
  /** Rows this save resolved. */
  resolved: number;
}

// The Severity enum has no "unknown": a CVE without a rating is recorded as info.
const SEVERITY: Record<VulnSeverity, string> = { critical: "critical", high: "high", medium: "medium", low: "low", unknown: "info" };

interface TCveRow {
  image: string;
  cve: FindingCve;
}

/** The non-excepted CVEs of the image-vulnerabilities findings, once per image x CVE x package. */
export function imageCveRows(findings: readonly Finding[]): { rows: TCveRow[]; keys: Map<string, ImageKey> } {
  const rows = new Map<string, TCveRow>();
  const keys = new Map<string, ImageKey>();
  for (const f of findings) {
    if (f.ruleId !== IMAGE_VULNERABILITIES_RULE && !f.checks?.includes(IMAGE_VULNERABILITIES_RULE)) continue;
    const v = f.details?.vulnerabilities;
    if (!v) continue;
    const image = imageKeyString(v.key);
    keys.set(image, v.key);
    for (const cve of v.cves) {
      if (cve.excepted) continue;
      const k = `${image}\t${cve.id}\t${cve.package}`;
      if (!rows.has(k)) rows.set(k, { image, cve });
    }
  }
  return { rows: [...rows.values()], keys };
}

export async function saveImageCves(input: TSaveImageCvesInput): Promise<TSaveImageCvesOutput> {
  const seenAt = input.seenAt ?? new Date();
  const { rows, keys } = imageCveRows(input.findings);
  return db.$transaction(
    async (tx) => {
      await lockClusterImages(tx, input.orgId, input.clusterId);
      // The inventory moves the images' lastSeenAt; here they are only found (or created).
      const imageIds = await upsertImages(tx, input.orgId, keys.values());
      const at = pgTimestamp(seenAt);
      // The cluster's open rows, and whether each is as this save would write it (lastSeenAt moves
      // on once a day): only new, changed, reopened or day-old rows are sent.
      const openRows = await tx.$queryRawUnsafe<Array<{ id: string; imageId: string; cve: string; package: string; state: string }>>(
        `SELECT id::text AS id, "imageId", cve, package, concat_ws(chr(31), severity::text, fixable::text, coalesce("fixedVersion", chr(2)), ("lastSeenAt" >= $3::timestamp - interval '1 day')::text) AS state
         FROM "ImageCve" WHERE "clusterId" = $1 AND "orgId" = $2 AND "resolvedAt" IS NULL`,
        input.clusterId,
        input.orgId,
        at,
      );
      const stateOf = new Map(openRows.map((o) => [`${o.imageId}\t${o.cve}\t${o.package}`, o.state]));
      const keyOf = (r: TCveRow) => `${imageIds.get(r.image)}\t${r.cve.id}\t${r.cve.package}`;
      const stateNow = (r: TCveRow) => [SEVERITY[r.cve.severity] ?? "info", String(!!r.cve.fixedVersion), r.cve.fixedVersion ?? "\u0002", "true"].join("\u001f");
      const toWrite = rows.filter((r) => stateOf.get(keyOf(r)) !== stateNow(r));
      for (const batch of chunks(toWrite)) {
        // The WHERE compares again in SQL, so a row that did not change is never written.
        await tx.$executeRawUnsafe(
          `INSERT INTO "ImageCve" ("orgId", "clusterId", "imageId", cve, package, severity, fixable, "fixedVersion", "firstSeenAt", "lastSeenAt", "resolvedAt")
           SELECT $1, $2, u.image, u.cve, u.package, u.severity::"Severity", u.fixable, u.fixed, $3::timestamp, $3::timestamp, NULL
           FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[]) AS u(image, cve, package, severity, fixable, fixed)
           ON CONFLICT ("clusterId", "imageId", cve, package) DO UPDATE SET
             severity = excluded.severity, fixable = excluded.fixable, "fixedVersion" = excluded."fixedVersion",
             "lastSeenAt" = excluded."lastSeenAt", "resolvedAt" = NULL
           WHERE "ImageCve"."resolvedAt" IS NOT NULL OR "ImageCve".severity <> excluded.severity OR "ImageCve".fixable <> excluded.fixable
              OR "ImageCve"."fixedVersion" IS DISTINCT FROM excluded."fixedVersion" OR "ImageCve"."lastSeenAt" < excluded."lastSeenAt" - interval '1 day'`,
          input.orgId,
          input.clusterId,
          at,
          batch.map((r) => imageIds.get(r.image)!),
          batch.map((r) => r.cve.id),
          batch.map((r) => r.cve.package),
          batch.map((r) => SEVERITY[r.cve.severity] ?? "info"),
          batch.map((r) => !!r.cve.fixedVersion),
          batch.map((r) => r.cve.fixedVersion ?? null),
        );
      }
      // Open rows of the cluster this save did not see (compared here: an anti-join against a
      // parameter list of 100,000 keys is planned as a nested loop).
      const seen = new Set(rows.map(keyOf));
      const gone = openRows.filter((o) => !seen.has(`${o.imageId}\t${o.cve}\t${o.package}`)).map((o) => o.id);
      let resolved = 0;
      for (const batch of chunks(gone)) {
        resolved += await tx.$executeRawUnsafe(
          `UPDATE "ImageCve" SET "resolvedAt" = $3::timestamp WHERE "clusterId" = $1 AND "orgId" = $2 AND "resolvedAt" IS NULL AND id = ANY($4::bigint[])`,
          input.clusterId,
          input.orgId,
          at,
          batch,
        );
      }
      return { open: rows.length, resolved };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
