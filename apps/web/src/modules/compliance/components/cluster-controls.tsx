// Every control of a framework on one cluster in its scope: status, the evidence behind it (failing
// rules with findings links, why not evaluated or not applicable, the evidence a manual control
// needs, who attested it), and the control's rationale on demand.
import Link from "next/link";
import { tableClass as t } from "@/modules/ui/components/layout";
import { buttonClass } from "@/modules/ui/components/button";
import { controlAnchor, controlHref } from "../compliance-links";
import type { TComplianceMatrix } from "../server/matrix";
import { ControlEvidence } from "./control-evidence";
import { ControlStatusBadge } from "./control-status";

export function ClusterControls({ matrix, column, canAttest }: { matrix: TComplianceMatrix; column: number; canAttest: boolean }) {
  const f = matrix.framework;
  const cluster = matrix.clusters[column]!;
  return (
    <div className={t.wrap}>
      <table className={t.table}>
        <caption className="sr-only">{f.name} on {cluster.name}: each control&apos;s status and the evidence behind it</caption>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={`${t.th} hidden w-24 sm:table-cell`}>Control</th>
            <th scope="col" className={t.th}><span className="sm:hidden">Control</span><span className="hidden sm:inline">Title</span></th>
            <th scope="col" className={t.th}>Status</th>
            <th scope="col" className={`${t.th} hidden w-[40%] md:table-cell`}>Evidence</th>
          </tr>
        </thead>
        <tbody>
          {matrix.controls.map((row) => {
            const cell = row.cells[column]!;
            return (
              <tr key={row.id} id={controlAnchor(row.id)} className={`${t.tr} scroll-mt-24 target:bg-indigo-50`}>
                <td className={`${t.td} hidden whitespace-nowrap align-top font-mono text-xs text-zinc-600 sm:table-cell`}>{row.id}</td>
                <td className={`${t.td} align-top`}>
                  <span className="block font-mono text-xs text-zinc-500 sm:hidden">{row.id}</span>
                  <Link href={controlHref(f.id, row.id)} className="text-zinc-900 underline-offset-4 hover:text-indigo-700 hover:underline">{row.title}</Link>
                  <details className="mt-0.5 text-xs text-zinc-600">
                    <summary className="cursor-pointer select-none text-zinc-500 hover:text-zinc-700">Rationale</summary>
                    <p className="mt-1 max-w-prose leading-5">{row.rationale}</p>
                  </details>
                  {/* The evidence column is hidden on phones; it moves under the title there. */}
                  <div className="mt-1 md:hidden"><ControlEvidence cell={cell} cluster={cluster} manual={Boolean(row.manual)} /></div>
                </td>
                <td className={`${t.td} align-top`}>
                  <ControlStatusBadge status={cell.status} />
                  {canAttest && (cell.status === "pending" || (row.manual && cell.status === "attested")) && (
                    <Link href={`${controlHref(f.id, row.id)}#attest`} className={buttonClass("secondary", "sm", "mt-1.5 flex w-fit")}>
                      {cell.status === "pending" ? "Attest…" : "Renew…"}
                    </Link>
                  )}
                </td>
                <td className={`${t.td} hidden align-top md:table-cell`}><ControlEvidence cell={cell} cluster={cluster} manual={Boolean(row.manual)} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
