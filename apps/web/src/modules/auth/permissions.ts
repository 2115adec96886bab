// Who may do what inside an organization. One table, read by withOrg and by pages that hide
// buttons a role cannot use (the server check is the one that counts).
export type TRole = "owner" | "admin" | "member" | "viewer";

export type TPermission =
  | "org:read"
  | "finding:write"
  | "scan:run"
  | "cluster:manage"
  | "schedule:manage"
  | "member:manage"
  | "settings:manage"
  | "exception:request"
  | "exception:decide"
  | "alert:manage"
  | "audit:read"
  /** compliance scope and attestations of controls (admins and owners) */
  | "compliance:manage"
  /** start, cancel and sign off access reviews (admins and owners) */
  | "access-review:manage"
  /** mark a subject keep or revoke in an open access review */
  | "access-review:decide"
  /** import vulnerability documents (Trivy, Grype, CycloneDX) for images, by upload or from CI */
  | "vulns:import"
  /** create and revoke CVE exceptions (VEX decisions: not affected, fix unavailable, accepted) */
  | "cve-exception:manage"
  /** propose applying a fix to a cluster (applied only after an admin approves) */
  | "fix:propose"
  /** approve or reject proposed fixes; set a cluster's write credential */
  | "fix:approve"
  /** create tickets in the organization's Jira or GitHub from findings, risks and rule groups */
  | "ticket:create"
  /** add, change and remove ticket integrations (Jira, GitHub) */
  | "integration:manage";

const ALL: readonly TPermission[] = [
  "org:read",
  "finding:write",
  "scan:run",
  "cluster:manage",
  "schedule:manage",
  "member:manage",
  "settings:manage",
  "exception:request",
  "exception:decide",
  "alert:manage",
  "audit:read",
  "compliance:manage",
  "access-review:manage",
  "access-review:decide",
  "vulns:import",
  "cve-exception:manage",
  "fix:propose",
  "fix:approve",
  "ticket:create",
  "integration:manage",
];

export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  owner: ALL,
  admin: ALL,
  member: ["org:read", "finding:write", "scan:run", "exception:request", "access-review:decide", "vulns:import", "fix:propose", "ticket:create"],
  viewer: ["org:read"],
};

export const ROLES: readonly TRole[] = ["owner", "admin", "member", "viewer"];

export const ROLE_DESCRIPTIONS: Record<TRole, string> = {
  owner: "Everything, including managing other owners",
  admin: "Clusters, schedules, policy and members",
  member: "Triage findings and run scans",
  viewer: "Read-only access",
};

export function can(role: TRole, permission: TPermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
