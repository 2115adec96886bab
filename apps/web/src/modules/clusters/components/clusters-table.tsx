// Clusters, worst first: score, open risks, critical/high counts, last scan and connection status.
import Link from "next/link";
import { ConnectionStatus, ScanStatusBadge } from "@/modules/ui/components/badge";
import { tableClass as t } from "@/modules/ui/components/layout";
import { Score } from "@/modules/ui/components/score";
import { Time } from "@/modules/ui/components/time";
import type { TConnectionStatus, TScanStatus } from "@/modules/ui/severity";

export interface TClusterRow {
  id: string;
  name: string;
  server: string;
  connectionStatus: string;
  kubeVersion?: string | null;
  provider?: string | null;
  score?: number | null;
  lastScanAt?: Date | string | null;
  /** Most recent scan in any state (status, progress). */
  lastScan?: { id: string; status: string; progress: number; finishedAt?: Date | string | null; error?: string | null } | null;
  /** Last scan with results: where the counts come from. */
  lastResult?: { critical: number; high: number; riskCritical?: number; riskHigh?: number; riskMedium?: number; riskLow?: number } | null;
}

function Count({ n, href, tone }: { n: number | undefined; href: string; tone: string }) {
  if (n === undefined) return <span className="text-zinc-500">—</span>;
  if (n === 0) return <span className="text-zinc-500 tabular-nums">0</span>;
  return <Link href={href} className={`font-medium tabular-nums underline-offset-4 hover:underline ${tone}`}>{n}</Link>;
}

function riskCount(r: TClusterRow["lastResult"]): number | undefined {
  if (!r) return undefined;
  return (r.riskCritical ?? 0) + (r.riskHigh ?? 0) + (r.riskMedium ?? 0) + (r.riskLow ?? 0);
}

export function ClustersTable({ clusters }: { clusters: TClusterRow[] }) {
  return (
    <div className={t.wrap}>
      <table className={t.table}>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={t.th}>Cluster</th>
            <th scope="col" className={`${t.th} text-right`}>Score</th>
            <th scope="col" className={`${t.th} text-right`} title="Open attack paths at the last scan">Risks</th>
            <th scope="col" className={`${t.th} text-right`}><abbr title="Critical" className="no-underline sm:hidden">Crit</abbr><span className="hidden sm:inline">Critical</span></th>
            <th scope="col" className={`${t.th} text-right`}>High</th>
            <th scope="col" className={`${t.th} hidden md:table-cell`}>Last scan</th>
            <th scope="col" className={`${t.th} hidden sm:table-cell`}>Status</th>
          </tr>
        </thead>
        <tbody>
          {clusters.map((c) => {
            const scan = c.lastScan;
            return (
              <tr key={c.id} className={t.tr}>
                <td className={t.td}>
                  <Link href={`/clusters/${c.id}`} className="font-medium text-zinc-900 underline-offset-4 hover:underline">{c.name}</Link>
                  <div className="max-w-[10rem] truncate text-xs text-zinc-500 sm:max-w-sm">
                    {[c.provider && c.provider !== "unknown" ? c.provider.toUpperCase() : null, c.kubeVersion ? `v${c.kubeVersion}` : null, c.server].filter(Boolean).join(" · ")}
                  </div>
                </td>
                <td className={`${t.td} text-right`}><Score score={c.score} /></td>
                <td className={`${t.td} text-right`}><Count n={riskCount(c.lastResult)} href={`/findings?tab=risks&cluster=${c.id}`} tone="text-red-700" /></td>
                <td className={`${t.td} text-right`}><Count n={c.lastResult ? c.lastResult.critical : undefined} href={`/findings?tab=all&cluster=${c.id}&severity=critical`} tone="text-red-700" /></td>
                <td className={`${t.td} text-right`}><Count n={c.lastResult ? c.lastResult.high : undefined} href={`/findings?tab=all&cluster=${c.id}&severity=high`} tone="text-orange-700" /></td>
                <td className={`${t.td} hidden md:table-cell`}>
                  {scan ? (
                    <div className="flex items-center gap-2">
                      <ScanStatusBadge status={scan.status as TScanStatus} />
                      <span className="text-xs text-zinc-500">
                        {scan.status === "running" ? `${scan.progress}%` : <Time date={scan.finishedAt ?? c.lastScanAt} fallback="" />}
                      </span>
                    </div>
                  ) : (
                    <span className="text-xs text-zinc-500">Not scanned yet</span>
                  )}
                </td>
                <td className={`${t.td} hidden sm:table-cell`}><ConnectionStatus status={c.connectionStatus as TConnectionStatus} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
