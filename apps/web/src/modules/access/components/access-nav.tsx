// The access pages' tabs (overview, who can, stale, changes, reviews): one row under each page's
// header, the current one marked for screen readers too.
import Link from "next/link";
import { cn } from "@/modules/ui/cn";

const TABS = [
  { href: "/access", label: "Overview" },
  { href: "/access/who-can", label: "Who can" },
  { href: "/access/stale", label: "Stale access" },
  { href: "/access/changes", label: "Changes" },
  { href: "/access/reviews", label: "Reviews" },
] as const;

export function AccessNav({ current }: { current: (typeof TABS)[number]["href"] | null }) {
  return (
    <nav aria-label="Access" className="-mt-2 mb-6 overflow-x-auto border-b border-zinc-200">
      <ul className="flex gap-1 text-sm">
        {TABS.map((t) => (
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
