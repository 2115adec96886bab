// The report as data: one framework judged on each cluster's scan at the report's point in time.
// Pure (no I/O) so the same structure feeds the JSON, CSV and PDF files and the tests. Statuses
// come from the engine's evaluateFramework; this file only combines clusters, where a control is
// passed only if it passed on every cluster in scope.
import { REPORT_SCHEMA_ID, describeExceptionScope, type TReportDocument, type TReportDocumentControl, type TReportDocumentFinding, type TReportInputs } from "@bulwark/db";
import { evaluateFramework, fleetScore, getRule, type ControlStatus, type Framework, type RuleStatus } from "@bulwark/rules";

export const REPORT_SCHEMA = REPORT_SCHEMA_ID;

// The document's shape is ZReportDocument in @bulwark/db (served as JSON Schema by the web app).
export type TReportData = TReportDocument;
export type TReportControl = TReportDocumentControl;
export type TReportFindingOut = TReportDocumentFinding;
export type TControlCounts = TReportDocument["summary"]["controls"];

const counts = (): TControlCounts => ({ passed: 0, failed: 0, notEvaluated: 0, manual: 0 });
const bump = (c: TControlCounts, s: ControlStatus) => {
  if (s === "passed") c.passed++;
  else if (s === "failed") c.failed++;
  else if (s === "manual") c.manual++;
  else c.notEvaluated++;
};

/** Failed beats everything; then not evaluated; manual; passed only when every cluster passed. */
export function combineStatus(statuses: ControlStatus[]): ControlStatus {
  if (statuses.length === 0) return "not-evaluated";
  if (statuses.includes("failed")) return "failed";
  if (statuses.includes("not-evaluated")) return "not-evaluated";
  if (statuses.includes("manual")) return "manual";
  return "passed";
}

// Secret objects never carry values into Bulwark (the reader redacts them), but a report is a
// file that leaves the product: anything that looks like a Secret's data is blanked again here.
function safeObserved(f: { kind: string; path: string; observed: string | null }): string | null {
  if (f.observed == null) return null;
  if (f.kind === "Secret" && /^(data|stringData)\b/.test(f.path)) return "<redacted>";
  return f.observed.length > 500 ? `${f.observed.slice(0, 500)}…` : f.observed;
}

export function buildReport(input: {
  reportId: string;
  framework: Framework;
  inputs: TReportInputs;
  asOf: Date | null;
  generatedAt: Date;
  bulwarkVersion: string;
  rulesVersion: string;
  previous: { id: string; createdAt: Date; summary: unknown } | null;
}): TReportData {
  const { framework, inputs } = input;
  const perCluster = inputs.clusters.map((c) => {
    const statuses = (Array.isArray(c.scan?.rules) ? c.scan!.rules : []) as unknown as RuleStatus[];
    const result = c.scan ? evaluateFramework(framework, statuses) : null;
    return { cluster: c, result };
  });

  // Only findings of rules this framework maps count towards its summary.
  const inFramework = new Set(framework.controls.flatMap((c) => c.ruleIds));
  const sev = { critical: 0, high: 0, medium: 0, low: 0, info: 0, excepted: 0 };
  for (const { cluster } of perCluster) {
    for (const f of cluster.findings) {
      if (!inFramework.has(f.ruleId)) continue;
      if (f.status === "excepted") sev.excepted++;
      else if (f.severity in sev) sev[f.severity as keyof typeof sev]++;
    }
  }

  const controls: TReportControl[] = framework.controls.map((fc, i) => {
    const clusters = perCluster.map(({ cluster, result }) => {
      const cr = result?.controls[i];
      if (!cr) {
        return { clusterId: cluster.id, cluster: cluster.name, status: "not-evaluated" as ControlStatus, reason: "the cluster has no successful scan at the report's point in time", rules: [] };
      }
      return {
        clusterId: cluster.id,
        cluster: cluster.name,
        status: cr.status,
        reason: cr.reason ?? null,
        rules: cr.rules.map((r) => ({ id: r.id, status: r.status, findings: r.findings, reason: r.reason ?? null })),
      };
    });
    const ruleSet = new Set(fc.ruleIds);
    const findings: TReportFindingOut[] = [];
    for (const { cluster } of perCluster) {
      for (const f of cluster.findings) {
        if (!ruleSet.has(f.ruleId)) continue;
        findings.push({
          clusterId: cluster.id,
          cluster: cluster.name,
          ruleId: f.ruleId,
          severity: f.severity as TReportFindingOut["severity"],
          status: f.status as TReportFindingOut["status"],
          object: { apiVersion: f.apiVersion, kind: f.kind, namespace: f.namespace, name: f.name },
          path: f.path,
          observed: safeObserved(f),
          message: f.message,
          remediation: f.remediation,
          firstSeenAt: f.firstSeenAt.toISOString(),
          exception: f.exception
            ? { id: f.exception.id, justification: f.exception.justification, acceptedBy: f.exception.acceptedBy, acceptedAt: f.exception.acceptedAt.toISOString(), expiresAt: f.exception.expiresAt?.toISOString() ?? null }
            : null,
        });
      }
    }
    return {
      id: fc.id,
      title: fc.title,
      description: fc.description,
      status: combineStatus(clusters.map((c) => c.status)),
      manualEvidence: fc.manual?.evidence ?? null,
      rules: fc.ruleIds.map((id) => {
        const r = getRule(id);
        return { id, title: r?.title ?? id, severity: r?.severity ?? null, remediation: r?.remediation ?? null };
      }),
      clusters,
      findings,
    };
  });

  // Findings of this report (every rule, not only the framework's) each exception covers.
  const coveredBy = new Map<string, number>();
  for (const c of inputs.clusters) for (const f of c.findings) if (f.exception?.id) coveredBy.set(f.exception.id, (coveredBy.get(f.exception.id) ?? 0) + 1);

  const total = counts();
  for (const c of controls) bump(total, c.status);
  const scores = inputs.clusters.map((c) => c.scan?.score).filter((s): s is number => typeof s === "number");
  const prev = input.previous?.summary as { score?: number | null; controls?: TControlCounts } | undefined;

  return {
    $schema: REPORT_SCHEMA,
    reportId: input.reportId,
    generatedAt: input.generatedAt.toISOString(),
    bulwarkVersion: input.bulwarkVersion,
    rulesVersion: input.rulesVersion,
    organization: { id: inputs.org.id, name: inputs.org.name },
    framework: { id: framework.id, name: framework.name, version: framework.version, description: framework.description, disclaimer: framework.disclaimer ?? null },
    scope: { asOf: input.asOf?.toISOString() ?? null, clusters: inputs.clusters.map((c) => ({ id: c.id, name: c.name, server: c.server, kubeVersion: c.kubeVersion })) },
    summary: {
      score: fleetScore(scores) ?? null,
      controls: total,
      perCluster: controls.length
        ? inputs.clusters.map((c, ci) => {
            const cc = counts();
            for (const ctl of controls) bump(cc, ctl.clusters[ci]!.status);
            return { clusterId: c.id, cluster: c.name, score: c.scan?.score ?? null, controls: cc };
          })
        : [],
      findings: sev,
      previous:
        input.previous && prev?.controls
          ? { reportId: input.previous.id, createdAt: input.previous.createdAt.toISOString(), score: prev.score ?? null, controls: prev.controls }
          : null,
    },
    controls,
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
    scans: inputs.clusters.map((c) => ({
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
