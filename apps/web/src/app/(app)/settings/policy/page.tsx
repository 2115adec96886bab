import { stringify } from "yaml";
import { getChangeRetention, getPolicy, getSlaPolicy, readPolicy } from "@bulwark/db";
import { BUILTIN_BASELINE, builtinRules, type BaselineEntry } from "@bulwark/rules";
import { can } from "@/modules/auth/permissions";
import { RetentionForm } from "@/modules/changes/components/retention-form";
import { requirePageContext } from "@/modules/auth/server/session";
import { CustomRules, type TCustomRuleView } from "@/modules/policy/components/custom-rules";
import { PolicyForm, type TRuleRow } from "@/modules/policy/components/policy-form";
import { ProfileBaseline, type TBaselineEntryView } from "@/modules/policy/components/profile-baseline";
import { SlaPolicyForm } from "@/modules/queue/components/sla-policy-form";
import { Callout, PageHeader, Section } from "@/modules/ui/components/layout";
import type { TSeverity } from "@/modules/ui/severity";

export const metadata = { title: "Policy" };
export const dynamic = "force-dynamic";

const PARAMS: Record<string, string> = { "image-registry-not-allowed": "allowed registries", "image-registry-blocked": "blocked registries" };

export default async function PolicyPage() {
  const ctx = await requirePageContext();
  const canEdit = can(ctx.role, "settings:manage");
  const [p, sla, retention] = await Promise.all([getPolicy({ orgId: ctx.orgId }), getSlaPolicy({ orgId: ctx.orgId }), getChangeRetention({ orgId: ctx.orgId })]);
  const policy = p?.policy ?? readPolicy(null);
  const custom = p?.customRules ?? [];
  const rules: TRuleRow[] = [
    ...[...builtinRules]
      .sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title))
      .map((r) => ({ id: r.id, title: r.title, category: r.category, severity: r.severity as TSeverity, ...(PARAMS[r.id] ? { param: PARAMS[r.id] } : {}), ...(r.profile === "strict" ? { strict: true } : {}) })),
    ...custom.map((c) => ({ id: c.ruleId, title: c.title, category: "custom", severity: c.severity as TSeverity, custom: true })),
  ];
  const entries: readonly BaselineEntry[] = policy.baseline.entries ?? BUILTIN_BASELINE;
  const entryViews: TBaselineEntryView[] = entries.map((e) => ({
    id: e.id, title: e.title, reason: e.reason, namespaces: [...e.namespaces], kinds: [...e.kinds], names: [...e.names], images: [...e.images],
    ...(e.owners?.length ? { owners: [...e.owners] } : {}),
  }));
  const customView: TCustomRuleView[] = custom.map((c) => ({
    id: c.id, ruleId: c.ruleId, title: c.title, severity: c.severity as TSeverity, kinds: c.kinds, expression: c.expression,
    message: c.message, remediation: c.remediation, path: c.path, enabled: c.enabled, updatedAt: c.updatedAt.toISOString(),
  }));

  return (
    <>
      <PageHeader
        title="Policy"
        description="What counts as a finding in this organization: the profile, the platform baseline, severity overrides, disabled rules, rule parameters, due dates and your own rules. Changes apply from the next scan of each cluster and are recorded in the audit log."
      />
      <div className="space-y-6">
        {!canEdit && <Callout tone="info">You can read the policy; admins change it.</Callout>}
        <ProfileBaseline
          canEdit={canEdit}
          view={{
            profile: policy.profile,
            baselineEnabled: policy.baseline.enabled,
            source: policy.baseline.entries ? "own" : "built-in",
            entries: entryViews,
            entriesYaml: stringify(entries.map((e) => ({ ...e }))),
          }}
        />
        <PolicyForm
          rules={rules}
          canEdit={canEdit}
          policy={{
            severityOverrides: policy.severityOverrides as Record<string, TSeverity>,
            disabledRules: policy.disabledRules,
            allowedRegistries: policy.params.allowedRegistries ?? [],
            blockedRegistries: policy.params.blockedRegistries ?? [],
          }}
        />
        <Section title="Due dates (SLA)" id="sla">
          <SlaPolicyForm policy={sla} canEdit={canEdit} />
        </Section>
        <CustomRules rules={customView} canEdit={canEdit} />
        <Section title="Change history" id="change-history" description="What continuous scanning records per cluster: objects added, modified (changed field paths, never values) or deleted, and who made the change.">
          <RetentionForm days={retention} canEdit={canEdit} />
        </Section>
      </div>
    </>
  );
}
