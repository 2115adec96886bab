// The Findings page's tabs (links: the tab is part of the URL) and, at the end of the bar, the link
// to the findings expected for platform components, which no tab counts as open work.
import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import { cn } from "@/modules/ui/cn";

export interface TFindingTabLink {
  label: string;
  href: string;
  on: boolean;
  count?: { value: number; capped?: boolean } | null;
}

export function FindingsTabs({ tabs, expected }: { tabs: TFindingTabLink[]; expected: { count: number; href: string; on: boolean } | null }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-x-4 border-b border-zinc-200">
      <nav aria-label="Findings views" className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((t) => (
          <Link
            key={t.label}
            href={t.href}
            aria-current={t.on ? "page" : undefined}
            className={cn(
              "inline-flex items-center gap-1.5 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              t.on ? "border-zinc-900 text-zinc-900" : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800",
            )}
          >
            {t.label}
            {t.count && (
              <span className="rounded-full bg-zinc-100 px-1.5 text-xs tabular-nums text-zinc-700">{t.count.value.toLocaleString("en-US")}{t.count.capped ? "+" : ""}</span>
            )}
          </Link>
        ))}
      </nav>
      {expected && expected.count > 0 && (
        <Link
          href={expected.href}
          aria-current={expected.on ? "page" : undefined}
          className={cn("mb-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 text-xs", expected.on ? "font-medium text-zinc-900" : "text-zinc-500 hover:text-zinc-900")}
        >
          <ShieldCheck className="size-3.5" aria-hidden />
          {expected.count.toLocaleString("en-US")} expected platform finding{expected.count === 1 ? "" : "s"}
        </Link>
      )}
    </div>
  );
}
