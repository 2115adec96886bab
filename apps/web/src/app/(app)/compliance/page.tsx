import { ComingSoon } from "@/modules/shell/components/coming-soon";

export const metadata = { title: "Compliance" };

export default function Page() {
  return (
    <ComingSoon
      title="Compliance"
      summary="How each cluster measures against CIS Kubernetes Benchmark, NSA/CISA hardening guidance and Pod Security Standards."
      bullets={[
        "Show pass, fail and not-evaluated controls per framework and cluster (not-evaluated is never counted as a pass)",
        "Drill from a control into the rules and findings that decide it",
        "Export a framework report for auditors",
      ]}
    />
  );
}
