// The admission policy download's options (GET /api/admission-policies and the Prevention page's
// form, whose fields are the same query string). Client-safe.
import { z } from "zod";

export const ADMISSION_ACTIONS = ["audit", "warn", "deny"] as const;
export type TAdmissionAction = (typeof ADMISSION_ACTIONS)[number];
export const ADMISSION_ACTION_LABEL: Record<TAdmissionAction, string> = { audit: "Audit", warn: "Warn", deny: "Deny" };
export const ADMISSION_ACTION_HINT: Record<TAdmissionAction, string> = {
  audit: "Admit everything; record each violation in the API server's audit log. Start here.",
  warn: "Admit, and show kubectl and CI a warning naming the rule. Next step.",
  deny: "Refuse the object with the rule's message (and audit it). When the audit log is quiet.",
};
export const ADMISSION_FILENAME = "bulwark-admission-policies.yaml";
/** Left out of every binding, whatever else is excluded (the control plane's own namespaces). */
export const ALWAYS_EXCLUDED_NAMESPACES = ["kube-system", "kube-public", "kube-node-lease"] as const;

/** The namespaces the bindings leave out: the control plane's and the chosen ones. */
export const excludedNamespaces = (chosen: readonly string[]) => [...new Set([...ALWAYS_EXCLUDED_NAMESPACES, ...chosen])];

const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

export const ZAdmissionQuery = z.object({
  action: z.enum(ADMISSION_ACTIONS).default("deny"),
  /** comma-separated namespaces the bindings leave out (kube-system, kube-public and kube-node-lease always are) */
  exclude: z
    .string()
    .max(2000)
    .default("")
    .transform((v) => [...new Set(v.split(/[\s,]+/).filter(Boolean))])
    .pipe(z.array(z.string().max(63).regex(NAMESPACE, "namespace names: lowercase letters, digits and -, comma-separated")).max(50, "At most 50 namespaces")),
  /** include the organization's approved, unexpired exceptions as match conditions (default on) */
  exceptions: flag.default(true),
  /** include the organization's enabled custom rules (default on) */
  custom: flag.default(true),
  /** also the exceptions scoped to this cluster (a cluster id of the organization) */
  cluster: z.string().trim().min(1).max(64).optional(),
});
export type TAdmissionQuery = z.output<typeof ZAdmissionQuery>;

/** The download's address for a set of options (the page's link and its CLI line agree with it). */
export function admissionHref(q: { action: TAdmissionAction; exclude: readonly string[]; exceptions: boolean; custom: boolean; cluster?: string | undefined }): string {
  const p = new URLSearchParams({ action: q.action });
  if (q.exclude.length) p.set("exclude", q.exclude.join(","));
  if (!q.exceptions) p.set("exceptions", "0");
  if (!q.custom) p.set("custom", "0");
  if (q.cluster) p.set("cluster", q.cluster);
  return `/api/admission-policies?${p.toString()}`;
}
