// Schemas shared by the cluster forms, server actions and the /api/clusters routes.
import { z } from "zod";

export const MAX_KUBECONFIG_CHARS = 1024 * 1024;

export const ZKubeconfigText = z
  .string()
  .min(1, "Paste a kubeconfig or upload the file")
  .max(MAX_KUBECONFIG_CHARS, "The kubeconfig is larger than 1 MiB; upload a single-context kubeconfig");

export const ZInspectKubeconfig = z.object({ kubeconfig: ZKubeconfigText });
export type TInspectKubeconfig = z.infer<typeof ZInspectKubeconfig>;

export const ZClusterName = z
  .string()
  .trim()
  .min(1, "Name the cluster")
  .max(63, "Use at most 63 characters")
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._ -]*$/, "Use letters, digits, spaces, dots, dashes and underscores");

export const ZAddCluster = z.object({
  name: ZClusterName,
  kubeconfig: ZKubeconfigText,
  context: z.string().trim().max(253).optional().transform((v) => v || undefined),
});
export type TAddCluster = z.infer<typeof ZAddCluster>;

export const ZClusterId = z.object({ clusterId: z.string().min(1).max(64) });

/** Renaming after onboarding: the same rules as the name given when the cluster was added. */
export const ZRenameCluster = z.object({ clusterId: z.string().min(1).max(64), name: ZClusterName });
export type TRenameCluster = z.input<typeof ZRenameCluster>;

export const ZSchedule = z
  .object({
    clusterId: z.string().min(1).max(64),
    enabled: z.boolean(),
    mode: z.enum(["interval", "cron"]),
    everyMinutes: z.coerce.number().int().min(15, "At least every 15 minutes").max(10080, "At most once a week (10080 minutes)").optional(),
    cron: z.string().trim().max(100).optional(),
    timezone: z.string().trim().min(1).max(64).default("UTC"),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "interval" && !v.everyMinutes) ctx.addIssue({ code: "custom", path: ["everyMinutes"], message: "Choose how often to scan" });
    if (v.mode === "cron") {
      const fields = (v.cron ?? "").split(/\s+/).filter(Boolean);
      if (fields.length !== 5) ctx.addIssue({ code: "custom", path: ["cron"], message: "Use a 5-field cron expression, e.g. 0 3 * * *" });
      else if (!fields.every((f) => /^[\d*/,-]+$/.test(f))) ctx.addIssue({ code: "custom", path: ["cron"], message: "Cron fields may contain digits, *, /, - and , only" });
    }
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: v.timezone });
    } catch {
      ctx.addIssue({ code: "custom", path: ["timezone"], message: "Unknown time zone (use an IANA name such as Europe/Berlin)" });
    }
  });
export type TSchedule = z.infer<typeof ZSchedule>;

export const ZScannerManifest = z.object({
  allowSecretMetadata: z.boolean().default(false),
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "Use a valid namespace name").max(63).default("bulwark"),
});
