// Everything a report is built from, read once: the framework judged over its compliance scope
// (frameworkPosture: the one place that judges a framework over the scope, with the attestations
// in force), each cluster's scan details, the findings behind the framework's rules in scope as
// they stood when that scan finished (open, excepted and expected ones), the exceptions in force
// and the organization's settings.
import type { Framework } from "@bulwark/rules";
import type { Scan } from "../generated/prisma/client";
import { db } from "../client";
import { NotFoundError } from "../errors";
import { frameworkPosture, type TPostureCluster } from "../compliance/posture";
import type { TAttestation } from "../compliance/attestations";
import { labelSelectorOf } from "../exceptions/exception-scope";
import { readPolicy, type TOrgPolicy } from "../policy/policy-schema";
import { resolveSlaPolicy, type TSlaPolicy } from "../sla/sla-policy";
import type { TReportDocumentFinding, TReportDocumentVulnerability } from "./report-document";

/**
 * A finding as the report files carry it (see ZReportFinding): read straight into this shape so a
 * report over many clusters holds each finding once. `id` is the report's reference, given when
 * the report is built.
 */
export type TReportFinding = TReportDocumentFinding;

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

export type TReportScan = Pick<Scan, "id" | "status" | "startedAt" | "finishedAt" | "rulesVersion" | "kubeVersion" | "objectCount">;

export interface TReportCluster {
  id: string;
  name: string;
  server: string;
  kubeVersion: string | null;
  /** Empty: the whole cluster; otherwise these namespaces plus cluster-scoped objects. */
  namespaces: string[];
  scan: TReportScan | null;
  /** The framework judged on this cluster (in its scope), or null without a scan. */
  result: TPostureCluster["result"] | null;
}

export interface TReportInputs {
  org: { id: string; name: string };
  /** compliance-scope: the framework's scope set on the Compliance page; chosen-clusters: none is set. */
  source: "compliance-scope" | "chosen-clusters";
  /** The point in time judged (the attestations in force then). */
  judgedAt: Date;
  clusters: TReportCluster[];
  /** Findings of the framework's rules in scope, every cluster's, in the order reports list them. */
  findings: TReportFinding[];
  /** Workload containers in scope whose image has a fixable critical CVE, whatever the framework ("V1"... given when built). */
  fixableCritical: TReportDocumentVulnerability[];
  attestations: Map<string, TAttestation>;
  exceptions: TReportException[];
  settings: TReportSettings;
}

const REPORT_READ_CONCURRENCY = 3;

/**
 * Reads a report's inputs. A framework with a compliance scope covers its scope (the clusters the
 * report was queued for do not matter: the scope at generation does); without one, the report's
 * chosen clusters, whole.
 */
export async function getReportInputs(input: { orgId: string; framework: Framework; clusterIds: readonly string[]; asOf?: Date | null }): Promise<TReportInputs> {
  const orgRow = await db.organization.findUnique({ where: { id: input.orgId }, select: { id: true, name: true, policy: true, slaPolicy: true } });
  if (!orgRow) throw new NotFoundError("organization");
  const posture = await frameworkPosture({ orgId: input.orgId, framework: input.framework.id, asOf: input.asOf ?? null });
  const chosen = new Set(input.clusterIds);
  const covered = posture.scoped ? posture.clusters : posture.clusters.filter((c) => chosen.has(c.clusterId));
  const [details, scans] = await Promise.all([
    db.cluster.findMany({ where: { orgId: input.orgId, id: { in: covered.map((c) => c.clusterId) } }, select: { id: true, server: true, kubeVersion: true } }),
    db.scan.findMany({
      where: { orgId: input.orgId, id: { in: covered.flatMap((c) => (c.scan ? [c.scan.id] : [])) } },
      select: { id: true, status: true, startedAt: true, finishedAt: true, rulesVersion: true, kubeVersion: true, objectCount: true },
    }),
  ]);
  const detailOf = new Map(details.map((d) => [d.id, d]));
  const scanOf = new Map(scans.map((s) => [s.id, s]));
  const clusters: TReportCluster[] = covered.map((c) => ({
    id: c.clusterId,
    name: c.clusterName,
    server: detailOf.get(c.clusterId)?.server ?? "",
    kubeVersion: detailOf.get(c.clusterId)?.kubeVersion ?? null,
    namespaces: c.namespaces,
    scan: c.scan ? (scanOf.get(c.scan.id) ?? null) : null,
    result: c.scan ? c.result : null,
  }));

  // Findings a few clusters at a time (bounded connections), only the columns a report prints.
  const ruleIds = [...new Set(input.framework.controls.flatMap((c) => c.ruleIds))];
  const perCluster: TReportFinding[][] = clusters.map(() => []);
  const shared = new Interner();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < clusters.length; i = next++) perCluster[i] = await presentFindings(input.orgId, clusters[i]!, ruleIds, shared);
  };
  await Promise.all(Array.from({ length: Math.min(REPORT_READ_CONCURRENCY, clusters.length) }, worker));
  const findings = perCluster.flat();
  perCluster.length = 0;
  const fixableCritical: TReportDocumentVulnerability[] = [];
  for (const c of clusters) fixableCritical.push(...(await fixableCriticalVulns(input.orgId, c)));

  return {
    org: { id: orgRow.id, name: orgRow.name },
    source: posture.scoped ? "compliance-scope" : "chosen-clusters",
    judgedAt: posture.asOf,
    clusters,
    findings,
    fixableCritical,
    attestations: posture.attestations,
    exceptions: await exceptionsInForce(input.orgId, clusters, posture.asOf),
    settings: await settingsInForce(input.orgId, orgRow.policy, orgRow.slaPolicy),
  };
}

/**
 * The findings of `ruleIds` present in a cluster's scan: first seen by then, not resolved by then,
 * in the cluster's scoped namespaces (plus cluster-scoped objects) when it has some. The status
 * event that explains a finding excepted by hand (no RiskException) is read only for those.
 */
async function presentFindings(orgId: string, cluster: TReportCluster, ruleIds: string[], shared: Interner): Promise<TReportFinding[]> {
  const at = cluster.scan?.finishedAt;
  if (!at || ruleIds.length === 0) return [];
  const rows = await db.finding.findMany({
    where: {
      orgId,
      clusterId: cluster.id,
      firstSeenAt: { lte: at },
      OR: [{ resolvedAt: null, status: { not: "resolved" } }, { resolvedAt: { gt: at } }],
      AND: [
        { OR: [{ checks: { hasSome: ruleIds } }, { ruleId: { in: ruleIds } }] },
        ...(cluster.namespaces.length ? [{ OR: [{ namespace: null }, { namespace: { in: cluster.namespaces } }] }] : []),
      ],
    },
    orderBy: [{ severity: "asc" }, { ruleId: "asc" }, { namespace: "asc" }, { kind: "asc" }, { name: "asc" }, { path: "asc" }, { id: "asc" }],
    select: {
      id: true, ruleId: true, checks: true, severity: true, status: true, apiVersion: true, kind: true, namespace: true, name: true, path: true, observed: true,
      message: true, remediation: true, firstSeenAt: true, resolvedAt: true, baselineId: true, baselineReason: true,
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
  const str = <T extends string | null>(v: T): T => shared.str(v);
  const iso = (d: Date | null) => (d ? shared.str(d.toISOString()) : null);
  return rows.map((f): TReportFinding => {
    const ev = lastEvent.get(f.id);
    const data = (ev?.data ?? {}) as { to?: string; comment?: string | null; expiresAt?: string | null };
    const checks = f.checks.length ? f.checks : [f.ruleId];
    return {
      id: "",
      clusterId: cluster.id,
      cluster: cluster.name,
      ruleId: str(f.ruleId),
      checks: shared.value(`c|${checks.join(",")}`, () => checks.map(str)),
      severity: f.severity,
      state: f.baselineId ? "expected" : f.status === "excepted" ? "excepted" : "open",
      status: f.status,
      object: shared.value(`o|${f.apiVersion}|${f.kind}|${f.namespace ?? ""}|${f.name}|${cluster.id}`, () => ({ apiVersion: str(f.apiVersion), kind: str(f.kind), namespace: str(f.namespace), name: f.name })),
      path: str(f.path),
      observed: str(safeObserved(f)),
      message: str(f.message),
      remediation: str(f.remediation),
      firstSeenAt: iso(f.firstSeenAt)!,
      resolvedAt: iso(f.resolvedAt),
      exception:
        f.status === "excepted" && f.exception
          ? { id: f.exception.id, justification: str(f.exception.justification), acceptedBy: str(f.exception.decidedBy?.email ?? null), acceptedAt: iso(f.exception.decidedAt ?? f.exception.createdAt)!, expiresAt: iso(f.exception.expiresAt) }
          : f.status === "excepted" && ev && data.to === "excepted"
            ? { id: null, justification: data.comment ?? null, acceptedBy: ev.actor?.email ?? null, acceptedAt: ev.createdAt.toISOString(), expiresAt: data.expiresAt ? new Date(data.expiresAt).toISOString() : null }
            : null,
      expected: f.baselineId ? shared.value(`b|${f.baselineId}|${f.baselineReason ?? ""}`, () => ({ id: f.baselineId!, reason: f.baselineReason ?? "" })) : null,
    };
  });
}

/** The parts of Finding.details.vulnerabilities (ImageVulnDetails of @bulwark/rules) a report reads. */
interface TVulnDetails {
  image?: string;
  container?: string;
  stale?: boolean;
  cves?: Array<{ id?: string; severity?: string; package?: string; installedVersion?: string; fixedVersion?: string; excepted?: unknown }>;
}

/**
 * The image-vulnerabilities findings present in a cluster's scan (same point in time and scope as
 * presentFindings) that count a fixable critical CVE: details.vulnerabilities.counts leaves out
 * excepted CVEs, so the JSON filter selects exactly the findings with one to list.
 */
async function fixableCriticalVulns(orgId: string, cluster: TReportCluster): Promise<TReportDocumentVulnerability[]> {
  const at = cluster.scan?.finishedAt;
  if (!at) return [];
  const rows = await db.finding.findMany({
    where: {
      orgId,
      clusterId: cluster.id,
      ruleId: "image-vulnerabilities",
      firstSeenAt: { lte: at },
      OR: [{ resolvedAt: null, status: { not: "resolved" } }, { resolvedAt: { gt: at } }],
      details: { path: ["vulnerabilities", "counts", "critical", "fixable"], gt: 0 },
      ...(cluster.namespaces.length ? { namespace: { in: cluster.namespaces } } : {}),
    },
    orderBy: [{ namespace: "asc" }, { kind: "asc" }, { name: "asc" }, { path: "asc" }, { id: "asc" }],
    select: { kind: true, namespace: true, name: true, path: true, observed: true, status: true, baselineId: true, details: true },
  });
  return rows.flatMap((f) => {
    const v = ((f.details ?? {}) as { vulnerabilities?: TVulnDetails }).vulnerabilities ?? {};
    const cves = (v.cves ?? [])
      .filter((c) => c.severity === "critical" && c.fixedVersion && !c.excepted && c.id)
      .map((c) => ({ id: c.id!, package: c.package ?? "", installedVersion: c.installedVersion ?? "", fixedVersion: c.fixedVersion! }));
    if (cves.length === 0) return [];
    return [{
      id: "",
      clusterId: cluster.id,
      cluster: cluster.name,
      workload: { kind: f.kind, namespace: f.namespace, name: f.name },
      container: v.container ?? "",
      image: v.image ?? f.observed ?? "",
      state: f.baselineId ? ("expected" as const) : f.status === "excepted" ? ("excepted" as const) : ("open" as const),
      stale: v.stale === true,
      cves,
    }];
  });
}

/**
 * One copy of each repeated value across a report's findings: paths, messages, remediations and
 * timestamps repeat by the thousand (every finding of a rule, every object of a scan), and a report
 * over 200 clusters holds ~100,000 findings at once. Shared values are never changed afterwards.
 */
class Interner {
  #strings = new Map<string, string>();
  #values = new Map<string, unknown>();
  str<T extends string | null>(v: T): T {
    if (v === null) return v;
    const hit = this.#strings.get(v);
    if (hit !== undefined) return hit as T;
    this.#strings.set(v, v);
    return v;
  }
  value<T>(key: string, make: () => T): T {
    const hit = this.#values.get(key);
    if (hit !== undefined) return hit as T;
    const v = make();
    this.#values.set(key, v);
    return v;
  }
}

/**
 * Secret objects never carry values into Bulwark (the reader redacts them), but a report is a file
 * that leaves the product: anything that looks like a Secret's data is blanked again here. Very
 * long observed values are cut (the field path says where the rest is).
 */
function safeObserved(f: { kind: string; path: string; observed: string | null }): string | null {
  if (f.observed == null) return null;
  if (f.kind === "Secret" && /^(data|stringData)\b/.test(f.path)) return "<redacted>";
  return f.observed.length > 500 ? `${f.observed.slice(0, 500)}…` : f.observed;
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
