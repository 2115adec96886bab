// Compliance scope and attestations: the inputs of the API routes and the forms that use them. The
// data layer checks the domain rules (framework and control exist, dates, links, file content);
// these schemas check shapes and give each field a message.
import { z } from "zod";

const ZFrameworkId = z.string().min(1).max(60);
const ZId = z.string().min(1).max(64);

export const ZFrameworkRef = z.object({ framework: ZFrameworkId });

export const ZSetScope = z.object({
  framework: ZFrameworkId,
  /** Empty: clear the scope (every cluster of the organization). */
  clusters: z
    .array(
      z.object({
        clusterId: ZId,
        /** Empty: the whole cluster; otherwise these namespaces plus cluster-scoped objects. */
        namespaces: z.array(z.string().trim().min(1).max(63)).max(200, "At most 200 namespaces per cluster").default([]),
      }),
    )
    .max(500, "At most 500 clusters"),
});
export type TSetScope = z.input<typeof ZSetScope>;

export const ZListAttestations = z.object({ framework: ZFrameworkId, control: z.string().min(1).max(80).optional() });

/** "YYYY-MM-DD" (the end of that day, UTC, for an expiry; its start for a review) or an ISO instant. */
const ZDay = (what: string) =>
  z
    .string({ error: `Pick the ${what}` })
    .trim()
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(s), `Use a date like 2026-01-31 for the ${what}`)
    .refine((s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)), `The ${what} is not a valid date`);

export const reviewDateToInstant = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
export const expiryDayToInstant = (s: string) => new Date(s.length === 10 ? `${s}T23:59:59Z` : s);

/** One uploaded file as the route's form reader hands it over. */
export const ZUploadedFile = z.object({
  name: z.string().max(1000),
  contentType: z.string().max(200).optional(),
  bytes: z.instanceof(Buffer),
});

export const ZCreateAttestation = z.object({
  framework: ZFrameworkId,
  controlId: z.string({ error: "Choose the control" }).min(1, "Choose the control").max(80),
  statement: z.string({ error: "Say what is in place" }).trim().min(1, "Say what is in place and how it was checked").max(4000, "Keep the statement under 4000 characters"),
  owner: z.string({ error: "Name the owner" }).trim().min(1, "Name the owner (a person or a team)").max(200),
  reviewedAt: ZDay("review date"),
  expiresAt: ZDay("expiry date"),
  /** Repeated form fields or a JSON array; a single field may hold one link per line. */
  links: z
    .union([z.string().max(40_000), z.array(z.string().max(2000)).max(20, "At most 20 links")])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(/\r?\n/)).map((s) => s.trim()).filter(Boolean))),
  files: z.array(ZUploadedFile).max(10, "At most 10 evidence files").default([]),
});
export type TCreateAttestation = z.input<typeof ZCreateAttestation>;

export const ZRevokeAttestation = z.object({ framework: ZFrameworkId, attestationId: ZId, reason: z.string().trim().max(1000).optional() });

export const ZAttestationFile = z.object({ fileId: ZId });
