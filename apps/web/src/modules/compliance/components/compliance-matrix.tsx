// Every control of one framework against every cluster. Each cell is a status badge with its text
// label (never colour alone) linking to that cluster's control detail; the first column stays put
// while the clusters scroll sideways, so it works on a phone.
import Link from "next/link";
import type { TComplianceMatrix } from "../server/matrix";
import { ControlBar, ControlStatusBadge } from "./control-status";
import { ruleTitle } from "@/modules/findings/server/queries";
import { Time } from "@/modules/ui/components/time";
import { cn } from "@/modules/ui/cn";

/** The anchor of a control's row in the single-cluster table (control ids hold spaces and brackets). */
export function controlAnchor(controlId: string): string {
  return `control-${controlId.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

export function clusterControlHref(clusterId: string, frameworkId: string, controlId?: string): string {
  const q = `/compliance?cluster=${encodeURIComponent(clusterId)}&framework=${encodeURIComponent(frameworkId)}`;
  return controlId ? `${q}#${controlAnchor(controlId)}` : q;
}

const th = "border-b border-zinc-200 bg-zinc-50 px-3 py-2 text-left text-xs font-medium text-zinc-500";

export function ClusterSummaryTable({ matrix }: { matrix: TComplianceMatrix }) {
  const f = matrix.framework;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Controls of {f.name} by outcome, per cluster</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>Cluster</th>
            <th scope="col" className={cn(th, "text-right")}>Passed</th>
            <th scope="col" className={cn(th, "text-right")}>Failed</th>
            <th scope="col" className={cn(th, "text-right")}><span className="hidden sm:inline">Not evaluated</span><span className="sm:hidden" title="Not evaluated">Not eval.</span></th>
            <th scope="col" className={cn(th, "text-right")}>Manual</th>
            <th scope="col" className={cn(th, "hidden w-48 md:table-cell")}><span className="sr-only">Share of controls</span></th>
            <th scope="col" className={cn(th, "hidden lg:table-cell")}>Judged from</th>
          </tr>
        </thead>
        <tbody>
          {matrix.clusters.map((c) => (
            <tr key={c.id} className="border-b border-zinc-100 last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={clusterControlHref(c.id, f.id)} className="text-indigo-700 underline-offset-4 hover:underline">{c.name}</Link>
                {!c.scanId && <span className="ml-1.5 text-xs font-normal text-zinc-500">not scanned</span>}
                {c.scanStatus === "partial" && <span className="ml-1.5 text-xs font-normal text-amber-700">partial scan</span>}
              </th>
              <td className="px-3 py-2 text-right tabular-nums text-green-700">{c.summary.passed}</td>
              <td className="px-3 py-2 text-right tabular-nums text-red-700">{c.summary.failed}</td>
              <td className="px-3 py-2 text-right tabular-nums text-zinc-600">{c.summary.notEvaluated}</td>
              <td className="px-3 py-2 text-right tabular-nums text-zinc-600">{c.summary.manual}</td>
              <td className="hidden px-3 py-2 md:table-cell"><ControlBar summary={c.summary} /></td>
              <td className="hidden px-3 py-2 text-xs text-zinc-500 lg:table-cell">{c.scanAt ? <>Scan <Time date={c.scanAt} /></> : "No completed scan"}</td>
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
        <caption className="sr-only">{f.name}: status of each control on each cluster. Each status links to that cluster&apos;s control detail.</caption>
        <thead>
          <tr>
            <th scope="col" className={cn(th, "sticky left-0 top-0 z-30 min-w-44 border-r sm:min-w-80")}>Control</th>
            {matrix.clusters.map((c) => (
              <th key={c.id} scope="col" className={cn(th, "sticky top-0 z-20 min-w-32 align-bottom")}>
                <Link href={clusterControlHref(c.id, f.id)} className="block max-w-40 truncate font-medium text-zinc-800 hover:text-indigo-700" title={c.name}>{c.name}</Link>
                <span className="block font-normal tabular-nums text-zinc-500">
                  {c.scanId ? `${c.summary.passed}/${matrix.controls.length} passed` : "not scanned"}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.controls.map((row) => (
            <tr key={row.id} className="group">
              <th scope="row" className="sticky left-0 z-10 min-w-44 max-w-44 border-b border-r border-zinc-100 border-r-zinc-200 bg-white px-3 py-2 text-left align-top font-normal group-hover:bg-zinc-50 sm:min-w-80 sm:max-w-80">
                <span className="block font-mono text-xs text-zinc-500">{row.id}</span>
                <span className="line-clamp-2 text-zinc-900 sm:line-clamp-none" title={row.title}>{row.title}</span>
                {row.ruleIds.length > 0 ? (
                  <details className="mt-0.5 text-xs text-zinc-500">
                    <summary className="cursor-pointer select-none hover:text-zinc-700">{row.manual ? "Manual · " : ""}{row.ruleIds.length} rule{row.ruleIds.length === 1 ? "" : "s"}</summary>
                    <ul className="mt-1 space-y-0.5">
                      {row.ruleIds.map((id) => <li key={id} title={id}>{ruleTitle(id)}</li>)}
                    </ul>
                  </details>
                ) : (
                  <span className="mt-0.5 block text-xs text-zinc-500">{row.manual ? "Manual evidence" : "No rule checks this control"}</span>
                )}
              </th>
              {row.cells.map((cell, i) => {
                const c = matrix.clusters[i]!;
                const label = { passed: "Passed", failed: "Failed", "not-evaluated": "Not evaluated", manual: "Manual" }[cell.status];
                return (
                  <td key={c.id} className="border-b border-zinc-100 px-3 py-2 align-top group-hover:bg-zinc-50">
                    <Link
                      href={clusterControlHref(c.id, f.id, row.id)}
                      className="inline-flex flex-col items-start gap-0.5 rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                      aria-label={`${row.id} on ${c.name}: ${label}${cell.reason ? `. ${cell.reason}` : ""}`}
                      title={cell.reason}
                    >
                      <ControlStatusBadge status={cell.status} />
                      {cell.status === "failed" && <span className="text-xs tabular-nums text-zinc-600">{cell.findings} finding{cell.findings === 1 ? "" : "s"}</span>}
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
