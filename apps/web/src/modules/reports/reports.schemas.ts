// Shared by the "generate report" form and the server action / POST /api/reports.
import { z } from "zod";

export const ZGenerateReport = z.object({
  framework: z.string().min(1, "Choose a framework").max(40),
  // MAX_REPORT_CLUSTERS (@bulwark/db), which the server enforces; repeated here for the form. Left
  // out (or empty) for a framework with a compliance scope: the report covers the scope.
  clusterIds: z.array(z.string().min(1).max(64)).max(200, "At most 200 clusters per report").default([]),
  /** YYYY-MM-DD: each cluster's latest successful scan at or before the end of that day (UTC); empty = latest. */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31")
    .optional()
    .or(z.literal("")),
});
export type TGenerateReport = z.input<typeof ZGenerateReport>;

/** A file, or (".sig") its detached Ed25519 signature: base64 of the 64 signature bytes. */
export const REPORT_DOWNLOAD_FORMATS = ["pdf", "csv", "json", "pdf.sig", "csv.sig", "json.sig"] as const;
export const ZReportDownload = z.object({
  id: z.string().min(1).max(64),
  format: z.enum(REPORT_DOWNLOAD_FORMATS, { message: "format must be pdf, csv or json, or one of them followed by .sig for its signature" }).default("pdf"),
});

export const REPORT_MIME = { pdf: "application/pdf", csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8", sig: "text/plain; charset=us-ascii" } as const;
export const PEM_MIME = "application/x-pem-file";

export const ZCreateReportSchedule = z.object({
  framework: z.string().min(1, "Choose a framework").max(40),
  cadence: z.enum(["weekly", "monthly"], { message: "Choose weekly or monthly" }),
  /** Empty: every cluster of the organization at the time each report is generated. */
  clusterIds: z.array(z.string().min(1).max(64)).max(200, "At most 200 clusters per report").default([]),
  webhookUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => v === "" || /^https:\/\/[^\s/$.?#].[^\s]*$/i.test(v), "Use an https:// URL")
    .optional(),
});
export type TCreateReportSchedule = z.input<typeof ZCreateReportSchedule>;

export const ZReportScheduleId = z.object({ scheduleId: z.string().min(1).max(64) });
