// The read path of images and vulnerabilities for the web app and the API: the fleet's images (by
// image and by registry, with their open CVE counts), one image (where it runs, its CVEs now, open
// CVEs per day), and the fleet's CVEs (images, workloads and clusters each reaches). Counts come
// from ImageCve (what scans judged); an image no scan has judged yet shows its newest import's
// counts, said so. Every query is scoped to the organization; another organization's ids find
// nothing.
import {
  VULN_SEVERITY_RANK,
  emptyCounts,
  repositoryName,
  type FindingCve,
  type FindingDetails,
  type VulnCounts,
  type VulnSeverity,
  type Vulnerability,
} from "@bulwark/rules";
import { db } from "../client";
import { clampLimit, decodeCursor, encodeCursor } from "../pagination";

const DAY_MS = 86_400_000;
const pgTimestamp = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** ImageCve stores the finding's severity scale: "info" is the producer's unknown. */
const vulnSeverity = (s: string): VulnSeverity => (s === "info" ? "unknown" : (s as VulnSeverity));

/** Builds numbered parameters for a raw query; $1 is always the organization. */
function paramsFor(orgId: string) {
  const params: unknown[] = [orgId];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  return { params, param };
}

export interface TImageFilters {
  orgId: string;
  clusterId?: string;
  /** Registry host as normalized ("docker.io", "ghcr.io"). */
  registry?: string;
  /** Registry, repository or tag contains. */
  q?: string;
  /** At least one open CVE of this severity (high: high or critical). */
  severity?: "critical" | "high";
  /** Only CVEs with a fix count for the severity filter (alone: any fixable CVE). */
  fixable?: boolean;
  /** Only images some workload runs by a mutable tag. */
  mutable?: boolean;
  /** Only images from a registry outside the organization's allowed list. */
  notAllowed?: boolean;
}

export interface TListImagesInput extends TImageFilters {
  sort?: "worst" | "name";
  /** Default 50, at most 200. */
  limit?: number;
  cursor?: string;
}

export interface TImageRow {
  id: string;
  registry: string;
  repository: string;
  tag: string;
  digest: string;
  clusters: number;
  clusterNames: string[];
  workloads: number;
  /** Some workload runs it by tag (or no tag), not by digest. */
  mutableTag: boolean;
  /** null: the organization allows every registry. */
  registryAllowed: boolean | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** Open CVEs, not excepted: what scans judged ("scan"), else the newest import's ("import"). */
  counts: VulnCounts;
  countsFrom: "scan" | "import" | null;
}

export interface TRegistryRow {
  registry: string;
  images: number;
  repositories: number;
  workloads: number;
  clusters: number;
  mutableImages: number;
  registryAllowed: boolean | null;
  critical: number;
  high: number;
  fixable: number;
}

const SEVERITY_COLUMNS = [
  ["critical", "ct", "cf"],
  ["high", "ht", "hf"],
  ["medium", "mt", "mf"],
  ["low", "lt", "lf"],
  ["info", "ut", "uf"],
] as const;

/**
 * The images running now (some use not gone), one row each, with their computed columns: a SQL
 * subquery over which lists, filters and registry groups are written.
 */
function imagesSql(input: TImageFilters, param: (v: unknown) => string): string {
  const useWhere = [`u."orgId" = $1`, `u."goneAt" IS NULL`];
  const cveWhere = [`c."orgId" = $1`];
  if (input.clusterId !== undefined) {
    const c = param(input.clusterId);
    useWhere.push(`u."clusterId" = ${c}`);
    cveWhere.push(`c."clusterId" = ${c}`);
  }
  const importCount = (sev: string, field: "total" | "fixable") => `(imp.counts->'${sev === "info" ? "unknown" : sev}'->>'${field}')::int`;
  const counted = SEVERITY_COLUMNS.flatMap(([sev, t, f]) => [
    `CASE WHEN cc."imageId" IS NOT NULL THEN cc.${t} ELSE coalesce(${importCount(sev, "total")}, 0) END AS ${t}`,
    `CASE WHEN cc."imageId" IS NOT NULL THEN cc.${f} ELSE coalesce(${importCount(sev, "fixable")}, 0) END AS ${f}`,
  ]).join(",\n            ");
  const perSeverity = SEVERITY_COLUMNS.flatMap(([sev, t, f]) => [
    `count(*) FILTER (WHERE open AND severity = '${sev}')::int AS ${t}`,
    `count(*) FILTER (WHERE open AND severity = '${sev}' AND fixable)::int AS ${f}`,
  ]).join(", ");
  return `(
    WITH u AS (
      SELECT u."imageId",
             count(DISTINCT u."clusterId")::int AS clusters,
             array_agg(DISTINCT cl.name) AS "clusterNames",
             count(DISTINCT (u."clusterId", u.kind, u.namespace, u.name))::int AS workloads,
             bool_or(u."mutableTag") AS "mutableTag",
             bool_and(u."registryAllowed") AS "registryAllowed",
             min(u."firstSeenAt") AS "firstSeenAt",
             max(u."lastSeenAt") AS "lastSeenAt"
      FROM "ImageUse" u JOIN "Cluster" cl ON cl.id = u."clusterId"
      WHERE ${useWhere.join(" AND ")}
      GROUP BY u."imageId"
    ),
    -- one row per image and CVE: its worst open severity, whether any package has a fix
    cv AS (
      SELECT c."imageId", c.cve, bool_or(c."resolvedAt" IS NULL) AS open,
             min(c.severity) FILTER (WHERE c."resolvedAt" IS NULL) AS severity,
             coalesce(bool_or(c.fixable) FILTER (WHERE c."resolvedAt" IS NULL), false) AS fixable
      FROM "ImageCve" c
      WHERE ${cveWhere.join(" AND ")} AND c."imageId" IN (SELECT "imageId" FROM u)
      GROUP BY c."imageId", c.cve
    ),
    cc AS (SELECT "imageId", ${perSeverity} FROM cv GROUP BY "imageId")
    SELECT i.id, i.registry, i.repository, i.tag, i.digest, u.clusters, u."clusterNames", u.workloads, u."mutableTag", u."registryAllowed",
           u."firstSeenAt", u."lastSeenAt",
           CASE WHEN cc."imageId" IS NOT NULL THEN 'scan' WHEN imp.counts IS NOT NULL THEN 'import' END AS "countsFrom",
            ${counted}
    FROM u
    JOIN "Image" i ON i.id = u."imageId" AND i."orgId" = $1
    LEFT JOIN cc ON cc."imageId" = i.id
    -- never judged by a scan: the newest import naming its digest, else its repository:tag
    LEFT JOIN LATERAL (
      SELECT vi.counts FROM "VulnImport" vi
      WHERE cc."imageId" IS NULL AND vi."orgId" = $1
        AND ((i.digest <> '' AND vi.digest = i.digest) OR (i.tag <> '' AND vi.registry = i.registry AND vi.repository = i.repository AND vi.tag = i.tag))
      ORDER BY (i.digest <> '' AND vi.digest = i.digest) DESC, vi."scannedAt" DESC, vi.id DESC
      LIMIT 1
    ) imp ON true
  )`;
}

function imageFilters(input: TImageFilters, param: (v: unknown) => string): string[] {
  const where: string[] = [];
  if (input.registry) where.push(`x.registry = ${param(input.registry.trim().toLowerCase())}`);
  const q = input.q?.trim();
  if (q) {
    const like = param(likeOf(q));
    where.push(`(x.repository ILIKE ${like} OR x.registry ILIKE ${like} OR x.tag ILIKE ${like} OR (x.registry || '/' || x.repository || ':' || x.tag) ILIKE ${like})`);
  }
  const f = input.fixable ? "f" : "t";
  if (input.severity === "critical") where.push(`x.c${f} > 0`);
  else if (input.severity === "high") where.push(`(x.c${f} + x.h${f}) > 0`);
  else if (input.fixable) where.push(`(x.cf + x.hf + x.mf + x.lf + x.uf) > 0`);
  if (input.mutable) where.push(`x."mutableTag"`);
  if (input.notAllowed) where.push(`x."registryAllowed" = false`);
  return where;
}

interface TImageSqlRow {
  id: string;
  registry: string;
  repository: string;
  tag: string;
  digest: string;
  clusters: number;
  clusterNames: string[];
  workloads: number;
  mutableTag: boolean;
  registryAllowed: boolean | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  countsFrom: "scan" | "import" | null;
  ct: number; cf: number; ht: number; hf: number; mt: number; mf: number; lt: number; lf: number; ut: number; uf: number;
  total: number;
}

function countsOf(r: Pick<TImageSqlRow, "ct" | "cf" | "ht" | "hf" | "mt" | "mf" | "lt" | "lf" | "ut" | "uf">): VulnCounts {
  return {
    critical: { total: r.ct, fixable: r.cf },
    high: { total: r.ht, fixable: r.hf },
    medium: { total: r.mt, fixable: r.mf },
    low: { total: r.lt, fixable: r.lf },
    unknown: { total: r.ut, fixable: r.uf },
  };
}

type WorstCursor = { s: "worst"; k: [number, number, number, number, number, number, string, string, string] };
type NameCursor = { s: "name"; k: [string, string, string, string, string] };
const isImageCursor = (v: unknown): v is WorstCursor | NameCursor => {
  if (typeof v !== "object" || v === null) return false;
  const c = v as { s?: unknown; k?: unknown };
  if (!Array.isArray(c.k)) return false;
  if (c.s === "worst") return c.k.length === 9 && c.k.slice(0, 6).every((n) => Number.isInteger(n)) && c.k.slice(6).every((s) => typeof s === "string");
  if (c.s === "name") return c.k.length === 5 && c.k.every((s) => typeof s === "string");
  return false;
};

/**
 * Images running in the organization's clusters, worst first (open critical CVEs with a fix, then
 * all critical, the same for high, then medium, then how many workloads run it) or by name;
 * keyset pages. `total` counts every match.
 */
export async function listImages(input: TListImagesInput): Promise<{ items: TImageRow[]; total: number; nextCursor: string | null }> {
  const { params, param } = paramsFor(input.orgId);
  const sort = input.sort ?? "worst";
  const sub = imagesSql(input, param);
  const where = imageFilters(input, param);
  // Worst first as one ascending tuple (counts negated), so a cursor is a plain row comparison.
  const order = sort === "worst" ? [`-x.cf`, `-x.ct`, `-x.hf`, `-x.ht`, `-x.mt`, `-x.workloads`, `x.repository`, `x.tag`, `x.id`] : [`x.registry`, `x.repository`, `x.tag`, `x.digest`, `x.id`];
  const cursor = decodeCursor(input.cursor, isImageCursor);
  const page = cursor && cursor.s === sort ? `(${order.join(", ")}) > (${cursor.k.map((v) => (typeof v === "number" ? `${param(v)}::int` : `${param(v)}::text`)).join(", ")})` : null;
  const limit = clampLimit(input.limit, 50, 200);
  const rows = await db.$queryRawUnsafe<TImageSqlRow[]>(
    `SELECT * FROM (
       SELECT x.*, count(*) OVER ()::int AS total FROM ${sub} x
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ) x
     ${page ? `WHERE ${page}` : ""}
     ORDER BY ${order.join(", ")}
     LIMIT ${param(limit + 1)}`,
    ...params,
  );
  const items = rows.slice(0, limit).map(imageRowOf);
  const last = rows.length > limit ? rows[limit - 1]! : null;
  const next: WorstCursor | NameCursor | null = !last
    ? null
    : sort === "worst"
      ? { s: "worst", k: [-last.cf, -last.ct, -last.hf, -last.ht, -last.mt, -last.workloads, last.repository, last.tag, last.id] }
      : { s: "name", k: [last.registry, last.repository, last.tag, last.digest, last.id] };
  // A later page has no rows before it in the window: the first row's total stands for the whole match.
  const total = rows[0]?.total ?? (page ? -1 : 0);
  return { items, total: total < 0 ? await countImages(input) : total, nextCursor: next ? encodeCursor(next) : null };
}

async function countImages(input: TImageFilters): Promise<number> {
  const { params, param } = paramsFor(input.orgId);
  const sub = imagesSql(input, param);
  const where = imageFilters(input, param);
  const [row] = await db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${sub} x ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`, ...params);
  return row?.n ?? 0;
}

function imageRowOf(r: TImageSqlRow): TImageRow {
  return {
    id: r.id,
    registry: r.registry,
    repository: r.repository,
    tag: r.tag,
    digest: r.digest,
    clusters: r.clusters,
    clusterNames: [...r.clusterNames].sort(),
    workloads: r.workloads,
    mutableTag: r.mutableTag,
    registryAllowed: r.registryAllowed,
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
    counts: countsOf(r),
    countsFrom: r.countsFrom,
  };
}

/** Registries the running images come from, worst first, with the same filters as listImages. */
export async function listImageRegistries(input: TImageFilters): Promise<TRegistryRow[]> {
  const { params, param } = paramsFor(input.orgId);
  const sub = imagesSql(input, param);
  const where = imageFilters(input, param);
  const useCluster = input.clusterId !== undefined ? `AND u."clusterId" = ${param(input.clusterId)}` : "";
  return db.$queryRawUnsafe<TRegistryRow[]>(
    `WITH x AS (SELECT x.* FROM ${sub} x ${where.length ? `WHERE ${where.join(" AND ")}` : ""})
     SELECT x.registry,
            count(*)::int AS images,
            count(DISTINCT x.repository)::int AS repositories,
            (SELECT count(DISTINCT (u."clusterId", u.kind, u.namespace, u.name))::int FROM "ImageUse" u
              WHERE u."orgId" = $1 AND u."goneAt" IS NULL ${useCluster} AND u."imageId" IN (SELECT y.id FROM x y WHERE y.registry = x.registry)) AS workloads,
            (SELECT count(DISTINCT u."clusterId")::int FROM "ImageUse" u
              WHERE u."orgId" = $1 AND u."goneAt" IS NULL ${useCluster} AND u."imageId" IN (SELECT y.id FROM x y WHERE y.registry = x.registry)) AS clusters,
            count(*) FILTER (WHERE x."mutableTag")::int AS "mutableImages",
            bool_and(x."registryAllowed") AS "registryAllowed",
            sum(x.ct)::int AS critical, sum(x.ht)::int AS high, sum(x.cf + x.hf + x.mf + x.lf + x.uf)::int AS fixable
     FROM x GROUP BY x.registry
     ORDER BY sum(x.ct) DESC, sum(x.ht) DESC, count(*) DESC, x.registry
     LIMIT 500`,
    ...params,
  );
}

/** Registries and clusters the filters offer (running images only). */
export async function imageFilterChoices(input: { orgId: string }): Promise<{ registries: string[]; clusters: Array<{ id: string; name: string }> }> {
  const [registries, clusters] = await Promise.all([
    db.$queryRawUnsafe<Array<{ registry: string }>>(
      `SELECT DISTINCT i.registry FROM "ImageUse" u JOIN "Image" i ON i.id = u."imageId" WHERE u."orgId" = $1 AND u."goneAt" IS NULL ORDER BY i.registry LIMIT 500`,
      input.orgId,
    ),
    db.cluster.findMany({ where: { orgId: input.orgId }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 }),
  ]);
  return { registries: registries.map((r) => r.registry), clusters };
}

// ---------------------------------------------------------------------------------------------
// One image

export interface TImageUseView {
  id: string;
  clusterId: string;
  clusterName: string;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  container: string;
  containerType: string;
  reference: string;
  pullPolicy: string | null;
  mutableTag: boolean;
  registryAllowed: boolean | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  goneAt: Date | null;
  /** The open image-vulnerabilities finding of this workload's container, when there is one. */
  findingId: string | null;
}

export interface TImageCveView extends FindingCve {
  /** Other ids of the same vulnerability, when the report gave them. */
  aliases?: string[];
  /** Workloads (of those running it) whose finding lists it; 0 when only an import says so. */
  workloads: number;
  /** "scan": a scan's finding lists it; "import": only the newest import (not judged yet). */
  from: "scan" | "import";
}

export interface TImageReportView {
  /** Where the CVE list comes from: the findings' report(s), or an import not judged yet. */
  from: "scan" | "import";
  source: string;
  scanner: string | null;
  match: string | null;
  reportedAt: string | null;
  stale: boolean;
}

export interface TImageImportView {
  id: string;
  format: string;
  scanner: string | null;
  scannedAt: Date;
  createdAt: Date;
  vulnCount: number;
  match: "digest" | "tag";
}

export interface TImageDetail {
  image: { id: string; registry: string; repository: string; tag: string; digest: string; firstSeenAt: Date; lastSeenAt: Date };
  uses: TImageUseView[];
  /** Open CVEs, excepted ones not counted. */
  counts: VulnCounts;
  cves: TImageCveView[];
  reports: TImageReportView[];
  imports: TImageImportView[];
  /** Open CVEs per UTC day (oldest first), from when scans first saw them until resolved. */
  trend: Array<{ day: string; critical: number; high: number; other: number }>;
}

const MAX_USES = 500;
const TREND_DAYS = 90;
const NOT_RESOLVED = ["open", "in_progress", "reopened", "excepted"] as const;

/** One image of the organization, or null (also for another organization's id). */
export async function imageDetail(input: { orgId: string; imageId: string; now?: Date }): Promise<TImageDetail | null> {
  const now = input.now ?? new Date();
  const image = await db.image.findFirst({
    where: { id: input.imageId, orgId: input.orgId },
    select: { id: true, registry: true, repository: true, tag: true, digest: true, firstSeenAt: true, lastSeenAt: true },
  });
  if (!image) return null;
  const useRows = await db.imageUse.findMany({
    where: { orgId: input.orgId, imageId: image.id },
    include: { cluster: { select: { name: true } } },
    // Running ones first, then the most recently gone.
    orderBy: [{ goneAt: { sort: "desc", nulls: "first" } }, { lastSeenAt: "desc" }, { id: "asc" }],
    take: MAX_USES,
  });
  const running = useRows.filter((u) => !u.goneAt);

  const findings = running.length
    ? await db.finding.findMany({
        where: {
          orgId: input.orgId,
          ruleId: "image-vulnerabilities",
          status: { in: [...NOT_RESOLVED] },
          OR: uniqueWorkloads(running).map((w) => ({ clusterId: w.clusterId, kind: w.kind, namespace: w.namespace || null, name: w.name })),
        },
        select: { id: true, clusterId: true, kind: true, namespace: true, name: true, details: true, lastSeenAt: true },
      })
    : [];
  // A workload's finding speaks for the container it names (one finding per workload x container).
  const findingOf = new Map<string, { id: string; details: NonNullable<FindingDetails["vulnerabilities"]>; lastSeenAt: Date }>();
  for (const f of findings) {
    const v = (f.details as FindingDetails | null)?.vulnerabilities;
    if (!v) continue;
    findingOf.set(useKey(f.clusterId, f.kind, f.namespace ?? "", f.name, v.container), { id: f.id, details: v, lastSeenAt: f.lastSeenAt });
  }
  const uses: TImageUseView[] = useRows.map((u) => ({
    id: u.id,
    clusterId: u.clusterId,
    clusterName: u.cluster.name,
    apiVersion: u.apiVersion,
    kind: u.kind,
    namespace: u.namespace,
    name: u.name,
    container: u.container,
    containerType: u.containerType,
    reference: u.reference,
    pullPolicy: u.pullPolicy,
    mutableTag: u.mutableTag,
    registryAllowed: u.registryAllowed,
    firstSeenAt: u.firstSeenAt,
    lastSeenAt: u.lastSeenAt,
    goneAt: u.goneAt,
    findingId: u.goneAt ? null : (findingOf.get(useKey(u.clusterId, u.kind, u.namespace, u.name, u.container))?.id ?? null),
  }));

  // The CVEs the findings list, merged across workloads (the same image can be excepted in one
  // namespace and not another: excepted only where every finding says so).
  const merged = new Map<string, TImageCveView & { exceptedIn: number }>();
  const reports = new Map<string, TImageReportView>();
  let judgedAt = 0;
  for (const { details, lastSeenAt } of findingOf.values()) {
    judgedAt = Math.max(judgedAt, lastSeenAt.getTime());
    const rk = `${details.source}|${details.match}|${details.reportedAt ?? ""}`;
    if (!reports.has(rk)) reports.set(rk, { from: "scan", source: details.source, scanner: details.scanner ?? null, match: details.match, reportedAt: details.reportedAt ?? null, stale: details.stale });
    for (const c of details.cves) {
      const k = `${c.id}|${c.package}`;
      const prev = merged.get(k);
      if (!prev) merged.set(k, { ...c, workloads: 1, from: "scan", exceptedIn: c.excepted ? 1 : 0 });
      else {
        prev.workloads += 1;
        if (c.excepted) prev.exceptedIn += 1;
      }
    }
  }
  const cves: TImageCveView[] = [...merged.values()].map(({ exceptedIn, ...c }) => {
    if (c.excepted && exceptedIn < c.workloads) {
      const { excepted: _partial, ...rest } = c;
      return rest;
    }
    return c;
  });

  const imports = await importsOf(input.orgId, image);
  // The newest import adds what no scan has judged yet (imported after the findings' last scan).
  const newest = imports[0];
  if (newest && newest.createdAt.getTime() > judgedAt) {
    const row = await db.vulnImport.findFirst({ where: { id: newest.id, orgId: input.orgId }, select: { vulnerabilities: true, format: true, scanner: true, scannedAt: true } });
    const vulns = Array.isArray(row?.vulnerabilities) ? (row.vulnerabilities as unknown as Vulnerability[]) : [];
    if (row) {
      reports.set(`import|${newest.id}`, {
        from: "import",
        source: row.format,
        scanner: row.scanner,
        match: newest.match,
        reportedAt: row.scannedAt.toISOString(),
        stale: now.getTime() - row.scannedAt.getTime() > 7 * DAY_MS,
      });
    }
    const exceptions = await activeExceptionsFor(input.orgId, repositoryName(image), now);
    for (const v of vulns) {
      if (merged.has(`${v.id}|${v.package}`)) continue;
      const ex = exceptions.find((e) => e.cve === v.id || (v.aliases ?? []).includes(e.cve));
      const vex = v.vex && (v.vex.state === "not_affected" || v.vex.state === "fixed") ? v.vex : undefined;
      cves.push({
        id: v.id,
        severity: v.severity,
        package: v.package,
        installedVersion: v.installedVersion,
        ...(v.fixedVersion ? { fixedVersion: v.fixedVersion } : {}),
        ...(v.score !== undefined ? { score: v.score } : {}),
        ...(v.title ? { title: v.title } : {}),
        ...(v.link ? { link: v.link } : {}),
        ...(v.aliases?.length ? { aliases: v.aliases } : {}),
        ...(ex
          ? { excepted: { by: "exception" as const, id: ex.id, state: ex.state, ...(ex.justification ? { justification: ex.justification } : {}), note: ex.note, ...(ex.expiresAt ? { expiresAt: ex.expiresAt.toISOString() } : {}) } }
          : vex
            ? { excepted: { by: "vex" as const, state: vex.state, ...(vex.justification ? { justification: vex.justification } : {}), ...(vex.detail ? { note: vex.detail } : {}) } }
            : {}),
        workloads: 0,
        from: "import",
      });
    }
  }
  cves.sort(cveOrder);
  const counts = emptyCounts();
  const counted = new Set<string>();
  for (const c of cves) {
    if (c.excepted || counted.has(c.id)) continue;
    counted.add(c.id);
    counts[c.severity].total += 1;
    if (c.fixedVersion) counts[c.severity].fixable += 1;
  }

  return { image, uses, counts, cves, reports: [...reports.values()], imports, trend: await imageTrend(input.orgId, image.id, now) };
}

const useKey = (clusterId: string, kind: string, namespace: string, name: string, container: string) => `${clusterId}|${kind}|${namespace}|${name}|${container}`;

function uniqueWorkloads<T extends { clusterId: string; kind: string; namespace: string; name: string }>(rows: T[]): T[] {
  const seen = new Map<string, T>();
  for (const r of rows) seen.set(`${r.clusterId}|${r.kind}|${r.namespace}|${r.name}`, r);
  return [...seen.values()];
}

/** Not excepted first, then worst, fixable before unfixable, then id and package. */
function cveOrder(a: TImageCveView, b: TImageCveView): number {
  return (
    Number(!!a.excepted) - Number(!!b.excepted) ||
    VULN_SEVERITY_RANK[b.severity] - VULN_SEVERITY_RANK[a.severity] ||
    Number(!a.fixedVersion) - Number(!b.fixedVersion) ||
    a.id.localeCompare(b.id) ||
    a.package.localeCompare(b.package)
  );
}

/** Imports naming this image: by its digest, else by its repository:tag; newest first, at most 10. */
async function importsOf(orgId: string, image: { registry: string; repository: string; tag: string; digest: string }): Promise<TImageImportView[]> {
  const or = [
    ...(image.digest ? [{ digest: image.digest }] : []),
    ...(image.tag ? [{ registry: image.registry, repository: image.repository, tag: image.tag }] : []),
  ];
  if (!or.length) return [];
  const rows = await db.vulnImport.findMany({
    where: { orgId, OR: or },
    select: { id: true, format: true, scanner: true, scannedAt: true, createdAt: true, vulnCount: true, digest: true },
    orderBy: [{ scannedAt: "desc" }, { id: "desc" }],
    take: 20,
  });
  const views = rows.map((r) => ({ id: r.id, format: r.format, scanner: r.scanner, scannedAt: r.scannedAt, createdAt: r.createdAt, vulnCount: r.vulnCount, match: image.digest && r.digest === image.digest ? ("digest" as const) : ("tag" as const) }));
  // A digest match is the stronger claim: it leads when there is one.
  return views.sort((a, b) => Number(a.match !== "digest") - Number(b.match !== "digest")).slice(0, 10);
}

/**
 * Active CVE exceptions that hold wherever the image runs (unscoped, or limited to its
 * repository): a cluster- or namespace-scoped one is judged per workload by the next scan.
 */
async function activeExceptionsFor(orgId: string, repository: string, now: Date) {
  return db.cveException.findMany({
    where: {
      orgId,
      revokedAt: null,
      clusterId: null,
      namespace: null,
      AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, { OR: [{ repository: null }, { repository }] }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
}

async function imageTrend(orgId: string, imageId: string, now: Date): Promise<TImageDetail["trend"]> {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const start = new Date(end.getTime() - (TREND_DAYS - 1) * DAY_MS);
  const rows = await db.$queryRawUnsafe<Array<{ day: Date; critical: number; high: number; other: number }>>(
    `WITH days AS (SELECT generate_series($3::timestamp, $4::timestamp, interval '1 day') AS day),
     cv AS (
       SELECT c.cve, min(c.severity) AS severity, min(c."firstSeenAt") AS "firstSeenAt",
              CASE WHEN bool_or(c."resolvedAt" IS NULL) THEN NULL ELSE max(c."resolvedAt") END AS "resolvedAt"
       FROM "ImageCve" c WHERE c."orgId" = $1 AND c."imageId" = $2 GROUP BY c.cve
     )
     SELECT d.day,
            count(cv.cve) FILTER (WHERE cv.severity = 'critical')::int AS critical,
            count(cv.cve) FILTER (WHERE cv.severity = 'high')::int AS high,
            count(cv.cve) FILTER (WHERE cv.severity NOT IN ('critical', 'high'))::int AS other
     FROM days d
     LEFT JOIN cv ON cv."firstSeenAt" < d.day + interval '1 day' AND (cv."resolvedAt" IS NULL OR cv."resolvedAt" >= d.day + interval '1 day')
     GROUP BY d.day ORDER BY d.day`,
    orgId,
    imageId,
    pgTimestamp(start),
    pgTimestamp(end),
  );
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), critical: r.critical, high: r.high, other: r.other }));
}

// ---------------------------------------------------------------------------------------------
// The fleet's vulnerabilities

export interface TListVulnerabilitiesInput {
  orgId: string;
  clusterId?: string;
  /** At least this severity. */
  severity?: "critical" | "high" | "medium" | "low";
  fixable?: boolean;
  /** CVE id or package contains. */
  q?: string;
  /** Only CVEs of this image. */
  imageId?: string;
  /** Default 50, at most 200. */
  limit?: number;
  cursor?: string;
}

export interface TVulnerabilityRow {
  cve: string;
  severity: VulnSeverity;
  fixable: boolean;
  /** Fixed versions as the reports write them (a few). */
  fixedVersions: string[];
  packages: string[];
  images: number;
  workloads: number;
  clusters: number;
  /** The image when only one has it, for a direct link. */
  imageId: string | null;
  image: { registry: string; repository: string; tag: string } | null;
  firstSeenAt: Date;
  /** Active CVE exceptions naming it (a scoped one excepts it in some places only). */
  exceptions: Array<{ id: string; state: string; scoped: boolean; expiresAt: Date | null }>;
}

const SEVERITY_ORDER = ["critical", "high", "medium", "low", "info"] as const;
type VulnCursor = [string, boolean, number, string];
const isVulnCursor = (v: unknown): v is VulnCursor =>
  Array.isArray(v) && v.length === 4 && (SEVERITY_ORDER as readonly unknown[]).includes(v[0]) && typeof v[1] === "boolean" && Number.isInteger(v[2]) && typeof v[3] === "string";

/**
 * Open CVEs across the organization's running images, worst first (severity, fixable before not,
 * most workloads), one row per CVE; keyset pages.
 */
export async function listVulnerabilities(input: TListVulnerabilitiesInput): Promise<{ items: TVulnerabilityRow[]; total: number; nextCursor: string | null }> {
  const { params, param } = paramsFor(input.orgId);
  const where = [`c."orgId" = $1`, `c."resolvedAt" IS NULL`];
  if (input.clusterId !== undefined) where.push(`c."clusterId" = ${param(input.clusterId)}`);
  if (input.imageId !== undefined) where.push(`c."imageId" = ${param(input.imageId)}`);
  if (input.severity) where.push(`c.severity <= ${param(input.severity)}::"Severity"`);
  const q = input.q?.trim();
  if (q) {
    const like = param(likeOf(q));
    where.push(`(c.cve ILIKE ${like} OR c.package ILIKE ${like})`);
  }
  const having = input.fixable ? `HAVING bool_or(c.fixable)` : "";
  const cursor = decodeCursor(input.cursor, isVulnCursor);
  const order = `x.severity, NOT x.fixable, -x.workloads, x.cve`;
  const page = cursor ? `WHERE (${order}) > (${param(cursor[0])}::"Severity", ${param(!cursor[1])}::boolean, ${param(-cursor[2])}::int, ${param(cursor[3])}::text)` : "";
  const limit = clampLimit(input.limit, 50, 200);
  const rows = await db.$queryRawUnsafe<Array<Omit<TVulnerabilityRow, "exceptions" | "severity"> & { severity: string; total: number }>>(
    `WITH cv AS (
       SELECT c.cve, min(c.severity) AS severity, bool_or(c.fixable) AS fixable,
              (array_agg(DISTINCT c."fixedVersion") FILTER (WHERE c."fixedVersion" IS NOT NULL))[1:5] AS "fixedVersions",
              (array_agg(DISTINCT c.package))[1:5] AS packages,
              count(DISTINCT c."imageId")::int AS images, count(DISTINCT c."clusterId")::int AS clusters,
              CASE WHEN count(DISTINCT c."imageId") = 1 THEN min(c."imageId") END AS "imageId",
              min(c."firstSeenAt") AS "firstSeenAt",
              array_agg(DISTINCT (c."clusterId" || '|' || c."imageId")) AS places
       FROM "ImageCve" c
       WHERE ${where.join(" AND ")}
       GROUP BY c.cve ${having}
     ),
     x AS (
       SELECT cv.cve, cv.severity, cv.fixable, cv."fixedVersions", cv.packages, cv.images, cv.clusters, cv."imageId", cv."firstSeenAt",
              (SELECT count(DISTINCT (u."clusterId", u.kind, u.namespace, u.name))::int FROM "ImageUse" u
                WHERE u."orgId" = $1 AND u."goneAt" IS NULL AND (u."clusterId" || '|' || u."imageId") = ANY(cv.places)) AS workloads,
              count(*) OVER ()::int AS total
       FROM cv
     )
     SELECT x.*, CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object('registry', i.registry, 'repository', i.repository, 'tag', i.tag) END AS image
     FROM x LEFT JOIN "Image" i ON i.id = x."imageId" AND i."orgId" = $1
     ${page}
     ORDER BY ${order}
     LIMIT ${param(limit + 1)}`,
    ...params,
  );
  const pageRows = rows.slice(0, limit);
  const ids = pageRows.map((r) => r.cve);
  const now = new Date();
  const exceptions = ids.length
    ? await db.cveException.findMany({
        where: { orgId: input.orgId, cve: { in: ids }, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        select: { id: true, cve: true, state: true, repository: true, clusterId: true, namespace: true, expiresAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    : [];
  const items = pageRows.map(({ total: _total, ...r }) => ({
    ...r,
    severity: vulnSeverity(r.severity),
    fixedVersions: r.fixedVersions ?? [],
    packages: r.packages ?? [],
    exceptions: exceptions.filter((e) => e.cve === r.cve).map((e) => ({ id: e.id, state: e.state, scoped: !!(e.repository || e.clusterId || e.namespace), expiresAt: e.expiresAt })),
  }));
  const last = rows.length > limit ? rows[limit - 1]! : null;
  const total = rows[0]?.total ?? (cursor ? -1 : 0);
  return {
    items,
    total: total < 0 ? 0 : total,
    nextCursor: last ? encodeCursor([last.severity, last.fixable, last.workloads, last.cve] satisfies VulnCursor) : null,
  };
}

/** Whether the organization has any vulnerability data yet (the pages' empty states say how to get some). */
export async function vulnDataPresence(input: { orgId: string }): Promise<{ imports: number; judged: boolean; images: number }> {
  const [imports, judged, images] = await Promise.all([
    db.vulnImport.count({ where: { orgId: input.orgId } }),
    db.imageCve.findFirst({ where: { orgId: input.orgId }, select: { id: true } }),
    db.imageUse.count({ where: { orgId: input.orgId, goneAt: null } }),
  ]);
  return { imports, judged: judged !== null, images };
}

/** The image a workload's container runs now (an image-vulnerabilities finding links to it), or null. */
export async function imageIdOfContainer(input: { orgId: string; clusterId: string; kind: string; namespace: string | null; name: string; container: string }): Promise<string | null> {
  const use = await db.imageUse.findFirst({
    where: { orgId: input.orgId, clusterId: input.clusterId, kind: input.kind, namespace: input.namespace ?? "", name: input.name, container: input.container, goneAt: null },
    select: { imageId: true },
    orderBy: { lastSeenAt: "desc" },
  });
  return use?.imageId ?? null;
}
