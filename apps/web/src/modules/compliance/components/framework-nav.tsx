// The framework list in its groups (regulations, security frameworks, CIS benchmarks, hardening
// guides), each framework a link; the current one marked for screen readers too.
import Link from "next/link";
import { cn } from "@/modules/ui/cn";
import type { TFrameworkGroup } from "../framework-groups";

export function FrameworkNav({ groups, current, href }: { groups: TFrameworkGroup[]; current: string; href: (id: string) => string }) {
  return (
    <nav aria-label="Framework" className="rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs">
      <ul className="space-y-2">
        {groups.map((g) => (
          <li key={g.label} className="flex flex-col gap-1.5 sm:flex-row sm:items-baseline sm:gap-3">
            <span className="w-36 shrink-0 text-xs font-medium text-zinc-500">{g.label}</span>
            <ul className="flex flex-wrap gap-1.5">
              {g.frameworks.map((f) => (
                <li key={f.id}>
                  <Link
                    href={href(f.id)}
                    aria-current={f.id === current ? "page" : undefined}
                    title={`${f.name} ${f.version}`}
                    className={cn(
                      "inline-block rounded-full px-2.5 py-1 text-xs ring-1 ring-inset",
                      f.id === current ? "bg-zinc-900 text-white ring-zinc-900" : "bg-white text-zinc-700 ring-zinc-200 hover:bg-zinc-50",
                    )}
                  >
                    {f.label}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}
