// The generator alone (pure): object shapes, names, options, and that every CEL it writes compiles.
// Whether each policy judges like its rule is tested through kube-sim's evaluator
// (packages/kube-sim/src/admission-faithful.test.ts).
import { describe, expect, it } from "vitest";
import { getRule } from "../engine/evaluate";
import { compileAdmissionCel } from "./cel";
import { ADMISSION_POLICY_RULES, generateAdmissionPolicies } from "./generate";

describe("generateAdmissionPolicies", () => {
  it("emits a valid policy + binding pair for every expressible rule, and every expression compiles", () => {
    const set = generateAdmissionPolicies({ allowedRegistries: ["ghcr.io/acme"] });
    expect(set.ruleIds.sort()).toEqual([...ADMISSION_POLICY_RULES].sort());
    expect(set.ruleIds.length).toBeGreaterThanOrEqual(20);
    expect(set.objects.length).toBe(2 * set.ruleIds.length);
    for (let i = 0; i < set.objects.length; i += 2) {
      const [p, b] = [set.objects[i]!, set.objects[i + 1]!] as any[];
      expect(p.kind).toBe("ValidatingAdmissionPolicy");
      expect(b.kind).toBe("ValidatingAdmissionPolicyBinding");
      expect(b.spec.policyName).toBe(p.metadata.name);
      for (const n of [p.metadata.name, b.metadata.name]) expect(n).toMatch(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/);
      const ruleId = p.metadata.annotations["bulwark.io/rule-id"];
      expect(getRule(ruleId)?.id).toBe(ruleId);
      expect(p.spec.validations[0].message).toContain(`[${ruleId}] ${getRule(ruleId)!.title}: `);
      for (const x of [...p.spec.validations, ...(p.spec.variables ?? []), ...(p.spec.matchConditions ?? [])]) {
        for (const f of ["expression", "messageExpression"]) {
          if (x[f] === undefined) continue;
          const c = compileAdmissionCel(x[f]);
          expect(c.ok, `${p.metadata.name} ${f}: ${c.ok ? "" : c.error}`).toBe(true);
        }
      }
    }
  });

  it("says why a rule asked for is not emitted", () => {
    const set = generateAdmissionPolicies({ ruleIds: ["sa-token-automount", "rbac-wildcard-rules", "image-registry-not-allowed", "no-such-rule", "host-pid"] });
    expect(set.ruleIds).toEqual(["host-pid"]);
    expect(Object.fromEntries(set.skipped.map((s) => [s.ruleId, s.reason]))).toEqual({
      "sa-token-automount": expect.stringContaining("ServiceAccount"),
      "rbac-wildcard-rules": expect.stringContaining("not expressible"),
      "image-registry-not-allowed": expect.stringContaining("allowedRegistries"),
      "no-such-rule": "no such rule",
    });
  });

  it("actions, namespaces, exceptions, prefix and custom rules", () => {
    const set = generateAdmissionPolicies({
      action: "audit",
      ruleIds: ["host-network", "custom-no-default-ns"],
      namespaces: ["shop"],
      excludeNamespaces: [],
      exceptions: [{ ruleId: "host-network", namespace: "ops", kind: "DaemonSet", name: "agent" }, { ruleId: "*", labelSelector: { "bulwark.io/exempt": "true" } }],
      customRules: [{ id: "custom-no-default-ns", title: "No default namespace", severity: "low", kinds: ["Deployment", "Widget"], expression: "object.metadata.namespace == 'default'", message: "x", remediation: "Use a team namespace." }],
      prefix: "acme-",
    });
    const [hp, hpb, cp] = set.objects as any[];
    expect(hp.metadata.name).toBe("acme-host-network");
    expect(hpb.spec).toEqual({ policyName: "acme-host-network", validationActions: ["Audit"], matchResources: { namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["shop"] }] } } });
    expect(hp.spec.matchConditions).toEqual([
      {
        name: "bulwark-exceptions",
        expression:
          "!((request.namespace == 'ops' && request.kind.kind == 'DaemonSet' && request.name == 'agent') || ((object != null && has(object.metadata.labels) && 'bulwark.io/exempt' in object.metadata.labels && object.metadata.labels['bulwark.io/exempt'] == 'true')))",
      },
    ]);
    expect(cp.spec.failurePolicy).toBe("Ignore");
    expect(cp.spec.matchConstraints.resourceRules).toEqual([
      { apiGroups: ["apps"], apiVersions: ["*"], resources: ["deployments"], operations: ["CREATE", "UPDATE"] },
      { apiGroups: ["*"], apiVersions: ["*"], resources: ["widgets"], operations: ["CREATE", "UPDATE"] },
    ]);
    expect(cp.spec.validations[0]).toEqual({ expression: "!(object.metadata.namespace == 'default')", message: "[custom-no-default-ns] No default namespace: Use a team namespace." });
    expect(generateAdmissionPolicies({ ruleIds: ["host-pid"], action: "warn" }).objects[1]!.spec).toMatchObject({ validationActions: ["Warn", "Audit"] });
  });

  it("rejects bad options clearly", () => {
    expect(() => generateAdmissionPolicies({ action: "block" as never })).toThrow(/action must be deny, warn or audit/);
    expect(() => generateAdmissionPolicies({ prefix: "Bad_" })).toThrow(/prefix/);
    expect(() => generateAdmissionPolicies({ namespaces: ["No Spaces"] })).toThrow(/not a valid namespace name/);
    expect(() => generateAdmissionPolicies({ exceptions: [{ ruleId: "" }] })).toThrow(/ruleId/);
  });
});
