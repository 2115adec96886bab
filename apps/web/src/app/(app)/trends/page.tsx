import { ComingSoon } from "@/modules/shell/components/coming-soon";

export const metadata = { title: "Trends" };

export default function Page() {
  return (
    <ComingSoon
      title="Trends"
      summary="How posture changes over time, from the per-scan summaries Bulwark already stores."
      bullets={["Score per cluster over 7, 30 and 90 days", "New versus fixed findings per week, by severity", "Mean time to remediate critical and high findings"]}
    />
  );
}
