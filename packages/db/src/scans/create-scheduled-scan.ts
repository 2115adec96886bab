import type { Scan, ScanTrigger } from "../generated/prisma/client";
import { db } from "../client";

/**
 * The scan row for a job that arrives without one (a scheduler firing). Returns null when the
 * cluster already has a queued or running scan, so a double fire (two workers, a retried
 * scheduler job) never produces two scans; an advisory lock per cluster serialises the check.
 */
export async function createScheduledScan(input: { orgId: string; clusterId: string; trigger?: ScanTrigger }): Promise<Scan | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scan:${input.clusterId}`}))`;
    const cluster = await tx.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: { id: true } });
    if (!cluster) return null;
    const active = await tx.scan.findFirst({ where: { clusterId: cluster.id, status: { in: ["queued", "running"] } }, select: { id: true } });
    if (active) return null;
    return tx.scan.create({ data: { orgId: input.orgId, clusterId: cluster.id, trigger: input.trigger ?? "schedule", status: "queued", phase: "queued" } });
  });
}
