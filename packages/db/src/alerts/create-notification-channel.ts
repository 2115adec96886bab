import type { Severity } from "../generated/prisma/client";
import { db } from "../client";
import { writeAudit } from "../audit/write-audit";
import { DomainError } from "../errors";
import { CHANNEL_VIEW, type TChannelKind, type TChannelView } from "./channel-view";

export interface TCreateChannelInput {
  orgId: string;
  actorId: string;
  ip?: string | null;
  name: string;
  kind: TChannelKind;
  /** ciphertexts sealed by the caller with the credential keyring; never logged or audited */
  urlCipher: string;
  urlHost: string;
  secretCipher: string | null;
  keyId: string;
  minSeverity: Severity;
  clusterIds: string[];
  digest: boolean;
  enabled: boolean;
}

/** Creates a channel; the audit row names the host, never the URL or the secret. */
export async function createNotificationChannel(input: TCreateChannelInput): Promise<TChannelView> {
  return db.$transaction(async (tx) => {
    if (input.clusterIds.length) {
      const found = await tx.cluster.count({ where: { orgId: input.orgId, id: { in: input.clusterIds } } });
      if (found !== new Set(input.clusterIds).size) throw new DomainError("one of the chosen clusters does not exist");
    }
    const channel = await tx.notificationChannel.create({
      data: {
        orgId: input.orgId,
        name: input.name,
        kind: input.kind,
        urlCipher: input.urlCipher,
        urlHost: input.urlHost,
        secretCipher: input.secretCipher,
        keyId: input.keyId,
        minSeverity: input.minSeverity,
        clusterIds: [...new Set(input.clusterIds)],
        digest: input.digest,
        enabled: input.enabled,
        createdById: input.actorId,
      },
      select: CHANNEL_VIEW,
    });
    await writeAudit(
      {
        orgId: input.orgId,
        actorId: input.actorId,
        ip: input.ip ?? null,
        action: "channel.create",
        targetType: "channel",
        targetId: channel.id,
        data: { name: channel.name, kind: channel.kind, host: channel.urlHost, minSeverity: channel.minSeverity, clusters: channel.clusterIds.length, digest: channel.digest, enabled: channel.enabled },
      },
      tx,
    );
    return channel;
  });
}
