// The imported vulnerability documents that can apply to one snapshot, for the engine to match to
// containers (Snapshot.vulnerabilityReports): the newest import per image whose digest runs in the
// snapshot (a pod spec's reference digest or a pod status imageID), and the newest per
// repository:tag a pod spec names. Two bounded queries whatever the number of imports: one by
// digest, one by tag, each keeping only the newest row per image.
import { digestOfImageID, imageKeyOf, podSpecOf, type ImageKey, type KubeObject, type Snapshot, type VulnReport, type VulnReportSource, type Vulnerability } from "@bulwark/rules";
import { db } from "../client";

const CONTAINER_LISTS = ["containers", "initContainers", "ephemeralContainers"] as const;
const STATUS_LISTS = ["containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses"] as const;

export interface TSnapshotImages {
  digests: Set<string>;
  /** "registry\trepository\ttag" of every tagged reference. */
  tags: Map<string, ImageKey>;
}

/** The digests and repository:tag names of every container image in the snapshot. */
export function snapshotImages(objects: readonly KubeObject[]): TSnapshotImages {
  const digests = new Set<string>();
  const tags = new Map<string, ImageKey>();
  const addRef = (ref: unknown) => {
    if (typeof ref !== "string" || !ref.trim()) return;
    const key = imageKeyOf(ref);
    if (key.digest) digests.add(key.digest);
    if (key.tag) tags.set(`${key.registry}\t${key.repository}\t${key.tag}`, key);
  };
  for (const obj of objects) {
    const ref = podSpecOf(obj);
    if (!ref) continue;
    const spec = ref.spec as Record<string, unknown>;
    for (const list of CONTAINER_LISTS) {
      const cs = spec[list];
      if (Array.isArray(cs)) for (const c of cs) addRef((c as { image?: unknown } | null)?.image);
    }
    if (obj.kind === "Pod") {
      const status = (obj as { status?: Record<string, unknown> }).status;
      for (const list of STATUS_LISTS) {
        const ss = status?.[list];
        if (!Array.isArray(ss)) continue;
        for (const s of ss) {
          const d = digestOfImageID((s as { imageID?: unknown } | null)?.imageID);
          if (d) digests.add(d);
        }
      }
    }
  }
  return { digests, tags };
}

interface TImportRow {
  id: string;
  format: string;
  registry: string;
  repository: string;
  tag: string;
  digest: string;
  scanner: string | null;
  scannerVersion: string | null;
  scannedAt: Date;
  vulnerabilities: string;
}

function vulnsOf(text: string): Vulnerability[] {
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? (v as Vulnerability[]) : [];
}

const FORMAT_NAME: Record<string, string> = { trivy: "Trivy JSON", grype: "Grype JSON", cyclonedx: "CycloneDX" };

function toReport(r: TImportRow): VulnReport {
  return {
    source: r.format as VulnReportSource,
    ...(r.scanner ? { scanner: { name: r.scanner, ...(r.scannerVersion ? { version: r.scannerVersion } : {}) } } : {}),
    image: { registry: r.registry, repository: r.repository, ...(r.tag ? { tag: r.tag } : {}), ...(r.digest ? { digest: r.digest } : {}) },
    updatedAt: r.scannedAt.toISOString(),
    vulnerabilities: vulnsOf(r.vulnerabilities),
    // What the finding names as its source: the document a user imported, by its scan time (the
    // id stays unique, so a newer import of the same image reads as a change).
    origin: `imported ${FORMAT_NAME[r.format] ?? r.format} document of ${r.scannedAt.toISOString().slice(0, 10)} (import ${r.id})`,
  };
}

// The CVE lists travel as text and are parsed here: a thousand images of a few hundred CVEs each
// are megabytes of JSON, which JSON.parse reads faster than the driver's per-value conversion.
const COLUMNS = `id, format, registry, repository, tag, digest, scanner, "scannerVersion", "scannedAt", vulnerabilities::text AS vulnerabilities`;

export async function vulnReportsForSnapshot(input: { orgId: string; snapshot: Pick<Snapshot, "objects"> }): Promise<VulnReport[]> {
  const { digests, tags } = snapshotImages(input.snapshot.objects);
  const out: VulnReport[] = [];
  const seen = new Set<string>();
  if (digests.size) {
    // Newest per image (registry, repository, tag, digest) of the digests that run.
    const rows = await db.$queryRawUnsafe<TImportRow[]>(
      `SELECT DISTINCT ON (registry, repository, tag, digest) ${COLUMNS}
       FROM "VulnImport" WHERE "orgId" = $1 AND digest = ANY($2::text[])
       ORDER BY registry, repository, tag, digest, "scannedAt" DESC, "createdAt" DESC, id DESC`,
      input.orgId,
      [...digests],
    );
    for (const r of rows) {
      seen.add(r.id);
      out.push(toReport(r));
    }
  }
  if (tags.size) {
    const ks = [...tags.values()];
    // Newest per repository:tag, whatever digest it was scanned at (the engine matches by tag
    // only the containers no digest matched).
    const rows = await db.$queryRawUnsafe<TImportRow[]>(
      `SELECT DISTINCT ON (v.registry, v.repository, v.tag) ${COLUMNS.replace(/(^|, )/g, "$1v.")}
       FROM "VulnImport" v JOIN unnest($2::text[], $3::text[], $4::text[]) AS k(registry, repository, tag)
         ON v.registry = k.registry AND v.repository = k.repository AND v.tag = k.tag
       WHERE v."orgId" = $1
       ORDER BY v.registry, v.repository, v.tag, v."scannedAt" DESC, v."createdAt" DESC, v.id DESC`,
      input.orgId,
      ks.map((k) => k.registry),
      ks.map((k) => k.repository),
      ks.map((k) => k.tag!),
    );
    for (const r of rows) if (!seen.has(r.id)) out.push(toReport(r));
  }
  return out;
}
