// `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, Azure DevOps).
import type { BaselineMatch, ObjectRef, Rule, Severity } from "@bulwark/rules";
import { objectLabel, type ReportRisk, type ScanReport } from "./report";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const TAGS = ["security", "kubernetes"];

function level(s: Severity): "error" | "warning" | "note" {
  return s === "critical" || s === "high" ? "error" : s === "medium" ? "warning" : "note";
}

/** GitHub sorts alerts by this 0-10 score. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "1.0" };

function ruleDescriptor(r: Rule) {
  const tags = [...TAGS, r.category];
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

/** One descriptor per risk type present: risks are results of rule `risk/<type>`. */
function riskDescriptor(r: ReportRisk) {
  const id = `risk/${r.type}`;
  const text = `Attack path: ${r.type.replace(/-/g, " ")}`;
  return {
    id,
    name: `Risk${r.type
      .split("-")
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join("")}`,
    shortDescription: { text },
    fullDescription: { text: `${text}: findings that together give an attacker this path. Each result lists its steps.` },
    defaultConfiguration: { level: level(r.severity) },
    properties: { "security-severity": SECURITY_SEVERITY[r.severity], tags: [...TAGS, "risk"] },
  };
}

const logicalLocation = (o: ObjectRef) => ({ fullyQualifiedName: `${o.namespace ?? "_cluster"}/${o.kind}/${o.name}`, kind: "resource" });

const physicalLocation = (file: string, line: number | undefined) => ({
  artifactLocation: { uri: encodeURI(file) },
  region: { startLine: Math.max(1, line ?? 1) },
});

/** Excepted and expected (platform baseline) results are suppressed, not dropped: code scanning shows them as dismissed. */
function suppressions(x: { exception?: { justification: string }; baseline?: BaselineMatch }) {
  const out: { kind: string; status: string; justification: string }[] = [];
  if (x.exception) out.push({ kind: "external", status: "accepted", justification: x.exception.justification });
  if (x.baseline) out.push({ kind: "external", status: "accepted", justification: `expected for a platform component (${x.baseline.id}): ${x.baseline.reason}` });
  return out.length > 0 ? { suppressions: out } : {};
}

export function formatSarif(report: ScanReport): string {
  const ran = report.rules.filter((s) => report.ruleMeta.has(s.id));
  const riskRules = [...new Map(report.risks.map((r) => [r.type, riskDescriptor(r)])).values()];
  const rules = ran.map((s) => report.ruleMeta.get(s.id)!);
  const descriptors = [...riskRules, ...rules.map(ruleDescriptor)];
  const indexOf = new Map(descriptors.map((r, i) => [r.id, i]));
  const riskResults = report.risks.map((r) => {
    const ruleId = `risk/${r.type}`;
    const located = new Map(r.locations.map((l) => [l.object, l]));
    // The risk's own object first: the location code scanning shows.
    const locations = r.objects.map((o) => {
      const l = located.get(o);
      return l ? { physicalLocation: physicalLocation(l.file, l.line), logicalLocations: [logicalLocation(o)] } : { logicalLocations: [logicalLocation(o)] };
    });
    return {
      ruleId,
      ruleIndex: indexOf.get(ruleId),
      level: level(r.severity),
      message: { text: `${r.title} (${r.objects.map(objectLabel).join(", ")}): ${r.steps.map((s, i) => `${i + 1}. ${s.text}`).join(" ")}` },
      partialFingerprints: { "bulwarkRiskId/v1": r.id },
      locations,
      properties: { severity: r.severity, score: r.score, type: r.type, steps: r.steps, factors: r.factors, remediation: r.remediation },
      ...suppressions(r),
    };
  });
  const results = report.findings.map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      ...(indexOf.has(f.ruleId) ? { ruleIndex: indexOf.get(f.ruleId) } : {}),
      level: level(f.severity),
      message: { text: `${f.message} (${objectLabel(f.object)}, ${f.path || "object"})` },
      partialFingerprints: { "bulwarkFingerprint/v1": f.fingerprint },
      properties: { severity: f.severity, path: f.path, object: f.object, checks: f.checks ?? [f.ruleId] },
      ...suppressions(f),
    };
    const logical = [logicalLocation(f.object)];
    result.locations = f.file ? [{ physicalLocation: physicalLocation(f.file, f.line), logicalLocations: logical }] : [{ logicalLocations: logical }];
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
            rules: descriptors,
          },
        },
        results: [...riskResults, ...results],
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
