// A framework over the clusters in its scope: a summary per cluster, and every control against every
// cluster. Each cell is a status badge with its text label (never colour alone) linking to that
// cluster's row of the control; the control column stays put while the clusters scroll sideways,
// so it works on a phone. Control titles open the control's page (rationale, attestations).
import Link from "next/link";
import { ruleTitle } from "@/modules/findings/server/queries";
import { Time } from "@/modules/ui/components/time";
import { cn } from "@/modules/ui/cn";
import { attesterName, day } from "../compliance-format";
import { controlHref, frameworkHref } from "../compliance-links";
import type { TComplianceMatrix } from "../server/matrix";
import { ControlBar, ControlStatusBadge } from "./control-status";

const th = "border-b border-zinc-200 bg-zinc-50 px-3 py-2 text-left text-xs font-medium text-zinc-500";
const num = "px-3 py-2 text-right tabular-nums";

export function ClusterSummaryTable({ matrix }: { matrix: TComplianceMatrix }) {
  const f = matrix.framework;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Controls of {f.name} by status, per cluster in scope</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>Cluster</th>
            <th scope="col" className={cn(th, "text-right")}>Passed</th>
            <th scope="col" className={cn(th, "text-right")}>Failed</th>
            <th scope="col" className={cn(th, "text-right")}><span className="hidden sm:inline">Manual – attested</span><span className="sm:hidden">Attested</span></th>
            <th scope="col" className={cn(th, "text-right")}><span className="hidden sm:inline">Manual – pending</span><span className="sm:hidden">Pending</span></th>
            <th scope="col" className={cn(th, "text-right")}><span className="hidden sm:inline">Not evaluated</span><span className="sm:hidden">Not eval.</span></th>
            <th scope="col" className={cn(th, "text-right")}><span className="hidden sm:inline">Not applicable</span><span className="sm:hidden">N/A</span></th>
            <th scope="col" className={cn(th, "hidden w-40 lg:table-cell")}><span className="sr-only">Share of controls</span></th>
            <th scope="col" className={cn(th, "hidden xl:table-cell")}>Judged from</th>
          </tr>
        </thead>
        <tbody>
          {matrix.clusters.map((c) => (
            <tr key={c.id} className="border-b border-zinc-100 last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={frameworkHref(f.id, c.id)} className="text-indigo-700 underline-offset-4 hover:underline">{c.name}</Link>
                {c.namespaces.length > 0 && <span className="block text-xs font-normal text-zinc-500">namespace{c.namespaces.length === 1 ? "" : "s"} {c.namespaces.join(", ")}</span>}
                {!c.scanId && <span className="block text-xs font-normal text-zinc-500">not scanned yet</span>}
                {c.scanStatus === "partial" && <span className="block text-xs font-normal text-amber-700">partial scan</span>}
              </th>
              <td className={cn(num, "text-green-800")}>{c.summary.passed}</td>
              <td className={cn(num, "text-red-700")}>{c.summary.failed}</td>
              <td className={cn(num, "text-green-800")}>{c.summary.attested}</td>
              <td className={cn(num, "text-amber-800")}>{c.summary.pending}</td>
              <td className={cn(num, "text-zinc-600")}>{c.summary.notEvaluated}</td>
              <td className={cn(num, "text-zinc-500")}>{c.summary.notApplicable}</td>
              <td className="hidden px-3 py-2 lg:table-cell"><ControlBar summary={c.summary} /></td>
              <td className="hidden px-3 py-2 text-xs text-zinc-500 xl:table-cell">{c.scanAt ? <>Scan <Time date={c.scanAt} /></> : "No completed scan"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ComplianceMatrix({ matrix }: { matrix: TComplianceMatrix }) {
  const f = matrix.framework;
  return (
    // Scrolls both ways inside its own box so the header row and the control column can both stick.
    <div className="max-h-[75vh] overflow-auto overscroll-x-contain" tabIndex={0} role="region" aria-label={`${f.name}: controls by cluster`}>
      <table className="min-w-full border-separate border-spacing-0 text-left text-sm">
        <caption className="sr-only">{f.name}: status of each control on each cluster in scope. Each status links to that cluster&apos;s row of the control.</caption>
        <thead>
          <tr>
            <th scope="col" className={cn(th, "sticky left-0 top-0 z-30 min-w-44 border-r sm:min-w-96")}>Control</th>
            {matrix.clusters.map((c) => (
              <th key={c.id} scope="col" className={cn(th, "sticky top-0 z-20 min-w-36 align-bottom")}>
                <Link href={frameworkHref(f.id, c.id)} className="block max-w-40 truncate font-medium text-zinc-800 hover:text-indigo-700" title={c.name}>{c.name}</Link>
                <span className="block font-normal tabular-nums text-zinc-500">
                  {c.summary.failed} failed · {c.summary.pending} pending
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.controls.map((row) => (
            <tr key={row.id} className="group">
              <th scope="row" className="sticky left-0 z-10 min-w-44 max-w-44 border-b border-r border-zinc-100 border-r-zinc-200 bg-white px-3 py-2 text-left align-top font-normal group-hover:bg-zinc-50 sm:min-w-96 sm:max-w-96">
                <span className="block font-mono text-xs text-zinc-500">{row.id}</span>
                <Link href={controlHref(f.id, row.id)} className="line-clamp-2 text-zinc-900 underline-offset-4 hover:text-indigo-700 hover:underline sm:line-clamp-none">{row.title}</Link>
                <details className="mt-0.5 text-xs text-zinc-600">
                  <summary className="cursor-pointer select-none text-zinc-500 hover:text-zinc-700">
                    Rationale{row.manual ? " · manual evidence" : row.notApplicable ? " · not applicable" : ` · ${row.ruleIds.length} rule${row.ruleIds.length === 1 ? "" : "s"}`}
                  </summary>
                  <p className="mt-1 whitespace-normal leading-5">{row.rationale}</p>
                  {row.manual && <p className="mt-1 leading-5"><span className="font-medium text-zinc-700">Evidence needed: </span>{row.manual}</p>}
                  {row.ruleIds.length > 0 && (
                    <ul className="mt-1 list-inside list-disc space-y-0.5 text-zinc-500">
                      {row.ruleIds.map((id) => <li key={id} title={id}>{ruleTitle(id)}</li>)}
                    </ul>
                  )}
                </details>
              </th>
              {row.cells.map((cell, i) => {
                const c = matrix.clusters[i]!;
                const detail = cell.status === "attested" && cell.attestation ? `by ${attesterName(cell.attestation.by)} until ${day(cell.attestation.expiresAt)}` : cell.reason;
                return (
                  <td key={c.id} className="border-b border-zinc-100 px-3 py-2 align-top group-hover:bg-zinc-50">
                    <Link
                      href={frameworkHref(f.id, c.id, row.id)}
                      className="inline-flex flex-col items-start gap-0.5 rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                      title={detail}
                    >
                      {/* The link's name is its visible text with the context around it, for screen readers. */}
                      <span className="sr-only">{row.id} on {c.name}: </span>
                      <ControlStatusBadge status={cell.status} />
                      {detail && cell.status !== "attested" && <span className="sr-only">. {detail}</span>}
                      {cell.status === "failed" && <span className="text-xs tabular-nums text-zinc-600">{cell.findings} finding{cell.findings === 1 ? "" : "s"}</span>}
                      {cell.status === "attested" && cell.attestation && <span className="text-xs text-zinc-600">until {day(cell.attestation.expiresAt)}</span>}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
