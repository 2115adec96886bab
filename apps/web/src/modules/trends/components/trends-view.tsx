// The trends page body (server component): filters in the URL, charts each with a table of the
// same numbers, remediation figures, and open CVEs with mean time to patch. Charts are client components; everything else is HTML.
import Link from "next/link";
import { LineChart as LineChartIcon } from "lucide-react";
import { ruleTitle } from "@/modules/findings/server/queries";
import { buttonClass } from "@/modules/ui/components/button";
import { EmptyState, Section, tableClass as t } from "@/modules/ui/components/layout";
import { AboutScore, formatScore } from "@/modules/ui/components/score";
import { cn } from "@/modules/ui/cn";
import { SEVERITY_ORDER, SEVERITY_STYLE } from "@/modules/ui/severity";
import type { TTrendsView } from "../server/queries";
import { TREND_RANGES, trendsHref, type TTrendsQuery } from "../trends.schemas";
import { ChangesChart, ScoreChart, SeverityChart, VulnChart } from "./trend-charts";
import { MAX_CLUSTER_LINES, RISK_KEYS, RISK_SEVERITY } from "../trends-series";

const RANGE_LABEL: Record<(typeof TREND_RANGES)[number], string> = { "7": "7 days", "30": "30 days", "90": "90 days", "365": "1 year" };
/** Beyond this many clusters the cluster filter folds into a disclosure. */
const MANY_CLUSTERS = 12;
const chip = (active: boolean) =>
  cn("rounded-full px-2.5 py-1 text-xs ring-1 ring-inset", active ? "bg-zinc-900 text-white ring-zinc-900" : "bg-white text-zinc-700 ring-zinc-200 hover:bg-zinc-50");

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details className="border-t border-zinc-100 text-xs">
      <summary className="cursor-pointer px-4 py-2 text-indigo-700 underline-offset-4 hover:underline">Show the data as a table</summary>
      <div className={cn(t.wrap, "max-h-80 overflow-y-auto")}>
        <table className={t.table}>
          <caption className="sr-only">{caption}</caption>
          <thead className={t.thead}>
            <tr>{head.map((h) => <th key={h} scope="col" className={t.th}>{h}</th>)}</tr>
          </thead>
          <tbody className="tabular-nums">
            {rows.map((r) => (
              <tr key={String(r[0])} className={t.tr}>{r.map((c, i) => (i === 0 ? <th key={i} scope="row" className={`${t.td} py-1.5 text-left font-normal`}>{c}</th> : <td key={i} className={`${t.td} py-1.5`}>{c}</td>))}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Stat({ label, value, hint }: { label: string; value: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <div className="px-4 py-3">
      <div className="text-xs text-zinc-500">{label}</div>
      <div className="mt-0.5 text-xl font-semibold tabular-nums text-zinc-900">{value}</div>
      {hint && <div className="text-xs text-zinc-500">{hint}</div>}
    </div>
  );
}

function hours(h: number): string {
  if (h < 1) return `${Math.max(1, Math.round(h * 60))} min`;
  if (h < 48) return `${h.toFixed(1)} h`;
  return `${(h / 24).toFixed(1)} days`;
}

const days = (d: number | null) => (d === null ? "—" : hours(d * 24));

/** Open critical/high CVEs over the range and, per cluster, how fast fixable CVEs get patched. */
function VulnSection({ v, unit, scopeLabel }: { v: TTrendsView; unit: string; scopeLabel: string }) {
  const { vulns } = v;
  const now = vulns.fleet;
  const any = vulns.clusters.length > 0 || vulns.days.some((d) => d.critical + d.high > 0);
  if (!any) {
    return (
      <Section title="Vulnerabilities" id="vulnerabilities" description={`Open critical and high CVEs and mean time to patch, ${scopeLabel}.`}>
        <p className="text-sm text-zinc-600">
          No image vulnerability data in this range. Bulwark reads Trivy Operator's VulnerabilityReports through each cluster's API on every scan, and takes Trivy, Grype and CycloneDX documents imported from CI (see <Link href="/images" className="text-indigo-700 underline-offset-4 hover:underline">Images</Link>).
        </p>
      </Section>
    );
  }
  const rows: { key: string; label: string; s: typeof now }[] = [...(vulns.clusters.length > 1 ? [{ key: "fleet", label: "All clusters", s: now }] : []), ...vulns.clusters.map((c) => ({ key: c.clusterId, label: c.name, s: c }))];
  return (
    <div className="grid gap-6 xl:grid-cols-2 [&>*]:min-w-0">
      <Section title="Open critical and high CVEs" id="vulnerabilities" description={`Open at the end of each ${v.bucket > 1 ? "week" : "day"}, ${scopeLabel}: each CVE once per cluster and image, however many packages carry it.${vulns.from > v.from.toISOString().slice(0, 10) ? ` From ${vulns.from}: CVE history is shown for at most a year.` : ""}`} bodyClassName="p-0">
        <div className="p-4"><VulnChart days={vulns.days} bucket={v.bucket} label={`Line chart of open critical and high CVEs from ${vulns.from} to ${vulns.to}; now ${now.openCritical} critical and ${now.openHigh} high.`} /></div>
        <DataTable caption="Open critical and high CVEs over time" head={[unit, "Critical", "High"]} rows={vulns.days.map((d) => [d.day, d.critical, d.high])} />
      </Section>
      <Section title="Mean time to patch" id="mttp" description="From the first scan that saw a fixable CVE to the scan that no longer did (patched, image replaced or report gone), for CVEs resolved in this range." bodyClassName="p-0">
        {/* Six columns in half the page scroll sideways: a region keyboard users can focus and scroll. */}
        <div className={t.wrap} tabIndex={0} role="region" aria-label="Mean time to patch per cluster"><table className={t.table}>
          <thead className={t.thead}>
            <tr>
              <th scope="col" className={t.th}>Cluster</th>
              <th scope="col" className={`${t.th} text-right`}>Open critical</th>
              <th scope="col" className={`${t.th} text-right`}>Open high</th>
              <th scope="col" className={`${t.th} text-right`}>Patched</th>
              <th scope="col" className={`${t.th} text-right`}>Mean time to patch</th>
              <th scope="col" className={`${t.th} text-right`}>Critical only</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {rows.map((r) => (
              <tr key={r.key} className={cn(t.tr, r.key === "fleet" && "font-semibold")}>
                <th scope="row" className={`${t.td} text-left font-normal`}>{r.label}</th>
                <td className={cn(t.td, "text-right", r.s.openCritical > 0 ? "font-semibold text-red-700" : "text-zinc-400")}>{r.s.openCritical}</td>
                <td className={cn(t.td, "text-right", r.s.openHigh === 0 && "text-zinc-400")}>{r.s.openHigh}</td>
                <td className={`${t.td} text-right`}>{r.s.patched}</td>
                <td className={`${t.td} text-right`}>{days(r.s.mttpDays)}</td>
                <td className={`${t.td} text-right`}>{days(r.s.mttpCriticalDays)}{r.s.patchedCritical > 0 && <span className="text-zinc-500"> ({r.s.patchedCritical})</span>}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      </Section>
    </div>
  );
}

export function TrendsView({ q, v }: { q: TTrendsQuery; v: TTrendsView }) {
  const scopeLabel = v.clusters.length === v.allClusters.length ? "all clusters" : v.clusters.map((c) => c.name).join(", ") || "no cluster";
  const period = `${v.from.toISOString().slice(0, 10)} to ${v.to.toISOString().slice(0, 10)}`;
  const unit = v.bucket > 1 ? "Week ending" : "Day";
  const delta = v.latest?.score != null && v.first?.score != null ? Math.round((v.latest.score - v.first.score) * 10) / 10 : null;
  const totals = v.rows.reduce((a, r) => ({ new: a.new + r.new, fixed: a.fixed + r.fixed }), { new: 0, fixed: 0 });
  const clusterQ = (id: string) => (q.cluster.includes(id) ? q.cluster.filter((c) => c !== id) : [...q.cluster, id]);
  const ages = ["0-7d", "7-30d", "30-90d", "90d+"] as const;

  return (
    <div className="min-w-0 space-y-6">
      <div className="space-y-3">
        <nav aria-label="Time range" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-zinc-500">Range</span>
          {TREND_RANGES.map((r) => (
            <Link key={r} href={trendsHref(q, { range: r })} aria-current={q.range === r ? "page" : undefined} className={chip(q.range === r)}>{RANGE_LABEL[r]}</Link>
          ))}
          <form action="/trends" method="get" className="flex flex-wrap items-center gap-1.5 text-xs">
            <input type="hidden" name="range" value="custom" />
            {q.cluster.map((c) => <input key={c} type="hidden" name="cluster" value={c} />)}
            <label className="text-zinc-500" htmlFor="trend-from">From</label>
            <input id="trend-from" name="from" type="date" required defaultValue={q.range === "custom" ? q.from : v.from.toISOString().slice(0, 10)} className="h-7 rounded-md border border-zinc-300 px-1.5 text-xs" />
            <label className="text-zinc-500" htmlFor="trend-to">to</label>
            <input id="trend-to" name="to" type="date" defaultValue={q.range === "custom" ? q.to : v.to.toISOString().slice(0, 10)} className="h-7 rounded-md border border-zinc-300 px-1.5 text-xs" />
            <button type="submit" className={buttonClass(q.range === "custom" ? "primary" : "secondary", "sm")}>Apply</button>
          </form>
        </nav>
        <nav aria-label="Clusters" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-zinc-500">Clusters</span>
          <Link href={trendsHref(q, { cluster: [] })} aria-current={q.cluster.length === 0 ? "page" : undefined} className={chip(q.cluster.length === 0)}>All</Link>
          {v.allClusters.length <= MANY_CLUSTERS ? (
            v.allClusters.map((c) => (
              <Link key={c.id} href={trendsHref(q, { cluster: clusterQ(c.id) })} aria-current={q.cluster.includes(c.id) ? "true" : undefined} className={chip(q.cluster.includes(c.id))}>{c.name}</Link>
            ))
          ) : (
            // A fleet's worth of chips would push the charts below the fold: the selection stays
            // visible, the full list opens on demand.
            <>
              {v.clusters.length < v.allClusters.length &&
                v.clusters.map((c) => (
                  <Link key={c.id} href={trendsHref(q, { cluster: clusterQ(c.id) })} aria-current="true" className={chip(true)}>{c.name}</Link>
                ))}
              <details className="w-full">
                <summary className="cursor-pointer text-xs text-indigo-700 underline-offset-4 hover:underline">Choose from {v.allClusters.length} clusters</summary>
                <div className="mt-2 flex max-h-60 flex-wrap gap-2 overflow-y-auto">
                  {v.allClusters.map((c) => (
                    <Link key={c.id} href={trendsHref(q, { cluster: clusterQ(c.id) })} aria-current={q.cluster.includes(c.id) ? "true" : undefined} className={chip(q.cluster.includes(c.id))}>{c.name}</Link>
                  ))}
                </div>
              </details>
            </>
          )}
        </nav>
      </div>

      {v.scanCount === 0 && !v.latest ? (
        <Section>
          <EmptyState icon={<LineChartIcon className="size-5" aria-hidden />} title="No scans in this range" description={`Nothing was scanned for ${scopeLabel} between ${period}. Pick a longer range, or run a scan from the cluster's page.`}>
            <Link href="/clusters" className={buttonClass("primary", "sm")}>Go to clusters</Link>
          </EmptyState>
        </Section>
      ) : (
        <>
          <Section bodyClassName="p-0">
            <div className="grid grid-cols-2 divide-zinc-100 sm:grid-cols-4 sm:divide-x">
              <Stat label="Score now" value={<>{formatScore(v.latest?.score)}<span className="text-sm font-normal text-zinc-500"> / 100</span></>} hint={delta === null || v.first!.day === v.latest!.day ? "no earlier scan in range" : `${delta > 0 ? "+" : ""}${delta} since ${v.first!.day}`} />
              <Stat label="Scans in range" value={v.scanCount.toLocaleString("en-US")} hint={scopeLabel} />
              <Stat label="New findings" value={totals.new.toLocaleString("en-US")} hint={period} />
              <Stat label="Fixed findings" value={totals.fixed.toLocaleString("en-US")} hint={period} />
            </div>
          </Section>

          <Section title="Posture score" id="score" description={`${v.bucket > 1 ? "Weekly" : "Daily"}, ${scopeLabel}. ${v.clusters.length > 1 ? "The organization line is the mean of the clusters' latest scores; a" : "A"} day without a scan keeps the last known score.${v.perCluster ? "" : ` Pick up to ${MAX_CLUSTER_LINES} clusters to draw a line for each.`}`} actions={<AboutScore />} bodyClassName="p-0">
            <div className="p-4"><ScoreChart rows={v.rows} clusters={v.perCluster ? v.clusters : []} bucket={v.bucket} label={`Line chart of the posture score from ${period}; now ${formatScore(v.latest?.score)} out of 100.`} /></div>
            <DataTable
              caption="Posture score over time"
              head={[unit, "Organization", ...(v.perCluster && v.clusters.length > 1 ? v.clusters.map((c) => c.name) : [])]}
              rows={v.rows.map((r) => [r.day, formatScore(r.score), ...(v.perCluster && v.clusters.length > 1 ? v.clusters.map((c) => formatScore(r.clusters[c.id])) : [])])}
            />
          </Section>

          <div className="grid gap-6 xl:grid-cols-2 [&>*]:min-w-0">
            <Section title="Open risks by severity" id="risks" description="Attack paths open after each day's last scan, stacked by severity." bodyClassName="p-0">
              <div className="p-4"><SeverityChart of="risks" rows={v.rows} bucket={v.bucket} label={`Stacked area chart of open risks by severity from ${period}.`} /></div>
              <DataTable
                caption="Open risks by severity over time"
                head={[unit, ...RISK_KEYS.map((k) => SEVERITY_STYLE[RISK_SEVERITY[k]].label)]}
                rows={v.rows.map((r) => [r.day, ...RISK_KEYS.map((k) => r[k])])}
              />
            </Section>
            <Section title="Open findings by severity" id="severity" description="Findings open after each day's last scan, stacked by severity." bodyClassName="p-0">
              <div className="p-4"><SeverityChart rows={v.rows} bucket={v.bucket} label={`Stacked area chart of open findings by severity from ${period}.`} /></div>
              <DataTable
                caption="Open findings by severity over time"
                head={[unit, ...SEVERITY_ORDER.map((s) => SEVERITY_STYLE[s].label)]}
                rows={v.rows.map((r) => [r.day, ...SEVERITY_ORDER.map((s) => r[s])])}
              />
            </Section>
            <Section className="xl:col-span-2" title="New and fixed findings" id="changes" description={`Per ${v.bucket > 1 ? "week" : "day"}, summed over every scan in it. A cluster's first scan is its baseline and adds no "new".`} bodyClassName="p-0">
              <div className="p-4"><ChangesChart rows={v.rows} bucket={v.bucket} label={`Bar chart of new, reopened and fixed findings from ${period}: ${totals.new} new, ${totals.fixed} fixed.`} /></div>
              <DataTable caption="New, reopened and fixed findings over time" head={[unit, "New", "Reopened", "Fixed", "Scans"]} rows={v.rows.map((r) => [r.day, r.new, r.reopened, r.fixed, r.scans])} />
            </Section>
          </div>

          <VulnSection v={v} unit={unit} scopeLabel={scopeLabel} />

          <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
            <Section title="Mean time to remediate" id="mttr" description="From first seen to resolved by a scan, for findings resolved in this range." bodyClassName="p-0">
              <div className={t.wrap}><table className={t.table}>
                <thead className={t.thead}><tr><th scope="col" className={t.th}>Severity</th><th scope="col" className={`${t.th} text-right`}>Mean time</th><th scope="col" className={`${t.th} text-right`}>Resolved</th></tr></thead>
                <tbody className="tabular-nums">
                  {SEVERITY_ORDER.map((s) => {
                    const m = v.remediation.mttr.find((x) => x.severity === s);
                    return (
                      <tr key={s} className={t.tr}>
                        <th scope="row" className={`${t.td} text-left font-normal`}><span className={cn("mr-2 inline-block size-2 rounded-full", SEVERITY_STYLE[s].dot)} aria-hidden />{SEVERITY_STYLE[s].label}</th>
                        <td className={`${t.td} text-right`}>{m ? hours(m.hours) : "—"}</td>
                        <td className={`${t.td} text-right`}>{m?.resolved ?? 0}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table></div>
            </Section>
            <Section title="Open findings by age" id="age" description="How long today's open findings have been open." bodyClassName="p-0">
              <div className={t.wrap}>
                <table className={t.table}>
                  <thead className={t.thead}><tr><th scope="col" className={t.th}>Severity</th>{ages.map((a) => <th key={a} scope="col" className={`${t.th} text-right`}>{a.replace("d", " days").replace("+", " +")}</th>)}</tr></thead>
                  <tbody className="tabular-nums">
                    {SEVERITY_ORDER.map((s) => (
                      <tr key={s} className={t.tr}>
                        <th scope="row" className={`${t.td} text-left font-normal`}><span className={cn("mr-2 inline-block size-2 rounded-full", SEVERITY_STYLE[s].dot)} aria-hidden />{SEVERITY_STYLE[s].label}</th>
                        {ages.map((a) => {
                          const n = v.remediation.age.find((x) => x.bucket === a && x.severity === s)?.count ?? 0;
                          return <td key={a} className={cn(t.td, "text-right", n === 0 && "text-zinc-400", a === "90d+" && n > 0 && "font-semibold text-red-700")}>{n}</td>;
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Section>
            <Section title="Top failing rules" id="rules" description="Rules with the most open findings now." bodyClassName="p-0">
              <ol className="divide-y divide-zinc-100 text-sm">
                {v.remediation.topRules.length === 0 && <li className="px-4 py-3 text-zinc-500">No open findings.</li>}
                {v.remediation.topRules.map((r) => (
                  <li key={r.ruleId} className="flex items-center justify-between gap-3 px-4 py-2">
                    <Link href={`/findings?rule=${encodeURIComponent(r.ruleId)}`} className="min-w-0 truncate text-indigo-700 underline-offset-4 hover:underline">{ruleTitle(r.ruleId)}</Link>
                    <span className="shrink-0 tabular-nums text-zinc-600">{r.count}</span>
                  </li>
                ))}
              </ol>
            </Section>
            <Section title="Top namespaces" id="namespaces" description="Namespaces with the most open findings now." bodyClassName="p-0">
              <ol className="divide-y divide-zinc-100 text-sm">
                {v.remediation.topNamespaces.length === 0 && <li className="px-4 py-3 text-zinc-500">No open findings.</li>}
                {v.remediation.topNamespaces.map((r) => (
                  <li key={r.namespace ?? "(cluster)"} className="flex items-center justify-between gap-3 px-4 py-2">
                    {r.namespace ? (
                      <Link href={`/findings?namespace=${encodeURIComponent(r.namespace)}`} className="min-w-0 truncate font-mono text-xs text-indigo-700 underline-offset-4 hover:underline">{r.namespace}</Link>
                    ) : (
                      <span className="text-zinc-600">Cluster-scoped objects</span>
                    )}
                    <span className="shrink-0 tabular-nums text-zinc-600">{r.count}</span>
                  </li>
                ))}
              </ol>
            </Section>
          </div>
        </>
      )}
    </div>
  );
}
