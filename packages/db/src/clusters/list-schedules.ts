import type { ScanSchedule } from "../generated/prisma/client";
import { db } from "../client";

/**
 * Every enabled schedule of every organization. Deliberately unscoped: the worker's scheduler
 * serves all tenants and re-registers them all at start. Not for request handlers.
 */
export async function listSchedules(_input: Record<string, never> = {}): Promise<ScanSchedule[]> {
  return db.scanSchedule.findMany({ where: { enabled: true }, orderBy: { clusterId: "asc" } });
}
