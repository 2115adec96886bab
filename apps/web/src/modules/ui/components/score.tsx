import { cn } from "../cn";
import { scoreTone } from "../severity";

export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return "—";
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** A score with its tone; never colour alone: the number is always there. */
export function Score({ score, className }: { score: number | null | undefined; className?: string }) {
  return <span className={cn("font-semibold tabular-nums", scoreTone(score), className)}>{formatScore(score)}</span>;
}

/** A thin bar under a score (0..100); decorative, the number carries the meaning. */
export function ScoreBar({ score }: { score: number | null | undefined }) {
  const pct = score === null || score === undefined ? 0 : Math.max(0, Math.min(100, score));
  const tone = score === null || score === undefined ? "bg-zinc-200" : score >= 90 ? "bg-green-600" : score >= 75 ? "bg-lime-600" : score >= 50 ? "bg-amber-500" : "bg-red-600";
  return (
    <div aria-hidden className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-100">
      <div className={cn("h-full rounded-full", tone)} style={{ width: `${pct}%` }} />
    </div>
  );
}

export function AboutScore() {
  return (
    <details className="group text-xs text-zinc-500">
      <summary className="cursor-pointer list-none text-indigo-700 underline-offset-4 hover:underline [&::-webkit-details-marker]:hidden">
        About this score
      </summary>
      <div className="mt-2 space-y-1.5 rounded-md bg-zinc-50 p-3 leading-relaxed text-zinc-600 ring-1 ring-zinc-200">
        <p>
          Risk-driven: 100 means nothing is open. Each open attack path (risk) and each open critical finding costs points
          whole; high, medium and low findings cost per workload, so a fleet of default pods scores like one default pod.
          Score = 100 / (1 + penalties), one decimal.
        </p>
        <p>
          Excepted findings and findings expected for platform components (control plane, kube-proxy, CNI) cost nothing.
          A cluster&apos;s page lists what costs the most; the organization score is the average of its clusters&apos; latest scores.
        </p>
      </div>
    </details>
  );
}

/** A risk's score (0..100, higher is worse: the opposite of a posture score), with its tone. */
export function RiskScore({ score, className }: { score: number; className?: string }) {
  const tone = score >= 80 ? "text-red-700" : score >= 60 ? "text-orange-700" : score >= 40 ? "text-amber-700" : "text-sky-700";
  return <span className={cn("font-semibold tabular-nums", tone, className)} title="Risk score: 0 to 100, higher is worse">{formatScore(score)}</span>;
}
