// Turns one scan's new and reopened risks and findings into AlertDelivery rows, one per (channel,
// risk or finding, scan). A critical or high risk (an attack path) alerts at once, before the
// findings; findings expected for a platform component (baseline) never alert. The unique
// dedupeKey makes this idempotent: running it twice for a scan creates nothing the second time,
// and the next scan selects nothing for a finding or risk it merely still sees.
import type { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { ALERT_FINDING_SELECT, ALERT_RISK_SELECT, countBySeverity, toAlertFinding, toAlertRisk, type TAlertPayload } from "./alert-payload";
import { severityRank } from "./channel-view";
import { openFindingWhere, openRiskWhere } from "../findings/open-finding-where";

/** Risks of these severities alert at once (when the channel's threshold lets them). */
const RISK_ALERT_SEVERITIES = ["critical", "high"] as const;

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
    const [findings, risks] = await Promise.all([
      db.finding.findMany({
        where: {
          ...openFindingWhere(input.orgId),
          clusterId: scan.clusterId,
          OR: [{ firstSeenScanId: scan.id }, { events: { some: { scanId: scan.id, type: "reopened" } } }],
        },
        select: ALERT_FINDING_SELECT,
      }),
      db.risk.findMany({
        where: {
          ...openRiskWhere(input.orgId),
          clusterId: scan.clusterId,
          severity: { in: [...RISK_ALERT_SEVERITIES] },
          OR: [{ firstSeenScanId: scan.id }, { events: { some: { scanId: scan.id, type: "reopened" } } }],
        },
        select: ALERT_RISK_SELECT,
        orderBy: [{ severity: "asc" }, { score: "desc" }, { id: "asc" }],
      }),
    ]);
    const ranked = findings
      .filter((f) => severityRank(f.severity) >= lowest)
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id));
    const rows: Prisma.AlertDeliveryCreateManyInput[] = [];
    const org = { id: scan.org.id, name: scan.org.name };
    for (const channel of relevant) {
      for (const r of risks.filter((x) => severityRank(x.severity) >= severityRank(channel.minSeverity)).slice(0, MAX_ALERTS_PER_SCAN)) {
        const payload: TAlertPayload = { type: r.firstSeenScanId === scan.id ? "risk.new" : "risk.reopened", org, scanId: scan.id, risk: toAlertRisk(r) };
        rows.push({ orgId: input.orgId, channelId: channel.id, kind: "alert", dedupeKey: `risk:${r.id}:${scan.id}`, riskId: r.id, scanId: scan.id, payload: payload as unknown as Prisma.InputJsonValue });
      }
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
