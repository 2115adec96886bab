import { ComingSoon } from "@/modules/shell/components/coming-soon";

export const metadata = { title: "Reports" };

export default function Page() {
  return (
    <ComingSoon
      title="Reports"
      summary="Shareable snapshots of posture for leadership and auditors."
      bullets={["Export findings as CSV, JSON and SARIF", "Scheduled PDF summaries per cluster or organization", "Evidence packs for a chosen framework"]}
    />
  );
}
