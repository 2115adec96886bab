// CSV for spreadsheets and GRC tools: one row per control x cluster (its status there, the scope,
// the attestation), then one per (control, rule, object) evidence row, then one per workload
// container with a fixable critical CVE, told apart by the first column. The evidence rows are
// exactly the JSON's (controls[].evidence[].findings) and the PDF's; the vulnerability rows are the
// JSON's vulnerabilities.fixableCritical and the PDF's "Fixable critical vulnerabilities".
// RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with an apostrophe
// (OWASP CSV injection guidance).
import type { TSink } from "./byte-sink";
import type { TReportData, TReportFindingOut, TReportVulnOut } from "./build-report";

/** "CVE-2021-23017 nginx 1.21.0-1~buster -> 1.21.1-1~buster; ..." (the same words in the PDF). */
export const fixedVersionsText = (v: TReportVulnOut) => v.cves.map((c) => `${c.id} ${c.package} ${c.installedVersion} -> ${c.fixedVersion}`).join("; ");

const COLUMNS = [
  "row_type", "framework", "control_id", "control_title", "control_status", "cluster", "cluster_id", "namespaces_in_scope", "status", "reason", "rules",
  "attested_by", "attestation_owner", "attestation_expires_at", "attestation_statement", "attestation_files",
  "finding_ref", "rule_id", "lead_rule_id", "severity", "finding_state", "finding_status", "kind", "namespace", "name", "path", "observed", "message", "remediation",
  "exception_justification", "exception_accepted_by", "exception_accepted_at", "exception_expires_at", "expected_reason", "scan_id", "scan_finished_at",
  "vulnerability_ref", "container", "image", "cve_ids", "fixed_versions", "report_stale",
] as const;

type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>>;

export function csvCell(v: string | number | null | undefined): string {
  if (v == null) return "";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** findings[] index of a reference "F12". */
export const findingIndex = (ref: string) => Number(ref.slice(1)) - 1;

export function renderCsv(r: TReportData, out: TSink): void {
  const scanOf = new Map(r.scans.map((s) => [s.clusterId, s]));
  const nsOf = new Map(r.scope.clusters.map((c) => [c.id, c.namespaces.length ? c.namespaces.join(" ") : "all"]));
  // Rows go straight to the sink (no intermediate row objects kept): a large report has ~100,000.
  out.write(`${COLUMNS.join(",")}\r\n`);
  const line = (row: Row) => out.write(`${COLUMNS.map((k) => csvCell(row[k])).join(",")}\r\n`);
  for (const c of r.controls) {
    const a = c.attestation;
    for (const cl of c.clusters) {
      line({
        row_type: "control", framework: r.framework.id, control_id: c.id, control_title: c.title, control_status: c.status, cluster: cl.cluster, cluster_id: cl.clusterId,
        namespaces_in_scope: nsOf.get(cl.clusterId) ?? null, status: cl.status, reason: cl.reason, rules: cl.rules.map((x) => `${x.id}:${x.status}`).join(" "),
        attested_by: a?.attestedBy ?? null, attestation_owner: a?.owner ?? null, attestation_expires_at: a?.expiresAt ?? null, attestation_statement: a?.statement ?? null,
        attestation_files: a ? a.files.map((f) => `${f.name} (sha256:${f.sha256})`).join("; ") : null,
        scan_id: scanOf.get(cl.clusterId)?.scanId ?? null, scan_finished_at: scanOf.get(cl.clusterId)?.finishedAt ?? null,
      });
    }
  }
  for (const c of r.controls) {
    for (const ev of c.evidence) {
      for (const ref of ev.findings) {
        const f: TReportFindingOut = r.findings[findingIndex(ref)]!;
        line({
          row_type: "finding", framework: r.framework.id, control_id: c.id, control_title: c.title, control_status: c.status, cluster: f.cluster, cluster_id: f.clusterId,
          namespaces_in_scope: nsOf.get(f.clusterId) ?? null,
          finding_ref: f.id, rule_id: ev.ruleId, lead_rule_id: f.ruleId, severity: f.severity, finding_state: f.state, finding_status: f.status,
          kind: f.object.kind, namespace: f.object.namespace, name: f.object.name, path: f.path, observed: f.observed, message: f.message, remediation: f.remediation,
          exception_justification: f.exception?.justification ?? null, exception_accepted_by: f.exception?.acceptedBy ?? null,
          exception_accepted_at: f.exception?.acceptedAt ?? null, exception_expires_at: f.exception?.expiresAt ?? null, expected_reason: f.expected?.reason ?? null,
          scan_id: scanOf.get(f.clusterId)?.scanId ?? null, scan_finished_at: scanOf.get(f.clusterId)?.finishedAt ?? null,
        });
      }
    }
  }
  for (const v of r.vulnerabilities?.fixableCritical ?? []) {
    line({
      row_type: "vulnerability", framework: r.framework.id, cluster: v.cluster, cluster_id: v.clusterId, namespaces_in_scope: nsOf.get(v.clusterId) ?? null,
      rule_id: "image-vulnerabilities", severity: "critical", finding_state: v.state, kind: v.workload.kind, namespace: v.workload.namespace, name: v.workload.name,
      vulnerability_ref: v.id, container: v.container, image: v.image, cve_ids: v.cves.map((c) => c.id).join(" "), fixed_versions: fixedVersionsText(v), report_stale: v.stale ? "true" : "false",
      scan_id: scanOf.get(v.clusterId)?.scanId ?? null, scan_finished_at: scanOf.get(v.clusterId)?.finishedAt ?? null,
    });
  }
}
