// What each API token scope allows. A token's permissions are its scopes' union, intersected with
// its creator's current role (see with-org `allowed`), so a token never does more than its creator.
import type { TApiTokenScope } from "@bulwark/db";
import { ROLE_PERMISSIONS, type TPermission, type TRole } from "../auth/permissions";

export const SCOPE_PERMISSIONS: Record<TApiTokenScope, readonly TPermission[]> = {
  read: ["org:read"],
  // CI pipelines scan and push their images' vulnerability documents with the same token.
  scan: ["org:read", "scan:run", "vulns:import"],
  // Triage: status, assignment, comments and exception requests (deciding one stays with admins).
  "findings:write": ["org:read", "finding:write", "exception:request"],
  admin: ROLE_PERMISSIONS.admin,
};

/** Every scope (the Record above lists each exactly once); client-safe, unlike @bulwark/db's value. */
export const TOKEN_SCOPES = Object.keys(SCOPE_PERMISSIONS) as [TApiTokenScope, ...TApiTokenScope[]];

export const SCOPE_LABELS: Record<TApiTokenScope, { label: string; description: string }> = {
  read: { label: "Read", description: "Clusters, scans, findings, exceptions and reports" },
  scan: { label: "Scan", description: "Read, start scans, generate reports and import vulnerability documents" },
  "findings:write": { label: "Findings: write", description: "Read, triage findings and request exceptions" },
  admin: { label: "Admin", description: "Everything an admin can do" },
};

export function tokenAllows(scopes: readonly TApiTokenScope[], permission: TPermission): boolean {
  return scopes.some((s) => SCOPE_PERMISSIONS[s].includes(permission));
}

const RANK: Record<TRole, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };
const SCOPE_ROLE: Record<TApiTokenScope, TRole> = { read: "viewer", scan: "member", "findings:write": "member", admin: "admin" };

/**
 * The role a token acts with: the lower of its creator's role and the highest role its scopes
 * suggest, so code that reads ctx.role (e.g. "admins grant, members request") sees a token's limits.
 */
export function tokenRole(creatorRole: TRole, scopes: readonly TApiTokenScope[]): TRole {
  const scopeRole = scopes.reduce<TRole>((best, s) => (RANK[SCOPE_ROLE[s]] > RANK[best] ? SCOPE_ROLE[s] : best), "viewer");
  return RANK[scopeRole] < RANK[creatorRole] ? scopeRole : creatorRole;
}
