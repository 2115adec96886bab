// The JSON report file's documented schema: the worker writes documents of this shape, the test
// parses generated files with it (strict, so drift fails), and the web app serves it as JSON Schema
// at GET /api/reports/schema. Every finding is listed once (findings[]); controls name the findings
// that are evidence for each of their rules by id, so a finding behind three controls is not
// written three times.
import { z } from "zod";

export const REPORT_SCHEMA_ID = "bulwark-report/v2";

const ZControlStatus = z
  .enum(["passed", "failed", "not-evaluated", "not-applicable", "attested", "pending"])
  .describe("passed only when every rule behind the control passed; not-evaluated, not-applicable, attested and pending are never counted as passed");
const ZIso = z.string().describe("ISO 8601 UTC timestamp");
const ZCounts = z.strictObject({
  passed: z.number().int(),
  failed: z.number().int(),
  notEvaluated: z.number().int(),
  notApplicable: z.number().int(),
  attested: z.number().int(),
  pending: z.number().int(),
});
const ZSeverityCounts = z.strictObject({ critical: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int(), info: z.number().int() });

export const ZReportFinding = z.strictObject({
  id: z.string().describe('the finding\'s reference in this report ("F1", "F2", ...), named by controls[].evidence[].findings'),
  clusterId: z.string(),
  cluster: z.string(),
  ruleId: z.string().describe("the lead rule"),
  checks: z.array(z.string()).describe("every rule this finding stands for (one cause, one finding), lead rule first"),
  severity: z.enum(["critical", "high", "medium", "low", "info"]),
  state: z
    .enum(["open", "excepted", "expected"])
    .describe("open: failing (counts against its rules); excepted: covered by accepted risk; expected: a platform component's finding (engine baseline). Only open findings fail a control"),
  status: z.enum(["open", "in_progress", "resolved", "reopened", "excepted"]).describe("the finding's workflow status when the report was generated"),
  object: z.strictObject({ apiVersion: z.string(), kind: z.string(), namespace: z.string().nullable(), name: z.string() }),
  path: z.string().describe("field path of the evidence, e.g. spec.template.spec.containers[0].securityContext.privileged"),
  observed: z.string().nullable().describe("observed value; never a Secret value"),
  message: z.string(),
  remediation: z.string(),
  firstSeenAt: ZIso,
  resolvedAt: ZIso.nullable().describe("set when the finding was fixed after the scan this report reads"),
  exception: z
    .strictObject({ id: z.string().nullable().describe("the exception (see exceptions[]); null for a legacy accepted risk"), justification: z.string().nullable(), acceptedBy: z.string().nullable(), acceptedAt: ZIso, expiresAt: ZIso.nullable() })
    .nullable()
    .describe("set when the finding is excepted: who accepted it, why, until when"),
  expected: z.strictObject({ id: z.string(), reason: z.string() }).nullable().describe("set when the finding is expected for a platform component, with the reason"),
});

/** A workload container whose image has a fixable critical CVE (an image-vulnerabilities finding). */
export const ZReportVulnerability = z.strictObject({
  id: z.string().describe('the row\'s reference in this report ("V1", "V2", ...): vulnerability_ref in the CSV, the row\'s first cell in the PDF'),
  clusterId: z.string(),
  cluster: z.string(),
  workload: z.strictObject({ kind: z.string(), namespace: z.string().nullable(), name: z.string() }).describe("the top controller (a ReplicaSet's pods belong to their Deployment)"),
  container: z.string(),
  image: z.string().describe("the image reference as the container writes it"),
  state: z.enum(["open", "excepted", "expected"]).describe("the finding's state, as findings[].state"),
  stale: z.boolean().describe("the scanner report was older than 7 days at scan time"),
  cves: z
    .array(z.strictObject({ id: z.string(), package: z.string(), installedVersion: z.string(), fixedVersion: z.string() }))
    .describe("the critical CVEs with a fixed version, not covered by a CVE exception or a VEX statement"),
});

export const ZReportAttestation = z.strictObject({
  id: z.string(),
  statement: z.string(),
  owner: z.string().describe("the person or team accountable for the control"),
  attestedBy: z.string().describe("who signed off (name and email when it was recorded)"),
  attestedAt: ZIso,
  reviewedAt: ZIso,
  expiresAt: ZIso,
  links: z.array(z.string()),
  files: z.array(z.strictObject({ name: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string() })).describe("evidence files (download them from Bulwark; the checksums prove they are the ones attested)"),
});

export const ZReportControl = z.strictObject({
  id: z.string().describe("section or control number, as the framework numbers it"),
  title: z.string().describe("the framework's title"),
  description: z.string().describe("Bulwark's own summary of what the control asks of a cluster"),
  rationale: z.string().describe("what an auditor asks, which configuration answers it, and what Bulwark cannot see"),
  status: ZControlStatus.describe("combined over the clusters in scope: failed > not-evaluated > pending > attested > passed; not-applicable when it applies nowhere"),
  statusLabel: z.string().describe('e.g. "Manual – attested by Ana <ana@example.com> until 2027-01-31"'),
  reason: z.string().nullable().describe("why failed, not evaluated or not applicable, or the evidence a pending control needs"),
  kind: z.enum(["automated", "manual", "not-applicable"]),
  manualEvidence: z.string().nullable().describe("manual controls: the evidence an auditor expects"),
  attestation: ZReportAttestation.nullable().describe("the attestation in force, also shown beside an automated control (it never hides a failing check)"),
  rules: z.array(z.strictObject({ id: z.string(), title: z.string(), severity: z.string().nullable(), remediation: z.string().nullable() })),
  clusters: z.array(
    z.strictObject({
      clusterId: z.string(),
      cluster: z.string(),
      status: ZControlStatus,
      reason: z.string().nullable().describe("why failed / not evaluated, naming the rules"),
      rules: z.array(z.strictObject({ id: z.string(), status: z.string(), findings: z.number().int(), reason: z.string().nullable() })),
    }),
  ),
  evidence: z
    .array(
      z.strictObject({
        ruleId: z.string(),
        open: z.number().int().describe("failing objects"),
        excepted: z.number().int(),
        expected: z.number().int(),
        findings: z.array(z.string()).describe("ids of findings[] for this rule in scope: every failing object, then excepted and expected ones"),
      }),
    )
    .describe("per rule of the control: the objects that are its evidence"),
});

const ZScopeCluster = z.strictObject({
  id: z.string(),
  name: z.string(),
  server: z.string(),
  kubeVersion: z.string().nullable(),
  namespaces: z.array(z.string()).describe("empty: the whole cluster; otherwise these namespaces plus cluster-scoped objects"),
});

export const ZReportDocument = z.strictObject({
  $schema: z.string(),
  reportId: z.string(),
  generatedAt: ZIso,
  bulwarkVersion: z.string(),
  rulesVersion: z.string(),
  organization: z.strictObject({ id: z.string(), name: z.string() }),
  framework: z.strictObject({ id: z.string(), name: z.string(), version: z.string(), description: z.string(), disclaimer: z.string().nullable() }),
  scope: z.strictObject({
    source: z.enum(["compliance-scope", "chosen-clusters"]).describe("compliance-scope: the framework's scope set on the Compliance page; chosen-clusters: no scope is set, the report covers the clusters chosen for it"),
    asOf: ZIso.nullable().describe("null: each cluster's latest successful scan"),
    clusters: z.array(ZScopeCluster),
  }),
  period: z
    .strictObject({ from: ZIso, to: ZIso })
    .nullable()
    .describe("the finish times of the oldest and newest scan the report reads; null when no cluster has a scan"),
  signing: z.strictObject({ algorithm: z.literal("Ed25519"), keyId: z.string().describe("the organization's report signing key (Settings); each file's detached signature is downloaded beside it") }),
  summary: z.strictObject({
    controls: ZCounts.extend({ total: z.number().int() }),
    perCluster: z.array(z.strictObject({ clusterId: z.string(), cluster: z.string(), controls: ZCounts })),
    findings: z.strictObject({ open: ZSeverityCounts, excepted: z.number().int(), expected: z.number().int() }).describe("findings behind this framework's rules in scope"),
    previous: z
      .strictObject({
        reportId: z.string(),
        createdAt: ZIso,
        controls: ZCounts,
        newFailures: z.array(z.strictObject({ id: z.string(), title: z.string(), was: ZControlStatus })),
        newlyPassing: z.array(z.strictObject({ id: z.string(), title: z.string(), was: ZControlStatus })),
      })
      .nullable()
      .describe("the previous succeeded report of the same framework and scope, and what changed since"),
  }),
  controls: z.array(ZReportControl),
  findings: z.array(ZReportFinding),
  vulnerabilities: z
    .strictObject({ fixableCritical: z.array(ZReportVulnerability) })
    .optional()
    .describe("in scope, from each cluster's scan: every workload container whose image has a critical CVE with a fix available (any framework); absent in reports written before it existed"),
  exceptions: z
    .array(
      z.strictObject({
        id: z.string(),
        ruleId: z.string().describe('"*" for every rule'),
        scope: z.string().describe("the scope in words, e.g. \"namespace shop on payments-prod\""),
        clusterId: z.string().nullable().describe("null: every cluster"),
        cluster: z.string().nullable(),
        namespace: z.string().nullable().describe('null: every namespace; "": cluster-scoped objects'),
        kind: z.string().nullable(),
        name: z.string().nullable(),
        labelSelector: z.record(z.string(), z.string()).nullable(),
        justification: z.string(),
        expiresAt: ZIso,
        requestedBy: z.string().nullable(),
        approvedBy: z.string().nullable(),
        approvedAt: ZIso.nullable(),
        findings: z.number().int().describe("findings of this report the exception covers"),
      }),
    )
    .describe("accepted risk in force at the report's point in time, for the clusters in scope"),
  settings: z
    .strictObject({
      severityOverrides: z.record(z.string(), z.string()),
      disabledRules: z.array(z.string()),
      params: z.record(z.string(), z.array(z.string())).describe("rule parameters, e.g. allowedRegistries"),
      customRules: z.array(z.strictObject({ ruleId: z.string(), title: z.string(), severity: z.string(), kinds: z.array(z.string()), expression: z.string(), enabled: z.boolean() })),
      sla: z.record(z.string(), z.number().int().nullable()).describe("days to fix by severity; null: no due date"),
    })
    .describe("the organization's policy when the report was generated"),
  scans: z.array(
    z.strictObject({
      clusterId: z.string(),
      cluster: z.string(),
      scanId: z.string().nullable(),
      status: z.string().nullable(),
      startedAt: ZIso.nullable(),
      finishedAt: ZIso.nullable(),
      rulesVersion: z.string().nullable(),
      kubeVersion: z.string().nullable(),
      objectCount: z.number().int().nullable(),
    }),
  ),
});

export type TReportDocument = z.infer<typeof ZReportDocument>;
export type TReportDocumentControl = z.infer<typeof ZReportControl>;
export type TReportDocumentFinding = z.infer<typeof ZReportFinding>;
export type TReportDocumentVulnerability = z.infer<typeof ZReportVulnerability>;
export type TReportControlCounts = z.infer<typeof ZCounts>;

/** The JSON Schema (draft 2020-12) of a report file. */
export function reportJsonSchema(): Record<string, unknown> {
  return { $id: REPORT_SCHEMA_ID, title: "Bulwark framework report", ...z.toJSONSchema(ZReportDocument) };
}

/**
 * Report.summary: what the reports list shows and the next report of the same framework and scope
 * compares with (each control's status). Written by the worker with the files.
 */
export const ZReportSummary = z.strictObject({
  version: z.literal(2),
  controls: ZCounts.extend({ total: z.number().int() }),
  controlStatuses: z.record(z.string(), ZControlStatus),
  findings: z.strictObject({ open: z.number().int(), excepted: z.number().int(), expected: z.number().int() }),
  scope: z.strictObject({ source: z.enum(["compliance-scope", "chosen-clusters"]), clusters: z.array(z.string()), namespaced: z.number().int().describe("clusters limited to some namespaces") }),
  period: z.strictObject({ from: ZIso, to: ZIso }).nullable(),
  signingKeyId: z.string(),
  previous: z.strictObject({ reportId: z.string(), createdAt: ZIso, newFailures: z.array(z.string()), newlyPassing: z.array(z.string()) }).nullable(),
});
export type TReportSummary = z.infer<typeof ZReportSummary>;

/** A stored summary, or null for one written before this shape (the list shows less for those). */
export function readReportSummary(v: unknown): TReportSummary | null {
  const r = ZReportSummary.safeParse(v);
  return r.success ? r.data : null;
}
