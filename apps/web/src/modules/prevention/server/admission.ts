// The organization's ValidatingAdmissionPolicies: @bulwark/rules' generator fed with what the
// scans apply (the policy's allowed registries and disabled rules, the approved unexpired
// exceptions, the enabled custom rules), for the Prevention page's preview and the YAML download.
import { stringify } from "yaml";
import { getCluster, getEngineSettingsInput } from "@bulwark/db";
import { ADMISSION_POLICY_RULES, generateAdmissionPolicies, getRule, type AdmissionPolicyOptions } from "@bulwark/rules";
import { HttpError } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZAdmissionQuery, excludedNamespaces, type TAdmissionQuery } from "../prevention.schemas";

export interface TPolicyPreview {
  name: string;
  ruleId: string;
  title: string;
  custom: boolean;
}

export interface TAdmissionSet {
  yaml: string;
  policies: TPolicyPreview[];
  skipped: { ruleId: string; reason: string }[];
  action: TAdmissionQuery["action"];
  exclude: string[];
  exceptions: { included: number; notExpressible: number };
  customRules: number;
  allowedRegistries: string[];
}

const RULE_ANNOTATIONS = ["bulwark.io/rule-id"];

function ruleIdOf(obj: Record<string, unknown>, known: readonly string[]): string | null {
  const meta = (obj.metadata ?? {}) as { name?: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  for (const key of RULE_ANNOTATIONS) {
    const v = meta.annotations?.[key] ?? meta.labels?.[key];
    if (v) return v;
  }
  // Otherwise by name: "<prefix><rule id>", the longest rule id that ends the name.
  const name = meta.name ?? "";
  return [...known].sort((a, b) => b.length - a.length).find((id) => name.endsWith(id)) ?? null;
}

export async function buildAdmissionSet(orgId: string, q: TAdmissionQuery, now = new Date()): Promise<TAdmissionSet> {
  if (q.cluster && !(await getCluster({ orgId, clusterId: q.cluster }))) throw new HttpError(404, "No such cluster", "not_found");
  const input = await getEngineSettingsInput({ orgId, ...(q.cluster ? { clusterId: q.cluster } : {}), now });
  if (!input) throw new HttpError(404, "No such organization", "not_found");
  // An exception with a label selector cannot be a match condition on name/kind/namespace alone;
  // leaving out its selector would let more through than the exception does, so it is not included.
  const expressible = input.exceptions.filter((e) => !e.labelSelector);
  const exceptions: NonNullable<AdmissionPolicyOptions["exceptions"]> = q.exceptions
    ? expressible.map((e) => ({ ruleId: e.ruleId, ...(e.namespace ? { namespace: e.namespace } : {}), ...(e.kind ? { kind: e.kind } : {}), ...(e.name ? { name: e.name } : {}) }))
    : [];
  const customRules = q.custom ? input.customRules : [];
  const disabled = new Set(input.policy.disabledRules ?? []);
  const allowedRegistries = input.policy.params?.allowedRegistries ?? [];
  const options: AdmissionPolicyOptions = {
    action: q.action,
    // The generator's list replaces its default one: the control plane's namespaces stay excluded.
    excludeNamespaces: excludedNamespaces(q.exclude),
    ...(allowedRegistries.length ? { allowedRegistries } : {}),
    ...(exceptions.length ? { exceptions } : {}),
    ...(customRules.length ? { customRules } : {}),
    // Rules the organization turned off are not enforced at admission either.
    ...(disabled.size ? { ruleIds: [...ADMISSION_POLICY_RULES.filter((id) => !disabled.has(id)), ...customRules.map((r) => r.id)] } : {}),
  };
  let set: ReturnType<typeof generateAdmissionPolicies>;
  try {
    set = generateAdmissionPolicies(options);
  } catch (err) {
    // The generator refuses options it cannot express (a namespace name, an exception without a rule).
    throw new HttpError(400, err instanceof Error ? err.message : String(err), "invalid_input");
  }
  const customIds = new Set(customRules.map((r) => r.id));
  const known = [...set.ruleIds, ...customIds];
  const policies: TPolicyPreview[] = set.objects
    .filter((o) => o.kind === "ValidatingAdmissionPolicy")
    .map((o) => {
      const ruleId = ruleIdOf(o as unknown as Record<string, unknown>, known) ?? o.metadata?.name ?? "";
      const custom = customIds.has(ruleId);
      const annotated = o.metadata?.annotations?.["bulwark.io/title"];
      const title = annotated ?? (custom ? customRules.find((r) => r.id === ruleId)?.title : getRule(ruleId)?.title) ?? ruleId;
      return { name: o.metadata?.name ?? ruleId, ruleId, title, custom };
    });
  const header = [
    "# Bulwark admission policies: ValidatingAdmissionPolicy + ValidatingAdmissionPolicyBinding",
    "# (admissionregistration.k8s.io/v1, Kubernetes 1.30 or later).",
    `# Generated ${now.toISOString()}; action ${q.action}; ${policies.length} policies.`,
    "# Apply: kubectl apply -f bulwark-admission-policies.yaml",
    "",
  ].join("\n");
  const yaml = header + set.objects.map((o) => `---\n${stringify(o, { lineWidth: 0 })}`).join("");
  return {
    yaml,
    policies,
    skipped: set.skipped,
    action: q.action,
    exclude: q.exclude,
    exceptions: { included: exceptions.length, notExpressible: q.exceptions ? input.exceptions.length - expressible.length : 0 },
    customRules: customRules.length,
    allowedRegistries,
  };
}

/** GET /api/admission-policies: the YAML file (every member who can read). */
export const admissionPoliciesOp = withOrg({ schema: ZAdmissionQuery, permission: "org:read" }, async (input, ctx) => buildAdmissionSet(ctx.orgId, input));
