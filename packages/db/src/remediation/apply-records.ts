// The worker's side of a fix request (apps/worker/src/remediation): claim an approved request,
// record what the API server did with each patch (sanitized before/after manifests, never Secret
// values), link the verifying scan, and settle the request when a scan after the patch is stored.
import type { FixPlan, KubeObject } from "@bulwark/rules";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { writeAudit } from "../audit/write-audit";
import { sanitizeManifest } from "../objects/sanitize-manifest";
import { fixEvents, readStoredPlan } from "./fix-requests";
import type { TFixTargetResult } from "./types";

export interface TClaimedFix {
  id: string;
  orgId: string;
  clusterId: string;
  findingIds: string[];
  plan: FixPlan;
  decidedById: string | null;
}

/**
 * approved -> applying, once: a duplicated or retried job finds the request no longer approved and
 * does nothing. Null (with the status it has) when it is not approved.
 */
export async function claimFixApply(input: { orgId: string; id: string }): Promise<{ claimed: TClaimedFix } | { status: string | null }> {
  const updated = await db.fixRequest.updateMany({ where: { id: input.id, orgId: input.orgId, status: "approved" }, data: { status: "applying" } });
  const row = await db.fixRequest.findFirst({ where: { id: input.id, orgId: input.orgId }, select: { id: true, orgId: true, clusterId: true, findingIds: true, plan: true, decidedById: true, status: true } });
  if (updated.count !== 1 || !row) return { status: row?.status ?? null };
  return { claimed: { id: row.id, orgId: row.orgId, clusterId: row.clusterId, findingIds: row.findingIds, plan: readStoredPlan(row.plan).entries, decidedById: row.decidedById } };
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);

/** One changed field of a patched object: where, what it was, what it is. */
export interface TFieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** The fields a patch touches, read from the object before and after it (lists of named items matched by name). */
export function patchChanges(patch: Record<string, unknown>, before: unknown, after: unknown, max = 50): TFieldChange[] {
  const out: TFieldChange[] = [];
  const walk = (p: unknown, b: unknown, a: unknown, path: string) => {
    if (out.length >= max) return;
    if (Array.isArray(p) && p.every((x) => isRecord(x) && typeof x.name === "string")) {
      for (const item of p as Record<string, unknown>[]) {
        const find = (list: unknown) => (Array.isArray(list) ? list.find((x) => isRecord(x) && x.name === item.name) : undefined);
        walk(item, find(b), find(a), `${path}[${String(item.name)}]`);
      }
      return;
    }
    if (isRecord(p)) {
      for (const [k, v] of Object.entries(p)) {
        if (k.startsWith("$") || (path === "" && ["apiVersion", "kind"].includes(k)) || (path === "metadata" && ["name", "namespace", "resourceVersion"].includes(k))) continue;
        if (k === "name" && path.endsWith("]")) continue;
        walk(v, isRecord(b) ? b[k] : undefined, isRecord(a) ? a[k] : undefined, path ? `${path}.${k}` : k);
      }
      return;
    }
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ path, before: b ?? null, after: a ?? null });
  };
  walk(patch, before, after, "");
  return out;
}

/** A stored copy of a manifest: sanitized as ClusterObject manifests are, without server bookkeeping. */
function stored(obj: KubeObject | undefined): unknown {
  if (!obj) return undefined;
  const copy = sanitizeManifest(obj);
  delete (copy as { status?: unknown }).status;
  return copy;
}

export interface TFixOutcomeTarget {
  target: TFixTargetResult["target"];
  patchedAt?: TFixTargetResult["target"];
  patch?: Record<string, unknown>;
  dryRun?: string;
  before?: KubeObject;
  after?: KubeObject;
  error?: string;
}

/** applying -> applied | failed | refused, with per-target results, a FindingEvent on each finding and an audit row. */
export async function recordFixOutcome(input: { orgId: string; id: string; status: "applied" | "failed" | "refused"; error?: string | null; targets: readonly TFixOutcomeTarget[] }): Promise<void> {
  const result = input.targets.map((t) => {
    const before = stored(t.before);
    const after = stored(t.after);
    const changes = t.patch && before && after ? patchChanges(t.patch, before, after) : [];
    return {
      target: t.target,
      ...(t.patchedAt && JSON.stringify(t.patchedAt) !== JSON.stringify(t.target) ? { patchedAt: t.patchedAt } : {}),
      ...(t.dryRun !== undefined ? { dryRun: t.dryRun } : {}),
      ...(before !== undefined && input.status === "applied" ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
      ...(changes.length ? { changes } : {}),
      ...(t.error ? { error: t.error } : {}),
    };
  });
  await db.$transaction(async (tx) => {
    const req = await tx.fixRequest.findFirst({ where: { id: input.id, orgId: input.orgId }, select: { findingIds: true, clusterId: true, decidedById: true } });
    if (!req) return;
    await tx.fixRequest.update({
      where: { id: input.id },
      data: { status: input.status, result: result as unknown as Prisma.InputJsonValue, error: input.error ?? null, ...(input.status === "applied" ? { appliedAt: new Date() } : {}) },
    });
    const summary = result.map((r) => ({ target: r.patchedAt ?? r.target, changes: r.changes ?? [] }));
    await fixEvents(tx, {
      orgId: input.orgId,
      findingIds: req.findingIds,
      actorId: null,
      type: input.status === "applied" ? "fix_applied" : input.status === "refused" ? "fix_refused" : "fix_failed",
      data: { fixRequestId: input.id, ...(input.status === "applied" ? { targets: summary } : { error: input.error ?? null }) },
    });
    await writeAudit({ orgId: input.orgId, action: `fix.${input.status === "applied" ? "apply" : input.status === "refused" ? "refuse" : "fail"}`, targetType: "fix_request", targetId: input.id, data: { clusterId: req.clusterId, approvedBy: req.decidedById, targets: summary, ...(input.error ? { error: input.error } : {}) } }, tx);
  });
}

/** The scan that verifies an applied fix. */
export async function setFixVerifyScan(input: { orgId: string; id: string; scanId: string | null; note?: string }): Promise<void> {
  await db.fixRequest.updateMany({ where: { id: input.id, orgId: input.orgId }, data: { verifyScanId: input.scanId } });
}

/**
 * After a scan of the cluster is stored: every applied request this scan can verify (its own
 * verifying scan, or any scan created after the patch, when that one failed) becomes verified
 * (each finding resolved) or unverified (why each open one is still there).
 */
export async function settleFixVerifications(input: { orgId: string; clusterId: string; scanId: string }): Promise<{ id: string; status: "verified" | "unverified" }[]> {
  const scan = await db.scan.findFirst({ where: { id: input.scanId, orgId: input.orgId, clusterId: input.clusterId }, select: { id: true, createdAt: true, status: true, kinds: true } });
  if (!scan || (scan.status !== "succeeded" && scan.status !== "partial")) return [];
  const requests = await db.fixRequest.findMany({
    where: { orgId: input.orgId, clusterId: input.clusterId, status: "applied", OR: [{ verifyScanId: scan.id }, { appliedAt: { lt: scan.createdAt } }] },
    select: { id: true, findingIds: true },
  });
  const unread = new Map<string, string>();
  for (const k of Array.isArray(scan.kinds) ? (scan.kinds as { kind?: unknown; status?: unknown; error?: unknown }[]) : []) {
    if (typeof k?.kind === "string" && k.status !== "read" && k.status !== "not-served") unread.set(k.kind, typeof k.error === "string" ? k.error : String(k.status));
  }
  const settled: { id: string; status: "verified" | "unverified" }[] = [];
  for (const r of requests) {
    const findings = await db.finding.findMany({ where: { orgId: input.orgId, id: { in: r.findingIds } }, select: { id: true, fingerprint: true, status: true, kind: true, message: true, lastSeenScanId: true } });
    const resolved: string[] = [];
    const stillOpen: { fingerprint: string; reason: string }[] = [];
    for (const f of findings) {
      if (f.status === "resolved") resolved.push(f.fingerprint);
      else if (f.status === "excepted") stillOpen.push({ fingerprint: f.fingerprint, reason: "excepted since the fix was proposed: the scan does not judge it" });
      else if (f.lastSeenScanId === scan.id) stillOpen.push({ fingerprint: f.fingerprint, reason: `still present after the patch: ${f.message}` });
      else stillOpen.push({ fingerprint: f.fingerprint, reason: unread.has(f.kind) ? `the scan could not read ${f.kind} (${unread.get(f.kind)})` : `the scan could not judge ${f.kind}: the rule was not evaluated` });
    }
    const status = stillOpen.length === 0 ? "verified" : "unverified";
    const byFp = new Map(findings.map((f) => [f.fingerprint, f.id]));
    await db.$transaction(async (tx) => {
      const moved = await tx.fixRequest.updateMany({ where: { id: r.id, orgId: input.orgId, status: "applied" }, data: { status, verifyScanId: scan.id, verification: { resolved, stillOpen } } });
      if (moved.count !== 1) return;
      const events = [
        ...resolved.map((fp) => ({ findingId: byFp.get(fp)!, data: { fixRequestId: r.id, resolved: true } })),
        ...stillOpen.map((s) => ({ findingId: byFp.get(s.fingerprint)!, data: { fixRequestId: r.id, resolved: false, reason: s.reason } })),
      ];
      await tx.findingEvent.createMany({ data: events.map((e) => ({ orgId: input.orgId, findingId: e.findingId, actorId: null, type: "fix_verified", data: e.data, scanId: scan.id })) });
      await writeAudit({ orgId: input.orgId, action: "fix.verify", targetType: "fix_request", targetId: r.id, data: { scanId: scan.id, status, resolved: resolved.length, stillOpen: stillOpen.length } }, tx);
      settled.push({ id: r.id, status });
    });
  }
  return settled;
}
