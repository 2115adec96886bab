// How a due date reads in the queue: overdue items stand out (red), soon-due ones are amber.
export type TDueTone = "overdue" | "soon" | "later" | "none";

export function dueLabel(dueAt: Date | string | null | undefined, now: Date = new Date()): { label: string; tone: TDueTone; title: string } {
  if (!dueAt) return { label: "No due date", tone: "none", title: "The SLA policy sets no due date for this severity" };
  const d = typeof dueAt === "string" ? new Date(dueAt) : dueAt;
  const days = (d.getTime() - now.getTime()) / 86_400_000;
  const title = `Due ${d.toISOString().slice(0, 10)}`;
  if (days < 0) {
    const late = Math.max(1, Math.floor(-days));
    return { label: `Overdue ${late} d`, tone: "overdue", title };
  }
  if (days < 1) return { label: "Due today", tone: "soon", title };
  const left = Math.floor(days);
  return { label: `Due in ${left} d`, tone: left <= 7 ? "soon" : "later", title };
}

export const DUE_TONE_CLASS: Record<TDueTone, string> = {
  overdue: "bg-red-50 text-red-700 ring-1 ring-inset ring-red-700/30 font-semibold",
  soon: "bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-500/30",
  later: "text-zinc-600",
  none: "text-zinc-500",
};

/** Statuses an SLA runs for: open work. Resolved and excepted findings have no due date to show. */
const SLA_STATUSES = new Set(["open", "reopened", "in_progress"]);

/** The due label of a finding or risk, or null when it is not open work (no SLA badge). */
export function workDue(status: string, dueAt: Date | string | null | undefined, now: Date = new Date()) {
  return SLA_STATUSES.has(status) ? dueLabel(dueAt, now) : null;
}
