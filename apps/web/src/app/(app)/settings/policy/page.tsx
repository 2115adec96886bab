import { ComingSoon } from "@/modules/shell/components/coming-soon";

export const metadata = { title: "Policy" };

export default function Page() {
  return (
    <ComingSoon
      title="Policy"
      summary="Tune the rules to your organization: every rule's severity is a default."
      bullets={["Override a rule's severity or disable it", "Create exceptions scoped to a cluster, namespace, kind or label, with an expiry and a justification", "Set parameters such as allowed image registries", "Write custom rules in CEL"]}
    />
  );
}
