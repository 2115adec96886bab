// The work "scan YAML" and "try a custom rule" do, as plain functions of plain data: they run inside
// the rules worker thread (rules-worker.mjs), never in a web request. Only what the page shows
// crosses back, with the lists capped. Relative imports and @bulwark/rules only: this file is loaded
// by the worker through tsx, outside the Next bundle.
import {
  buildEngineSettings,
  evaluate,
  getRule,
  parseManifests,
  SEVERITIES,
  snapshotFromManifests,
  tryCustomRule,
  type BuildEngineSettingsInput,
  type CustomRuleDef,
  type CustomRuleError,
  type ObjectRef,
  type RuleStatus,
  type Severity,
} from "@bulwark/rules";

/** Findings a scan-YAML answer lists; the counts and the score still cover every finding. */
export const MAX_YAML_FINDINGS = 500;
/** Findings and per-object errors a "try it" answer lists. */
export const MAX_TRY_FINDINGS = 200;
export const MAX_TRY_OBJECT_ERRORS = 50;

export interface TYamlFinding {
  ruleId: string;
  title: string;
  severity: Severity;
  object: string;
  path: string;
  observed?: string;
  message: string;
  remediation: string;
  line?: number;
  fix?: string;
}

export interface TScanYamlTask {
  kind: "scan-yaml";
  yaml: string;
  fileName: string;
  kubeVersion?: string;
  /** The organization's policy, exceptions and custom rules (getEngineSettingsInput), or null. */
  settings: BuildEngineSettingsInput | null;
  now: string;
}

export interface TTryRuleTask {
  kind: "try-rule";
  def: CustomRuleDef;
  yaml: string;
}

export type TRulesTask = TScanYamlTask | TTryRuleTask;

export function scanYaml(task: TScanYamlTask) {
  const parsed = parseManifests(task.yaml, task.fileName);
  const { settings, notEvaluated } = buildEngineSettings({ ...(task.settings ?? { policy: {} }), now: task.now });
  const snapshot = snapshotFromManifests(parsed.objects, parsed.locations, task.kubeVersion ? { kubeVersion: task.kubeVersion } : {});
  const result = evaluate(snapshot, settings);
  // Open findings only: excepted ones and those expected for a platform component are counted apart.
  const open = result.findings.filter((f) => !f.exception && !f.baseline);
  // When the list is capped, the worst findings are the ones kept (the sort is stable).
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  if (open.length > MAX_YAML_FINDINGS) open.sort((a, b) => rank(a.severity) - rank(b.severity));
  const findings: TYamlFinding[] = open.slice(0, MAX_YAML_FINDINGS).map((f) => {
    const index = f.location ? parsed.locations.findIndex((l) => l.line === f.location!.line && l.file === f.location!.file) : -1;
    const line = index >= 0 ? parsed.fieldLine(index, f.path) : f.location?.line;
    return {
      ruleId: f.ruleId,
      title: getRule(f.ruleId)?.title ?? f.ruleId,
      severity: f.severity,
      object: `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}`,
      path: f.path,
      ...(f.observed !== undefined ? { observed: f.observed } : {}),
      message: f.message,
      remediation: f.remediation,
      ...(line !== undefined ? { line } : {}),
      ...(f.fix ? { fix: f.fix.content } : {}),
    };
  });
  return {
    file: task.fileName,
    objectCount: result.objectCount,
    score: result.score,
    counts: result.counts,
    findings,
    /** Open findings in all; more than `findings.length` when the list was capped. */
    findingCount: open.length,
    errors: parsed.errors.slice(0, 100).map((e) => ({ line: e.line, message: e.message })),
    notEvaluated: result.rules.filter((r) => r.status === "not-evaluated").length + notEvaluated.length,
    excepted: result.findings.filter((f) => f.exception).length,
    expected: result.expected,
    profile: result.profile,
    risks: (result.risks ?? []).filter((r) => !r.exception && !r.baseline).slice(0, 100).map((r) => ({ id: r.id, type: r.type, title: r.title, severity: r.severity, score: r.score, steps: r.steps.map((s) => s.text) })),
  };
}

export type TTryRuleResult =
  | { ok: false; errors: CustomRuleError[] }
  | {
      ok: true;
      status: RuleStatus;
      objectCount: number;
      findings: { object: ObjectRef; path: string; message: string; line: number | null }[];
      /** Findings in all; more than `findings.length` when the list was capped. */
      findingCount: number;
      objectErrors: { object: ObjectRef; message: string }[];
      objectErrorCount: number;
      parseErrors: { message: string; line: number | undefined }[];
    };

export function tryRule(task: TTryRuleTask): TTryRuleResult {
  const res = tryCustomRule(task.def, task.yaml);
  if (!res.ok) return { ok: false, errors: res.errors };
  return {
    ok: true,
    status: res.status,
    objectCount: res.objectCount,
    findings: res.findings.slice(0, MAX_TRY_FINDINGS).map((f) => ({ object: f.object, path: f.path, message: f.message, line: f.location?.line ?? null })),
    findingCount: res.findings.length,
    objectErrors: res.objectErrors.slice(0, MAX_TRY_OBJECT_ERRORS),
    objectErrorCount: res.objectErrors.length,
    parseErrors: res.parseErrors.slice(0, 100).map((e) => ({ message: e.message, line: e.line })),
  };
}

export function runRulesTask(task: TRulesTask): unknown {
  switch (task.kind) {
    case "scan-yaml":
      return scanYaml(task);
    case "try-rule":
      return tryRule(task);
  }
}
