// A section's page tabs (Access, Images): one row under each page's header, links to the
// section's pages with the current one marked for screen readers too.
import Link from "next/link";
import { cn } from "@/modules/ui/cn";

export interface TPageTab {
  href: string;
  label: string;
}

export function PageTabs({ label, tabs, current }: { label: string; tabs: readonly TPageTab[]; current: string | null }) {
  return (
    <nav aria-label={label} className="-mt-2 mb-6 overflow-x-auto border-b border-zinc-200">
      <ul className="flex gap-1 text-sm">
        {tabs.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.href === current ? "page" : undefined}
              className={cn(
                "-mb-px inline-block whitespace-nowrap border-b-2 px-3 py-2 font-medium",
                t.href === current ? "border-zinc-900 text-zinc-900" : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800",
              )}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
