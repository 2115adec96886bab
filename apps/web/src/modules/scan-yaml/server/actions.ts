"use server";
// Judges pasted manifests with the same rules as cluster scans, inside the request: the engine is
// pure (no cluster, nothing executed), and nothing is stored.
import { getOrganization } from "@bulwark/db";
import { evaluate, getRule, parseManifests, snapshotFromManifests, type EngineSettings, type Severity } from "@bulwark/rules";
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

function policySettings(policy: unknown): EngineSettings {
  if (!policy || typeof policy !== "object") return {};
  const p = policy as Record<string, unknown>;
  const settings: EngineSettings = {};
  if (p.severityOverrides && typeof p.severityOverrides === "object") settings.severityOverrides = p.severityOverrides as Record<string, Severity>;
  if (Array.isArray(p.disabledRules)) settings.disabledRules = p.disabledRules.filter((x): x is string => typeof x === "string");
  if (p.params && typeof p.params === "object") settings.params = p.params as EngineSettings["params"];
  return settings;
}

export const scanYamlAction = withOrg({ schema: ZScanYaml, permission: "org:read" }, async (input, ctx) => {
  const file = input.fileName || "manifest.yaml";
  const parsed = parseManifests(input.yaml, file);
  const org = await getOrganization({ orgId: ctx.orgId });
  const snapshot = snapshotFromManifests(parsed.objects, parsed.locations, input.kubeVersion ? { kubeVersion: input.kubeVersion } : {});
  const result = evaluate(snapshot, policySettings(org?.policy));
  const findings: TYamlFinding[] = result.findings
    .filter((f) => !f.exception)
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
    notEvaluated: result.rules.filter((r) => r.status === "not-evaluated").length,
  };
});
