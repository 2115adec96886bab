import type { Finding, FindingStatus } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";

/** People move a finding through the remediation queue; "resolved" is the scanner's to set. */
export async function updateFindingStatus(input: { orgId: string; findingId: string; actorId: string; status: Extract<FindingStatus, "open" | "in_progress" | "excepted">; comment?: string }): Promise<Finding> {
  if (!["open", "in_progress", "excepted"].includes(input.status)) throw new DomainError("status must be open, in_progress or excepted");
  return db.$transaction(async (tx) => {
    const current = await tx.finding.findFirst({ where: { id: input.findingId, orgId: input.orgId } });
    if (!current) throw new NotFoundError("finding");
    if (current.status === "resolved") throw new DomainError("a resolved finding reopens by itself when a scan sees it again");
    const updated = await tx.finding.update({ where: { id: current.id }, data: { status: input.status } });
    await tx.findingEvent.create({
      data: { orgId: input.orgId, findingId: current.id, actorId: input.actorId, type: "status", data: { from: current.status, to: input.status, comment: input.comment ?? null } },
    });
    return updated;
  });
}
