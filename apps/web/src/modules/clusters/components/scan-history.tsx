// Recent scans of a cluster with the reason when a scan failed or was partial.
import { Fragment } from "react";
import { ScanStatusBadge } from "@/modules/ui/components/badge";
import { tableClass as t } from "@/modules/ui/components/layout";
import { Score } from "@/modules/ui/components/score";
import { Time } from "@/modules/ui/components/time";
import { duration } from "@/modules/ui/format";
import type { TScanStatus } from "@/modules/ui/severity";
import { scanReason } from "../scan-reason";

export interface TScanRow {
  id: string;
  trigger: string;
  status: string;
  createdAt: Date | string;
  finishedAt?: Date | string | null;
  durationMs?: number | null;
  objectCount?: number | null;
  critical: number;
  high: number;
  medium: number;
  low: number;
  score?: number | null;
  newCount?: number;
  fixedCount?: number;
  error?: string | null;
  kinds?: unknown;
}

/** How a scan came about, in words; a live record holds one clock hour of continuous judging. */
const TRIGGER_LABEL: Record<string, { label: string; title?: string }> = {
  manual: { label: "Manual" },
  schedule: { label: "Schedule" },
  onboarding: { label: "Onboarding" },
  api: { label: "API" },
  live: { label: "Live", title: "Continuous scanning: the changes judged in this clock hour, as one record" },
};

export function ScanHistory({ scans }: { scans: TScanRow[] }) {
  if (scans.length === 0) return <p className="px-4 py-6 text-sm text-zinc-500">No scans yet.</p>;
  return (
    <div className={t.wrap}>
      <table className={t.table}>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={t.th}>Started</th>
            <th scope="col" className={t.th}>Status</th>
            <th scope="col" className={`${t.th} hidden sm:table-cell`}>Trigger</th>
            <th scope="col" className={`${t.th} text-right`}>Score</th>
            <th scope="col" className={`${t.th} hidden text-right md:table-cell`}>Crit / High</th>
            <th scope="col" className={`${t.th} hidden text-right md:table-cell`}>New / Fixed</th>
            <th scope="col" className={`${t.th} hidden text-right lg:table-cell`}>Objects</th>
            <th scope="col" className={`${t.th} hidden text-right lg:table-cell`}>Took</th>
          </tr>
        </thead>
        <tbody>
          {scans.map((s) => {
            const reason = s.status === "failed" || s.status === "partial" ? scanReason(s) : null;
            return (
              <Fragment key={s.id}>
                <tr className={reason ? "hover:bg-zinc-50/70" : t.tr}>
                  <td className={`${t.td} whitespace-nowrap text-xs`}>{s.status === "succeeded" || s.status === "partial" ? <a href={`/scans/${s.id}`} className="underline-offset-4 hover:underline" title="What changed in this scan"><Time date={s.createdAt} /></a> : <Time date={s.createdAt} />}</td>
                  <td className={t.td}><ScanStatusBadge status={s.status as TScanStatus} /></td>
                  <td className={`${t.td} hidden text-xs text-zinc-600 sm:table-cell`} title={TRIGGER_LABEL[s.trigger]?.title}>
                    {s.trigger === "live" && <span aria-hidden className="mr-1.5 inline-block size-1.5 rounded-full bg-green-600 align-middle" />}
                    {TRIGGER_LABEL[s.trigger]?.label ?? s.trigger}
                  </td>
                  <td className={`${t.td} text-right`}><Score score={s.status === "failed" ? null : s.score} /></td>
                  <td className={`${t.td} hidden whitespace-nowrap text-right text-xs md:table-cell`}>
                    <span className={s.critical ? "text-red-700" : "text-zinc-500"}>{s.critical}</span>
                    <span aria-hidden className="text-zinc-500"> / </span>
                    <span className={s.high ? "text-orange-700" : "text-zinc-500"}>{s.high}</span>
                  </td>
                  <td className={`${t.td} hidden whitespace-nowrap text-right text-xs md:table-cell`}>
                    <span className="text-zinc-700">+{s.newCount ?? 0}</span>
                    <span aria-hidden className="text-zinc-500"> / </span>
                    <span className="text-green-700">{s.fixedCount ?? 0}</span>
                  </td>
                  <td className={`${t.td} hidden text-right text-xs text-zinc-600 lg:table-cell`}>{s.objectCount ?? "—"}</td>
                  <td className={`${t.td} hidden whitespace-nowrap text-right text-xs text-zinc-600 lg:table-cell`}>{duration(s.durationMs)}</td>
                </tr>
                {reason && (
                  <tr className="border-b border-zinc-100 last:border-0">
                    <td colSpan={8} className="px-4 pb-2.5 pt-0 text-xs text-zinc-600">
                      <p>{reason.summary}</p>
                      {reason.detail && (
                        <details className="mt-0.5">
                          <summary className="cursor-pointer text-zinc-500 hover:text-zinc-700">Details</summary>
                          <p className="mt-1 break-words font-mono text-[11px] text-zinc-500">{reason.detail}</p>
                        </details>
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
