// Continuous mode's record of a judged change: one Scan row with trigger "live" per cluster and
// clock hour of changes, so trends and diffs see an hourly point, not one per event. The first
// judged change of an hour that changes anything creates the row (status succeeded); each later
// one updates its counts and score, and adds to its new/fixed/reopened counts, which accumulate
// over the hour. Findings and risks go through the same ingestion as a scan's record
// (scans/record-scan-results), under the same cluster row lock, so a live record and a full scan
// of the same cluster serialise instead of corrupting each other.
import type { KindReadResult, KubeObject } from "@bulwark/rules";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { newId } from "../ids";
import { ingestScanResults, partialReason, scanSummary, type TIngestStats, type TRecordScanResultsInput } from "../scans/record-scan-results";
import { insertClusterChanges, type TClusterChangeInput } from "./record-cluster-changes";

export interface TRecordLiveResultsInput {
  orgId: string;
  clusterId: string;
  workerId?: string;
  /** The engine's result for the whole cluster as the watch sees it now. */
  result: TRecordScanResultsInput["result"];
  kinds: readonly KindReadResult[];
  objects: readonly KubeObject[];
  /** The changes judged in this update, stored with the hour's live scan id. */
  changes?: readonly TClusterChangeInput[];
  kubeVersion?: string;
  rulesVersion?: string;
  now?: Date;
}

export interface TRecordLiveResultsOutput {
  /** The hour's live scan, or null when none exists and this update changed nothing. */
  scanId: string | null;
  /** Something about findings, risks, their objects or the score changed. */
  changed: boolean;
  /** The hour's live scan was created by this update. */
  created: boolean;
  stats: Omit<TIngestStats, "ms">;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Start of the UTC clock hour. */
export const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);

/**
 * Returns null when the cluster is gone. System-level writer for the watching worker, scoped by
 * the given org and cluster.
 */
export async function recordLiveResults(input: TRecordLiveResultsInput): Promise<TRecordLiveResultsOutput | null> {
  const now = input.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const [cluster] = await tx.$queryRawUnsafe<Array<{ score: number | null }>>(
        `SELECT score FROM "Cluster" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`,
        input.clusterId,
        input.orgId,
      );
      if (!cluster) return null;
      const existing = await tx.scan.findFirst({
        where: { orgId: input.orgId, clusterId: input.clusterId, trigger: "live", createdAt: { gte: hourOf(now) } },
        orderBy: { createdAt: "desc" },
        select: { id: true, startedAt: true, newCount: true },
      });
      const scanId = existing?.id ?? newId();
      // A new hour's record is undone when the update changes nothing: no empty hourly rows.
      if (!existing) {
        await tx.$executeRawUnsafe(`SAVEPOINT live_record`);
        await tx.scan.create({
          data: { id: scanId, orgId: input.orgId, clusterId: input.clusterId, trigger: "live", status: "succeeded", phase: "done", progress: 100, workerId: input.workerId ?? null, createdAt: now, startedAt: now, finishedAt: now },
        });
      }
      const { stats, unreadKinds, open } = await ingestScanResults(tx, { orgId: input.orgId, clusterId: input.clusterId, scanId, now, result: input.result, kinds: input.kinds, objects: input.objects });
      const r = stats.risks;
      const changed =
        stats.inserted + stats.updated + stats.reopened + stats.resolved + stats.retired + stats.objectsWritten + r.inserted + r.updated + r.reopened + r.resolved > 0 ||
        cluster.score !== oneDecimal(input.result.score);
      let recorded: string | null = existing?.id ?? null;
      if (!changed && !existing) {
        await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT live_record`);
      } else if (changed) {
        recorded = scanId;
        const partial = unreadKinds.size > 0;
        await tx.scan.update({
          where: { id: scanId },
          data: {
            status: partial ? "partial" : "succeeded",
            ...scanSummary(input.result),
            newCount: { increment: stats.inserted },
            fixedCount: { increment: stats.resolved },
            reopenedCount: { increment: stats.reopened },
            openCount: open,
            error: partial ? partialReason(input.kinds) : null,
            kinds: input.kinds as unknown as Prisma.InputJsonValue,
            ...(input.kubeVersion ? { kubeVersion: input.kubeVersion } : {}),
            ...(input.rulesVersion ? { rulesVersion: input.rulesVersion } : {}),
            // startedAt..finishedAt is the span of the hour's changes; no duration: nothing "took" it.
            finishedAt: now,
          },
        });
        await tx.cluster.update({
          where: { id: input.clusterId },
          data: { lastScanId: scanId, lastScanAt: now, score: oneDecimal(input.result.score), liveUpdatedAt: now },
        });
      }
      if (input.changes?.length) await insertClusterChanges(tx, { orgId: input.orgId, clusterId: input.clusterId, scanId: recorded, judgedAt: now, changes: input.changes });
      return { scanId: recorded, changed, created: changed && !existing, stats };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
