import { describe, expect, it } from "vitest";
import { ZCustomRuleForm, ZPolicyUpdate, ZTryCustomRule } from "./policy.schemas";

describe("policy schemas", () => {
  it("reads registries one per line or comma separated, and refuses what is not a registry", () => {
    const p = ZPolicyUpdate.parse({ severityOverrides: { "privileged-container": "critical" }, disabledRules: [], allowedRegistries: "ghcr.io/acme\n registry.internal:5000 , ghcr.io/acme", blockedRegistries: "" });
    expect(p.allowedRegistries).toEqual(["ghcr.io/acme", "registry.internal:5000"]);
    expect(p.blockedRegistries).toEqual([]);
    const bad = ZPolicyUpdate.safeParse({ severityOverrides: {}, disabledRules: [], allowedRegistries: "https://ghcr.io", blockedRegistries: "" });
    expect(bad.error?.issues[0]?.path).toEqual(["allowedRegistries"]);
    expect(ZPolicyUpdate.safeParse({ severityOverrides: { x: "urgent" }, disabledRules: [], allowedRegistries: "", blockedRegistries: "" }).success).toBe(false);
  });

  it("a custom rule needs a custom- id, kinds and the texts", () => {
    const ok = ZCustomRuleForm.parse({ ruleId: "custom-min-replicas", title: "Two replicas", severity: "medium", kinds: "Deployment, StatefulSet Deployment", expression: "object.spec.replicas < 2", message: "{{name}} runs one", remediation: "Scale it." });
    expect(ok.kinds).toEqual(["Deployment", "StatefulSet"]);
    const errs = (v: object) => ZCustomRuleForm.safeParse({ ...ok, kinds: "Deployment", ...v }).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(errs({ ruleId: "min-replicas" })).toEqual(["ruleId"]);
    expect(errs({ kinds: "" })).toEqual(["kinds"]);
    expect(errs({ kinds: "deployment" })).toEqual(["kinds"]);
    expect(errs({ expression: "" })).toEqual(["expression"]);
    expect(errs({ kinds: "*" })).toEqual([]);
  });

  it("trying needs only the expression, kinds and YAML", () => {
    expect(ZTryCustomRule.safeParse({ expression: "true", kinds: "Pod", yaml: "kind: Pod" }).success).toBe(true);
    expect(ZTryCustomRule.safeParse({ expression: "true", kinds: "Pod", yaml: "" }).error?.issues[0]?.path).toEqual(["yaml"]);
  });
});
