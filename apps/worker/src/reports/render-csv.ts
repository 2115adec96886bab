// CSV for spreadsheets and GRC tools: one row per control x cluster, then one per finding, told
// apart by the first column. RFC 4180 quoting; cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe (OWASP CSV injection guidance).
import type { TReportData } from "./build-report";

const COLUMNS = [
  "row_type", "framework", "control_id", "control_title", "cluster", "cluster_id", "status", "reason", "rules",
  "rule_id", "severity", "finding_status", "kind", "namespace", "name", "path", "observed", "message", "remediation",
  "exception_justification", "exception_accepted_by", "exception_accepted_at", "exception_expires_at", "scan_id", "scan_finished_at",
] as const;

type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>>;

export function csvCell(v: string | number | null | undefined): string {
  if (v == null) return "";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(r: TReportData): string {
  const scanOf = new Map(r.scans.map((s) => [s.clusterId, s]));
  // Rows go straight to lines (no intermediate row objects): a report over 50 clusters has ~100,000.
  const lines = [COLUMNS.join(",")];
  const line = (row: Row) => lines.push(COLUMNS.map((k) => csvCell(row[k])).join(","));
  for (const c of r.controls) {
    for (const cl of c.clusters) {
      line({
        row_type: "control", framework: r.framework.id, control_id: c.id, control_title: c.title, cluster: cl.cluster, cluster_id: cl.clusterId,
        status: cl.status, reason: cl.reason, rules: cl.rules.map((x) => `${x.id}:${x.status}`).join(" "),
        scan_id: scanOf.get(cl.clusterId)?.scanId ?? null, scan_finished_at: scanOf.get(cl.clusterId)?.finishedAt ?? null,
      });
    }
  }
  for (const c of r.controls) {
    for (const f of c.findings) {
      line({
        row_type: "finding", framework: r.framework.id, control_id: c.id, control_title: c.title, cluster: f.cluster, cluster_id: f.clusterId,
        rule_id: f.ruleId, severity: f.severity, finding_status: f.status, kind: f.object.kind, namespace: f.object.namespace, name: f.object.name,
        path: f.path, observed: f.observed, message: f.message, remediation: f.remediation,
        exception_justification: f.exception?.justification ?? null, exception_accepted_by: f.exception?.acceptedBy ?? null,
        exception_accepted_at: f.exception?.acceptedAt ?? null, exception_expires_at: f.exception?.expiresAt ?? null,
        scan_id: scanOf.get(f.clusterId)?.scanId ?? null, scan_finished_at: scanOf.get(f.clusterId)?.finishedAt ?? null,
      });
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
