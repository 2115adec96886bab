// Inputs of the images pages and /api/images, /api/vulnerabilities, /api/cve-exceptions: one schema
// per question, shared by the pages' URLs (plain GET forms), the API's query strings and, for CVE
// exceptions, the dialog's form and the server.
import { CVE_EXCEPTION_JUSTIFICATIONS as CVE_JUSTIFICATIONS, CVE_EXCEPTION_STATES, MAX_CVE_EXCEPTION_DAYS } from "@bulwark/rules/vulns/types";
import { z } from "zod";

export const IMAGE_SEVERITIES = ["critical", "high"] as const;
export const VULN_SEVERITY_FILTERS = ["critical", "high", "medium", "low"] as const;
export const IMAGE_SORTS = ["worst", "name"] as const;
export const IMAGE_VIEWS = ["image", "registry"] as const;
// Client-safe: the constants module of @bulwark/rules, not the engine.
export { CVE_EXCEPTION_STATES, MAX_CVE_EXCEPTION_DAYS } from "@bulwark/rules/vulns/types";
export { CVE_EXCEPTION_JUSTIFICATIONS as CVE_JUSTIFICATIONS } from "@bulwark/rules/vulns/types";

/** The first value of a repeated query parameter; empty means not given. */
const one = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, inner.optional());
/** A checkbox or a query flag: "on", "true", "1" are yes; absent is no. */
const flag = () => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.union([z.boolean(), z.string()]).optional()).transform((v) => v === true || v === "on" || v === "true" || v === "1");
const id = (what: string) => z.string().max(64).regex(/^[A-Za-z0-9_-]+$/, `A ${what} id`);
const cursor = () => one(z.string().max(2000));

export const ZImagesInput = z.object({
  view: one(z.enum(IMAGE_VIEWS)),
  cluster: one(id("cluster")),
  /** Registry host, as the inventory normalizes it (docker.io, ghcr.io). */
  registry: one(z.string().trim().toLowerCase().max(253).regex(/^[a-z0-9.-]+(:[0-9]+)?$/, "A registry host, e.g. ghcr.io")),
  q: one(z.string().trim().max(200)),
  /** At least one open CVE of this severity (high: high or critical). */
  severity: one(z.enum(IMAGE_SEVERITIES)),
  fixable: flag(),
  mutable: flag(),
  notAllowed: flag(),
  sort: one(z.enum(IMAGE_SORTS)),
  cursor: cursor(),
  limit: one(z.coerce.number().int().min(1).max(200)),
});
export type TImagesInput = z.output<typeof ZImagesInput>;

export const ZImageInput = z.object({ imageId: id("image") });

export const ZVulnerabilitiesInput = z.object({
  cluster: one(id("cluster")),
  image: one(id("image")),
  severity: one(z.enum(VULN_SEVERITY_FILTERS)),
  fixable: flag(),
  q: one(z.string().trim().max(200)),
  cursor: cursor(),
  limit: one(z.coerce.number().int().min(1).max(200)),
});
export type TVulnerabilitiesInput = z.output<typeof ZVulnerabilitiesInput>;

/** POST /api/images/import: the document as the body (`text`) or one uploaded file, and an optional image reference. */
export const ZImportInput = z.object({
  text: z.string().optional(),
  files: z.array(z.object({ name: z.string(), contentType: z.string(), bytes: z.instanceof(Uint8Array) })).max(1, "Send one document per request").optional(),
  /** Names the image when the document does not (or only by tag): "ghcr.io/acme/api@sha256:...". */
  image: one(z.string().trim().max(512).regex(/^[^\s\u0000-\u001f]+$/, "An image reference without spaces, e.g. ghcr.io/acme/api:1.2.0")),
});

/** A date field ("YYYY-MM-DD", the end of that day UTC) or an ISO time. */
const expiry = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, "A date (YYYY-MM-DD)")
  .transform((s) => (s.length === 10 ? `${s}T23:59:59.999Z` : s))
  .refine((s) => !Number.isNaN(Date.parse(s)), "A date (YYYY-MM-DD)");

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ZCveExceptionInput = z
  .object({
    cve: z.string({ error: "Enter a CVE id" }).trim().min(1, "Enter a CVE id, e.g. CVE-2021-23017").max(64),
    /** "registry/repository" (every tag of it); none = every image. */
    repository: z.preprocess(blank, z.string().trim().max(255).optional()),
    clusterId: z.preprocess(blank, id("cluster").optional()),
    namespace: z.preprocess(blank, z.string().trim().max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "A namespace name").optional()),
    state: z.enum(CVE_EXCEPTION_STATES, { error: "Choose not affected, fix unavailable or accepted" }),
    justification: z.preprocess(blank, z.enum(CVE_JUSTIFICATIONS, { error: "Choose why it is not affected" }).optional()),
    note: z.string({ error: "Say why" }).trim().min(1, "Say why: who decided, what was checked").max(2000),
    expiresAt: z.preprocess(blank, expiry.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.state === "not_affected" && !v.justification) ctx.addIssue({ code: "custom", path: ["justification"], message: "Choose why it is not affected" });
    if (v.state !== "not_affected" && v.justification) ctx.addIssue({ code: "custom", path: ["justification"], message: "A justification is for not affected only; say why in the note" });
    if (v.state !== "not_affected" && !v.expiresAt) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: `Set an expiry date (at most ${MAX_CVE_EXCEPTION_DAYS} days away)` });
  });
export type TCveExceptionInput = z.input<typeof ZCveExceptionInput>;

export const ZCveExceptionsInput = z.object({ includeRevoked: flag(), cve: one(z.string().trim().max(64)) });
export const ZRevokeCveExceptionInput = z.object({ id: id("CVE exception") });

export const STATE_LABEL: Record<(typeof CVE_EXCEPTION_STATES)[number], string> = {
  not_affected: "Not affected",
  fix_unavailable: "Fix unavailable",
  accepted: "Accepted",
};
export const JUSTIFICATION_LABEL: Record<(typeof CVE_JUSTIFICATIONS)[number], string> = {
  component_not_present: "The component is not present",
  vulnerable_code_not_present: "The vulnerable code is not present",
  vulnerable_code_not_in_execute_path: "The vulnerable code is never executed",
  vulnerable_code_cannot_be_controlled_by_adversary: "An attacker cannot reach the vulnerable code",
  inline_mitigations_already_exist: "Mitigations are in place",
};

/** The URL of /images with these filters (empty ones left out). */
export function imagesHref(f: Partial<Record<keyof TImagesInput, string | boolean | number | undefined>>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== false && v !== "") p.set(k, v === true ? "1" : String(v));
  const s = p.toString();
  return s ? `/images?${s}` : "/images";
}

export function vulnerabilitiesHref(f: Partial<Record<keyof TVulnerabilitiesInput, string | boolean | number | undefined>>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== false && v !== "") p.set(k, v === true ? "1" : String(v));
  const s = p.toString();
  return s ? `/vulnerabilities?${s}` : "/vulnerabilities";
}
