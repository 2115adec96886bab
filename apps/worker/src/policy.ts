// The engine settings for one scan: the organization's policy (severity overrides, disabled rules,
// rule parameters), its approved and unexpired exceptions, and its enabled custom rules. Nothing
// here may stop a scan: a malformed policy falls back to defaults, and a custom rule that does not
// compile is reported as not evaluated with the reason.
import { customRuleDef, listActiveExceptions, listCustomRules, readPolicy, labelSelectorOf, type RiskException } from "@bulwark/db";
import { compileCustomRule, type EngineSettings, type Exception, type Rule, type RuleStatus } from "@bulwark/rules";

export function policyToSettings(policy: unknown, clusterName: string): EngineSettings {
  const p = readPolicy(policy);
  return {
    ...(Object.keys(p.severityOverrides).length ? { severityOverrides: p.severityOverrides } : {}),
    ...(p.disabledRules.length ? { disabledRules: p.disabledRules } : {}),
    ...(Object.keys(p.params).length ? { params: p.params } : {}),
    clusterName,
  };
}

/** A stored exception as the engine matches it; the cluster scope is settled by the query (by id). */
export function toEngineException(ex: RiskException): Exception {
  const sel = labelSelectorOf(ex.labelSelector);
  return {
    id: ex.id,
    ruleId: ex.ruleId,
    ...(ex.namespace !== null ? { namespace: ex.namespace } : {}),
    ...(ex.kind ? { kind: ex.kind } : {}),
    ...(ex.name ? { name: ex.name } : {}),
    ...(sel ? { labelSelector: sel } : {}),
    justification: ex.justification,
    expiresAt: ex.expiresAt.toISOString(),
  };
}

export interface TScanSettings {
  settings: EngineSettings;
  /** Custom rules that could not be compiled: add to the result's rule statuses. */
  notEvaluated: RuleStatus[];
}

export async function scanSettings(input: { orgId: string; clusterId: string; clusterName: string; policy: unknown; now?: Date }): Promise<TScanSettings> {
  const now = input.now ?? new Date();
  const [exceptions, custom] = await Promise.all([
    listActiveExceptions({ orgId: input.orgId, clusterId: input.clusterId, now }),
    listCustomRules({ orgId: input.orgId, enabledOnly: true }),
  ]);
  const extraRules: Rule[] = [];
  const notEvaluated: RuleStatus[] = [];
  for (const c of custom) {
    let res: ReturnType<typeof compileCustomRule>;
    try {
      res = compileCustomRule(customRuleDef(c));
    } catch (e) {
      res = { ok: false, errors: [{ message: (e as Error).message }] };
    }
    if (res.ok) extraRules.push(res.rule);
    else notEvaluated.push({ id: c.ruleId, status: "not-evaluated", reason: `custom rule does not compile: ${res.errors.map((e) => (e.line ? `${e.line}:${e.column} ${e.message}` : e.message)).join("; ")}`, findings: 0 });
  }
  return {
    settings: {
      ...policyToSettings(input.policy, input.clusterName),
      exceptions: exceptions.map(toEngineException),
      ...(extraRules.length ? { extraRules } : {}),
      now: now.toISOString(),
    },
    notEvaluated,
  };
}
