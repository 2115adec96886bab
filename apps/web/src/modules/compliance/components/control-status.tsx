// Control status: passed (green), failed (red), not evaluated (grey, hatched), manual (outlined).
import { cn } from "@/modules/ui/cn";

const STYLE = {
  passed: { label: "Passed", cls: "bg-green-50 text-green-700 ring-1 ring-inset ring-green-600/25" },
  failed: { label: "Failed", cls: "bg-red-50 text-red-700 ring-1 ring-inset ring-red-600/25" },
  "not-evaluated": { label: "Not evaluated", cls: "hatched bg-zinc-50 text-zinc-800 ring-1 ring-inset ring-zinc-300" },
  manual: { label: "Manual", cls: "bg-white text-zinc-700 border border-dashed border-zinc-400" },
} as const;

export type TControlStatus = keyof typeof STYLE;

export function ControlStatusBadge({ status }: { status: TControlStatus }) {
  const s = STYLE[status];
  return <span className={cn("inline-flex whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium", s.cls)}>{s.label}</span>;
}

/** A stacked bar of control outcomes; the numbers beside it carry the meaning for screen readers. */
export function ControlBar({ summary }: { summary: { passed: number; failed: number; notEvaluated: number; manual: number } }) {
  const total = summary.passed + summary.failed + summary.notEvaluated + summary.manual || 1;
  const seg = (n: number, cls: string) => (n > 0 ? <div className={cls} style={{ width: `${(100 * n) / total}%` }} /> : null);
  return (
    <div aria-hidden className="flex h-2 w-full overflow-hidden rounded-full bg-zinc-100">
      {seg(summary.passed, "bg-green-600")}
      {seg(summary.failed, "bg-red-600")}
      {seg(summary.notEvaluated, "hatched bg-zinc-200")}
      {seg(summary.manual, "border border-dashed border-zinc-400 bg-white")}
    </div>
  );
}
