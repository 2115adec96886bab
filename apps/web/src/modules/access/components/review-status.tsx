// An access review's status and progress, as the list and the review page show them: the status
// in words (colour only alongside), and a bar of decided items with the counts spelled out.
import type { TAccessReviewCounts, TAccessReviewSummary } from "@bulwark/db";
import { cn } from "@/modules/ui/cn";

const chip = "inline-flex items-center whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset";

export function ReviewStatusBadge({ review }: { review: Pick<TAccessReviewSummary, "status" | "signingOff" | "dueAt"> }) {
  if (review.status === "signed-off") return <span className={cn(chip, "bg-green-50 text-green-800 ring-green-600/25")}>Signed off</span>;
  if (review.status === "cancelled") return <span className={cn(chip, "bg-zinc-50 text-zinc-600 ring-zinc-200")}>Cancelled</span>;
  if (review.signingOff) return <span className={cn(chip, "bg-indigo-50 text-indigo-700 ring-indigo-600/20")}>Signing off…</span>;
  if (review.dueAt && new Date(review.dueAt).getTime() < Date.now()) return <span className={cn(chip, "bg-red-50 text-red-700 ring-red-600/20")}>Open · overdue</span>;
  return <span className={cn(chip, "bg-amber-50 text-amber-800 ring-amber-600/25")}>Open</span>;
}

export function ReviewProgress({ counts, className }: { counts: TAccessReviewCounts; className?: string }) {
  const decided = counts.total - counts.pending;
  const pct = counts.total ? Math.round((decided / counts.total) * 100) : 100;
  return (
    <div className={cn("min-w-36", className)}>
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="font-medium tabular-nums text-zinc-900">
          {decided} of {counts.total} decided
        </span>
        <span className="tabular-nums text-zinc-500">
          {counts.keep} keep · <span className={counts.revoke ? "font-medium text-red-700" : undefined}>{counts.revoke} revoke</span>
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Items decided"
        aria-valuemin={0}
        aria-valuemax={counts.total}
        aria-valuenow={decided}
        className="mt-1 flex h-1.5 overflow-hidden rounded-full bg-zinc-100"
      >
        {counts.total > 0 && (
          <>
            <span className="bg-green-600" style={{ width: `${(counts.keep / counts.total) * 100}%` }} />
            <span className="bg-red-600" style={{ width: `${(counts.revoke / counts.total) * 100}%` }} />
          </>
        )}
        {counts.total === 0 && <span className="w-full bg-green-600" />}
      </div>
      <span className="sr-only">{pct}% decided</span>
    </div>
  );
}
