// Access reviews: the inputs of the API routes and of the forms on /access/reviews. Shapes and
// field messages here; the data layer checks the domain rules (clusters exist and were scanned,
// a revoke has a note, nothing pending at sign-off) and answers with a message to show.
import { z } from "zod";

const ZId = z.string().min(1).max(64);

export const ZReviewRef = z.object({ reviewId: ZId });

/** "YYYY-MM-DD" (the end of that day, UTC) or an ISO instant; empty = none. */
const ZDueDay = z
  .string()
  .trim()
  .max(40)
  .refine((s) => s === "" || /^\d{4}-\d{2}-\d{2}$/.test(s) || /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(s), "Use a date like 2026-01-31")
  .refine((s) => s === "" || !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)), "Not a valid date");

export const dueDayToInstant = (s: string | undefined): Date | undefined => (s ? new Date(s.length === 10 ? `${s}T23:59:59Z` : s) : undefined);

export const ZStartReview = z.object({
  title: z.string({ error: "Give the review a title" }).trim().min(1, "Give the review a title").max(200, "Keep the title under 200 characters"),
  /** Empty or left out: every cluster whose access model was built. */
  clusterIds: z.array(ZId).max(500, "At most 500 clusters").default([]),
  dueAt: ZDueDay.optional(),
  validDays: z.coerce.number({ error: "Days as a number" }).int("Whole days").min(1, "At least 1 day").max(730, "At most 730 days").default(90),
  includeHigh: z.boolean().default(true),
});
export type TStartReview = z.input<typeof ZStartReview>;

export const ZDecideItem = z
  .object({
    reviewId: ZId,
    itemId: ZId,
    decision: z.enum(["keep", "revoke"], { error: "Choose keep or revoke" }),
    note: z.string().trim().max(2000, "Keep the note under 2000 characters").default(""),
  })
  .refine((v) => v.decision !== "revoke" || v.note.length > 0, { path: ["note"], message: "Say why the access goes and who removes it" });
export type TDecideItem = z.input<typeof ZDecideItem>;

export const ZSignOffReview = z.object({ reviewId: ZId, note: z.string().trim().max(2000, "Keep the note under 2000 characters").default("") });
export const ZCancelReview = z.object({ reviewId: ZId, reason: z.string().trim().max(2000).default("") });
export const ZExportReview = z.object({ reviewId: ZId, format: z.enum(["csv", "pdf"], { error: "format is csv or pdf" }).default("pdf") });
