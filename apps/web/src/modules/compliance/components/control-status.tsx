// Control status, always with its text label (never colour alone): passed (green), failed (red),
// not evaluated (grey, hatched), not applicable (muted), manual controls outlined: attested (solid
// green outline) or pending (dashed amber outline).
import { CONTROL_STATUS_LABELS, CONTROL_STATUS_SUMMARY_KEY, type ControlStatus, type FrameworkSummary } from "@bulwark/rules";
import { cn } from "@/modules/ui/cn";

export const CONTROL_STATUS_STYLE: Record<ControlStatus, { badge: string; bar: string }> = {
  passed: { badge: "bg-green-50 text-green-800 ring-1 ring-inset ring-green-600/25", bar: "bg-green-600" },
  failed: { badge: "bg-red-50 text-red-700 ring-1 ring-inset ring-red-600/25", bar: "bg-red-600" },
  "not-evaluated": { badge: "hatched bg-zinc-50 text-zinc-800 ring-1 ring-inset ring-zinc-300", bar: "hatched bg-zinc-200" },
  "not-applicable": { badge: "bg-zinc-100 text-zinc-600 ring-1 ring-inset ring-zinc-200", bar: "bg-zinc-300" },
  attested: { badge: "bg-white text-green-800 border border-green-700/60", bar: "border border-green-700 bg-green-100" },
  pending: { badge: "bg-white text-amber-800 border border-dashed border-amber-600", bar: "border border-dashed border-amber-600 bg-white" },
};

/** The order statuses are counted and drawn in, worst news first after passed. */
export const STATUS_ORDER: readonly ControlStatus[] = ["passed", "failed", "attested", "pending", "not-evaluated", "not-applicable"];

export type TStatusSummary = FrameworkSummary;

export function ControlStatusBadge({ status, className }: { status: ControlStatus; className?: string }) {
  return (
    <span className={cn("inline-flex whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium", CONTROL_STATUS_STYLE[status].badge, className)}>
      {CONTROL_STATUS_LABELS[status]}
    </span>
  );
}

/** A stacked bar of control outcomes; the numbers beside it carry the meaning for screen readers. */
export function ControlBar({ summary }: { summary: TStatusSummary }) {
  const total = STATUS_ORDER.reduce((n, s) => n + summary[CONTROL_STATUS_SUMMARY_KEY[s]], 0) || 1;
  return (
    <div aria-hidden className="flex h-2 w-full gap-px overflow-hidden rounded-full bg-zinc-100">
      {STATUS_ORDER.map((s) => {
        const n = summary[CONTROL_STATUS_SUMMARY_KEY[s]];
        return n > 0 ? <div key={s} className={CONTROL_STATUS_STYLE[s].bar} style={{ width: `${(100 * n) / total}%` }} /> : null;
      })}
    </div>
  );
}

/** "12 passed · 3 failed · 1 attested …": only the statuses present, each in its colour and words. */
export function StatusCounts({ summary, className }: { summary: TStatusSummary; className?: string }) {
  const text: Record<ControlStatus, string> = {
    passed: "text-green-800",
    failed: "text-red-700",
    attested: "text-green-800",
    pending: "text-amber-800",
    "not-evaluated": "text-zinc-600",
    "not-applicable": "text-zinc-500",
  };
  return (
    <span className={cn("flex flex-wrap gap-x-3 gap-y-0.5 text-xs tabular-nums", className)}>
      {STATUS_ORDER.filter((s) => summary[CONTROL_STATUS_SUMMARY_KEY[s]] > 0).map((s) => (
        <span key={s} className={text[s]}>
          {summary[CONTROL_STATUS_SUMMARY_KEY[s]]} {CONTROL_STATUS_LABELS[s].toLowerCase()}
        </span>
      ))}
    </span>
  );
}
