import { db } from "../client";

/** Keeps a long scan from being declared stuck; false when this worker no longer owns the scan. */
export async function heartbeat(input: { orgId: string; scanId: string; workerId: string }): Promise<boolean> {
  const res = await db.scan.updateMany({
    where: { id: input.scanId, orgId: input.orgId, workerId: input.workerId, status: "running" },
    data: { heartbeatAt: new Date() },
  });
  return res.count === 1;
}
