// Identities, authentication lookups and allow-list authorization (RBAC-like, no roles).
import { randomBytes } from "node:crypto";
import type { ResourceRegistry } from "./resources";
import type { SimIdentity } from "./types";

export const READ_VERBS = ["get", "list", "watch"];

export interface ResolvedIdentity extends SimIdentity {
  /** the user name the apiserver would report (Forbidden messages, reviews) */
  username: string;
}

export function defaultIdentities(): SimIdentity[] {
  return [
    { name: "admin", allow: "*" },
    { name: "no-secrets", allow: [{ group: "*", resource: "*" }], deny: [{ group: "", resource: "secrets" }] },
  ];
}

export function resolveIdentities(list: SimIdentity[]): ResolvedIdentity[] {
  const seen = new Set<string>();
  return list.map((id) => {
    if (!id.name) throw new Error("kube-sim: every identity needs a name");
    if (seen.has(id.name)) throw new Error(`kube-sim: duplicate identity name ${JSON.stringify(id.name)}`);
    seen.add(id.name);
    const token = id.token ?? (id.clientCert ? undefined : `sim-${id.name.replace(/[^a-z0-9-]/gi, "")}-${randomBytes(16).toString("hex")}`);
    return {
      ...id,
      token,
      // Tokens are service-account tokens, certificates carry their CN as user name, as in a cluster.
      username: id.clientCert && !id.token ? id.name : `system:serviceaccount:kube-sim:${id.name}`,
    };
  });
}

const hit = (pattern: string, value: string): boolean => pattern === "*" || pattern === value;

export function isAllowed(id: SimIdentity, verb: string, group: string, resource: string): boolean {
  if (id.deny?.some((d) => hit(d.group, group) && hit(d.resource, resource))) return false;
  if (id.allow === "*") return true;
  return id.allow.some((a) => hit(a.group, group) && hit(a.resource, resource) && (a.verbs ?? READ_VERBS).some((v) => hit(v, verb)));
}

export interface ResourceRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
}

/** What SelfSubjectRulesReview reports: allow entries, with wildcards expanded when denies apply. */
export function rulesFor(id: SimIdentity, registry: ResourceRegistry): { resourceRules: ResourceRule[]; nonResourceRules: Array<{ verbs: string[]; nonResourceURLs: string[] }> } {
  const base: ResourceRule[] = [
    { verbs: ["create"], apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"] },
  ];
  const nonResourceRules = [
    { verbs: ["get"], nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"] },
  ];
  if (id.allow === "*" && !id.deny?.length) {
    return { resourceRules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }, ...base], nonResourceRules: [{ verbs: ["*"], nonResourceURLs: ["*"] }] };
  }
  const entries = id.allow === "*" ? [{ group: "*", resource: "*", verbs: ["*"] }] : id.allow;
  const rules: ResourceRule[] = [];
  for (const a of entries) {
    const verbs = a.verbs ?? READ_VERBS;
    if (!id.deny?.length) {
      rules.push({ verbs, apiGroups: [a.group], resources: [a.resource] });
      continue;
    }
    // RBAC has no deny: list what remains resource by resource, grouped per API group.
    const byGroup = new Map<string, Set<string>>();
    for (const def of registry.all()) {
      if (def.group === "authorization.k8s.io") continue;
      if (!hit(a.group, def.group) || !hit(a.resource, def.plural)) continue;
      if (id.deny.some((d) => hit(d.group, def.group) && hit(d.resource, def.plural))) continue;
      const set = byGroup.get(def.group) ?? new Set<string>();
      set.add(def.plural);
      byGroup.set(def.group, set);
    }
    for (const [group, set] of [...byGroup.entries()].sort(([x], [y]) => x.localeCompare(y)))
      rules.push({ verbs, apiGroups: [group], resources: [...set].sort() });
  }
  return { resourceRules: [...rules, ...base], nonResourceRules };
}
