// Stores one scan's risks (attack paths), inside recordScanResults' transaction. A risk is one row
// per (cluster, engine risk id) and moves through the same lifecycle as a finding:
//
// - new -> open (excepted when the engine says an exception covers it); a "created" event;
// - seen again after being resolved -> reopened, with its due date restarted;
// - covered by an exception -> excepted; no longer covered -> open again;
// - gone -> resolved, but only when the scan could judge it: every finding behind it was judged
//   (its rule evaluated and its kind read) and every kind it involves was read. A partial scan
//   never resolves a risk it could not see.
// Rows are written only when something about them changed. Due dates follow the SLA policy like
// findings' do; a risk expected for a platform component (baselineId) has none.
import type { ObjectRef, Risk as EngineRisk } from "@bulwark/rules";
import type { FindingStatus, Prisma } from "../generated/prisma/client";
import type { Tx } from "../client";
import { newId } from "../ids";
import { dueDateFor, type TSlaPolicy } from "../sla/sla-policy";

const UNRESOLVED = new Set<FindingStatus>(["open", "reopened", "in_progress", "excepted"]);

export interface TRiskIngestStats {
  inserted: number;
  updated: number;
  reopened: number;
  resolved: number;
  /** Unresolved risks gone from this scan that it could not judge, left as they were. */
  keptUnjudged: number;
}

export interface TUpsertScanRisksInput {
  orgId: string;
  clusterId: string;
  scanId: string;
  now: Date;
  sla: TSlaPolicy;
  risks: readonly EngineRisk[];
  /** Fingerprints of findings whose rule or object kind this scan could not judge. */
  unjudgedFingerprints: ReadonlySet<string>;
  /** Kinds this scan could not read (forbidden, failed): a risk involving one is not resolved by its absence. */
  unreadKinds: ReadonlySet<string>;
}

/** A JSON text with object keys sorted, so stored jsonb and fresh engine output compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The columns a scan writes from an engine risk (status and dates aside). */
function riskColumns(r: EngineRisk) {
  const primary: ObjectRef = r.objects[0] ?? { apiVersion: "", kind: "", name: "" };
  return {
    type: r.type,
    title: r.title,
    severity: r.severity,
    score: r.score,
    objects: r.objects as unknown as Prisma.InputJsonValue,
    steps: r.steps as unknown as Prisma.InputJsonValue,
    factors: r.factors as unknown as Prisma.InputJsonValue,
    remediation: r.remediation,
    apiVersion: primary.apiVersion,
    kind: primary.kind,
    namespace: primary.namespace ?? null,
    name: primary.name,
    baselineId: r.baseline?.id ?? null,
    baselineReason: r.baseline?.reason ?? null,
    exceptionId: r.exception?.id ?? null,
  };
}
type TRiskColumns = ReturnType<typeof riskColumns>;

/** Every finding fingerprint a risk's steps name. */
export function riskFingerprints(steps: unknown): string[] {
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((s) => (s && typeof s === "object" && Array.isArray((s as { findings?: unknown }).findings) ? (s as { findings: unknown[] }).findings : [])).filter(
    (f): f is string => typeof f === "string",
  );
}

/** Kinds a risk involves: its own objects' and its steps'. */
function riskKinds(objects: unknown, steps: unknown): string[] {
  const kindsOf = (list: unknown): string[] => (Array.isArray(list) ? list.map((o) => (o as { kind?: unknown })?.kind).filter((k): k is string => typeof k === "string") : []);
  const stepObjects = Array.isArray(steps) ? steps.flatMap((s) => kindsOf((s as { objects?: unknown })?.objects)) : [];
  return [...kindsOf(objects), ...stepObjects];
}

export async function upsertScanRisks(tx: Tx, input: TUpsertScanRisksInput): Promise<TRiskIngestStats> {
  const { orgId, clusterId, scanId, now, sla } = input;
  const existing = await tx.risk.findMany({
    where: { orgId, clusterId },
    select: {
      id: true, riskKey: true, status: true, severity: true, firstSeenAt: true, dueAt: true,
      type: true, title: true, score: true, objects: true, steps: true, factors: true, remediation: true,
      apiVersion: true, kind: true, namespace: true, name: true, baselineId: true, baselineReason: true, exceptionId: true,
    },
  });
  const byKey = new Map(existing.map((e) => [e.riskKey, e]));
  const seen = new Set<string>();
  const inserts: Prisma.RiskCreateManyInput[] = [];
  const events: Prisma.RiskEventCreateManyInput[] = [];
  const stats: TRiskIngestStats = { inserted: 0, updated: 0, reopened: 0, resolved: 0, keptUnjudged: 0 };
  const due = (sev: TRiskColumns["severity"], baselineId: string | null, from: Date) => (baselineId ? null : dueDateFor(sla, sev, from));

  for (const r of input.risks) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const cols = riskColumns(r);
    const prev = byKey.get(r.id);
    if (!prev) {
      const id = newId();
      const status: FindingStatus = r.exception ? "excepted" : "open";
      inserts.push({ id, orgId, clusterId, riskKey: r.id, ...cols, status, firstSeenScanId: scanId, lastSeenScanId: scanId, firstSeenAt: now, lastSeenAt: now, dueAt: due(cols.severity, cols.baselineId, now) });
      events.push({ orgId, riskId: id, type: "created", scanId, createdAt: now, data: { scanId, severity: r.severity, score: r.score } });
      continue;
    }
    let status = prev.status;
    if (r.exception) status = "excepted";
    else if (prev.status === "resolved") status = "reopened";
    // An exception that no longer covers the risk hands it back; "excepted" without one stays.
    else if (prev.status === "excepted" && prev.exceptionId) status = "open";
    const reopen = prev.status === "resolved";
    const prevCols: Record<keyof TRiskColumns, unknown> = {
      type: prev.type, title: prev.title, severity: prev.severity, score: prev.score, objects: prev.objects, steps: prev.steps, factors: prev.factors,
      remediation: prev.remediation, apiVersion: prev.apiVersion, kind: prev.kind, namespace: prev.namespace, name: prev.name,
      baselineId: prev.baselineId, baselineReason: prev.baselineReason, exceptionId: prev.exceptionId,
    };
    const contentChanged = canonical(prevCols) !== canonical(cols);
    if (status === prev.status && !contentChanged) continue;

    let dueAt = prev.dueAt;
    if (cols.baselineId) dueAt = null;
    else if (reopen || prev.baselineId) dueAt = due(cols.severity, null, now);
    else if (cols.severity !== prev.severity) dueAt = due(cols.severity, null, prev.firstSeenAt);
    await tx.risk.update({
      where: { id: prev.id },
      data: { ...cols, status, dueAt, resolvedAt: null, lastSeenScanId: scanId, lastSeenAt: now },
    });
    stats.updated++;
    if (reopen) {
      stats.reopened++;
      events.push({ orgId, riskId: prev.id, type: "reopened", scanId, createdAt: now, data: { scanId } });
    }
    if (status === "excepted" && prev.status !== "excepted") events.push({ orgId, riskId: prev.id, type: "excepted", scanId, createdAt: now, data: { scanId, exceptionId: cols.exceptionId, from: prev.status } });
    else if (status === "open" && prev.status === "excepted") events.push({ orgId, riskId: prev.id, type: "exception_ended", scanId, createdAt: now, data: { scanId, exceptionId: prev.exceptionId } });
  }

  const resolveIds: string[] = [];
  for (const e of existing) {
    if (seen.has(e.riskKey) || !UNRESOLVED.has(e.status)) continue;
    const unjudged =
      riskFingerprints(e.steps).some((fp) => input.unjudgedFingerprints.has(fp)) ||
      riskKinds(e.objects, e.steps).some((k) => input.unreadKinds.has(k));
    if (unjudged) stats.keptUnjudged++;
    else resolveIds.push(e.id);
  }
  if (inserts.length) stats.inserted = (await tx.risk.createMany({ data: inserts })).count;
  if (resolveIds.length) {
    stats.resolved = (
      await tx.risk.updateMany({ where: { orgId, id: { in: resolveIds } }, data: { status: "resolved", resolvedAt: now, lastSeenScanId: scanId } })
    ).count;
    for (const id of resolveIds) events.push({ orgId, riskId: id, type: "resolved", scanId, createdAt: now, data: { scanId } });
  }
  if (events.length) await tx.riskEvent.createMany({ data: events });
  return stats;
}
