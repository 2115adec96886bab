// The reports list: what was generated, over which scope and period, its outcome (controls by
// status and what changed since the previous report of the same scope), and the three files with
// their SHA-256 checksums and detached signatures (so a downloaded copy can be verified later).
import { Download } from "lucide-react";
import { readReportSummary, type TReportRow } from "@bulwark/db";
import { tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { cn } from "@/modules/ui/cn";

const STATUS = {
  queued: { label: "Queued", cls: "bg-zinc-50 text-zinc-600 ring-zinc-300" },
  running: { label: "Generating…", cls: "bg-blue-50 text-blue-700 ring-blue-600/25" },
  succeeded: { label: "Ready", cls: "bg-green-50 text-green-700 ring-green-600/25" },
  failed: { label: "Failed", cls: "bg-red-50 text-red-700 ring-red-600/25" },
} as const;

const day = (iso: string) => iso.slice(0, 10);

function ScopeCell({ r, clusterName }: { r: TReportRow; clusterName: (id: string) => string }) {
  const sum = readReportSummary(r.summary);
  if (r.scope) {
    return (
      <>
        <div className="text-zinc-500">{sum?.scope.source === "compliance-scope" ? "Compliance scope" : "Chosen clusters"}</div>
        <div>
          {r.scope.map((c, i) => (
            <span key={c.clusterId}>
              {i > 0 && ", "}
              {c.clusterName}
              {c.namespaces.length > 0 && <span className="text-zinc-500"> ({c.namespaces.join(", ")})</span>}
            </span>
          ))}
        </div>
      </>
    );
  }
  return <div>{r.clusterIds.map(clusterName).join(", ")}</div>;
}

function ControlsCell({ r }: { r: TReportRow }) {
  const sum = readReportSummary(r.summary);
  if (!sum) return <span className="text-zinc-400">—</span>;
  const c = sum.controls;
  return (
    <>
      <div className="flex flex-wrap gap-x-2">
        <span className="text-green-700">{c.passed} passed</span>
        <span className="text-red-700">{c.failed} failed</span>
        {c.attested > 0 && <span className="text-indigo-700">{c.attested} attested</span>}
        {c.pending > 0 && <span className="text-amber-700">{c.pending} pending</span>}
        {c.notEvaluated > 0 && <span className="text-zinc-600">{c.notEvaluated} not evaluated</span>}
        {c.notApplicable > 0 && <span className="text-zinc-500">{c.notApplicable} not applicable</span>}
      </div>
      {sum.previous ? (
        <div className="text-zinc-500">
          Since <Time date={new Date(sum.previous.createdAt)} />:{" "}
          {sum.previous.newFailures.length || sum.previous.newlyPassing.length ? (
            <>
              {sum.previous.newFailures.length > 0 && <span className="text-red-700">{sum.previous.newFailures.length} newly failing</span>}
              {sum.previous.newFailures.length > 0 && sum.previous.newlyPassing.length > 0 && ", "}
              {sum.previous.newlyPassing.length > 0 && <span className="text-green-700">{sum.previous.newlyPassing.length} newly passing</span>}
            </>
          ) : (
            "no change"
          )}
        </div>
      ) : (
        <div className="text-zinc-500">First report of this scope</div>
      )}
      {sum.period && <div className="text-zinc-500">Scans {day(sum.period.from) === day(sum.period.to) ? day(sum.period.from) : `${day(sum.period.from)} – ${day(sum.period.to)}`}</div>}
    </>
  );
}

export function ReportsTable({ rows, frameworkName, clusterName }: { rows: TReportRow[]; frameworkName: (id: string) => string; clusterName: (id: string) => string }) {
  return (
    <div className={t.wrap}>
      <table className={t.table}>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={t.th}>Report</th>
            <th scope="col" className={`${t.th} hidden md:table-cell`}>Scope</th>
            <th scope="col" className={t.th}>Status</th>
            <th scope="col" className={`${t.th} hidden lg:table-cell`}>Controls</th>
            <th scope="col" className={t.th}>Download</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const s = STATUS[r.status];
            const files = [
              { format: "pdf", label: "PDF", sha: r.pdfSha256 },
              { format: "csv", label: "CSV", sha: r.csvSha256 },
              { format: "json", label: "JSON", sha: r.jsonSha256 },
            ];
            return (
              <tr key={r.id} className={t.tr}>
                <td className={`${t.td} align-top`}>
                  <div className="font-medium text-zinc-900">{frameworkName(r.framework)}</div>
                  <div className="text-xs text-zinc-500">
                    <Time date={r.createdAt} />{r.scheduleId ? <> · scheduled</> : r.createdBy && <> · {r.createdBy.name ?? r.createdBy.email}</>}
                  </div>
                </td>
                <td className={`${t.td} hidden max-w-xs align-top text-xs text-zinc-600 md:table-cell`}>
                  <ScopeCell r={r} clusterName={clusterName} />
                  <div className="text-zinc-500">{r.asOf ? <>as of {r.asOf.toISOString().slice(0, 10)}</> : "latest scans"}</div>
                </td>
                <td className={`${t.td} align-top`}>
                  <span className={cn("inline-flex whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", s.cls)}>{s.label}</span>
                  {r.error && <div className="mt-1 max-w-xs text-xs text-red-700">{r.error}</div>}
                </td>
                <td className={`${t.td} hidden align-top text-xs tabular-nums lg:table-cell`}>
                  <ControlsCell r={r} />
                </td>
                <td className={`${t.td} align-top`}>
                  {r.status === "succeeded" ? (
                    <ul className="flex flex-wrap gap-1.5">
                      {files.map((f) => (
                        <li key={f.format}>
                          <a
                            href={`/api/reports/${r.id}/download?format=${f.format}`}
                            download
                            title={f.sha ? `SHA-256 ${f.sha}` : undefined}
                            aria-label={`Download ${frameworkName(r.framework)} report as ${f.label}`}
                            className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-zinc-200 hover:bg-indigo-50"
                          >
                            <Download className="size-3.5" aria-hidden />{f.label}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-xs text-zinc-400">{r.status === "failed" ? "No files" : "Not ready yet"}</span>
                  )}
                  {r.pdfSha256 && <div className="mt-1 hidden font-mono text-[11px] text-zinc-500 sm:block" title={`PDF SHA-256 ${r.pdfSha256}`}>sha256 {r.pdfSha256.slice(0, 16)}…</div>}
                  {r.status === "succeeded" && r.signingKeyId && (
                    <div className="mt-1 text-[11px] text-zinc-500">
                      Signed (key <span className="font-mono">{r.signingKeyId}</span>):{" "}
                      {files.map((f, i) => (
                        <span key={f.format}>
                          {i > 0 && " · "}
                          <a href={`/api/reports/${r.id}/download?format=${f.format}.sig`} download aria-label={`Download the signature of the ${f.label} file`} className="text-indigo-700 hover:underline">
                            {f.label}.sig
                          </a>
                        </span>
                      ))}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
