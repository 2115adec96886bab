// One-line renderings of a rule for tables and the CLI.
import type { GrantRule } from "./types";

/** kubectl's RESOURCE.GROUP/SUBRESOURCE: "deployments.apps/scale". */
function withGroup(resource: string, group: string): string {
  if (group === "") return resource;
  const slash = resource.indexOf("/");
  return slash < 0 ? `${resource}.${group}` : `${resource.slice(0, slash)}.${group}${resource.slice(slash)}`;
}

function qualified(resources: readonly string[], groups: readonly string[]): string {
  if (groups.length === 1) {
    const g = groups[0]!;
    return resources.map((r) => withGroup(r, g)).join(",");
  }
  return `${resources.join(",")} (${groups.map((g) => (g === "" ? "core" : g)).join(",")})`;
}

/** "get,list secrets", "* on *.*", "get /metrics", "get secrets named db-creds". */
export function describeRule(rule: GrantRule): string {
  const verbs = rule.verbs.length === 0 ? "(no verbs)" : rule.verbs.join(",");
  // "* *.*" reads badly: a bare wildcard verb is followed by "on".
  const lead = verbs === "*" ? "* on" : verbs;
  const parts: string[] = [];
  if (rule.resources.length > 0) {
    let s = `${lead} ${qualified(rule.resources, rule.apiGroups.length ? rule.apiGroups : [""])}`;
    if (rule.resourceNames.length > 0) s += ` named ${rule.resourceNames.join(",")}`;
    parts.push(s);
  }
  // A bare "*" URL (cluster-admin's second rule) would read as "* on *": say what it is.
  if (rule.nonResourceURLs.length > 0) parts.push(`${lead} ${rule.nonResourceURLs.length === 1 && rule.nonResourceURLs[0] === "*" ? "every non-resource URL (*)" : rule.nonResourceURLs.join(",")}`);
  return parts.length ? parts.join("; ") : `${lead} (nothing)`;
}
