import Link from "next/link";
import { ClipboardCheck } from "lucide-react";
import { requirePageContext } from "@/modules/auth/server/session";
import { ClusterSummaryTable, ComplianceMatrix, controlAnchor } from "@/modules/compliance/components/compliance-matrix";
import { ControlBar, ControlStatusBadge } from "@/modules/compliance/components/control-status";
import { queryComplianceMatrix, sliceComplianceMatrix } from "@/modules/compliance/server/matrix";

/** Clusters per page of the all-clusters matrix (each adds a column of every control). */
const MATRIX_PAGE = 20;
import { queryCompliance } from "@/modules/compliance/server/queries";
import { ruleTitle } from "@/modules/findings/server/queries";
import { buttonClass } from "@/modules/ui/components/button";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { cn } from "@/modules/ui/cn";

export const metadata = { title: "Compliance" };
export const dynamic = "force-dynamic";

function ViewTabs({ matrix, framework }: { matrix: boolean; framework: string | undefined }) {
  const fw = framework ? `framework=${encodeURIComponent(framework)}` : "";
  const tab = (active: boolean) => cn("whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium", active ? "bg-white text-zinc-900 shadow-xs" : "text-zinc-600 hover:text-zinc-900");
  return (
    <nav aria-label="Compliance view" className="inline-flex shrink-0 gap-1 rounded-lg bg-zinc-100 p-1">
      <Link href={`/compliance${fw ? `?${fw}` : ""}`} aria-current={!matrix ? "page" : undefined} className={tab(!matrix)}>One cluster</Link>
      <Link href={`/compliance?view=all${fw ? `&${fw}` : ""}`} aria-current={matrix ? "page" : undefined} className={tab(matrix)}>All clusters</Link>
    </nav>
  );
}

export default async function CompliancePage({ searchParams }: { searchParams: Promise<{ cluster?: string; framework?: string; view?: string; from?: string }> }) {
  const ctx = await requirePageContext();
  const sp = await searchParams;
  const frameworkParam = typeof sp.framework === "string" ? sp.framework.slice(0, 40) : undefined;
  if (sp.view === "all") return <AllClusters orgId={ctx.orgId} framework={frameworkParam} from={sp.from} />;
  const view = await queryCompliance(ctx.orgId, typeof sp.cluster === "string" ? sp.cluster.slice(0, 64) : undefined);
  const header = (
    <PageHeader
      title="Compliance"
      description="How a cluster measures against each framework, judged from its last completed scan. A control passes only when every rule behind it passed; rules that could not run make it not evaluated, never passed."
      actions={<ViewTabs matrix={false} framework={frameworkParam} />}
    />
  );
  if (!view.cluster) {
    return (
      <>
        {header}
        <Section><EmptyState icon={<ClipboardCheck className="size-5" aria-hidden />} title="No clusters yet" description="Add a cluster; its first scan fills this page."><Link href="/clusters/new" className={buttonClass("primary", "sm")}>Add cluster</Link></EmptyState></Section>
      </>
    );
  }
  const selected = view.results.find((r) => r.id === sp.framework) ?? view.results[0]!;
  const current = view.cluster;
  const q = (framework: string, cluster = current.id) => `/compliance?cluster=${encodeURIComponent(cluster)}&framework=${encodeURIComponent(framework)}`;

  return (
    <>
      {header}
      <div className="space-y-6">
        <nav aria-label="Cluster" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-zinc-500">Cluster</span>
          {view.clusters.map((c) => (
            <Link
              key={c.id}
              href={q(selected.id, c.id)}
              aria-current={c.id === view.cluster!.id ? "page" : undefined}
              className={cn("rounded-full px-2.5 py-1 text-xs ring-1 ring-inset", c.id === view.cluster!.id ? "bg-zinc-900 text-white ring-zinc-900" : "bg-white text-zinc-700 ring-zinc-200 hover:bg-zinc-50")}
            >
              {c.name}{!c.scanned && " (not scanned)"}
            </Link>
          ))}
          <span className="ml-auto text-xs text-zinc-500">{view.scanAt ? <>From the scan <Time date={view.scanAt} /></> : "No completed scan yet"}</span>
        </nav>

        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {view.results.map((r) => {
            const s = r.result.summary;
            return (
              <li key={r.id}>
                <Link href={q(r.id)} aria-current={r.id === selected.id ? "true" : undefined} className={cn("block rounded-lg border bg-white p-4 shadow-xs transition hover:border-indigo-300", r.id === selected.id ? "border-indigo-400 ring-1 ring-indigo-400" : "border-zinc-200")}>
                  <div className="text-sm font-medium text-zinc-900">{r.name}</div>
                  <div className="text-xs text-zinc-500">{r.version}</div>
                  <div className="mt-3"><ControlBar summary={s} /></div>
                  <div className="mt-2 flex flex-wrap gap-x-3 text-xs tabular-nums">
                    <span className="text-green-700">{s.passed} passed</span>
                    <span className="text-red-700">{s.failed} failed</span>
                    <span className="text-zinc-600">{s.notEvaluated} not evaluated</span>
                    {s.manual > 0 && <span className="text-zinc-600">{s.manual} manual</span>}
                  </div>
                </Link>
              </li>
            );
          })}
        </ul>

        <Section
          title={`${selected.name} · ${view.cluster.name}`}
          id="controls"
          description={selected.description}
          bodyClassName="p-0"
          actions={
            <>
              <Link href={`/findings?cluster=${view.cluster.id}&status=excepted`} className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">Active exceptions</Link>
              <Link href={`/reports?framework=${encodeURIComponent(selected.id)}`} className={buttonClass("secondary", "sm")}>Generate report</Link>
            </>
          }
        >
          {selected.disclaimer && <div className="border-b border-zinc-100 p-4"><Callout tone="warning">{selected.disclaimer}</Callout></div>}
          <div className={t.wrap}>
            <table className={t.table}>
              <thead className={t.thead}>
                <tr>
                  <th scope="col" className={`${t.th} w-20`}>Control</th>
                  <th scope="col" className={t.th}>Title</th>
                  <th scope="col" className={t.th}>Status</th>
                  <th scope="col" className={`${t.th} hidden md:table-cell`}>Why</th>
                </tr>
              </thead>
              <tbody>
                {selected.result.controls.map((c) => {
                  const failing = c.rules.filter((r) => r.status === "failed");
                  return (
                    <tr key={c.id} id={controlAnchor(c.id)} className={`${t.tr} scroll-mt-24 target:bg-indigo-50`}>
                      <td className={`${t.td} whitespace-nowrap align-top font-mono text-xs text-zinc-600`}>{c.id}</td>
                      <td className={`${t.td} align-top`}>
                        {c.title}
                        {/* The "Why" column is hidden on phones; a short reason keeps linked rows meaningful there. */}
                        {c.status === "failed" ? (
                          <span className="mt-0.5 block text-xs text-zinc-500 md:hidden">{failing.length} failing rule{failing.length === 1 ? "" : "s"} · {failing.reduce((n, r) => n + r.findings, 0)} findings</span>
                        ) : (
                          c.status !== "passed" && c.reason && <span className="mt-0.5 block text-xs text-zinc-500 md:hidden">{c.reason}</span>
                        )}
                      </td>
                      <td className={`${t.td} align-top`}><ControlStatusBadge status={c.status} /></td>
                      <td className={`${t.td} hidden align-top text-xs text-zinc-600 md:table-cell`}>
                        {failing.length > 0 ? (
                          <ul className="space-y-0.5">
                            {failing.map((r) => (
                              <li key={r.id}>
                                <Link className="text-indigo-700 underline-offset-4 hover:underline" href={`/findings?cluster=${view.cluster!.id}&rule=${encodeURIComponent(r.id)}`}>{ruleTitle(r.id)}</Link>
                                <span className="text-zinc-500"> · {r.findings} finding{r.findings === 1 ? "" : "s"}</span>
                              </li>
                            ))}
                          </ul>
                        ) : (
                          c.reason ?? (c.status === "passed" ? `${c.rules.length} rule${c.rules.length === 1 ? "" : "s"} passed` : "")
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Section>
      </div>
    </>
  );
}

async function AllClusters({ orgId, framework, from }: { orgId: string; framework: string | undefined; from: string | undefined }) {
  const { frameworks, matrix } = await queryComplianceMatrix(orgId, framework);
  const f = matrix.framework;
  const total = matrix.clusters.length;
  const start = Math.min(Math.max(0, Math.floor(Number(from) || 0)), Math.max(0, total - 1));
  const shown = sliceComplianceMatrix(matrix, start - (start % MATRIX_PAGE), MATRIX_PAGE);
  const first = start - (start % MATRIX_PAGE);
  const pageHref = (n: number) => `/compliance?view=all&framework=${encodeURIComponent(f.id)}&from=${n}#matrix`;
  return (
    <>
      <PageHeader
        title="Compliance"
        description="Every control of a framework on every cluster, judged from each cluster's last completed scan. Not evaluated and manual controls are never counted as passed; open a cell for the rules, reasons and findings behind it."
        actions={<ViewTabs matrix framework={f.id} />}
      />
      {matrix.clusters.length === 0 ? (
        <Section><EmptyState icon={<ClipboardCheck className="size-5" aria-hidden />} title="No clusters yet" description="Add a cluster; its first scan fills this page."><Link href="/clusters/new" className={buttonClass("primary", "sm")}>Add cluster</Link></EmptyState></Section>
      ) : (
        <div className="space-y-6">
          <nav aria-label="Framework" className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-zinc-500">Framework</span>
            {frameworks.map((x) => (
              <Link
                key={x.id}
                href={`/compliance?view=all&framework=${encodeURIComponent(x.id)}`}
                aria-current={x.id === f.id ? "page" : undefined}
                className={cn("rounded-full px-2.5 py-1 text-xs ring-1 ring-inset", x.id === f.id ? "bg-zinc-900 text-white ring-zinc-900" : "bg-white text-zinc-700 ring-zinc-200 hover:bg-zinc-50")}
              >
                {x.name}
              </Link>
            ))}
          </nav>
          <Section title={`${f.name} · summary by cluster`} id="summary" description={`${f.version} · ${matrix.controls.length} controls`} bodyClassName="p-0">
            {f.disclaimer && <div className="border-b border-zinc-100 p-4"><Callout tone="warning">{f.disclaimer}</Callout></div>}
            <ClusterSummaryTable matrix={matrix} />
          </Section>
          <Section
            title="Controls by cluster"
            id="matrix"
            description={`Select a status to see that cluster's control: the rules behind it, why it is not evaluated, and links to its findings.${total > MATRIX_PAGE ? ` Clusters ${first + 1}-${Math.min(total, first + MATRIX_PAGE)} of ${total}, in the order of the summary above.` : ""}`}
            bodyClassName="p-0"
            actions={
              <div className="flex items-center gap-2">
                {total > MATRIX_PAGE && (
                  <nav aria-label="Matrix pages" className="flex items-center gap-1">
                    {first > 0 ? <Link href={pageHref(first - MATRIX_PAGE)} className={buttonClass("secondary", "sm")}>Previous {MATRIX_PAGE}</Link> : null}
                    {first + MATRIX_PAGE < total ? <Link href={pageHref(first + MATRIX_PAGE)} className={buttonClass("secondary", "sm")}>Next {Math.min(MATRIX_PAGE, total - first - MATRIX_PAGE)}</Link> : null}
                  </nav>
                )}
                <Link href={`/reports?framework=${encodeURIComponent(f.id)}`} className={buttonClass("secondary", "sm")}>Generate report</Link>
              </div>
            }
          >
            <ComplianceMatrix matrix={shown} />
          </Section>
        </div>
      )}
    </>
  );
}
