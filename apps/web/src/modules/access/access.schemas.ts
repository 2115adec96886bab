// The access pages' and /api/access inputs: one schema per question, shared by the pages' URLs
// (plain GET forms) and the API's query strings, plus the links between the pages.
import { z } from "zod";
import type { AccessQuery, SubjectRef } from "@bulwark/rules";

/** The verbs people ask about most; the field still takes any verb (custom ones included). */
export const COMMON_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "impersonate", "bind", "escalate", "*"] as const;
/** Suggestions for the resource field (kubectl's RESOURCE[.GROUP][/SUBRESOURCE], or a URL path). */
export const COMMON_RESOURCES = [
  "secrets", "pods", "pods/exec", "pods/log", "configmaps", "serviceaccounts/token", "deployments.apps", "daemonsets.apps", "nodes", "nodes/proxy",
  "roles.rbac.authorization.k8s.io", "clusterroles.rbac.authorization.k8s.io", "rolebindings.rbac.authorization.k8s.io", "clusterrolebindings.rbac.authorization.k8s.io",
  "namespaces", "persistentvolumes", "users", "groups", "/metrics", "/healthz",
] as const;
export const SUBJECT_KINDS = ["User", "Group", "ServiceAccount"] as const;
export const PRIVILEGES = ["admin", "high", "medium"] as const;
export const ACCESS_CHANGES = ["added", "removed"] as const;

/** The first value of a repeated query parameter; empty means not given. */
const one = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, inner.optional());
/** A checkbox or a query flag: "on", "true", "1" are yes; absent is no. */
const flag = () => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.union([z.boolean(), z.string()]).optional()).transform((v) => v === true || v === "on" || v === "true" || v === "1");
const clusterId = () => one(z.string().max(64).regex(/^[A-Za-z0-9_-]+$/, "A cluster id"));
const k8sName = (max = 253) => z.string().trim().max(max).regex(/^[A-Za-z0-9:._@+=,-]+$/, "Letters, digits and : . _ - @ only");
/**
 * A user or group name as an authenticator reports it: any printable text (emails, "oidc:alice",
 * EKS's "arn:aws:iam::111122223333:role/admin", names with spaces), no control characters.
 */
const subjectName = () => z.string().trim().max(1024).regex(/^[^\u0000-\u001f\u007f]+$/, "A subject name without control characters");

export const ZWhoCanInput = z.object({
  verb: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string({ error: "Enter a verb, e.g. get" }).trim().toLowerCase().min(1, "Enter a verb, e.g. get").max(64).regex(/^([a-z]+|\*)$/, "A verb, e.g. get, list, create or *")),
  /** kubectl's RESOURCE[.GROUP][/SUBRESOURCE] (pods/exec, deployments.apps), or a non-resource URL (/metrics). */
  resource: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string({ error: "Enter a resource, e.g. secrets" }).trim().min(1, "Enter a resource, e.g. secrets").max(253).regex(/^(\/[^\s]*|[a-z0-9*][a-z0-9.*-]*(\/[a-z0-9*]+)?)$/, "A resource as kubectl names it (secrets, pods/exec, deployments.apps) or a URL path (/metrics)")),
  /** The request's namespace; none = a cluster-wide request. */
  namespace: one(k8sName(63)),
  cluster: clusterId(),
  /** Object name: rules limited by resourceNames match only when it is one of them. */
  name: one(k8sName()),
  includeNamed: flag(),
  /** Leave out Kubernetes' and the platform's own bindings (system: subjects, bootstrap bindings). */
  hideBuiltIn: flag(),
});
export type TWhoCanInput = z.output<typeof ZWhoCanInput>;

/** The form's question as the access model asks it. */
export function toAccessQuery(i: Pick<TWhoCanInput, "verb" | "resource" | "namespace" | "name" | "includeNamed">): AccessQuery {
  const url = i.resource.startsWith("/");
  return {
    verb: i.verb,
    ...(url ? { nonResourceURL: i.resource } : { resource: i.resource }),
    ...(i.namespace && !url ? { namespace: i.namespace } : {}),
    ...(i.name && !url ? { name: i.name } : {}),
    ...(i.includeNamed ? { includeNamed: true } : {}),
  };
}

export const ZSubjectInput = z
  .object({
    kind: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(SUBJECT_KINDS, { error: "kind is User, Group or ServiceAccount" })),
    name: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), subjectName().min(1, "Enter a name")),
    namespace: one(k8sName(63)),
  })
  .refine((s) => s.kind !== "ServiceAccount" || Boolean(s.namespace), { message: "A service account needs its namespace", path: ["namespace"] });
export type TSubjectInput = z.output<typeof ZSubjectInput>;

export const ZSubjectsInput = z.object({
  cluster: clusterId(),
  privilege: one(z.enum(PRIVILEGES)),
  q: one(z.string().trim().max(253)),
  includeBuiltIn: flag(),
  limit: one(z.coerce.number().int().min(1).max(1000)),
});

export const ZStaleInput = z.object({ cluster: clusterId() });
export const ZOverviewInput = z.object({});

export const ZChangesInput = z.object({
  cluster: clusterId(),
  change: one(z.enum(ACCESS_CHANGES)),
  kind: one(z.enum(SUBJECT_KINDS)),
  name: one(subjectName()),
  namespace: one(k8sName(63)),
  since: one(z.coerce.date()),
  cursor: one(z.string().max(400)),
  limit: one(z.coerce.number().int().min(1).max(200)),
});
export type TChangesInput = z.output<typeof ZChangesInput>;

/** The subject a changes filter names, when it names one (a kind and a name). */
export function changesSubject(i: Pick<TChangesInput, "kind" | "name" | "namespace">): SubjectRef | undefined {
  if (!i.kind || !i.name) return undefined;
  return { kind: i.kind, name: i.name, ...(i.kind === "ServiceAccount" && i.namespace ? { namespace: i.namespace } : {}) };
}

type TQueryValue = string | number | boolean | Date | undefined | null;
/** A query string from the values that are set (false and "" left out). */
export function queryString(values: Record<string, TQueryValue>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    sp.set(k, v === true ? "1" : v instanceof Date ? v.toISOString() : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

export const subjectHref = (s: SubjectRef) => `/access/subject${queryString({ kind: s.kind, name: s.name, namespace: s.namespace })}`;
export const whoCanHref = (q: Partial<Record<keyof TWhoCanInput, TQueryValue>>) => `/access/who-can${queryString(q)}`;
export const changesHref = (q: Partial<Record<keyof TChangesInput, TQueryValue>>) => `/access/changes${queryString(q)}`;

/** "ServiceAccount tools/ci-deployer", "User alice": how a subject reads in a sentence. */
export function subjectLabel(s: SubjectRef): string {
  return s.kind === "ServiceAccount" && s.namespace ? `${s.namespace}/${s.name}` : s.name;
}
