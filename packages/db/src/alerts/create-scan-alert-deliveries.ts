// Turns one scan's new and reopened findings into AlertDelivery rows, one per (channel, finding,
// scan). The unique dedupeKey makes this idempotent: running it twice for a scan creates nothing
// the second time, and the next scan selects nothing for a finding it merely still sees.
import type { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { ALERT_FINDING_SELECT, countBySeverity, toAlertFinding, type TAlertPayload } from "./alert-payload";
import { severityRank } from "./channel-view";

/** Beyond this many alerts for one channel from one scan, the rest go out as one summary message. */
export const MAX_ALERTS_PER_SCAN = 25;

export async function createScanAlertDeliveries(input: { orgId: string; scanId: string }): Promise<{ created: number; pendingIds: string[] }> {
  const scan = await db.scan.findFirst({
    where: { id: input.scanId, orgId: input.orgId },
    select: { id: true, clusterId: true, org: { select: { id: true, name: true } } },
  });
  if (!scan) return { created: 0, pendingIds: [] };
  const channels = await db.notificationChannel.findMany({
    where: { orgId: input.orgId, enabled: true },
    select: { id: true, minSeverity: true, clusterIds: true },
  });
  const relevant = channels.filter((c) => c.clusterIds.length === 0 || c.clusterIds.includes(scan.clusterId));
  let created = 0;
  if (relevant.length) {
    const lowest = Math.min(...relevant.map((c) => severityRank(c.minSeverity)));
    const findings = await db.finding.findMany({
      where: {
        orgId: input.orgId,
        clusterId: scan.clusterId,
        status: { in: ["open", "reopened", "in_progress"] },
        OR: [{ firstSeenScanId: scan.id }, { events: { some: { scanId: scan.id, type: "reopened" } } }],
      },
      select: ALERT_FINDING_SELECT,
    });
    const ranked = findings
      .filter((f) => severityRank(f.severity) >= lowest)
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id));
    const rows: Prisma.AlertDeliveryCreateManyInput[] = [];
    const org = { id: scan.org.id, name: scan.org.name };
    for (const channel of relevant) {
      const matching = ranked.filter((f) => severityRank(f.severity) >= severityRank(channel.minSeverity));
      for (const f of matching.slice(0, MAX_ALERTS_PER_SCAN)) {
        const payload: TAlertPayload = { type: f.firstSeenScanId === scan.id ? "finding.new" : "finding.reopened", org, scanId: scan.id, finding: toAlertFinding(f) };
        rows.push({ orgId: input.orgId, channelId: channel.id, kind: "alert", dedupeKey: `${f.id}:${scan.id}`, findingId: f.id, scanId: scan.id, payload: payload as unknown as Prisma.InputJsonValue });
      }
      const rest = matching.slice(MAX_ALERTS_PER_SCAN);
      if (rest.length) {
        const first = rest[0]!;
        const payload: TAlertPayload = {
          type: "finding.summary",
          org,
          scanId: scan.id,
          cluster: { id: first.clusterId, name: first.cluster.name },
          total: rest.length,
          counts: countBySeverity(rest),
          findings: rest.slice(0, 20).map(toAlertFinding),
        };
        rows.push({ orgId: input.orgId, channelId: channel.id, kind: "summary", dedupeKey: `summary:${scan.id}`, scanId: scan.id, payload: payload as unknown as Prisma.InputJsonValue });
      }
    }
    if (rows.length) created = (await db.alertDelivery.createMany({ data: rows, skipDuplicates: true })).count;
  }
  // Everything of this scan not yet sent: a retried planning job re-enqueues what a crash left behind.
  const pending = await db.alertDelivery.findMany({ where: { orgId: input.orgId, scanId: scan.id, status: "pending" }, select: { id: true }, orderBy: { createdAt: "asc" } });
  return { created, pendingIds: pending.map((p) => p.id) };
}
