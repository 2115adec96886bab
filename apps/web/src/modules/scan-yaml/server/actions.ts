"use server";
// Judges pasted manifests with the same rules and settings as cluster scans, inside the request: the
// organization's policy (profile, platform baseline, overrides, disabled rules, parameters), its
// exceptions that apply to every cluster and its enabled custom rules, built by the one
// engine-settings builder. The engine is pure (no cluster, nothing executed); nothing is stored.
import { getEngineSettingsInput } from "@bulwark/db";
import { buildEngineSettings, evaluate, getRule, parseManifests, snapshotFromManifests, type Severity } from "@bulwark/rules";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZScanYaml } from "../scan-yaml.schemas";

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

export const scanYamlAction = withOrg({ schema: ZScanYaml, permission: "org:read" }, async (input, ctx) => {
  const file = input.fileName || "manifest.yaml";
  const parsed = parseManifests(input.yaml, file);
  const now = new Date();
  const loaded = await getEngineSettingsInput({ orgId: ctx.orgId, now });
  const { settings, notEvaluated } = buildEngineSettings({ ...(loaded ?? { policy: {} }), now });
  const snapshot = snapshotFromManifests(parsed.objects, parsed.locations, input.kubeVersion ? { kubeVersion: input.kubeVersion } : {});
  const result = evaluate(snapshot, settings);
  // Open findings only: excepted ones and those expected for a platform component are counted apart.
  const findings: TYamlFinding[] = result.findings
    .filter((f) => !f.exception && !f.baseline)
    .map((f) => {
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
    file,
    objectCount: result.objectCount,
    score: result.score,
    counts: result.counts,
    findings,
    errors: parsed.errors.map((e) => ({ line: e.line, message: e.message })),
    notEvaluated: result.rules.filter((r) => r.status === "not-evaluated").length + notEvaluated.length,
    excepted: result.findings.filter((f) => f.exception).length,
    expected: result.expected,
    profile: result.profile,
    risks: (result.risks ?? []).filter((r) => !r.exception && !r.baseline).map((r) => ({ id: r.id, type: r.type, title: r.title, severity: r.severity, score: r.score, steps: r.steps.map((s) => s.text) })),
  };
});
