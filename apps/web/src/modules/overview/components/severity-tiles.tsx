// Counts by severity, each a link into the Findings page pre-filtered (the All tab for findings,
// the Risks tab for risks).
import Link from "next/link";
import { cn } from "@/modules/ui/cn";
import { SEVERITY_ORDER, SEVERITY_STYLE, type TSeverity } from "@/modules/ui/severity";

export function SeverityTiles({
  counts, baseQuery = "", tab = "all", noun = "open findings", severities = SEVERITY_ORDER,
}: { counts: Record<TSeverity, number>; baseQuery?: string; tab?: "all" | "risks"; noun?: string; severities?: readonly TSeverity[] }) {
  return (
    <ul className={cn("grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-zinc-200 bg-zinc-200", severities.length === 5 ? "sm:grid-cols-5" : "sm:grid-cols-4")}>
      {severities.map((s) => {
        const st = SEVERITY_STYLE[s];
        const n = counts[s] ?? 0;
        return (
          <li key={s} className={cn("bg-white", s === "info" && "col-span-2 sm:col-span-1")}>
            <Link href={`/findings?tab=${tab}&severity=${s}${baseQuery}`} className="group block h-full px-4 py-3 hover:bg-zinc-50">
              <div className="flex items-center gap-1.5 text-xs font-medium text-zinc-500">
                <span aria-hidden className={cn("size-2 rounded-full", st.dot)} />
                {st.label}
              </div>
              <div className={cn("mt-1 text-2xl font-semibold tabular-nums", n > 0 ? st.text : "text-zinc-500")}>{n.toLocaleString("en-US")}<span className="sr-only"> {noun}</span></div>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
