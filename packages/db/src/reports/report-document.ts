// The JSON report file's documented schema: the worker writes documents of this shape, the test
// parses generated files with it (strict, so drift fails), and the web app serves it as JSON Schema
// at GET /api/reports/schema.
import { z } from "zod";

export const REPORT_SCHEMA_ID = "bulwark-report/v1";

const ZControlStatus = z.enum(["passed", "failed", "not-evaluated", "manual"]).describe("passed only when every rule behind the control passed; not-evaluated and manual never count as passed");
const ZCounts = z.strictObject({ passed: z.number().int(), failed: z.number().int(), notEvaluated: z.number().int(), manual: z.number().int() });
const ZIso = z.string().describe("ISO 8601 UTC timestamp");

export const ZReportFinding = z.strictObject({
  clusterId: z.string(),
  cluster: z.string(),
  ruleId: z.string(),
  severity: z.enum(["critical", "high", "medium", "low", "info"]),
  status: z.enum(["open", "in_progress", "resolved", "reopened", "excepted"]),
  object: z.strictObject({ apiVersion: z.string(), kind: z.string(), namespace: z.string().nullable(), name: z.string() }),
  path: z.string().describe("field path of the evidence, e.g. spec.template.spec.containers[0].securityContext.privileged"),
  observed: z.string().nullable().describe("observed value; never a Secret value"),
  message: z.string(),
  remediation: z.string(),
  firstSeenAt: ZIso,
  exception: z
    .strictObject({ id: z.string().nullable().describe("the exception (see exceptions[]); null for a legacy accepted risk"), justification: z.string().nullable(), acceptedBy: z.string().nullable(), acceptedAt: ZIso, expiresAt: ZIso.nullable() })
    .nullable()
    .describe("set when the finding is excepted: who accepted it, why, until when"),
});

export const ZReportControl = z.strictObject({
  id: z.string().describe("section or control number, as the framework numbers it"),
  title: z.string().describe("the framework's title"),
  description: z.string().describe("Bulwark's own summary of what the control asks of a cluster"),
  status: ZControlStatus.describe("combined over the clusters in scope: failed > not-evaluated > manual > passed"),
  manualEvidence: z.string().nullable(),
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
  findings: z.array(ZReportFinding),
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
    asOf: ZIso.nullable().describe("null: each cluster's latest successful scan"),
    clusters: z.array(z.strictObject({ id: z.string(), name: z.string(), server: z.string(), kubeVersion: z.string().nullable() })),
  }),
  summary: z.strictObject({
    score: z.number().nullable().describe("the clusters' fleet posture score, 0..100 with one decimal (the worst clusters weigh most)"),
    controls: ZCounts,
    perCluster: z.array(z.strictObject({ clusterId: z.string(), cluster: z.string(), score: z.number().nullable(), controls: ZCounts })),
    findings: z.strictObject({ critical: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int(), info: z.number().int(), excepted: z.number().int() }),
    previous: z.strictObject({ reportId: z.string(), createdAt: ZIso, score: z.number().nullable(), controls: ZCounts }).nullable().describe("the previous report of the same framework, for the trend"),
  }),
  controls: z.array(ZReportControl),
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

/** The JSON Schema (draft 2020-12) of a report file. */
export function reportJsonSchema(): Record<string, unknown> {
  return { $id: REPORT_SCHEMA_ID, title: "Bulwark framework report", ...z.toJSONSchema(ZReportDocument) };
}
