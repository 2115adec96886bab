"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import {
  BarChart3, BellRing, ClipboardCheck, FileCode2, FileKey, FileText, Layers, KeyRound, LayoutDashboard, ListChecks, ScrollText, Server, ShieldCheck, ShieldOff, SlidersHorizontal, UserCheck, Users, Wrench, Ticket, ShieldBan,
} from "lucide-react";
import { cn } from "@/modules/ui/cn";
import { MAIN_NAV, SETTINGS_NAV, type TNavItem } from "./nav-items";

const ICONS = {
  overview: LayoutDashboard, clusters: Server, findings: ListChecks, compliance: ClipboardCheck, reports: FileText,
  trends: BarChart3, scan: FileCode2, members: Users, policy: SlidersHorizontal, audit: ScrollText,
  exceptions: ShieldOff, alerts: BellRing, tokens: KeyRound, signing: FileKey, access: UserCheck, images: Layers,
  fixes: Wrench, integrations: Ticket, prevention: ShieldBan,
} as const;

function NavLink({ item, onNavigate }: { item: TNavItem; onNavigate?: () => void }) {
  const pathname = usePathname();
  const active = [item.href, ...(item.also ?? [])].some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const Icon = ICONS[item.icon];
  return (
    <Link
      href={item.href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      className={cn(
        "group flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm transition-colors",
        active ? "bg-white font-medium text-zinc-900 shadow-xs ring-1 ring-zinc-200" : "text-zinc-600 hover:bg-zinc-200/50 hover:text-zinc-900",
      )}
    >
      <Icon aria-hidden className={cn("size-4", active ? "text-indigo-600" : "text-zinc-500 group-hover:text-zinc-600")} />
      <span className="flex-1">{item.label}</span>
      {item.soon && <span className="rounded bg-zinc-200 px-1 py-px text-[10px] font-medium uppercase tracking-wide text-zinc-700">Soon</span>}
    </Link>
  );
}

export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <nav aria-label="Main" className="flex flex-1 flex-col gap-6 px-3 py-4">
      <ul className="space-y-0.5">
        {MAIN_NAV.map((i) => <li key={i.href}><NavLink item={i} onNavigate={onNavigate} /></li>)}
      </ul>
      <div>
        <div className="mb-1.5 px-2.5 text-[11px] font-semibold uppercase tracking-wider text-zinc-500">Settings</div>
        <ul className="space-y-0.5">
          {SETTINGS_NAV.map((i) => <li key={i.href}><NavLink item={i} onNavigate={onNavigate} /></li>)}
        </ul>
      </div>
    </nav>
  );
}

export function Brand() {
  return (
    <Link href="/overview" className="flex items-center gap-2 rounded-md px-1 text-zinc-900">
      <span className="grid size-7 place-items-center rounded-md bg-zinc-900 text-white"><ShieldCheck className="size-4" aria-hidden /></span>
      <span className="font-semibold tracking-tight">Bulwark</span>
    </Link>
  );
}
