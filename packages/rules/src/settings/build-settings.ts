// The engine settings of an organization, built in one place for every caller: the worker's cluster
// scans, the web's "scan YAML" and the CLI. Pure: the caller loads the policy, the approved
// exceptions and the custom rule definitions; this turns them into EngineSettings. A custom rule
// that does not compile never stops a scan: it is reported as not evaluated, with the reason.
import { compileCustomRule, type CustomRuleDef } from "../custom/compile-custom-rule";
import type { BaselineSettings, EngineSettings, Exception, Profile, Rule, RuleParams, RuleStatus, Severity } from "../types";
import type { CveException } from "../vulns/types";

/** The organization's policy as the engine needs it (what Organization.policy stores, read tolerantly). */
export interface PolicySettings {
  severityOverrides?: Readonly<Record<string, Severity>>;
  disabledRules?: readonly string[];
  params?: RuleParams;
  profile?: Profile;
  baseline?: BaselineSettings;
}

export interface BuildEngineSettingsInput {
  policy: PolicySettings;
  /** Approved, unexpired exceptions that apply to this evaluation. */
  exceptions?: readonly Exception[];
  /** Enabled custom rules, compiled here (compileCustomRule). */
  customRules?: readonly CustomRuleDef[];
  /** Active CVE exceptions (not revoked, unexpired, scoped to this cluster or every one): RuleParams.cveExceptions. */
  cveExceptions?: readonly CveException[];
  /** Cluster name, for exception scopes. */
  clusterName?: string;
  /** For exception expiry; default: the engine's own clock. */
  now?: Date | string;
  /** Overrides the policy's profile (e.g. the CLI's --profile). */
  profile?: Profile;
}

export interface BuiltEngineSettings {
  settings: EngineSettings;
  /** Custom rules that could not be compiled: add them to the result's rule statuses. */
  notEvaluated: RuleStatus[];
}

function compileAll(defs: readonly CustomRuleDef[]): { rules: Rule[]; notEvaluated: RuleStatus[] } {
  const rules: Rule[] = [];
  const notEvaluated: RuleStatus[] = [];
  for (const def of defs) {
    let res: ReturnType<typeof compileCustomRule>;
    try {
      res = compileCustomRule(def);
    } catch (e) {
      res = { ok: false, errors: [{ message: e instanceof Error ? e.message : String(e) }] };
    }
    if (res.ok) rules.push(res.rule);
    else {
      const why = res.errors.map((e) => (e.line ? `${e.line}:${e.column} ${e.message}` : e.message)).join("; ");
      notEvaluated.push({ id: def.id, status: "not-evaluated", reason: `custom rule does not compile: ${why}`, findings: 0 });
    }
  }
  return { rules, notEvaluated };
}

function baselineOf(b: BaselineSettings | undefined): BaselineSettings | undefined {
  if (!b) return undefined;
  return { enabled: b.enabled !== false, ...(b.entries ? { entries: b.entries.map((e) => ({ ...e })) } : {}) };
}

/** EngineSettings from an organization's policy, exceptions and custom rules; empty parts are left out. */
export function buildEngineSettings(input: BuildEngineSettingsInput): BuiltEngineSettings {
  const p = input.policy;
  const overrides = p.severityOverrides && Object.keys(p.severityOverrides).length ? { ...p.severityOverrides } : undefined;
  const disabled = p.disabledRules?.length ? [...new Set(p.disabledRules)] : undefined;
  const cve = input.cveExceptions?.length ? { cveExceptions: input.cveExceptions.map((e) => ({ ...e })) } : {};
  const params = (p.params && Object.keys(p.params).length) || cve.cveExceptions ? { ...p.params, ...cve } : undefined;
  const profile = input.profile ?? p.profile;
  const baseline = baselineOf(p.baseline);
  const { rules, notEvaluated } = compileAll(input.customRules ?? []);
  const now = input.now instanceof Date ? input.now.toISOString() : input.now;
  const settings: EngineSettings = {
    ...(overrides ? { severityOverrides: overrides } : {}),
    ...(disabled ? { disabledRules: disabled } : {}),
    ...(params ? { params } : {}),
    ...(profile ? { profile } : {}),
    ...(baseline ? { baseline } : {}),
    ...(input.exceptions ? { exceptions: [...input.exceptions] } : {}),
    ...(rules.length ? { extraRules: rules } : {}),
    ...(input.clusterName !== undefined ? { clusterName: input.clusterName } : {}),
    ...(now ? { now } : {}),
  };
  return { settings, notEvaluated };
}
