// "Try before saving": run a custom rule definition against sample manifests.
import { buildIndex } from "../engine/snapshot-index";
import { evaluate, objectRef } from "../engine/evaluate";
import { parseManifests, type ManifestError } from "../manifests/parse-manifests";
import { snapshotFromManifests } from "../manifests/snapshot";
import type { Finding, ObjectRef, RuleStatus } from "../types";
import { compileCustomRule, customRuleObjectErrors, type CustomRuleDef, type CustomRuleError } from "./compile-custom-rule";

export type TryResult =
  | { ok: false; errors: CustomRuleError[] }
  | {
      ok: true;
      findings: Finding[];
      status: RuleStatus;
      /** Objects the expression could not judge (missing field, type mismatch). */
      objectErrors: { object: ObjectRef; message: string }[];
      /** Problems in the sample text itself. */
      parseErrors: ManifestError[];
      objectCount: number;
    };

export function tryCustomRule(def: CustomRuleDef, yamlText: string, opts: { kubeVersion?: string } = {}): TryResult {
  const compiled = compileCustomRule(def);
  if (!compiled.ok) return compiled;
  const parsed = parseManifests(yamlText, "sample.yaml");
  const snapshot = snapshotFromManifests(parsed.objects, parsed.locations, opts);
  const result = evaluate(snapshot, { onlyRules: [def.id], extraRules: [compiled.rule] });
  const status = result.rules.find((r) => r.id === def.id) ?? { id: def.id, status: "not-evaluated", reason: "not run", findings: 0 };
  // The engine's context is internal; judging again on a fresh one costs one more pass over a sample.
  const ctx = { snapshot, index: buildIndex(snapshot), params: {} };
  const objectErrors = customRuleObjectErrors(compiled.rule, ctx).map((e) => ({ object: objectRef(e.object), message: e.message }));
  return { ok: true, findings: result.findings, status, objectErrors, parseErrors: parsed.errors, objectCount: snapshot.objects.length };
}
