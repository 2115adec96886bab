// System-level (all orgs; the worker runs it about hourly): deletes change history older than each
// organization's retention (Organization.changeRetentionDays), in batches so no statement holds
// many locks. When nothing is old enough it costs one index probe.
import { db } from "../client";

export async function pruneClusterChanges(input: { now?: Date; batch?: number } = {}): Promise<number> {
  const now = input.now ?? new Date();
  const batch = input.batch ?? 5000;
  const orgs = await db.organization.findMany({ select: { id: true, changeRetentionDays: true } });
  if (orgs.length === 0) return 0;
  const cutoff = (days: number) => new Date(now.getTime() - Math.max(1, days) * 86_400_000);
  const shortest = Math.min(...orgs.map((o) => o.changeRetentionDays));
  const any = await db.clusterChange.findFirst({ where: { at: { lt: cutoff(shortest) } }, select: { id: true } });
  if (!any) return 0;
  let deleted = 0;
  for (const org of orgs) {
    for (;;) {
      const n = await db.$executeRawUnsafe(
        `DELETE FROM "ClusterChange" WHERE id IN (SELECT id FROM "ClusterChange" WHERE "orgId" = $1 AND at < $2 LIMIT $3)`,
        org.id,
        cutoff(org.changeRetentionDays),
        batch,
      );
      deleted += n;
      if (n < batch) break;
    }
  }
  return deleted;
}
