"use client";
import { useEffect, useState, useTransition } from "react";
import { createPortal } from "react-dom";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { Check, ChevronsUpDown, LogOut, Menu as MenuIcon, Search, UserCog, X } from "lucide-react";
import { switchOrgAction } from "@/modules/auth/server/actions";
import { Brand, SidebarNav } from "./sidebar";
import { Menu } from "./menu";
import { NotificationBell } from "@/modules/notifications/components/notification-bell";

interface Props {
  user: { email: string; name: string | null };
  org: { id: string; name: string };
  role: string;
  orgs: Array<{ id: string; name: string; role: string }>;
}

function initials(s: string) {
  return s.split(/[\s@.]+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join("");
}

export function TopBar({ user, org, role, orgs }: Props) {
  const router = useRouter();
  const [drawer, setDrawer] = useState(false);
  const [, startTransition] = useTransition();
  useEffect(() => {
    if (!drawer) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setDrawer(false);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [drawer]);

  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-zinc-200 bg-white/90 px-3 backdrop-blur sm:px-4">
      <button type="button" className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 lg:hidden" aria-label="Open navigation" onClick={() => setDrawer(true)}>
        <MenuIcon className="size-5" aria-hidden />
      </button>
      <div className="lg:hidden"><Brand /></div>

      <Menu
        align="start"
        className="hidden sm:block"
        button={
          <>
            <span aria-hidden className="grid size-6 place-items-center rounded bg-indigo-600 text-[11px] font-semibold text-white">{initials(org.name)}</span>
            <span className="sr-only">Switch organization, current: </span>
            <span className="max-w-48 truncate font-medium text-zinc-900">{org.name}</span>
            <ChevronsUpDown className="size-3.5 text-zinc-500" aria-hidden />
          </>
        }
      >
        {(close) => (
          <div>
            <div className="px-2 py-1.5 text-xs text-zinc-500">Organizations</div>
            <ul>
              {orgs.map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-zinc-100"
                    onClick={() => {
                      close();
                      if (o.id === org.id) return;
                      startTransition(async () => {
                        const res = await switchOrgAction({ orgId: o.id });
                        if (res.ok) {
                          router.push("/overview");
                          router.refresh();
                        }
                      });
                    }}
                  >
                    <span className="flex-1 truncate">{o.name}</span>
                    <span className="text-xs text-zinc-500">{o.role}</span>
                    {o.id === org.id && <Check className="size-4 text-indigo-600" aria-label="current" />}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Menu>

      <form action="/findings" role="search" className="ml-auto hidden max-w-sm flex-1 md:block">
        <label htmlFor="global-search" className="sr-only">Search findings by rule, object or namespace</label>
        <input type="hidden" name="tab" value="all" />
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-zinc-500" aria-hidden />
          <input
            id="global-search"
            name="q"
            type="search"
            placeholder="Search rules, objects, namespaces…"
            className="h-8 w-full rounded-md border-0 bg-zinc-100 pl-8 pr-3 text-sm placeholder:text-zinc-500 focus:bg-white focus:ring-2 focus:ring-indigo-500 focus:outline-none"
          />
        </div>
      </form>

      <NotificationBell />

      <Menu
        className="ml-1"
        button={<><span aria-hidden className="grid size-7 place-items-center rounded-full bg-zinc-200 text-xs font-semibold text-zinc-700">{initials(user.name ?? user.email)}</span><span className="sr-only">Account menu for {user.email}</span></>}
      >
        {() => (
          <div>
            <div className="border-b border-zinc-100 px-2 pb-2 pt-1.5">
              <div className="truncate text-sm font-medium text-zinc-900">{user.name ?? user.email}</div>
              <div className="truncate text-xs text-zinc-500">{user.email}</div>
              <div className="mt-1 text-xs text-zinc-500">{role} of {org.name}</div>
            </div>
            <Link
              href="/settings/account"
              className="mt-1 flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-zinc-700 hover:bg-zinc-100"
            >
              <UserCog className="size-4 text-zinc-500" aria-hidden /> Account and sessions
            </Link>
            <button
              type="button"
              className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-zinc-700 hover:bg-zinc-100"
              onClick={() => signOut({ callbackUrl: "/sign-in" })}
            >
              <LogOut className="size-4 text-zinc-500" aria-hidden /> Sign out
            </button>
          </div>
        )}
      </Menu>

      {drawer && createPortal(
        <div className="fixed inset-0 z-50 lg:hidden" role="dialog" aria-modal="true" aria-label="Navigation">
          <div className="absolute inset-0 bg-zinc-900/30" onClick={() => setDrawer(false)} />
          <div
            className="absolute inset-y-0 left-0 flex w-72 flex-col bg-zinc-50 shadow-xl"
            onKeyDown={(e) => e.key === "Escape" && setDrawer(false)}
          >
            <div className="flex h-14 items-center justify-between border-b border-zinc-200 px-4">
              <Brand />
              <button type="button" autoFocus className="rounded-md p-2 text-zinc-600 hover:bg-zinc-200/60" aria-label="Close navigation" onClick={() => setDrawer(false)}>
                <X className="size-5" aria-hidden />
              </button>
            </div>
            <div className="border-b border-zinc-200 px-3 py-3">
              <label htmlFor="drawer-org" className="mb-1 block text-xs text-zinc-500">Organization</label>
              <select
                id="drawer-org"
                defaultValue={org.id}
                className="w-full rounded-md border-0 bg-white px-2 py-1.5 text-sm ring-1 ring-zinc-300"
                onChange={(e) => {
                  const orgId = e.target.value;
                  startTransition(async () => {
                    const res = await switchOrgAction({ orgId });
                    if (res.ok) {
                      setDrawer(false);
                      router.push("/overview");
                      router.refresh();
                    }
                  });
                }}
              >
                {orgs.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            </div>
            <div className="overflow-y-auto"><SidebarNav onNavigate={() => setDrawer(false)} /></div>
          </div>
        </div>,
        document.body,
      )}
    </header>
  );
}
