// What of a notification channel may leave the server: never the URL or secret ciphertexts.
import type { Prisma, Severity } from "../generated/prisma/client";

export const CHANNEL_VIEW = {
  id: true,
  orgId: true,
  name: true,
  kind: true,
  urlHost: true,
  minSeverity: true,
  clusterIds: true,
  digest: true,
  enabled: true,
  lastDeliveryAt: true,
  lastStatus: true,
  lastError: true,
  lastDigestAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.NotificationChannelSelect;

export type TChannelView = Prisma.NotificationChannelGetPayload<{ select: typeof CHANNEL_VIEW }>;

export type TChannelKind = "webhook" | "slack";

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
export const severityRank = (s: Severity): number => RANK[s];
/** Severities at or above `min`, most severe first. */
export const severitiesAtLeast = (min: Severity): Severity[] => (Object.keys(RANK) as Severity[]).filter((s) => RANK[s] >= RANK[min]);
/** Severities below `min` that go into the digest (info is never sent). */
export const digestSeverities = (min: Severity): Severity[] => (Object.keys(RANK) as Severity[]).filter((s) => RANK[s] < RANK[min] && s !== "info");
