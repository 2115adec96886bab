import { isoMinute, relativeTime } from "../format";

/** Relative time with the exact UTC time in a tooltip and the datetime attribute. */
export function Time({ date, fallback = "never" }: { date: Date | string | null | undefined; fallback?: string }) {
  if (!date) return <span className="text-zinc-500">{fallback}</span>;
  const d = typeof date === "string" ? new Date(date) : date;
  return (
    <time dateTime={d.toISOString()} title={isoMinute(d)} className="whitespace-nowrap">
      {relativeTime(d)}
    </time>
  );
}
