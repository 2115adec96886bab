// The remediation queue's table: what, where, how bad, since when. Each row links to the finding.
import Link from "next/link";
import { FindingStatusBadge, SeverityBadge } from "@/modules/ui/components/badge";
import { tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import type { TFindingStatus, TSeverity } from "@/modules/ui/severity";

export interface TFindingRow {
  id: string;
  ruleId: string;
  severity: string;
  status: string;
  kind: string;
  namespace: string | null;
  name: string;
  message: string;
  clusterId: string;
  firstSeenAt: Date | string;
  lastSeenAt: Date | string;
}

export function FindingsTable({
  rows, titles, clusterNames, showCluster = true,
}: { rows: TFindingRow[]; titles: Record<string, string>; clusterNames: Record<string, string>; showCluster?: boolean }) {
  return (
    <div className={t.wrap}>
      <table className={t.table}>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={`${t.th} w-24`}>Severity</th>
            <th scope="col" className={t.th}>Finding</th>
            <th scope="col" className={`${t.th} hidden lg:table-cell`}>Object</th>
            {showCluster && <th scope="col" className={`${t.th} hidden md:table-cell`}>Cluster</th>}
            <th scope="col" className={`${t.th} hidden sm:table-cell`}>Status</th>
            <th scope="col" className={`${t.th} hidden md:table-cell`}>First seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.id} className={`${t.tr} relative`}>
              <td className={`${t.td} align-top`}><SeverityBadge severity={f.severity as TSeverity} /></td>
              <td className={`${t.td} w-full max-w-0 align-top`}>
                {/* The title link stretches over the row so the whole row is clickable, yet there is one link per row for screen readers. */}
                <Link href={`/findings/${f.id}`} className="font-medium text-zinc-900 after:absolute after:inset-0 hover:underline underline-offset-4">
                  {titles[f.ruleId] ?? f.ruleId}
                </Link>
                <div className="truncate text-xs text-zinc-500">
                  <span className="lg:hidden">{f.kind} {f.namespace ? `${f.namespace}/` : ""}{f.name} · </span>
                  {f.message}
                </div>
              </td>
              <td className={`${t.td} hidden align-top lg:table-cell`}>
                <div className="max-w-64 truncate font-mono text-xs text-zinc-700" title={`${f.kind} ${f.namespace ?? ""}/${f.name}`}>
                  <span className="text-zinc-500">{f.kind}</span> {f.namespace ? `${f.namespace}/` : ""}{f.name}
                </div>
              </td>
              {showCluster && <td className={`${t.td} hidden whitespace-nowrap align-top text-xs text-zinc-700 md:table-cell`}>{clusterNames[f.clusterId] ?? "—"}</td>}
              <td className={`${t.td} hidden align-top sm:table-cell`}><FindingStatusBadge status={f.status as TFindingStatus} /></td>
              <td className={`${t.td} hidden align-top text-xs text-zinc-500 md:table-cell`}><Time date={f.firstSeenAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
