// A framework judged across every cluster at once: rows are controls, columns are clusters, each
// cell the control's status on that cluster's latest succeeded or partial scan. Everything comes
// from the per-rule statuses those scans stored (no live scan, no findings read); the engine's
// evaluateFramework decides each status, so "not evaluated" and "manual" can never become passed.
import { listLatestScanRules, type TClusterScanRules } from "@bulwark/db";
import { evaluateFramework, frameworks, getFramework, type ControlResult, type ControlStatus, type Framework } from "@bulwark/rules";

export type TControlSummary = { passed: number; failed: number; notEvaluated: number; manual: number };

export interface TMatrixCell {
  status: ControlStatus;
  /** Why it is not evaluated / which rules failed / what evidence a manual control needs. */
  reason?: string;
  /** Findings behind the failing rules on this cluster's scan. */
  findings: number;
  rules: ControlResult["rules"];
}

export interface TMatrixCluster {
  id: string;
  name: string;
  scanId: string | null;
  scanStatus: string | null;
  scanAt: Date | null;
  summary: TControlSummary;
}

export interface TComplianceMatrix {
  framework: { id: string; name: string; version: string; description: string; disclaimer?: string };
  clusters: TMatrixCluster[];
  /** cells[i] belongs to clusters[i]. */
  controls: Array<{ id: string; title: string; ruleIds: string[]; manual: boolean; cells: TMatrixCell[] }>;
}

const NO_SCAN = "the cluster has no completed scan yet";

/** Pure: judges `framework` for each cluster from the rule statuses its latest scan stored. */
export function buildComplianceMatrix(framework: Framework, clusters: readonly TClusterScanRules[]): TComplianceMatrix {
  const results = clusters.map((c) => evaluateFramework(framework, c.scan?.rules ?? []));
  return {
    framework: {
      id: framework.id,
      name: framework.name,
      version: framework.version,
      description: framework.description,
      ...(framework.disclaimer ? { disclaimer: framework.disclaimer } : {}),
    },
    clusters: clusters.map((c, i) => ({
      id: c.clusterId,
      name: c.clusterName,
      scanId: c.scan?.id ?? null,
      scanStatus: c.scan?.status ?? null,
      scanAt: c.scan?.finishedAt ?? null,
      summary: { ...results[i]!.summary },
    })),
    controls: framework.controls.map((control, row) => ({
      id: control.id,
      title: control.title,
      ruleIds: control.ruleIds,
      manual: Boolean(control.manual),
      cells: clusters.map((c, col) => {
        const r = results[col]!.controls[row]!;
        const reason = !c.scan && r.status === "not-evaluated" ? NO_SCAN : r.reason;
        return {
          status: r.status,
          ...(reason ? { reason } : {}),
          findings: r.rules.reduce((n, x) => n + (x.status === "failed" ? x.findings : 0), 0),
          rules: r.rules,
        };
      }),
    })),
  };
}

/** Pure: the matrix restricted to clusters [start, start + size), so a fleet's matrix renders a page at a time. */
export function sliceComplianceMatrix(matrix: TComplianceMatrix, start: number, size: number): TComplianceMatrix {
  const end = start + size;
  return {
    framework: matrix.framework,
    clusters: matrix.clusters.slice(start, end),
    controls: matrix.controls.map((c) => ({ ...c, cells: c.cells.slice(start, end) })),
  };
}

export async function queryComplianceMatrix(orgId: string, frameworkId: string | undefined): Promise<{ frameworks: Array<{ id: string; name: string }>; matrix: TComplianceMatrix }> {
  const framework = (frameworkId ? getFramework(frameworkId) : undefined) ?? frameworks[0]!;
  const clusters = await listLatestScanRules({ orgId });
  return { frameworks: frameworks.map((f) => ({ id: f.id, name: f.name })), matrix: buildComplianceMatrix(framework, clusters) };
}
