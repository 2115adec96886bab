// Readable words for audit actions. An action missing here still shows (as its code), so a new
// writeAudit call site never disappears from the page; add its label when adding the call.
export const AUDIT_ACTIONS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "org.create": "Created organization",
  "org.policy": "Changed organization policy",
  "member.role": "Changed a member's role",
  "member.remove": "Removed a member",
  "invite.create": "Created an invite",
  "invite.accept": "Joined through an invite",
  "invite.revoke": "Revoked an invite",
  "token.create": "Created an API token",
  "token.revoke": "Revoked an API token",
  "cluster.create": "Added a cluster",
  "cluster.delete": "Removed a cluster",
  "cluster.credential": "Replaced a cluster's credential",
  "cluster.rename": "Renamed a cluster",
  "schedule.update": "Changed a scan schedule",
  "scan.request": "Started a scan",
  "finding.assign": "Assigned a finding",
  "finding.status": "Changed a finding's status",
  "finding.comment": "Commented on a finding",
  "finding.bulk_assign": "Assigned findings in bulk",
  "finding.bulk_status": "Changed findings' status in bulk",
  "risk.assign": "Assigned a risk",
  "risk.status": "Changed a risk's status",
  "risk.comment": "Commented on a risk",
  "exception.request": "Requested an exception",
  "exception.grant": "Granted an exception",
  "exception.approve": "Approved an exception",
  "exception.reject": "Rejected an exception",
  "exception.update": "Changed an exception",
  "exception.revoke": "Revoked an exception",
  "exception.expire": "Exception expired",
  "policy.update": "Changed policy settings",
  "sla.update": "Changed the SLA policy",
  "custom_rule.create": "Added a custom rule",
  "custom_rule.update": "Changed a custom rule",
  "custom_rule.delete": "Deleted a custom rule",
  "custom_rule.enable": "Enabled a custom rule",
  "custom_rule.disable": "Disabled a custom rule",
  "report.create": "Generated a report",
  "report.download": "Downloaded a report",
  "report_schedule.create": "Scheduled a report",
  "report_schedule.delete": "Removed a report schedule",
  "channel.create": "Added an alert channel",
  "channel.update": "Changed an alert channel",
  "channel.delete": "Deleted an alert channel",
  "channel.test": "Sent a test alert",
  "audit.export": "Exported the audit log",
};

/** Families for the filter menu: a prefix matches every action of the family. */
export const AUDIT_FAMILIES: Array<{ value: string; label: string }> = [
  { value: "auth.", label: "Sign-ins" },
  { value: "member.", label: "Members and roles" },
  { value: "invite.", label: "Invites" },
  { value: "token.", label: "API tokens" },
  { value: "cluster.", label: "Clusters" },
  { value: "schedule.", label: "Schedules" },
  { value: "scan.", label: "Scans" },
  { value: "finding.", label: "Findings" },
  { value: "risk.", label: "Risks" },
  { value: "exception.", label: "Exceptions" },
  { value: "report.", label: "Reports" },
  { value: "channel.", label: "Alert channels" },
];

export function auditLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}

const TARGET_LINK: Record<string, (id: string) => string> = {
  cluster: (id) => `/clusters/${id}`,
  finding: (id) => `/findings/${id}`,
  risk: (id) => `/risks/${id}`,
  channel: (id) => `/settings/alerts/${id}`,
};

/** An in-app link for a target, when the kind has a page. */
export function targetHref(type: string | null, id: string | null): string | undefined {
  return type && id ? TARGET_LINK[type]?.(id) : undefined;
}

/** A short human summary of a row's details (names, hosts, roles), never the raw JSON. */
export function auditDetail(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  const d = data as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.from === "string" && typeof d.to === "string") parts.push(`${d.from} → ${d.to}`);
  if (d.method === "password" || d.method === "oidc") parts.push(d.method === "oidc" ? "with single sign-on" : "with password");
  for (const key of ["name", "email", "role", "host", "framework", "cadence", "trigger", "status", "ruleId", "format"]) {
    const v = d[key];
    if (typeof v === "string" || typeof v === "number") parts.push(`${key === "name" || key === "email" ? "" : `${key} `}${v}`);
  }
  if (d.changed && typeof d.changed === "object") parts.push(`changed ${Object.keys(d.changed as object).join(", ")}`);
  if (typeof d.count === "number") parts.push(`${d.count} rows`);
  if (typeof d.reason === "string") parts.push(d.reason);
  return parts.join(" · ");
}
