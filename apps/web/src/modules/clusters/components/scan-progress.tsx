"use client";
// Live progress of a queued or running scan: polls GET /api/scans/:id every 2 s and refreshes the
// server-rendered page once the scan ends, so nothing on the page waits for the scan.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { ScanStatusBadge } from "@/modules/ui/components/badge";
import type { TScanStatus } from "@/modules/ui/severity";

interface TProgress { id: string; status: TScanStatus; progress: number; phase: string; error?: string | null }

const PHASES: Record<string, string> = {
  queued: "Waiting for a worker",
  connecting: "Connecting to the API server",
  reading: "Reading objects from the API server",
  judging: "Checking objects against the rules",
  storing: "Saving findings",
  done: "Finishing",
};

export function ScanProgress({ initial }: { initial: TProgress }) {
  const router = useRouter();
  const [scan, setScan] = useState(initial);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const res = await fetch(`/api/scans/${initial.id}`, { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const next = (await res.json()) as TProgress;
        if (stopped) return;
        setStale(false);
        setScan(next);
        if (next.status !== "queued" && next.status !== "running") {
          stopped = true;
          router.refresh();
        }
      } catch {
        setStale(true);
      }
    };
    const id = setInterval(() => { if (!stopped) void tick(); }, 2000);
    return () => { stopped = true; clearInterval(id); };
  }, [initial.id, router]);

  const pct = Math.max(0, Math.min(100, scan.progress));
  return (
    <div className="rounded-lg border border-blue-200 bg-blue-50/60 px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <ScanStatusBadge status={scan.status} />
          <span className="text-sm text-zinc-700" aria-live="polite">{PHASES[scan.phase] ?? scan.phase}</span>
        </div>
        <span className="text-sm font-medium tabular-nums text-zinc-900">{pct}%</span>
      </div>
      <div className="mt-2 h-1.5 overflow-hidden rounded-full bg-blue-100" role="progressbar" aria-label="Scan progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="h-full rounded-full bg-blue-600 transition-[width] duration-700" style={{ width: `${pct}%` }} />
      </div>
      {stale && <p className="mt-2 text-xs text-zinc-500">Lost contact with the server; retrying…</p>}
    </div>
  );
}
