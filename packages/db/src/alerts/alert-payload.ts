// The stored body of a delivery: what happened, in Bulwark's words. The worker turns it into a
// webhook JSON body or a Slack message at send time; no URL or secret is ever part of it.
import type { Severity } from "../generated/prisma/client";

export interface TAlertFinding {
  id: string;
  ruleId: string;
  severity: Severity;
  status: string;
  cluster: { id: string; name: string };
  object: { apiVersion: string; kind: string; namespace: string | null; name: string };
  path: string;
  message: string;
  remediation: string;
  firstSeenAt: string;
  /** path of the finding page in the web app */
  link: string;
}

/** An attack path as an alert carries it. */
export interface TAlertRisk {
  id: string;
  type: string;
  title: string;
  severity: Severity;
  score: number;
  status: string;
  cluster: { id: string; name: string };
  object: { apiVersion: string; kind: string; namespace: string | null; name: string };
  /** What each step gives an attacker, in order. */
  steps: string[];
  remediation: string;
  firstSeenAt: string;
  /** path of the risk page in the web app */
  link: string;
}

export type TAlertPayload =
  | { type: "finding.new" | "finding.reopened"; org: { id: string; name: string }; scanId: string; finding: TAlertFinding }
  | { type: "risk.new" | "risk.reopened"; org: { id: string; name: string }; scanId: string; risk: TAlertRisk }
  | { type: "finding.summary"; org: { id: string; name: string }; scanId: string; cluster: { id: string; name: string }; total: number; counts: Partial<Record<Severity, number>>; findings: TAlertFinding[] }
  | { type: "digest"; org: { id: string; name: string }; since: string; until: string; total: number; counts: Partial<Record<Severity, number>>; findings: TAlertFinding[] }
  | { type: "test"; org: { id: string; name: string }; channel: { id: string; name: string }; at: string };

export const ALERT_FINDING_SELECT = {
  id: true,
  ruleId: true,
  severity: true,
  status: true,
  apiVersion: true,
  kind: true,
  namespace: true,
  name: true,
  path: true,
  message: true,
  remediation: true,
  firstSeenAt: true,
  clusterId: true,
  firstSeenScanId: true,
  cluster: { select: { name: true } },
} as const;

export function toAlertFinding(f: {
  id: string; ruleId: string; severity: Severity; status: string; apiVersion: string; kind: string; namespace: string | null; name: string;
  path: string; message: string; remediation: string; firstSeenAt: Date; clusterId: string; cluster: { name: string };
}): TAlertFinding {
  return {
    id: f.id,
    ruleId: f.ruleId,
    severity: f.severity,
    status: f.status,
    cluster: { id: f.clusterId, name: f.cluster.name },
    object: { apiVersion: f.apiVersion, kind: f.kind, namespace: f.namespace, name: f.name },
    path: f.path,
    message: f.message,
    remediation: f.remediation,
    firstSeenAt: f.firstSeenAt.toISOString(),
    link: `/findings/${f.id}`,
  };
}

export const ALERT_RISK_SELECT = {
  id: true,
  type: true,
  title: true,
  severity: true,
  score: true,
  status: true,
  apiVersion: true,
  kind: true,
  namespace: true,
  name: true,
  steps: true,
  remediation: true,
  firstSeenAt: true,
  firstSeenScanId: true,
  clusterId: true,
  cluster: { select: { name: true } },
} as const;

export function toAlertRisk(r: {
  id: string; type: string; title: string; severity: Severity; score: number; status: string; apiVersion: string; kind: string; namespace: string | null; name: string;
  steps: unknown; remediation: string; firstSeenAt: Date; clusterId: string; cluster: { name: string };
}): TAlertRisk {
  const steps = Array.isArray(r.steps) ? r.steps.map((s) => (s && typeof s === "object" && typeof (s as { text?: unknown }).text === "string" ? (s as { text: string }).text : "")).filter(Boolean) : [];
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    severity: r.severity,
    score: r.score,
    status: r.status,
    cluster: { id: r.clusterId, name: r.cluster.name },
    object: { apiVersion: r.apiVersion, kind: r.kind, namespace: r.namespace, name: r.name },
    steps,
    remediation: r.remediation,
    firstSeenAt: r.firstSeenAt.toISOString(),
    link: `/risks/${r.id}`,
  };
}

export function countBySeverity(items: Array<{ severity: Severity }>): Partial<Record<Severity, number>> {
  const out: Partial<Record<Severity, number>> = {};
  for (const i of items) out[i.severity] = (out[i.severity] ?? 0) + 1;
  return out;
}
