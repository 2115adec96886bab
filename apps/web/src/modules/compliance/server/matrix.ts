// A framework judged over its compliance scope, laid out for the pages: rows are controls, columns
// are the clusters in scope, each cell the control's status on that cluster. The statuses come from
// frameworkPosture (packages/db) and the engine's evaluateFramework; this file only reshapes them
// and says in words why a cell is what it is, so "not evaluated", "not applicable" and the manual
// statuses can never be drawn as passed.
import type { TFrameworkPosture } from "@bulwark/db";
import type { AttestationRef, ControlResult, ControlStatus, Framework, FrameworkControl, FrameworkSummary } from "@bulwark/rules";

export interface TMatrixCell {
  status: ControlStatus;
  /** Why it is failed, not evaluated or not applicable, or what evidence a pending control needs. */
  reason?: string;
  /** Open findings behind the failing rules on this cluster (in its scope). */
  findings: number;
  rules: ControlResult["rules"];
  attestation?: AttestationRef;
}

export interface TMatrixCluster {
  id: string;
  name: string;
  /** Empty: the whole cluster; otherwise the namespaces in scope (plus cluster-scoped objects). */
  namespaces: string[];
  scanId: string | null;
  scanStatus: string | null;
  scanAt: Date | null;
  summary: FrameworkSummary;
}

export interface TMatrixControl {
  id: string;
  title: string;
  rationale: string;
  ruleIds: string[];
  /** The evidence a manual control needs. */
  manual?: string;
  notApplicable?: string;
  /** cells[i] belongs to clusters[i]. */
  cells: TMatrixCell[];
}

export interface TComplianceMatrix {
  framework: { id: string; name: string; version: string; description: string; disclaimer?: string };
  clusters: TMatrixCluster[];
  controls: TMatrixControl[];
  /** Every cluster in scope summed: how many cells have each status. */
  totals: FrameworkSummary;
}

export const NO_SCAN = "the cluster has no completed scan yet";

/** Why a control has its status on one cluster, in words (undefined for passed and attested). */
export function cellReason(control: FrameworkControl, result: ControlResult, scanned: boolean): string | undefined {
  switch (result.status) {
    case "not-applicable":
      return control.notApplicable ?? result.reason;
    case "pending":
      return control.manual ? `Evidence needed: ${control.manual.evidence}` : result.reason;
    case "not-evaluated":
      if (!scanned) return NO_SCAN;
      return result.reason;
    case "failed":
      return result.reason;
    default:
      return undefined;
  }
}

const emptySummary = (): FrameworkSummary => ({ passed: 0, failed: 0, notEvaluated: 0, notApplicable: 0, attested: 0, pending: 0 });

/** Pure: the posture of `framework` over its scope as a control x cluster matrix. */
export function buildComplianceMatrix(framework: Framework, posture: Pick<TFrameworkPosture, "clusters">): TComplianceMatrix {
  const totals = emptySummary();
  for (const c of posture.clusters) for (const k of Object.keys(totals) as Array<keyof FrameworkSummary>) totals[k] += c.result.summary[k];
  const byId = posture.clusters.map((c) => new Map(c.result.controls.map((r) => [r.id, r])));
  return {
    framework: {
      id: framework.id,
      name: framework.name,
      version: framework.version,
      description: framework.description,
      ...(framework.disclaimer ? { disclaimer: framework.disclaimer } : {}),
    },
    clusters: posture.clusters.map((c) => ({
      id: c.clusterId,
      name: c.clusterName,
      namespaces: c.namespaces,
      scanId: c.scan?.id ?? null,
      scanStatus: c.scan?.status ?? null,
      scanAt: c.scan?.finishedAt ?? null,
      summary: { ...c.result.summary },
    })),
    controls: framework.controls.map((control) => ({
      id: control.id,
      title: control.title,
      rationale: control.rationale,
      ruleIds: control.ruleIds,
      ...(control.manual ? { manual: control.manual.evidence } : {}),
      ...(control.notApplicable ? { notApplicable: control.notApplicable } : {}),
      cells: posture.clusters.map((c, col) => {
        const r = byId[col]!.get(control.id)!;
        const reason = cellReason(control, r, c.scan !== null);
        return {
          status: r.status,
          ...(reason ? { reason } : {}),
          findings: r.rules.reduce((n, x) => n + (x.status === "failed" ? x.findings : 0), 0),
          rules: r.rules,
          ...(r.attestation ? { attestation: r.attestation } : {}),
        };
      }),
    })),
    totals,
  };
}

/** Pure: the matrix restricted to clusters [start, start + size), so a fleet's matrix renders a page at a time. */
export function sliceComplianceMatrix(matrix: TComplianceMatrix, start: number, size: number): TComplianceMatrix {
  const end = start + size;
  return {
    ...matrix,
    clusters: matrix.clusters.slice(start, end),
    controls: matrix.controls.map((c) => ({ ...c, cells: c.cells.slice(start, end) })),
  };
}
