import type { Severity } from "../generated/prisma/client";
import { db } from "../client";
import { writeAudit } from "../audit/write-audit";
import { DomainError, NotFoundError } from "../errors";
import { CHANNEL_VIEW, type TChannelView } from "./channel-view";

export interface TUpdateChannelInput {
  orgId: string;
  channelId: string;
  actorId: string;
  ip?: string | null;
  name?: string;
  minSeverity?: Severity;
  clusterIds?: string[];
  digest?: boolean;
  enabled?: boolean;
  /** a replaced URL (sealed by the caller) */
  url?: { urlCipher: string; urlHost: string; keyId: string };
  /** a rotated signing secret (sealed by the caller, same key as the URL) */
  secretCipher?: string;
}

/** Changes a channel; the audit row lists which fields changed (a new URL shows as its host only). */
export async function updateNotificationChannel(input: TUpdateChannelInput): Promise<TChannelView> {
  return db.$transaction(async (tx) => {
    const current = await tx.notificationChannel.findFirst({ where: { id: input.channelId, orgId: input.orgId }, select: { ...CHANNEL_VIEW, keyId: true } });
    if (!current) throw new NotFoundError("channel");
    if (input.clusterIds?.length) {
      const found = await tx.cluster.count({ where: { orgId: input.orgId, id: { in: input.clusterIds } } });
      if (found !== new Set(input.clusterIds).size) throw new DomainError("one of the chosen clusters does not exist");
    }
    if (input.secretCipher && !input.url && current.kind !== "webhook") throw new DomainError("only webhook channels have a signing secret");
    const changed: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== current.name) changed.name = input.name;
    if (input.minSeverity !== undefined && input.minSeverity !== current.minSeverity) changed.minSeverity = input.minSeverity;
    if (input.clusterIds !== undefined && [...new Set(input.clusterIds)].sort().join() !== [...current.clusterIds].sort().join()) changed.clusters = input.clusterIds.length;
    if (input.digest !== undefined && input.digest !== current.digest) changed.digest = input.digest;
    if (input.enabled !== undefined && input.enabled !== current.enabled) changed.enabled = input.enabled;
    if (input.url) changed.host = input.url.urlHost;
    if (input.secretCipher) changed.secret = "rotated";
    const updated = await tx.notificationChannel.update({
      where: { id: current.id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.minSeverity !== undefined ? { minSeverity: input.minSeverity } : {}),
        ...(input.clusterIds !== undefined ? { clusterIds: [...new Set(input.clusterIds)] } : {}),
        ...(input.digest !== undefined ? { digest: input.digest } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.url ? { urlCipher: input.url.urlCipher, urlHost: input.url.urlHost, keyId: input.url.keyId } : {}),
        ...(input.secretCipher ? { secretCipher: input.secretCipher } : {}),
        // A new address starts with a clean slate.
        ...(input.url ? { lastStatus: null, lastError: null } : {}),
      },
      select: CHANNEL_VIEW,
    });
    if (Object.keys(changed).length) {
      await writeAudit({ orgId: input.orgId, actorId: input.actorId, ip: input.ip ?? null, action: "channel.update", targetType: "channel", targetId: current.id, data: { name: updated.name, changed } }, tx);
    }
    return updated;
  });
}
