"use client";
// The bell in the top bar: unread count (refreshed every minute and when the tab regains focus),
// and a list of the latest notifications; opening one marks it read and goes to its target.
import { useCallback, useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Bell, CheckCheck } from "lucide-react";
import { Menu } from "@/modules/shell/components/menu";
import { cn } from "@/modules/ui/cn";
import { relativeTime } from "@/modules/ui/format";
import { listMyNotificationsAction, markNotificationsReadAction } from "../server/actions";

interface TItem {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export function NotificationBell() {
  const router = useRouter();
  const [items, setItems] = useState<TItem[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [, start] = useTransition();

  const load = useCallback(async () => {
    const res = await listMyNotificationsAction({ limit: 15 });
    if (res.ok) {
      setItems(res.data.items);
      setUnread(res.data.unread);
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 60_000);
    const onFocus = () => void load();
    window.addEventListener("focus", onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [load]);

  const markRead = (ids?: string[]) =>
    start(async () => {
      const now = new Date().toISOString();
      setItems((list) => list?.map((n) => (!ids || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)) ?? null);
      setUnread((u) => (ids ? Math.max(0, u - ids.length) : 0));
      await markNotificationsReadAction(ids ? { ids } : {});
      await load();
    });

  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Menu
      label={label}
      className="ml-auto md:ml-2"
      button={
        <span className="relative grid size-7 place-items-center text-zinc-600">
          <Bell className="size-[18px]" aria-hidden />
          {unread > 0 && (
            <span aria-hidden className="absolute -right-1 -top-1 grid h-4 min-w-4 place-items-center rounded-full bg-red-600 px-1 text-[10px] font-semibold tabular-nums leading-none text-white ring-2 ring-white">
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </span>
      }
    >
      {(close) => (
        <div className="w-[22rem] max-w-[calc(100vw-2rem)]" onFocus={() => items === null && void load()}>
          <div className="flex items-center justify-between border-b border-zinc-100 px-2 pb-2 pt-1">
            <h2 className="text-sm font-semibold text-zinc-900">Notifications</h2>
            {unread > 0 && (
              <button type="button" className="inline-flex items-center gap-1 rounded px-1.5 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50" onClick={() => markRead()}>
                <CheckCheck className="size-3.5" aria-hidden /> Mark all read
              </button>
            )}
          </div>
          {items === null ? (
            <div className="space-y-2 p-2" aria-busy="true">
              {[0, 1, 2].map((i) => <div key={i} className="h-10 animate-pulse rounded bg-zinc-100" />)}
            </div>
          ) : items.length === 0 ? (
            <div className="px-3 py-8 text-center">
              <div className="text-sm font-medium text-zinc-900">You&rsquo;re all caught up</div>
              <p className="mt-1 text-xs text-zinc-500">Findings assigned to you and exceptions about to expire show up here.</p>
            </div>
          ) : (
            <ul className="max-h-[26rem] overflow-y-auto py-1" aria-label="Latest notifications">
              {items.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    className={cn("flex w-full gap-2.5 rounded-md px-2 py-2 text-left hover:bg-zinc-100", !n.readAt && "bg-indigo-50/40")}
                    onClick={() => {
                      if (!n.readAt) markRead([n.id]);
                      close();
                      if (n.link) router.push(n.link);
                    }}
                  >
                    <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.readAt ? "bg-transparent" : "bg-indigo-600")} />
                    <span className="min-w-0 flex-1">
                      <span className={cn("block text-sm", n.readAt ? "text-zinc-700" : "font-medium text-zinc-900")}>
                        {n.title}
                        {!n.readAt && <span className="sr-only"> (unread)</span>}
                      </span>
                      {n.body && <span className="mt-0.5 line-clamp-2 block text-xs text-zinc-500">{n.body}</span>}
                      <span className="mt-0.5 block text-[11px] text-zinc-500"><time dateTime={n.createdAt}>{relativeTime(n.createdAt)}</time></span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Menu>
  );
}
