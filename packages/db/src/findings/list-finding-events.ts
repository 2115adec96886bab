import type { FindingEvent } from "../generated/prisma/client";
import { db } from "../client";

/** A finding's history, oldest first, with who did it (null actor: a scan or the system). */
export async function listFindingEvents(input: { orgId: string; findingId: string }): Promise<Array<FindingEvent & { actor: { id: string; email: string; name: string | null } | null }>> {
  return db.findingEvent.findMany({
    where: { orgId: input.orgId, findingId: input.findingId },
    include: { actor: { select: { id: true, email: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
