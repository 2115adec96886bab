import type { Finding } from "../generated/prisma/client";
import { db } from "../client";
import { objectKey } from "../objects/sanitize-manifest";

export async function getFinding(input: {
  orgId: string;
  findingId: string;
}): Promise<(Finding & { cluster: { id: string; name: string }; object: { manifest: unknown } | null }) | null> {
  const finding = await db.finding.findFirst({
    where: { id: input.findingId, orgId: input.orgId },
    include: { cluster: { select: { id: true, name: true } } },
  });
  if (!finding) return null;
  const key = objectKey({ uid: finding.uid ?? undefined, kind: finding.kind, namespace: finding.namespace ?? undefined, name: finding.name });
  const object = await db.clusterObject.findFirst({ where: { orgId: input.orgId, clusterId: finding.clusterId, key }, select: { manifest: true } });
  return { ...finding, object: object ? { manifest: object.manifest } : null };
}
