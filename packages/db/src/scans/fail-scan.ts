import type { Prisma } from "../generated/prisma/client";
import { db } from "../client";

/** Marks a scan failed with a reason people can act on. No-op if it already finished. */
export async function failScan(input: { orgId: string; scanId: string; reason: string; workerId?: string; kinds?: unknown; durationMs?: number }): Promise<boolean> {
  const scan = await db.scan.findFirst({ where: { id: input.scanId, orgId: input.orgId }, select: { startedAt: true } });
  const res = await db.scan.updateMany({
    where: {
      id: input.scanId,
      orgId: input.orgId,
      status: { in: ["queued", "running"] },
      ...(input.workerId ? { OR: [{ workerId: input.workerId }, { workerId: null }] } : {}),
    },
    data: {
      status: "failed",
      phase: "done",
      progress: 100,
      error: input.reason.slice(0, 2000),
      finishedAt: new Date(),
      durationMs: input.durationMs ?? (scan?.startedAt ? Date.now() - scan.startedAt.getTime() : null),
      ...(input.kinds === undefined ? {} : { kinds: input.kinds as Prisma.InputJsonValue }),
    },
  });
  return res.count === 1;
}
