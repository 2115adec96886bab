// Risks worst first: what the attack path is, on which object and cluster, how bad (severity and
// score), who owns it. Each row links to the risk page.
import Link from "next/link";
import { FindingStatusBadge, SeverityBadge } from "@/modules/ui/components/badge";
import { tableClass as t } from "@/modules/ui/components/layout";
import { RiskScore } from "@/modules/ui/components/score";
import type { TFindingStatus, TSeverity } from "@/modules/ui/severity";
import { objectName, objectText, riskTypeLabel } from "../risk-labels";

export interface TRiskRowView {
  id: string;
  title: string;
  type: string;
  severity: string;
  score: number;
  status: string;
  clusterId: string;
  clusterName: string;
  object: { kind: string; namespace: string | null; name: string };
  steps: number;
  /** Distinct findings behind the path. */
  findings: number;
  assignee: { id: string; label: string } | null;
}

export function RisksTable({ rows, meId, showCluster = true, label = "Risks" }: { rows: TRiskRowView[]; meId: string; showCluster?: boolean; label?: string }) {
  return (
    <div className={t.wrap}>
      <table className={t.table} aria-label={label}>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={`${t.th} hidden w-24 sm:table-cell`}>Severity</th>
            <th scope="col" className={t.th}>Risk</th>
            {showCluster && <th scope="col" className={`${t.th} hidden md:table-cell`}>Cluster</th>}
            <th scope="col" className={`${t.th} text-right`} title="0 to 100: the risk type's base times its factors">Score</th>
            <th scope="col" className={`${t.th} hidden sm:table-cell`}>Assignee</th>
            <th scope="col" className={`${t.th} hidden lg:table-cell`}>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={`${t.tr} relative`}>
              <td className={`${t.td} hidden align-top sm:table-cell`}><SeverityBadge severity={r.severity as TSeverity} /></td>
              <td className={`${t.td} w-full max-w-0 align-top`}>
                <div className="mb-1 sm:hidden"><SeverityBadge severity={r.severity as TSeverity} /></div>
                {/* One link per row, stretched over it: the whole row opens the risk. */}
                <Link href={`/risks/${r.id}`} className="font-medium text-zinc-900 underline-offset-4 after:absolute after:inset-0 hover:underline">{r.title}</Link>
                <div className="truncate text-xs text-zinc-500" title={objectText(r.object)}>
                  {/* The engine's titles usually name the type and the object already: only what the title leaves out. */}
                  {!r.title.includes(objectName(r.object)) && <><span className="font-mono text-zinc-700">{objectText(r.object)}</span> · </>}
                  {!r.title.startsWith(riskTypeLabel(r.type)) && <>{riskTypeLabel(r.type)} · </>}
                  {r.steps} step{r.steps === 1 ? "" : "s"} · {r.findings} finding{r.findings === 1 ? "" : "s"}
                  {showCluster && <span className="md:hidden"> · {r.clusterName}</span>}
                </div>
              </td>
              {showCluster && <td className={`${t.td} hidden whitespace-nowrap align-top text-xs text-zinc-700 md:table-cell`}>{r.clusterName}</td>}
              <td className={`${t.td} text-right align-top`}><RiskScore score={r.score} className="text-sm" /></td>
              <td className={`${t.td} hidden whitespace-nowrap align-top text-xs sm:table-cell`}>
                {r.assignee ? <span className="text-zinc-800">{r.assignee.id === meId ? "You" : r.assignee.label}</span> : <span className="text-zinc-500">Unassigned</span>}
              </td>
              <td className={`${t.td} hidden align-top lg:table-cell`}><FindingStatusBadge status={r.status as TFindingStatus} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
