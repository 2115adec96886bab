// Status of an exception, always with its text label; the expiry shown with its urgency.
import { cn } from "@/modules/ui/cn";

const STYLE: Record<string, { label: string; badge: string }> = {
  requested: { label: "Pending", badge: "bg-amber-50 text-amber-800 ring-amber-500/30" },
  approved: { label: "Active", badge: "bg-violet-50 text-violet-700 ring-violet-600/25" },
  rejected: { label: "Rejected", badge: "bg-zinc-50 text-zinc-600 ring-zinc-300" },
  revoked: { label: "Revoked", badge: "bg-zinc-50 text-zinc-600 ring-zinc-300" },
  expired: { label: "Expired", badge: "bg-zinc-50 text-zinc-600 ring-zinc-300" },
};

export function ExceptionStatusBadge({ status }: { status: string }) {
  const s = STYLE[status] ?? { label: status, badge: "bg-zinc-50 text-zinc-600 ring-zinc-300" };
  return <span className={cn("inline-flex items-center whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", s.badge)}>{s.label}</span>;
}

/** "2027-02-21 · in 90 days", amber within a week, red when past. */
export function Expiry({ date, status, now = new Date() }: { date: string; status: string; now?: Date }) {
  const d = new Date(date);
  const days = Math.ceil((d.getTime() - now.getTime()) / 86_400_000);
  const live = status === "approved" || status === "requested";
  const tone = !live ? "text-zinc-500" : days <= 0 ? "text-red-700" : days <= 7 ? "text-amber-700" : "text-zinc-500";
  const rel = days <= 0 ? (live ? "passed" : "") : days === 1 ? "in 1 day" : `in ${days} days`;
  return (
    <span className="whitespace-nowrap">
      <time dateTime={d.toISOString()} className="tabular-nums text-zinc-800">{d.toISOString().slice(0, 10)}</time>
      {rel && live && <span className={cn("block text-xs sm:ml-1.5 sm:inline", tone)}>{rel}</span>}
    </span>
  );
}
