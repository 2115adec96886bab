// `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, Azure DevOps).
import type { Rule, Severity } from "@bulwark/rules";
import type { ScanReport } from "./report";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

function level(s: Severity): "error" | "warning" | "note" {
  return s === "critical" || s === "high" ? "error" : s === "medium" ? "warning" : "note";
}

/** GitHub sorts alerts by this 0-10 score. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "1.0" };

function ruleDescriptor(r: Rule) {
  const tags = ["security", "kubernetes", r.category];
  return {
    id: r.id,
    name: r.id
      .split("-")
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(""),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    help: { text: r.remediation, markdown: `**Remediation:** ${r.remediation}${r.references?.length ? `\n\n${r.references.map((u) => `- ${u}`).join("\n")}` : ""}` },
    ...(r.references?.[0] ? { helpUri: r.references[0] } : {}),
    defaultConfiguration: { level: level(r.severity) },
    properties: { severity: r.severity, "security-severity": SECURITY_SEVERITY[r.severity], tags, category: r.category },
  };
}

export function formatSarif(report: ScanReport): string {
  const ran = report.rules.filter((s) => report.ruleMeta.has(s.id));
  const rules = ran.map((s) => report.ruleMeta.get(s.id)!);
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.findings.map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      ...(indexOf.has(f.ruleId) ? { ruleIndex: indexOf.get(f.ruleId) } : {}),
      level: level(f.severity),
      message: { text: `${f.message} (${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}, ${f.path || "object"})` },
      partialFingerprints: { "bulwarkFingerprint/v1": f.fingerprint },
      properties: { severity: f.severity, path: f.path, object: f.object },
    };
    const logical = [{ fullyQualifiedName: `${f.object.namespace ?? "_cluster"}/${f.object.kind}/${f.object.name}`, kind: "resource" }];
    if (f.file) {
      result.locations = [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.file) },
            region: { startLine: Math.max(1, f.line ?? 1) },
          },
          logicalLocations: logical,
        },
      ];
    } else {
      result.locations = [{ logicalLocations: logical }];
    }
    if (f.exception) result.suppressions = [{ kind: "external", status: "accepted", justification: f.exception.justification }];
    return result;
  });
  const sarif = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Bulwark",
            version: report.rulesVersion,
            rules: rules.map(ruleDescriptor),
          },
        },
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.errors.map((e) => ({
              level: "error",
              message: { text: e.message },
              ...(e.file && e.file !== "<stdin>" ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(e.file) }, region: { startLine: Math.max(1, e.line) } } }] } : {}),
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
