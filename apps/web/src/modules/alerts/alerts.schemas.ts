// Notification channel forms: one schema for the browser form and the server action.
import { z } from "zod";

export const ZSeverity = z.enum(["critical", "high", "medium", "low"]);
export const ZChannelKind = z.enum(["webhook", "slack"]);

const ZName = z.string().trim().min(1, "Give the channel a name").max(80, "At most 80 characters");
const ZUrl = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters")
  .refine((v) => /^https:\/\/[^\s]+$/i.test(v), "Enter an https:// address");
const ZClusterIds = z.array(z.string().min(1).max(64)).max(200).default([]);

export const ZCreateChannel = z.object({
  name: ZName,
  kind: ZChannelKind,
  url: ZUrl,
  minSeverity: ZSeverity.default("high"),
  clusterIds: ZClusterIds,
  digest: z.boolean().default(true),
  enabled: z.boolean().default(true),
});
export type TCreateChannel = z.input<typeof ZCreateChannel>;

export const ZUpdateChannel = z.object({
  channelId: z.string().min(1).max(64),
  name: ZName,
  /** empty: keep the current address */
  url: z.union([z.literal(""), ZUrl]).default(""),
  minSeverity: ZSeverity,
  clusterIds: ZClusterIds,
  digest: z.boolean(),
  enabled: z.boolean(),
});
export type TUpdateChannel = z.input<typeof ZUpdateChannel>;

export const ZChannelId = z.object({ channelId: z.string().min(1).max(64) });
export const ZDeliveryId = z.object({ deliveryId: z.string().min(1).max(64) });
export const ZSetChannelEnabled = z.object({ channelId: z.string().min(1).max(64), enabled: z.boolean() });

export const SEVERITY_CHOICES = [
  { value: "critical", label: "Critical only" },
  { value: "high", label: "High and above" },
  { value: "medium", label: "Medium and above" },
  { value: "low", label: "Low and above" },
] as const;

export const KIND_LABEL: Record<string, string> = { webhook: "Webhook", slack: "Slack" };
