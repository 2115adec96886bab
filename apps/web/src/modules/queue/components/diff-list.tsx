// One list of a scan's diff (new, fixed or reopened findings), worst first.
import Link from "next/link";
import { FindingStatusBadge, SeverityBadge } from "@/modules/ui/components/badge";
import { tableClass as t } from "@/modules/ui/components/layout";
import type { TFindingStatus, TSeverity } from "@/modules/ui/severity";

export interface TDiffRow { id: string; ruleId: string; title: string; severity: string; status: string; kind: string; namespace: string | null; name: string }

export function DiffList({ rows, empty, total }: { rows: TDiffRow[]; empty: string; total: number }) {
  if (rows.length === 0) return <p className="px-4 py-5 text-sm text-zinc-500">{empty}</p>;
  return (
    <div className={t.wrap}>
      <table className={t.table}>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={`${t.th} w-24`}>Severity</th>
            <th scope="col" className={t.th}>Finding</th>
            <th scope="col" className={`${t.th} hidden md:table-cell`}>Object</th>
            <th scope="col" className={`${t.th} text-right`}>Status now</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={t.tr}>
              <td className={`${t.td} align-top`}><SeverityBadge severity={r.severity as TSeverity} /></td>
              <td className={`${t.td} align-top`}>
                <Link href={`/findings/${r.id}`} className="font-medium text-zinc-900 underline-offset-4 hover:underline">{r.title}</Link>
                <div className="truncate font-mono text-xs text-zinc-500 md:hidden">{r.kind} {r.namespace ? `${r.namespace}/` : ""}{r.name}</div>
              </td>
              <td className={`${t.td} hidden max-w-96 truncate align-top font-mono text-xs text-zinc-700 md:table-cell`}>
                <span className="text-zinc-500">{r.kind}</span> {r.namespace ? `${r.namespace}/` : ""}{r.name}
              </td>
              <td className={`${t.td} whitespace-nowrap text-right align-top`}><FindingStatusBadge status={r.status as TFindingStatus} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">Showing the {rows.length} most severe of {total.toLocaleString("en-US")}.</p>}
    </div>
  );
}
