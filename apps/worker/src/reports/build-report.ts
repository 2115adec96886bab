// The report as data: one framework judged over its scope (frameworkPosture's per-cluster results,
// with the attestations in force), every finding behind its rules listed once, each control naming
// the findings that are evidence for each of its rules. Pure (no I/O) so the same structure feeds
// the JSON, CSV and PDF files and the tests. A control is passed only if it passed on every cluster
// in scope.
import { REPORT_SCHEMA_ID, describeExceptionScope, readReportSummary, type TAttestation, type TReportControlCounts, type TReportDocument, type TReportDocumentControl, type TReportDocumentFinding, type TReportDocumentVulnerability, type TReportInputs, type TReportSummary } from "@bulwark/db";
import { CONTROL_STATUS_LABELS, CONTROL_STATUS_SUMMARY_KEY, emptyFrameworkSummary, getRule, type ControlResult, type ControlStatus, type Framework } from "@bulwark/rules";

export const REPORT_SCHEMA = REPORT_SCHEMA_ID;

// The document's shape is ZReportDocument in @bulwark/db (served as JSON Schema by the web app).
export type TReportData = TReportDocument;
export type TReportControl = TReportDocumentControl;
export type TReportFindingOut = TReportDocumentFinding;
export type TReportVulnOut = TReportDocumentVulnerability;
export type TControlCounts = TReportControlCounts;

const counts = (): TControlCounts => emptyFrameworkSummary();
const bump = (c: TControlCounts, s: ControlStatus) => void c[CONTROL_STATUS_SUMMARY_KEY[s]]++;

const RANK: ControlStatus[] = ["failed", "not-evaluated", "pending", "attested", "passed"];

/**
 * A control over several clusters: failed beats everything, then not evaluated, pending, attested;
 * passed only when every cluster passed; not applicable only when it applies nowhere.
 */
export function combineStatus(statuses: readonly ControlStatus[]): ControlStatus {
  if (statuses.length === 0) return "not-evaluated";
  const applicable = statuses.filter((s) => s !== "not-applicable");
  if (applicable.length === 0) return "not-applicable";
  for (const s of RANK) if ((applicable as string[]).includes(s)) return s;
  return "not-evaluated";
}

const day = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString()).slice(0, 10);

/** "Manual – attested by Ana until 2027-01-31", "Failed", ... */
export function statusLabel(status: ControlStatus, attestation?: { attestedByName: string; expiresAt: Date } | null): string {
  const base = CONTROL_STATUS_LABELS[status];
  return status === "attested" && attestation ? `${base} by ${attestation.attestedByName} until ${day(attestation.expiresAt)}` : base;
}

const list = (names: string[], max = 8) => (names.length <= max ? names.join(", ") : `${names.slice(0, max).join(", ")} and ${names.length - max} more`);

/** Why the combined status, in a sentence that names clusters and rules. */
function combinedReason(status: ControlStatus, perCluster: Array<{ cluster: string; status: ControlStatus; result: ControlResult | null }>, total: number): string | null {
  const on = perCluster.filter((c) => c.status === status);
  if (status === "failed") {
    const rules = [...new Set(on.flatMap((c) => c.result?.rules.filter((r) => r.status === "failed").map((r) => r.id) ?? []))];
    return `failed on ${on.length} of ${total} cluster${total === 1 ? "" : "s"} (${list(on.map((c) => c.cluster))}): ${rules.join(", ")}`;
  }
  if (status === "not-evaluated") {
    const reasons = [...new Set(on.map((c) => c.result?.reason ?? "the cluster has no successful scan at the report's point in time"))];
    return `not evaluated on ${on.length} of ${total} cluster${total === 1 ? "" : "s"} (${list(on.map((c) => c.cluster))}): ${reasons.slice(0, 3).join("; ")}`;
  }
  if (status === "pending" || status === "not-applicable") return on[0]?.result?.reason ?? null;
  return null;
}

function attestationOut(a: TAttestation): NonNullable<TReportControl["attestation"]> {
  return {
    id: a.id,
    statement: a.statement,
    owner: a.owner,
    attestedBy: a.attestedByName,
    attestedAt: a.createdAt.toISOString(),
    reviewedAt: a.reviewedAt.toISOString(),
    expiresAt: a.expiresAt.toISOString(),
    links: [...a.links],
    files: a.files.map((f) => ({ name: f.name, contentType: f.contentType, size: f.size, sha256: f.sha256 })),
  };
}

const STATE_ORDER = { open: 0, excepted: 1, expected: 2 } as const;

export function buildReport(input: {
  reportId: string;
  framework: Framework;
  inputs: TReportInputs;
  asOf: Date | null;
  generatedAt: Date;
  bulwarkVersion: string;
  rulesVersion: string;
  signingKeyId: string;
  previous: { id: string; createdAt: Date; summary: unknown } | null;
}): TReportData {
  const { framework, inputs } = input;
  const clusters = inputs.clusters;

  // Every finding once, with its reference; each rule's findings by index (a finding stands for
  // every rule in its checks), failing ones first.
  const findings = inputs.findings;
  const byRule = new Map<string, number[]>();
  const inFramework = new Set(framework.controls.flatMap((c) => c.ruleIds));
  const sev = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let excepted = 0;
  let expected = 0;
  const coveredBy = new Map<string, number>();
  findings.forEach((f, i) => {
    f.id = `F${i + 1}`;
    if (f.state === "open") sev[f.severity]++;
    else if (f.state === "excepted") excepted++;
    else expected++;
    if (f.exception?.id) coveredBy.set(f.exception.id, (coveredBy.get(f.exception.id) ?? 0) + 1);
    for (const r of new Set(f.checks)) {
      if (!inFramework.has(r)) continue;
      const l = byRule.get(r);
      if (l) l.push(i);
      else byRule.set(r, [i]);
    }
  });
  for (const l of byRule.values()) l.sort((a, b) => STATE_ORDER[findings[a]!.state] - STATE_ORDER[findings[b]!.state] || a - b);

  const controls: TReportControl[] = framework.controls.map((fc, ci) => {
    const perCluster = clusters.map((c) => {
      const cr = c.result?.controls[ci] ?? null;
      return { clusterId: c.id, cluster: c.name, status: (cr?.status ?? "not-evaluated") as ControlStatus, result: cr };
    });
    const status = combineStatus(perCluster.map((c) => c.status));
    const attestation = inputs.attestations.get(fc.id) ?? null;
    return {
      id: fc.id,
      title: fc.title,
      description: fc.description,
      rationale: fc.rationale,
      status,
      statusLabel: statusLabel(status, attestation),
      reason: combinedReason(status, perCluster, clusters.length) ?? (fc.manual && status !== "attested" ? `needs evidence: ${fc.manual.evidence}` : null),
      kind: fc.notApplicable ? "not-applicable" : fc.manual ? "manual" : "automated",
      manualEvidence: fc.manual?.evidence ?? null,
      attestation: attestation ? attestationOut(attestation) : null,
      rules: fc.ruleIds.map((id) => {
        const r = getRule(id);
        return { id, title: r?.title ?? id, severity: r?.severity ?? null, remediation: r?.remediation ?? null };
      }),
      clusters: perCluster.map((c) => ({
        clusterId: c.clusterId,
        cluster: c.cluster,
        status: c.status,
        reason: c.result ? (c.result.reason ?? null) : "the cluster has no successful scan at the report's point in time",
        rules: c.result?.rules.map((r) => ({ id: r.id, status: r.status, findings: r.findings, reason: r.reason ?? null })) ?? [],
      })),
      evidence: fc.ruleIds.flatMap((ruleId) => {
        const idx = byRule.get(ruleId);
        if (!idx?.length) return [];
        let open = 0;
        let exc = 0;
        for (const i of idx) {
          const s = findings[i]!.state;
          if (s === "open") open++;
          else if (s === "excepted") exc++;
        }
        return [{ ruleId, open, excepted: exc, expected: idx.length - open - exc, findings: idx.map((i) => findings[i]!.id) }];
      }),
    };
  });

  const total = counts();
  for (const c of controls) bump(total, c.status);
  const perCluster = clusters.map((c, i) => {
    const cc = counts();
    for (const ctl of controls) bump(cc, ctl.clusters[i]!.status);
    return { clusterId: c.id, cluster: c.name, controls: cc };
  });

  const finished = clusters.flatMap((c) => (c.scan?.finishedAt ? [c.scan.finishedAt.getTime()] : []));
  const period = finished.length ? { from: new Date(Math.min(...finished)).toISOString(), to: new Date(Math.max(...finished)).toISOString() } : null;

  const prev = input.previous ? readReportSummary(input.previous.summary) : null;
  const previous =
    input.previous && prev
      ? {
          reportId: input.previous.id,
          createdAt: input.previous.createdAt.toISOString(),
          controls: { passed: prev.controls.passed, failed: prev.controls.failed, notEvaluated: prev.controls.notEvaluated, notApplicable: prev.controls.notApplicable, attested: prev.controls.attested, pending: prev.controls.pending },
          newFailures: controls.filter((c) => c.status === "failed" && prev.controlStatuses[c.id] !== "failed").map((c) => ({ id: c.id, title: c.title, was: prev.controlStatuses[c.id] ?? ("not-evaluated" as const) })),
          newlyPassing: controls.filter((c) => c.status === "passed" && prev.controlStatuses[c.id] !== "passed").map((c) => ({ id: c.id, title: c.title, was: prev.controlStatuses[c.id] ?? ("not-evaluated" as const) })),
        }
      : null;

  return {
    $schema: REPORT_SCHEMA,
    reportId: input.reportId,
    generatedAt: input.generatedAt.toISOString(),
    bulwarkVersion: input.bulwarkVersion,
    rulesVersion: input.rulesVersion,
    organization: { id: inputs.org.id, name: inputs.org.name },
    framework: { id: framework.id, name: framework.name, version: framework.version, description: framework.description, disclaimer: framework.disclaimer ?? null },
    scope: {
      source: inputs.source,
      asOf: input.asOf?.toISOString() ?? null,
      clusters: clusters.map((c) => ({ id: c.id, name: c.name, server: c.server, kubeVersion: c.kubeVersion, namespaces: c.namespaces })),
    },
    period,
    signing: { algorithm: "Ed25519", keyId: input.signingKeyId },
    summary: {
      controls: { ...total, total: controls.length },
      perCluster,
      findings: { open: sev, excepted, expected },
      previous,
    },
    controls,
    findings,
    // Whatever the framework: the fixable critical CVEs in scope, each row with its reference.
    vulnerabilities: { fixableCritical: inputs.fixableCritical.map((v, i) => ({ ...v, id: `V${i + 1}` })) },
    exceptions: inputs.exceptions.map((e) => ({
      id: e.id,
      ruleId: e.ruleId,
      scope: describeExceptionScope({ clusterId: e.clusterId, clusterName: e.cluster, namespace: e.namespace, kind: e.kind, name: e.name, labelSelector: e.labelSelector }),
      clusterId: e.clusterId,
      cluster: e.cluster,
      namespace: e.namespace,
      kind: e.kind,
      name: e.name,
      labelSelector: e.labelSelector,
      justification: e.justification,
      expiresAt: e.expiresAt.toISOString(),
      requestedBy: e.requestedBy,
      approvedBy: e.approvedBy,
      approvedAt: e.approvedAt?.toISOString() ?? null,
      findings: coveredBy.get(e.id) ?? 0,
    })),
    settings: {
      severityOverrides: inputs.settings.severityOverrides,
      disabledRules: inputs.settings.disabledRules,
      params: Object.fromEntries(Object.entries(inputs.settings.params).filter((kv): kv is [string, string[]] => Array.isArray(kv[1]))),
      customRules: inputs.settings.customRules,
      sla: inputs.settings.sla,
    },
    scans: clusters.map((c) => ({
      clusterId: c.id,
      cluster: c.name,
      scanId: c.scan?.id ?? null,
      status: c.scan?.status ?? null,
      startedAt: c.scan?.startedAt?.toISOString() ?? null,
      finishedAt: c.scan?.finishedAt?.toISOString() ?? null,
      rulesVersion: c.scan?.rulesVersion ?? null,
      kubeVersion: c.scan?.kubeVersion ?? null,
      objectCount: c.scan?.objectCount ?? null,
    })),
  };
}

/** Report.summary: the list's figures and what the next report of this framework and scope compares with. */
export function reportSummary(r: TReportData): TReportSummary {
  const f = r.summary.findings;
  return {
    version: 2,
    controls: { ...r.summary.controls },
    controlStatuses: Object.fromEntries(r.controls.map((c) => [c.id, c.status])),
    findings: { open: f.open.critical + f.open.high + f.open.medium + f.open.low + f.open.info, excepted: f.excepted, expected: f.expected },
    scope: { source: r.scope.source, clusters: r.scope.clusters.map((c) => c.name), namespaced: r.scope.clusters.filter((c) => c.namespaces.length > 0).length },
    period: r.period,
    signingKeyId: r.signing.keyId,
    previous: r.summary.previous
      ? { reportId: r.summary.previous.reportId, createdAt: r.summary.previous.createdAt, newFailures: r.summary.previous.newFailures.map((c) => c.id), newlyPassing: r.summary.previous.newlyPassing.map((c) => c.id) }
      : null,
  };
}
