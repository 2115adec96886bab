// Everything a report is built from, read once: the organization, each cluster's scan at the
// report's point in time (its latest succeeded or partial scan at or before asOf), and the
// findings present in that scan with any exception recorded on them.
import { Prisma, type Scan } from "../generated/prisma/client";
import { db } from "../client";
import { labelSelectorOf } from "../exceptions/exception-scope";
import { readPolicy, type TOrgPolicy } from "../policy/policy-schema";
import { resolveSlaPolicy, type TSlaPolicy } from "../sla/sla-policy";

export interface TReportFinding {
  id: string;
  ruleId: string;
  severity: string;
  status: string;
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  path: string;
  observed: string | null;
  message: string;
  remediation: string;
  firstSeenAt: Date;
  /** For excepted findings: the exception (id when it is a RiskException), the justification, who accepted it and when. */
  exception: { id: string | null; justification: string | null; acceptedBy: string | null; acceptedAt: Date; expiresAt: Date | null } | null;
}

/** An exception in force at the report's point in time. */
export interface TReportException {
  id: string;
  ruleId: string;
  clusterId: string | null;
  cluster: string | null;
  namespace: string | null;
  kind: string | null;
  name: string | null;
  labelSelector: Record<string, string> | null;
  justification: string;
  expiresAt: Date;
  requestedBy: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
}

/** The organization's settings in force when the report is generated. */
export interface TReportSettings {
  severityOverrides: TOrgPolicy["severityOverrides"];
  disabledRules: string[];
  params: TOrgPolicy["params"];
  customRules: Array<{ ruleId: string; title: string; severity: string; kinds: string[]; expression: string; enabled: boolean }>;
  sla: TSlaPolicy;
}

export interface TReportInputs {
  org: { id: string; name: string };
  clusters: Array<{ id: string; name: string; server: string; kubeVersion: string | null; scan: Scan | null; findings: TReportFinding[] }>;
  exceptions: TReportException[];
  settings: TReportSettings;
}

export async function getReportInputs(input: { orgId: string; clusterIds: string[]; asOf?: Date | null }): Promise<TReportInputs | null> {
  const orgRow = await db.organization.findUnique({ where: { id: input.orgId }, select: { id: true, name: true, policy: true, slaPolicy: true } });
  if (!orgRow) return null;
  const org = { id: orgRow.id, name: orgRow.name };
  const clusters = await db.cluster.findMany({
    where: { orgId: input.orgId, id: { in: input.clusterIds } },
    select: { id: true, name: true, server: true, kubeVersion: true },
    orderBy: { name: "asc" },
  });
  // Each cluster's scan at the report's point in time: one indexed probe per cluster in one query.
  const scanIds = clusters.length
    ? await db.$queryRaw<Array<{ id: string }>>`
        SELECT s.id FROM "Cluster" c CROSS JOIN LATERAL (
          SELECT id FROM "Scan"
          WHERE "clusterId" = c.id AND "orgId" = ${input.orgId} AND status IN ('succeeded', 'partial') AND "finishedAt" IS NOT NULL
            ${input.asOf ? Prisma.sql`AND "finishedAt" <= ${input.asOf}` : Prisma.empty}
          ORDER BY "finishedAt" DESC LIMIT 1
        ) s
        WHERE c."orgId" = ${input.orgId} AND c.id IN (${Prisma.join(clusters.map((c) => c.id))})`
    : [];
  const scans = scanIds.length ? await db.scan.findMany({ where: { orgId: input.orgId, id: { in: scanIds.map((r) => r.id) } } }) : [];
  const scanOf = new Map(scans.map((s) => [s.clusterId, s]));
  // Findings a few clusters at a time (bounded memory and connections), only the columns a report prints.
  const out: TReportInputs["clusters"] = clusters.map((c) => ({ ...c, scan: scanOf.get(c.id) ?? null, findings: [] }));
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < out.length; i = next++) out[i]!.findings = await presentFindings(input.orgId, out[i]!.id, out[i]!.scan);
  };
  await Promise.all(Array.from({ length: Math.min(REPORT_READ_CONCURRENCY, out.length) }, worker));
  return { org, clusters: out, exceptions: await exceptionsInForce(input.orgId, clusters, input.asOf ?? new Date()), settings: await settingsInForce(input.orgId, orgRow.policy, orgRow.slaPolicy) };
}

const REPORT_READ_CONCURRENCY = 3;

/**
 * The findings present in a cluster's scan: first seen by then, and not resolved by then. The
 * status event that explains a finding excepted by hand (no RiskException) is read only for those.
 */
async function presentFindings(orgId: string, clusterId: string, scan: Scan | null): Promise<TReportFinding[]> {
  if (!scan?.finishedAt) return [];
  const at = scan.finishedAt;
  const rows = await db.finding.findMany({
    where: { orgId, clusterId, firstSeenAt: { lte: at }, OR: [{ resolvedAt: null }, { resolvedAt: { gt: at } }] },
    orderBy: [{ severity: "asc" }, { ruleId: "asc" }, { namespace: "asc" }, { name: "asc" }],
    select: {
      id: true, ruleId: true, severity: true, status: true, apiVersion: true, kind: true, namespace: true, name: true, path: true, observed: true,
      message: true, remediation: true, firstSeenAt: true,
      exception: { select: { id: true, justification: true, decidedAt: true, createdAt: true, expiresAt: true, decidedBy: { select: { email: true } } } },
    },
  });
  const byHand = rows.filter((f) => f.status === "excepted" && !f.exception).map((f) => f.id);
  const events = byHand.length
    ? await db.findingEvent.findMany({
        where: { orgId, findingId: { in: byHand }, type: "status" },
        orderBy: { createdAt: "desc" },
        include: { actor: { select: { email: true, name: true } } },
      })
    : [];
  const lastEvent = new Map<string, (typeof events)[number]>();
  for (const e of events) if (!lastEvent.has(e.findingId)) lastEvent.set(e.findingId, e);
  return rows.map((f) => {
    const ev = lastEvent.get(f.id);
    const data = (ev?.data ?? {}) as { to?: string; comment?: string | null; expiresAt?: string | null };
    return {
      id: f.id, ruleId: f.ruleId, severity: f.severity, status: f.status, apiVersion: f.apiVersion, kind: f.kind,
      namespace: f.namespace, name: f.name, path: f.path, observed: f.observed, message: f.message, remediation: f.remediation,
      firstSeenAt: f.firstSeenAt,
      exception:
        f.status === "excepted" && f.exception
          ? { id: f.exception.id, justification: f.exception.justification, acceptedBy: f.exception.decidedBy?.email ?? null, acceptedAt: f.exception.decidedAt ?? f.exception.createdAt, expiresAt: f.exception.expiresAt }
          : f.status === "excepted" && ev && data.to === "excepted"
            ? { id: null, justification: data.comment ?? null, acceptedBy: ev.actor?.email ?? null, acceptedAt: ev.createdAt, expiresAt: data.expiresAt ? new Date(data.expiresAt) : null }
            : null,
    };
  });
}

/**
 * Approved by `at` and not yet expired at `at`; one that ended since (expired or revoked after
 * `at`) was still in force then. Cluster-wide ones and those of the report's clusters only.
 */
async function exceptionsInForce(orgId: string, clusters: Array<{ id: string; name: string }>, at: Date): Promise<TReportException[]> {
  const ids = clusters.map((c) => c.id);
  const names = new Map(clusters.map((c) => [c.id, c.name]));
  const rows = await db.riskException.findMany({
    where: {
      orgId,
      decidedAt: { lte: at },
      expiresAt: { gt: at },
      OR: [{ status: "approved" }, { status: { in: ["expired", "revoked"] }, updatedAt: { gt: at } }],
      AND: [{ OR: [{ clusterId: null }, { clusterId: { in: ids } }] }],
    },
    include: { requestedBy: { select: { email: true } }, decidedBy: { select: { email: true } } },
    orderBy: [{ ruleId: "asc" }, { expiresAt: "asc" }],
  });
  return rows.map((e) => ({
    id: e.id,
    ruleId: e.ruleId,
    clusterId: e.clusterId,
    cluster: e.clusterId ? (names.get(e.clusterId) ?? null) : null,
    namespace: e.namespace,
    kind: e.kind,
    name: e.name,
    labelSelector: labelSelectorOf(e.labelSelector),
    justification: e.justification,
    expiresAt: e.expiresAt,
    requestedBy: e.requestedBy?.email ?? null,
    approvedBy: e.decidedBy?.email ?? null,
    approvedAt: e.decidedAt,
  }));
}

async function settingsInForce(orgId: string, policy: unknown, sla: unknown): Promise<TReportSettings> {
  const p = readPolicy(policy);
  const custom = await db.customRule.findMany({ where: { orgId }, orderBy: { ruleId: "asc" } });
  return {
    severityOverrides: p.severityOverrides,
    disabledRules: p.disabledRules,
    params: p.params,
    customRules: custom.map((c) => ({ ruleId: c.ruleId, title: c.title, severity: c.severity, kinds: c.kinds, expression: c.expression, enabled: c.enabled })),
    sla: resolveSlaPolicy(sla),
  };
}
