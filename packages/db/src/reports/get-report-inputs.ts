// Everything a report is built from, read once: the organization, each cluster's scan at the
// report's point in time (its latest succeeded or partial scan at or before asOf), and the
// findings present in that scan with any exception recorded on them.
import type { Scan } from "../generated/prisma/client";
import { db } from "../client";

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
  /** For excepted findings: the justification, who accepted it and when. */
  exception: { justification: string | null; acceptedBy: string | null; acceptedAt: Date; expiresAt: Date | null } | null;
}

export interface TReportInputs {
  org: { id: string; name: string };
  clusters: Array<{ id: string; name: string; server: string; kubeVersion: string | null; scan: Scan | null; findings: TReportFinding[] }>;
}

export async function getReportInputs(input: { orgId: string; clusterIds: string[]; asOf?: Date | null }): Promise<TReportInputs | null> {
  const org = await db.organization.findUnique({ where: { id: input.orgId }, select: { id: true, name: true } });
  if (!org) return null;
  const clusters = await db.cluster.findMany({
    where: { orgId: input.orgId, id: { in: input.clusterIds } },
    select: { id: true, name: true, server: true, kubeVersion: true },
    orderBy: { name: "asc" },
  });
  const out: TReportInputs["clusters"] = [];
  for (const c of clusters) {
    const scan = await db.scan.findFirst({
      where: { orgId: input.orgId, clusterId: c.id, status: { in: ["succeeded", "partial"] }, ...(input.asOf ? { finishedAt: { lte: input.asOf } } : {}) },
      orderBy: { finishedAt: "desc" },
    });
    let findings: TReportFinding[] = [];
    if (scan?.finishedAt) {
      const at = scan.finishedAt;
      // Present in that scan: first seen by then, and not resolved by then.
      const rows = await db.finding.findMany({
        where: { orgId: input.orgId, clusterId: c.id, firstSeenAt: { lte: at }, OR: [{ resolvedAt: null }, { resolvedAt: { gt: at } }] },
        orderBy: [{ severity: "asc" }, { ruleId: "asc" }, { namespace: "asc" }, { name: "asc" }],
        include: {
          events: { where: { type: "status" }, orderBy: { createdAt: "desc" }, take: 1, include: { actor: { select: { email: true, name: true } } } },
        },
      });
      findings = rows.map((f) => {
        const ev = f.events[0];
        const data = (ev?.data ?? {}) as { to?: string; comment?: string | null; expiresAt?: string | null };
        return {
          id: f.id, ruleId: f.ruleId, severity: f.severity, status: f.status, apiVersion: f.apiVersion, kind: f.kind,
          namespace: f.namespace, name: f.name, path: f.path, observed: f.observed, message: f.message, remediation: f.remediation,
          firstSeenAt: f.firstSeenAt,
          exception:
            f.status === "excepted" && ev && data.to === "excepted"
              ? { justification: data.comment ?? null, acceptedBy: ev.actor?.email ?? null, acceptedAt: ev.createdAt, expiresAt: data.expiresAt ? new Date(data.expiresAt) : null }
              : null,
        };
      });
    }
    out.push({ ...c, scan, findings });
  }
  return { org, clusters: out };
}
