// Stores one scan's results in one transaction. A finding is one row per (cluster, fingerprint):
//
// - new fingerprints are inserted in batches (INSERT ... SELECT FROM unnest(...));
// - present ones are written only when something about them changed (severity, message, observed
//   value, remediation, fix, or status: resolved -> reopened, exception -> excepted). An unchanged
//   rescan writes no finding rows at all. "Still present" therefore is not a per-row timestamp:
//   every unresolved finding was present in the cluster's last scan (Cluster.lastScanId/At), and
//   lastSeenScanId/lastSeenAt record the last scan that changed the row;
// - vanished ones are resolved, except when their rule was not evaluated in this scan or their
//   object's kind was not read (forbidden, failed): a partial scan never falsely resolves;
// - ClusterObject rows (the YAML shown on a finding) are upserted only for objects that have
//   findings and whose content hash changed.
// FindingEvent rows (with scanId) record reopen/resolve and exception transitions; creation is
// firstSeenAt/firstSeenScanId. Due dates follow the organization's SLA policy: set on insert
// (first seen + days for the severity), moved when the severity changes (same clock start), and
// restarted when a finding reopens. exceptionId is the engine's exception id (a RiskException).
// A finding expected for a platform component (the engine's baseline) is stored with baselineId
// and its reason: never open work, and without a due date.
// The scan's risks (attack paths) are stored in the same transaction (risks/upsert-scan-risks).
import { createHash } from "node:crypto";
import type { Finding as EngineFinding, KindReadResult, KubeObject, Profile, Risk as EngineRisk, RuleStatus, ScoreItem, Severity } from "@bulwark/rules";
import type { Prisma, ScanStatus } from "../generated/prisma/client";
import { db, type Tx } from "../client";
import { newId } from "../ids";
import { manifestHash, objectKey, sanitizeManifest } from "../objects/sanitize-manifest";
import { dueDateFor, resolveSlaPolicy, type TSlaPolicy } from "../sla/sla-policy";
import { openWorkSql } from "../findings/open-finding-where";
import { upsertScanRisks, type TRiskIngestStats } from "../risks/upsert-scan-risks";

const BATCH = 2000;
const UNRESOLVED = new Set(["open", "reopened", "in_progress", "excepted"]);

export interface TRecordScanResultsInput {
  orgId: string;
  scanId: string;
  /** When given, only this worker's claim may record (a worker declared dead can't overwrite). */
  workerId?: string;
  /** The engine's result; its 0..100 score is stored with one decimal. */
  result: {
    findings: readonly EngineFinding[];
    rules: readonly RuleStatus[];
    score: number;
    counts: Record<Severity, number>;
    objectCount: number;
    /** Attack paths; absent = none. */
    risks?: readonly EngineRisk[];
    /** Findings expected for platform components. */
    expected?: number;
    /** The score's explanation, costliest first. */
    scoreItems?: readonly ScoreItem[];
    /** The profile the engine ran with. */
    profile?: Profile;
  };
  kinds: readonly KindReadResult[];
  /** The snapshot's objects; only those with findings are stored. */
  objects: readonly KubeObject[];
  kubeVersion?: string;
  gitVersion?: string;
  provider?: string;
  rulesVersion?: string;
  durationMs?: number;
}

export interface TIngestStats {
  inserted: number;
  updated: number;
  reopened: number;
  resolved: number;
  /** Unresolved findings of disabled or removed rules, resolved as "retired" (not counted as fixed). */
  retired: number;
  /** Present findings sent to the database for comparison (their digest differed). */
  compared: number;
  /** Unresolved findings whose rule or kind was not evaluated this scan, left as they were. */
  keptUnjudged: number;
  objectsWritten: number;
  risks: TRiskIngestStats;
  ms: number;
}

export interface TRecordScanResultsOutput {
  status: Extract<ScanStatus, "succeeded" | "partial">;
  stats: TIngestStats;
}

type Existing = { id: string; fingerprint: string; status: string; ruleId: string; kind: string; namespace: string | null; name: string; exceptionId: string | null; baselineId: string | null; content: string };

const SEP = "\u001f";
const NULL_MARK = "\u0002";

/**
 * Postgres' text form of a jsonb value (object keys ordered by length, then bytes; ", " and ": "
 * separators), so a fix or a finding's details can be compared without a round trip. null when
 * not predictable (numbers Postgres would print otherwise); the row is then sent and compared in
 * SQL, so a wrong guess only costs a little transfer.
 */
function jsonbText(value: unknown): string | null {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) && !/e/i.test(String(value)) ? String(value) : null;
    case "object":
      break;
    default:
      return null;
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const v of value) {
      const t = jsonbText(v === undefined ? null : v);
      if (t === null) return null;
      items.push(t);
    }
    return `[${items.join(", ")}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => {
    const la = Buffer.byteLength(a);
    const lb = Buffer.byteLength(b);
    return la !== lb ? la - lb : Buffer.compare(Buffer.from(a), Buffer.from(b));
  });
  const parts: string[] = [];
  for (const [k, v] of entries) {
    const t = jsonbText(v);
    if (t === null) return null;
    parts.push(`${JSON.stringify(k)}: ${t}`);
  }
  return `{${parts.join(", ")}}`;
}

const CHECK_SEP = "\u001e";

/** The rule ids a finding stands for, lead first (the engine may leave it out: [ruleId]). */
const checksOf = (f: EngineFinding): string[] => (f.checks?.length ? f.checks : [f.ruleId]);

/** Same digest as the SQL in ingestFindings computes over the stored row. */
function contentDigest(f: EngineFinding): string | null {
  const fix = f.fix ? jsonbText(f.fix) : NULL_MARK;
  const details = f.details ? jsonbText(f.details) : NULL_MARK;
  if (fix === null || details === null) return null;
  const parts = [f.severity, f.message, f.observed ?? NULL_MARK, f.remediation, fix, checksOf(f).join(CHECK_SEP), f.baseline?.id ?? NULL_MARK, f.baseline?.reason ?? NULL_MARK, details];
  return createHash("md5").update(parts.join(SEP), "utf8").digest("hex");
}

/** Postgres' one-decimal score, as the engine computes it. */
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** A timestamp as Postgres' `timestamp` (without time zone, UTC as Prisma stores it) text. */
/** A UTC instant as Postgres' timestamp (without time zone) text, as Prisma stores DateTime. */
export function pgTimestamp(d: Date | null): string | null {
  return d ? d.toISOString().replace("T", " ").replace("Z", "") : null;
}

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Returns null when the scan is not (or no longer) running under this claim: nothing is written. */
export async function recordScanResults(input: TRecordScanResultsInput): Promise<TRecordScanResultsOutput | null> {
  const started = Date.now();
  return db.$transaction(
    async (tx) => {
      const [scan] = await tx.$queryRawUnsafe<Array<{ clusterId: string; status: string; workerId: string | null; startedAt: Date | null }>>(
        `SELECT "clusterId", status::text AS status, "workerId", "startedAt" FROM "Scan" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`,
        input.scanId,
        input.orgId,
      );
      if (!scan || scan.status !== "running") return null;
      if (input.workerId && scan.workerId !== input.workerId) return null;
      const clusterId = scan.clusterId;
      const now = new Date();
      const { stats, unreadKinds, open } = await ingestScanResults(tx, { ...input, clusterId, now });

      const partial = unreadKinds.size > 0;
      const status = partial ? "partial" : "succeeded";
      await tx.scan.update({
        where: { id: input.scanId },
        data: {
          status,
          phase: "done",
          progress: 100,
          durationMs: input.durationMs ?? (scan.startedAt ? now.getTime() - scan.startedAt.getTime() : null),
          ...scanSummary(input.result),
          newCount: stats.inserted,
          fixedCount: stats.resolved,
          reopenedCount: stats.reopened,
          openCount: open,
          error: partial ? partialReason(input.kinds) : null,
          kinds: input.kinds as unknown as Prisma.InputJsonValue,
          kubeVersion: input.kubeVersion ?? null,
          rulesVersion: input.rulesVersion ?? null,
          heartbeatAt: now,
          finishedAt: now,
        },
      });
      await tx.cluster.update({
        where: { id: clusterId },
        data: {
          lastScanId: input.scanId,
          lastScanAt: now,
          score: oneDecimal(input.result.score),
          connectionStatus: "connected",
          connectionError: null,
          connectionCheckedAt: now,
          ...(input.kubeVersion ? { kubeVersion: input.kubeVersion } : {}),
          ...(input.gitVersion ? { gitVersion: input.gitVersion } : {}),
          ...(input.provider ? { provider: input.provider } : {}),
        },
      });
      return { status, stats: { ...stats, ms: Date.now() - started } };
    },
    { timeout: 180_000, maxWait: 30_000 },
  );
}

/**
 * The Scan row's summary of an engine result (severity and risk counts, score, rules), shared by a
 * scan's record and a live record, which both describe the whole cluster as judged.
 */
export function scanSummary(result: TRecordScanResultsInput["result"]) {
  const c = result.counts;
  const risks = result.risks ?? [];
  // Open risks per severity: not excepted, not expected for a platform component.
  const riskCount = (sev: Severity) => risks.filter((r) => r.severity === sev && !r.exception && !r.baseline).length;
  return {
    objectCount: result.objectCount,
    critical: c.critical,
    high: c.high,
    medium: c.medium,
    low: c.low,
    info: c.info,
    score: oneDecimal(result.score),
    riskCritical: riskCount("critical"),
    riskHigh: riskCount("high"),
    riskMedium: riskCount("medium"),
    riskLow: riskCount("low"),
    expectedCount: result.expected ?? result.findings.filter((f) => f.baseline).length,
    scoreItems: result.scoreItems ? (result.scoreItems as unknown as Prisma.InputJsonValue) : undefined,
    profile: result.profile ?? null,
    rules: result.rules as unknown as Prisma.InputJsonValue,
  } satisfies Prisma.ScanUpdateInput;
}

export interface TIngestScanResultsInput {
  orgId: string;
  clusterId: string;
  scanId: string;
  now: Date;
  result: TRecordScanResultsInput["result"];
  kinds: readonly KindReadResult[];
  objects: readonly KubeObject[];
}

export interface TIngestScanResultsOutput {
  stats: Omit<TIngestStats, "ms">;
  /** Kinds not read (forbidden, failed): the scan is partial. */
  unreadKinds: Set<string>;
  /** Open work on the cluster after ingestion. */
  open: number;
}

/**
 * The ingestion core shared by a scan's record and continuous mode's live record
 * (watch/record-live-results): findings, the objects behind them and risks, under the cluster's
 * row lock, inside the caller's transaction. Writes nothing on the Scan or Cluster rows.
 */
export async function ingestScanResults(tx: Tx, input: TIngestScanResultsInput): Promise<TIngestScanResultsOutput> {
  const { orgId, clusterId, scanId, now } = input;
  // One ingestion per cluster at a time: concurrent scans of a cluster would race on the same fingerprints.
  await tx.$queryRawUnsafe(`SELECT id FROM "Cluster" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, clusterId, orgId);
  const org = await tx.organization.findUnique({ where: { id: orgId }, select: { slaPolicy: true } });
  const sla = resolveSlaPolicy(org?.slaPolicy);

  const { unjudged, ...stats } = await ingestFindings(tx, { ...input, clusterId, now, sla });
  const objectsWritten = await upsertObjects(tx, { orgId, clusterId, scanId, findings: input.result.findings, objects: input.objects });
  const risks = input.result.risks ?? [];
  const unreadKinds = new Set(input.kinds.filter((k) => k.status === "forbidden" || k.status === "failed").map((k) => k.kind));
  const riskStats = await upsertScanRisks(tx, { orgId, clusterId, scanId, now, sla, risks, unjudgedFingerprints: unjudged, unreadKinds });
  const [{ open }] = (await tx.$queryRawUnsafe<Array<{ open: number }>>(
    `SELECT count(*)::int AS open FROM "Finding" WHERE "clusterId" = $1 AND ${openWorkSql()}`,
    clusterId,
  )) as [{ open: number }];
  return { stats: { ...stats, objectsWritten, risks: riskStats }, unreadKinds, open };
}

export function partialReason(kinds: readonly KindReadResult[]): string {
  const bad = kinds.filter((k) => k.status === "forbidden" || k.status === "failed");
  const list = bad.slice(0, 8).map((k) => `${k.resource} ${k.status}${k.error ? ` (${k.error})` : ""}`);
  return `not everything could be read: ${list.join("; ")}${bad.length > 8 ? `; and ${bad.length - 8} more` : ""}`;
}

async function ingestFindings(
  tx: Tx,
  input: TIngestScanResultsInput & { sla: TSlaPolicy },
): Promise<Omit<TIngestStats, "objectsWritten" | "ms" | "risks"> & { unjudged: Set<string> }> {
  const { orgId, clusterId, scanId, now, sla } = input;
  const existing = await tx.$queryRawUnsafe<Existing[]>(
    `SELECT id, fingerprint, status::text AS status, "ruleId", kind, namespace, name, "exceptionId", "baselineId",
            md5(concat_ws(chr(31), severity::text, message, coalesce(observed, chr(2)), remediation, coalesce(fix::text, chr(2)),
                          coalesce(array_to_string(checks, chr(30)), ''), coalesce("baselineId", chr(2)), coalesce("baselineReason", chr(2)), coalesce(details::text, chr(2)))) AS content
     FROM "Finding" WHERE "clusterId" = $1`,
    clusterId,
  );
  const byFp = new Map(existing.map((e) => [e.fingerprint, e]));
  // Only ids of this organization's RiskExceptions are stored (older policy-JSON exceptions have other ids).
  const wantedExceptions = [...new Set(input.result.findings.map((f) => f.exception?.id).filter((id): id is string => Boolean(id)))];
  const knownExceptions = new Set(
    wantedExceptions.length
      ? (await tx.$queryRawUnsafe<Array<{ id: string }>>(`SELECT id FROM "RiskException" WHERE "orgId" = $1 AND id = ANY($2::text[])`, orgId, wantedExceptions)).map((r) => r.id)
      : [],
  );
  const exceptionIdOf = (f: EngineFinding): string | null => (f.exception && knownExceptions.has(f.exception.id) ? f.exception.id : null);
  const seen = new Set<string>();
  const inserts: EngineFinding[] = [];
  const touches: Array<{ id: string; f: EngineFinding; status: string; reopen: boolean }> = [];
  const reopenedIds: string[] = [];
  // Status moves caused by an exception starting or ending to cover a finding.
  const exceptionEvents: Array<{ id: string; type: string; data: Record<string, unknown> }> = [];
  for (const f of input.result.findings) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    const prev = byFp.get(f.fingerprint);
    if (!prev) {
      inserts.push(f);
      continue;
    }
    const exceptionId = exceptionIdOf(f);
    let status = prev.status;
    if (f.exception) status = "excepted";
    else if (prev.status === "resolved") status = "reopened";
    // An exception that no longer covers the finding (revoked, expired, narrowed) hands it back as open;
    // "excepted" without an exception id is legacy manual triage and stays.
    else if (prev.status === "excepted" && prev.exceptionId) status = "open";
    if (prev.status === "resolved") reopenedIds.push(prev.id);
    if (status === "excepted" && prev.status !== "excepted") exceptionEvents.push({ id: prev.id, type: "excepted", data: { exceptionId, from: prev.status } });
    else if (status === "open" && prev.status === "excepted") exceptionEvents.push({ id: prev.id, type: "exception_ended", data: { exceptionId: prev.exceptionId } });
    // Only rows that (probably) changed are sent; the UPDATE compares again in SQL.
    if (status !== prev.status || exceptionId !== prev.exceptionId || contentDigest(f) !== prev.content) {
      touches.push({ id: prev.id, f, status, reopen: prev.status === "resolved" });
    }
  }

  const evaluated = new Set(input.result.rules.filter((r) => r.status === "passed" || r.status === "failed").map((r) => r.id));
  const readKinds = new Set(input.kinds.filter((k) => k.status === "read").map((k) => k.kind));
  // A rule the organization disabled, or one that no longer exists (a deleted custom rule, a rule
  // dropped from the catalog), will never judge its findings again: they are retired (resolved
  // with a "retired" event naming why), not counted as fixed, and come back as reopened if the
  // rule returns and still sees them.
  const ruleStatus = new Map(input.result.rules.map((r) => [r.id, r.status]));
  const resolveIds: string[] = [];
  const retired: Array<{ id: string; reason: string }> = [];
  const unjudged = new Set<string>();
  // A check that now stands inside another finding of its cause (one finding per cause, with a
  // fingerprint of its own) is not fixed: its old row is retired, naming the finding that covers it.
  const coveredBy = new Map<string, string>();
  for (const f of input.result.findings) {
    for (const c of checksOf(f)) coveredBy.set(`${f.object.kind}/${f.object.namespace ?? ""}/${f.object.name}|${c}`, f.ruleId);
  }
  const ruleReason = new Map(input.result.rules.map((r) => [r.id, r.reason]));
  for (const e of existing) {
    if (seen.has(e.fingerprint) || !UNRESOLVED.has(e.status)) continue;
    const rs = ruleStatus.get(e.ruleId);
    const lead = coveredBy.get(`${e.kind}/${e.namespace ?? ""}/${e.name}|${e.ruleId}`);
    if (rs === undefined || rs === "disabled") retired.push({ id: e.id, reason: rs === "disabled" ? (ruleReason.get(e.ruleId) ?? "rule disabled in the policy") : "rule no longer exists" });
    else if (lead !== undefined) retired.push({ id: e.id, reason: `now part of one finding per cause, led by ${lead}` });
    else if (evaluated.has(e.ruleId) && readKinds.has(e.kind)) resolveIds.push(e.id);
    else unjudged.add(e.fingerprint);
  }
  const retiredIds = retired.map((r) => r.id);

  // A plain INSERT, not ON CONFLICT: the cluster row lock taken by the caller serialises
  // ingestion per cluster, so `existing` is complete and a conflict cannot happen; speculative
  // insertion would cost an extra index probe and WAL record per row.
  for (const batch of chunks(inserts)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "Finding" (id, "orgId", "clusterId", fingerprint, "ruleId", severity, status, "apiVersion", kind, namespace, name, uid, path, observed, message, remediation, fix, "firstSeenScanId", "lastSeenScanId", "firstSeenAt", "lastSeenAt", "updatedAt", "dueAt", "exceptionId", checks, "baselineId", "baselineReason", details)
       SELECT u.id, $1, $2, u.fp, u.rule, u.sev::"Severity", u.st::"FindingStatus", u.av, u.kind, u.ns, u.name, u.uid, u.path, u.obs, u.msg, u.rem, u.fix::jsonb, $3, $3, $4, $4, $4, u.due::timestamp, u.exc,
              string_to_array(u.checks, chr(30)), u.bid, u.breason, u.details::jsonb
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[])
         AS u(id, fp, rule, sev, st, av, kind, ns, name, uid, path, obs, msg, rem, fix, due, exc, checks, bid, breason, details)`,
      orgId,
      clusterId,
      scanId,
      now,
      batch.map(() => newId()),
      batch.map((f) => f.fingerprint),
      batch.map((f) => f.ruleId),
      batch.map((f) => f.severity),
      batch.map((f) => (f.exception ? "excepted" : "open")),
      batch.map((f) => f.object.apiVersion),
      batch.map((f) => f.object.kind),
      batch.map((f) => f.object.namespace ?? null),
      batch.map((f) => f.object.name),
      batch.map((f) => f.object.uid ?? null),
      batch.map((f) => f.path),
      batch.map((f) => f.observed ?? null),
      batch.map((f) => f.message),
      batch.map((f) => f.remediation),
      batch.map((f) => (f.fix ? JSON.stringify(f.fix) : null)),
      batch.map((f) => (f.baseline ? null : pgTimestamp(dueDateFor(sla, f.severity, now)))),
      batch.map((f) => exceptionIdOf(f)),
      batch.map((f) => checksOf(f).join(CHECK_SEP)),
      batch.map((f) => f.baseline?.id ?? null),
      batch.map((f) => f.baseline?.reason ?? null),
      batch.map((f) => (f.details ? JSON.stringify(f.details) : null)),
    );
  }

  let updated = 0;
  // Days for a severity under the policy, in SQL (NULL when the policy sets no due date).
  const days = (sev: string) => `make_interval(days => ($4::jsonb ->> ${sev})::int)`;
  for (const batch of chunks(touches)) {
    // The WHERE clause compares in SQL so that only rows that really change are written.
    updated += await tx.$executeRawUnsafe(
      `UPDATE "Finding" f SET severity = u.sev::"Severity", status = u.st::"FindingStatus", message = u.msg, observed = u.obs,
              remediation = u.rem, fix = u.fix::jsonb, "exceptionId" = u.exc,
              checks = string_to_array(u.checks, chr(30)), "baselineId" = u.bid, "baselineReason" = u.breason, details = u.details::jsonb,
              "resolvedAt" = CASE WHEN u.st = 'resolved' THEN f."resolvedAt" ELSE NULL END,
              "dueAt" = CASE WHEN u.bid IS NOT NULL THEN NULL
                             WHEN u.reopen OR f."baselineId" IS NOT NULL THEN $13::timestamp + ${days("u.sev")}
                             WHEN f.severity::text <> u.sev THEN coalesce(f."dueAt" - ${days("f.severity::text")}, f."firstSeenAt") + ${days("u.sev")}
                             ELSE f."dueAt" END,
              "lastSeenScanId" = $1, "lastSeenAt" = $2, "updatedAt" = $2
       FROM unnest($3::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[], $14::text[], $15::text[], $16::text[], $17::text[])
         AS u(id, sev, st, msg, obs, rem, fix, exc, reopen, checks, bid, breason, details)
       WHERE f.id = u.id AND (f.severity::text <> u.sev OR f.status::text <> u.st OR f.message <> u.msg OR f.observed IS DISTINCT FROM u.obs
              OR f.remediation <> u.rem OR f.fix IS DISTINCT FROM u.fix::jsonb OR f."exceptionId" IS DISTINCT FROM u.exc
              OR f.checks IS DISTINCT FROM string_to_array(u.checks, chr(30)) OR f."baselineId" IS DISTINCT FROM u.bid OR f."baselineReason" IS DISTINCT FROM u.breason
              OR f.details IS DISTINCT FROM u.details::jsonb)`,
      scanId,
      now,
      batch.map((t) => t.id),
      JSON.stringify(sla),
      batch.map((t) => t.f.severity),
      batch.map((t) => t.status),
      batch.map((t) => t.f.message),
      batch.map((t) => t.f.observed ?? null),
      batch.map((t) => t.f.remediation),
      batch.map((t) => (t.f.fix ? JSON.stringify(t.f.fix) : null)),
      batch.map((t) => exceptionIdOf(t.f)),
      batch.map((t) => t.reopen),
      pgTimestamp(now),
      batch.map((t) => checksOf(t.f).join(CHECK_SEP)),
      batch.map((t) => t.f.baseline?.id ?? null),
      batch.map((t) => t.f.baseline?.reason ?? null),
      batch.map((t) => (t.f.details ? JSON.stringify(t.f.details) : null)),
    );
  }

  for (const batch of chunks([...resolveIds, ...retiredIds])) {
    await tx.$executeRawUnsafe(
      `UPDATE "Finding" SET status = 'resolved', "resolvedAt" = $1, "updatedAt" = $1, "lastSeenScanId" = $2 WHERE id = ANY($3::text[])`,
      now,
      scanId,
      batch,
    );
  }

  const events: Array<{ id: string; type: string; data: Record<string, unknown> }> = [
    ...reopenedIds.map((id) => ({ id, type: "reopened", data: {} })),
    ...resolveIds.map((id) => ({ id, type: "resolved", data: {} })),
    ...retired.map((r) => ({ id: r.id, type: "retired", data: { reason: r.reason } })),
    ...exceptionEvents,
  ];
  for (const batch of chunks(events)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "FindingEvent" (id, "orgId", "findingId", type, data, "scanId", "createdAt")
       SELECT u.eid, $1, u.fid, u.type, u.data::jsonb || jsonb_build_object('scanId', $2::text), $2, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS u(eid, fid, type, data)`,
      orgId,
      scanId,
      now,
      batch.map(() => newId()),
      batch.map((e) => e.id),
      batch.map((e) => e.type),
      batch.map((e) => JSON.stringify(e.data)),
    );
  }

  return {
    inserted: inserts.length,
    updated,
    compared: touches.length,
    reopened: reopenedIds.length,
    resolved: resolveIds.length,
    retired: retiredIds.length,
    keptUnjudged: unjudged.size,
    unjudged,
  };
}

async function upsertObjects(
  tx: Tx,
  input: { orgId: string; clusterId: string; scanId: string; findings: readonly EngineFinding[]; objects: readonly KubeObject[] },
): Promise<number> {
  const wanted = new Set(input.findings.map((f) => objectKey(f.object)));
  if (wanted.size === 0) return 0;
  const rows: Array<{ key: string; obj: KubeObject; manifest: KubeObject; hash: string }> = [];
  for (const obj of input.objects) {
    const key = objectKey({ uid: obj.metadata?.uid, kind: obj.kind, namespace: obj.metadata?.namespace, name: obj.metadata?.name ?? "" });
    if (!wanted.has(key)) continue;
    wanted.delete(key);
    const manifest = sanitizeManifest(obj);
    rows.push({ key, obj, manifest, hash: manifestHash(manifest) });
  }
  if (rows.length === 0) return 0;
  const current = await tx.$queryRawUnsafe<Array<{ key: string; hash: string }>>(
    `SELECT key, hash FROM "ClusterObject" WHERE "clusterId" = $1 AND key = ANY($2::text[])`,
    input.clusterId,
    rows.map((r) => r.key),
  );
  const known = new Map(current.map((c) => [c.key, c.hash]));
  const changed = rows.filter((r) => known.get(r.key) !== r.hash);
  const now = new Date();
  for (const batch of chunks(changed, 500)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "ClusterObject" (id, "orgId", "clusterId", key, "apiVersion", kind, namespace, name, hash, manifest, "lastSeenScanId", "updatedAt")
       SELECT u.id, $1, $2, u.key, u.av, u.kind, u.ns, u.name, u.hash, u.manifest::jsonb, $3, $4
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[]) AS u(id, key, av, kind, ns, name, hash, manifest)
       ON CONFLICT ("clusterId", key) DO UPDATE SET "apiVersion" = EXCLUDED."apiVersion", kind = EXCLUDED.kind, namespace = EXCLUDED.namespace,
         name = EXCLUDED.name, hash = EXCLUDED.hash, manifest = EXCLUDED.manifest, "lastSeenScanId" = EXCLUDED."lastSeenScanId", "updatedAt" = EXCLUDED."updatedAt"`,
      input.orgId,
      input.clusterId,
      input.scanId,
      now,
      batch.map(() => newId()),
      batch.map((r) => r.key),
      batch.map((r) => r.obj.apiVersion),
      batch.map((r) => r.obj.kind),
      batch.map((r) => r.obj.metadata?.namespace ?? null),
      batch.map((r) => r.obj.metadata?.name ?? ""),
      batch.map((r) => r.hash),
      batch.map((r) => JSON.stringify(r.manifest)),
    );
  }
  return changed.length;
}
