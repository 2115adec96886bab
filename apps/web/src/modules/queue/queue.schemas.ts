// The remediation SLA: days to fix a finding by severity (the finding lists' inputs are in
// modules/findings/findings.schemas.ts).
import { z } from "zod";

const ZDays = z
  .union([z.number(), z.string(), z.null()])
  .transform((v) => (v === null || v === "" ? null : Number(v)))
  .pipe(z.number({ error: "A whole number of days" }).int("A whole number of days").min(1, "At least 1 day").max(3650, "At most 3650 days").nullable());

export const ZSlaPolicyInput = z.object({ critical: ZDays, high: ZDays, medium: ZDays, low: ZDays, info: ZDays });
export type TSlaPolicyInput = z.input<typeof ZSlaPolicyInput>;
