// A channel's daily digest: the lower-severity findings (below its alert threshold, info excluded)
// that appeared or reopened since the previous digest. Nothing new means no message.
import type { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { ALERT_FINDING_SELECT, countBySeverity, toAlertFinding, type TAlertPayload } from "./alert-payload";
import { digestSeverities } from "./channel-view";
import { openFindingWhere } from "../findings/open-finding-where";

const DAY_MS = 24 * 3600 * 1000;
const MAX_LISTED = 50;

export async function createDigestDelivery(input: { orgId: string; channelId: string; now?: Date }): Promise<{ deliveryId: string; total: number } | null> {
  const now = input.now ?? new Date();
  const channel = await db.notificationChannel.findFirst({
    where: { id: input.channelId, orgId: input.orgId, enabled: true, digest: true },
    select: { id: true, minSeverity: true, clusterIds: true, lastDigestAt: true, org: { select: { id: true, name: true } } },
  });
  if (!channel) return null;
  const severities = digestSeverities(channel.minSeverity);
  const since = channel.lastDigestAt && now.getTime() - channel.lastDigestAt.getTime() < 2 * DAY_MS ? channel.lastDigestAt : new Date(now.getTime() - DAY_MS);
  const where: Prisma.FindingWhereInput = {
    ...openFindingWhere(input.orgId),
    severity: { in: severities },
    ...(channel.clusterIds.length ? { clusterId: { in: channel.clusterIds } } : {}),
    OR: [{ firstSeenAt: { gte: since, lt: now } }, { events: { some: { type: "reopened", createdAt: { gte: since, lt: now } } } }],
  };
  const [total, listed, all] = severities.length
    ? await Promise.all([
        db.finding.count({ where }),
        db.finding.findMany({ where, select: ALERT_FINDING_SELECT, orderBy: [{ severity: "asc" }, { firstSeenAt: "desc" }], take: MAX_LISTED }),
        db.finding.groupBy({ by: ["severity"], where, _count: { _all: true } }),
      ])
    : [0, [], []];
  const day = now.toISOString().slice(0, 10);
  return db.$transaction(async (tx) => {
    await tx.notificationChannel.update({ where: { id: channel.id }, data: { lastDigestAt: now } });
    if (total === 0) return null;
    const counts = Object.fromEntries(all.map((g) => [g.severity, g._count._all])) as ReturnType<typeof countBySeverity>;
    const payload: TAlertPayload = { type: "digest", org: channel.org, since: since.toISOString(), until: now.toISOString(), total, counts, findings: listed.map(toAlertFinding) };
    const existing = await tx.alertDelivery.findUnique({ where: { channelId_dedupeKey: { channelId: channel.id, dedupeKey: `digest:${day}` } }, select: { id: true } });
    if (existing) return { deliveryId: existing.id, total };
    const row = await tx.alertDelivery.create({
      data: { orgId: input.orgId, channelId: channel.id, kind: "digest", dedupeKey: `digest:${day}`, payload: payload as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    return { deliveryId: row.id, total };
  });
}

/** Every channel that wants a digest, across organizations: the worker's daily fan-out. */
export async function listChannelsForDigest(): Promise<Array<{ id: string; orgId: string }>> {
  return db.notificationChannel.findMany({ where: { enabled: true, digest: true }, select: { id: true, orgId: true } });
}
