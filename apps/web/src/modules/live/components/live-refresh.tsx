"use client";
// Keeps an open page current while clusters are watched: polls GET /api/live every few seconds and
// re-renders the page's server components (router.refresh) when its stamp moves, so new or
// reopened findings and risks appear without a reload. The web never talks to a cluster: the
// stamps are rows the worker writes. Waits while the user types or has a dialog open, and while
// the tab is hidden. Shows the watch's state and the last event time as a small badge.
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Radio } from "lucide-react";
import { cn } from "@/modules/ui/cn";
import { liveStatus, userIsBusy, type TLiveTone, type TLiveView } from "../live-status";

const POLL_MS = 3000;

const TONE: Record<TLiveTone, { dot: string; text: string }> = {
  live: { dot: "bg-green-600 animate-pulse", text: "text-green-800 bg-green-50 ring-green-200" },
  pending: { dot: "bg-blue-600", text: "text-blue-800 bg-blue-50 ring-blue-200" },
  fallback: { dot: "bg-amber-500", text: "text-amber-900 bg-amber-50 ring-amber-200" },
  error: { dot: "bg-red-600", text: "text-red-800 bg-red-50 ring-red-200" },
  off: { dot: "bg-zinc-400", text: "text-zinc-600 bg-zinc-50 ring-zinc-200" },
};

/** What the page shows moved: results (findings, risks, scores), or also recorded changes (the change history). */
const refreshKey = (v: TLiveView, followEvents: boolean) => (followEvents ? `${v.stamp}|${v.lastChangeAt ?? ""}` : v.stamp);

export function LiveRefresh({ clusterId, initial, badge = true, followEvents = false, className }: { clusterId?: string; initial: TLiveView; badge?: boolean; followEvents?: boolean; className?: string }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [now, setNow] = useState<Date | null>(null);
  // The stamp the rendered page reflects; a newer one waits here until the user is not busy.
  const shown = useRef(refreshKey(initial, followEvents));

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const url = `/api/live${clusterId ? `?clusterId=${encodeURIComponent(clusterId)}` : ""}`;
    async function tick() {
      if (!document.hidden) {
        try {
          const res = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
          if (res.ok) {
            const next = (await res.json()) as TLiveView;
            if (!stopped) setView(next);
          }
        } catch {
          // Offline or restarting: try again next tick.
        }
      }
      if (stopped) return;
      timer = setTimeout(() => void tick(), POLL_MS);
    }
    timer = setTimeout(() => void tick(), POLL_MS);
    const wake = () => { if (!document.hidden) { clearTimeout(timer); void tick(); } };
    document.addEventListener("visibilitychange", wake);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [clusterId]);

  // Refresh when the stamp moved, and again on later ticks if the user was busy the first time.
  useEffect(() => {
    const key = refreshKey(view, followEvents);
    if (key === shown.current || userIsBusy(document)) return;
    shown.current = key;
    router.refresh();
  }, [view, router, followEvents]);

  // The relative time ticks each second; rendered only after mount so hydration matches.
  useEffect(() => {
    setNow(new Date());
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, []);

  if (!badge) return null;
  const status = liveStatus(view, now ?? new Date(0));
  const tone = TONE[status.tone];
  return (
    <span
      role="status"
      aria-live="off"
      title={[status.label, status.detail].filter(Boolean).join(". ")}
      data-live-state={status.tone}
      className={cn("inline-flex max-w-full items-center gap-1.5 rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset", tone.text, className)}
    >
      {status.tone === "live" ? <span aria-hidden className={cn("size-1.5 shrink-0 rounded-full", tone.dot)} /> : <Radio aria-hidden className="size-3.5 shrink-0" />}
      <span className="truncate">{now ? status.label : status.label.replace(/ · last change .*$/, "")}</span>
    </span>
  );
}
