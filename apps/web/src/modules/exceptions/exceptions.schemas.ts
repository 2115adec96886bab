// Exceptions (accepted risk): one schema per form, shared by the dialog and the server action.
import { z } from "zod";

export const EXCEPTION_SCOPES = ["object", "namespace", "cluster", "all"] as const;
export type TExceptionScopeChoice = (typeof EXCEPTION_SCOPES)[number];
export const MAX_DAYS = 365;

const DAY = 86_400_000;
/** "YYYY-MM-DD" from a date input; the exception lasts to the end of that day (UTC). */
export const ZExpiryDate = z
  .string({ error: "Pick an expiry date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Pick an expiry date")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T23:59:59Z`)), "Pick a valid date")
  .refine((d) => Date.parse(`${d}T23:59:59Z`) > Date.now(), "The expiry must be in the future")
  .refine((d) => Date.parse(`${d}T23:59:59Z`) <= Date.now() + (MAX_DAYS + 1) * DAY, `An exception may last at most a year (${MAX_DAYS} days)`);

export const expiryDateToInstant = (d: string) => new Date(`${d}T23:59:59Z`);

export const ZJustification = z
  .string()
  .trim()
  .min(10, "Say why this risk is accepted (at least 10 characters)")
  .max(2000, "Keep it under 2000 characters");

const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** "app=web, tier=frontend" -> { app: "web", tier: "frontend" }; empty -> undefined. */
export const ZLabelSelectorText = z
  .string()
  .max(1000)
  .optional()
  .transform((s, ctx) => {
    const text = (s ?? "").trim();
    if (!text) return undefined;
    const out: Record<string, string> = {};
    for (const part of text.split(/[,\n]/).map((p) => p.trim()).filter(Boolean)) {
      const m = /^([^=\s]+)\s*=\s*(\S*)$/.exec(part);
      if (!m || !LABEL_KEY.test(m[1]!) || m[1]!.length > 316 || !LABEL_VALUE.test(m[2]!) || m[2]!.length > 63) {
        ctx.addIssue({ code: "custom", message: `"${part}" is not key=value (e.g. app=web, tier=frontend)` });
        return z.NEVER;
      }
      out[m[1]!] = m[2]!;
    }
    return out;
  });

/** From a finding page: the scope is derived on the server from the finding and the choice. */
export const ZExceptionFromFinding = z.object({
  findingId: z.string().min(1).max(64),
  scope: z.enum(EXCEPTION_SCOPES, { error: "Choose what the exception covers" }),
  labelSelector: ZLabelSelectorText,
  expiresAt: ZExpiryDate,
  justification: ZJustification,
});
export type TExceptionFromFinding = z.input<typeof ZExceptionFromFinding>;

export const ZExceptionId = z.object({ exceptionId: z.string().min(1).max(64) });

export const ZDecideException = z.object({
  exceptionId: z.string().min(1).max(64),
  decision: z.enum(["approve", "reject"]),
  note: z.string().trim().max(1000).optional().transform((v) => v || undefined),
});
export type TDecideException = z.input<typeof ZDecideException>;

export const ZEditException = z.object({
  exceptionId: z.string().min(1).max(64),
  expiresAt: ZExpiryDate,
  justification: ZJustification,
});
export type TEditException = z.input<typeof ZEditException>;

export const ZRevokeException = z.object({
  exceptionId: z.string().min(1).max(64),
  note: z.string().trim().max(1000).optional().transform((v) => v || undefined),
});

export const EXCEPTION_TABS = ["pending", "active", "closed"] as const;
export type TExceptionTab = (typeof EXCEPTION_TABS)[number];
export const TAB_STATUSES = {
  pending: ["requested"],
  active: ["approved"],
  closed: ["expired", "revoked", "rejected"],
} as const satisfies Record<TExceptionTab, readonly string[]>;

export const ZExceptionList = z.object({
  tab: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v[0] : v))
    .pipe(z.enum(EXCEPTION_TABS).optional()),
});
