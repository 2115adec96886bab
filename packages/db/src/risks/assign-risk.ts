import type { Risk } from "../generated/prisma/client";
import { db } from "../client";
import { NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { applyAssignment, CHANGE_TARGET_SELECT, requireMember } from "../findings/finding-changes";
import { openFindingWhere } from "../findings/open-finding-where";
import { riskFingerprints } from "./upsert-scan-risks";

/**
 * Assigns (or unassigns, with null) a risk and, with it, its open findings: whoever fixes the
 * attack path owns the findings behind it. Events on the risk and on each finding that changed;
 * one notification for the assignee.
 */
export async function assignRisk(input: { orgId: string; riskId: string; actorId: string; assigneeId: string | null; ip?: string | null }): Promise<Risk> {
  return db.$transaction(async (tx) => {
    const risk = await tx.risk.findFirst({ where: { id: input.riskId, orgId: input.orgId }, select: { id: true, clusterId: true, assigneeId: true, title: true, steps: true } });
    if (!risk) throw new NotFoundError("risk");
    if (input.assigneeId) await requireMember(tx, input.orgId, input.assigneeId);
    const fingerprints = [...new Set(riskFingerprints(risk.steps))];
    const findings = fingerprints.length
      ? await tx.finding.findMany({ where: { ...openFindingWhere(input.orgId), clusterId: risk.clusterId, fingerprint: { in: fingerprints } }, select: CHANGE_TARGET_SELECT })
      : [];
    const changedFindings = await applyAssignment(tx, { orgId: input.orgId, actorId: input.actorId, assigneeId: input.assigneeId, findings, comment: `with risk ${risk.title}`, notify: false });
    if (risk.assigneeId !== input.assigneeId) {
      await tx.risk.update({ where: { id: risk.id }, data: { assigneeId: input.assigneeId } });
      await tx.riskEvent.create({
        data: { orgId: input.orgId, riskId: risk.id, actorId: input.actorId, type: "assigned", data: { from: risk.assigneeId, to: input.assigneeId, findings: changedFindings.length } },
      });
      if (input.assigneeId && input.assigneeId !== input.actorId) {
        await tx.notification.create({
          data: {
            orgId: input.orgId,
            userId: input.assigneeId,
            kind: "assigned",
            title: `Risk assigned to you: ${risk.title}`,
            body: findings.length ? `With its ${findings.length} open finding${findings.length === 1 ? "" : "s"}` : null,
            link: `/risks/${risk.id}`,
          },
        });
      }
    }
    if (risk.assigneeId !== input.assigneeId || changedFindings.length) {
      await writeAudit(
        {
          orgId: input.orgId,
          actorId: input.actorId,
          action: "risk.assign",
          targetType: "risk",
          targetId: risk.id,
          data: { from: risk.assigneeId, to: input.assigneeId, findings: changedFindings.map((f) => f.id) },
          ip: input.ip ?? null,
        },
        tx,
      );
    }
    return tx.risk.findUniqueOrThrow({ where: { id: risk.id } });
  });
}
