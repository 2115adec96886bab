// The Compliance page: pick a framework (grouped), see the scope it covers, a summary per cluster in
// scope, then every control against every cluster, or one cluster's controls with the evidence
// behind each status. Reads precomputed scan results only (frameworkPosture); never waits on a scan.
import Link from "next/link";
import { ClipboardCheck } from "lucide-react";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { buttonClass } from "@/modules/ui/components/button";
import { Select } from "@/modules/ui/components/form";
import { Callout, EmptyState, PageHeader, Section } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { cn } from "@/modules/ui/cn";
import { frameworkHref, scopeHref } from "../compliance-links";
import { buildComplianceMatrix, sliceComplianceMatrix } from "../server/matrix";
import { groupFrameworks } from "../framework-groups";
import { pickFramework, queryFrameworkView } from "../server/queries";
import { ClusterControls } from "./cluster-controls";
import { ClusterSummaryTable, ComplianceMatrix } from "./compliance-matrix";
import { FrameworkNav } from "./framework-nav";
import { ScopeLine } from "./scope-line";
import { ControlBar, StatusCounts } from "./control-status";

/** Clusters per page of the matrix (each adds a column of every control). */
const MATRIX_PAGE = 20;
/** Up to this many clusters in scope are links; more are a select. */
const CLUSTER_CHIPS = 12;

export type TComplianceSearch = { framework?: string; cluster?: string; from?: string };

const one = (v: unknown, max: number) => (typeof v === "string" ? v.slice(0, max) : undefined);

export async function CompliancePage({ ctx, search }: { ctx: TOrgContext; search: TComplianceSearch }) {
  const framework = pickFramework(one(search.framework, 60));
  const { posture, scope } = await queryFrameworkView(ctx.orgId, framework);
  const matrix = buildComplianceMatrix(framework, posture);
  const canManage = can(ctx.role, "compliance:manage");
  const f = framework;
  const clusterId = one(search.cluster, 64);
  const column = clusterId ? matrix.clusters.findIndex((c) => c.id === clusterId) : -1;

  const header = (
    <PageHeader
      title="Compliance"
      description="How the clusters in a framework's scope measure against it, judged from each cluster's last completed scan. A control passes only when every rule behind it passed; rules that could not run make it not evaluated, manual controls need an attestation, and nothing unjudged counts as passed."
      actions={<Link href={`/reports?framework=${encodeURIComponent(f.id)}`} className={buttonClass("secondary", "sm")}>Generate report</Link>}
    />
  );
  const nav = <FrameworkNav groups={groupFrameworks()} current={f.id} href={(id) => frameworkHref(id)} />;

  if (scope.total === 0) {
    return (
      <>
        {header}
        <div className="space-y-6">
          {nav}
          <Section><EmptyState icon={<ClipboardCheck className="size-5" aria-hidden />} title="No clusters yet" description="Add a cluster; its first scan fills this page."><Link href="/clusters/new" className={buttonClass("primary", "sm")}>Add cluster</Link></EmptyState></Section>
        </div>
      </>
    );
  }

  const total = matrix.clusters.length;
  const start = Math.min(Math.max(0, Math.floor(Number(search.from) || 0)), Math.max(0, total - 1));
  const first = start - (start % MATRIX_PAGE);
  const pageHref = (n: number) => `${frameworkHref(f.id)}&from=${n}#controls`;
  const chip = (active: boolean) => cn("rounded-full px-2.5 py-1 text-xs ring-1 ring-inset", active ? "bg-zinc-900 text-white ring-zinc-900" : "bg-white text-zinc-700 ring-zinc-200 hover:bg-zinc-50");

  return (
    <>
      {header}
      <div className="space-y-6">
        {nav}
        <Section
          title={<>{f.name} <span className="font-normal text-zinc-500">{f.version}</span></>}
          id="framework"
          description={f.description}
          bodyClassName="space-y-4 p-4"
        >
          <ScopeLine scope={scope} scopeHref={scopeHref(f.id)} canEdit={canManage} />
          {total > 0 && (
            <div className="space-y-1.5">
              <div className="text-xs text-zinc-500">{total === 1 ? "Controls on the cluster in scope" : `Controls summed over the ${total} clusters in scope`}</div>
              <ControlBar summary={matrix.totals} />
              <StatusCounts summary={matrix.totals} />
            </div>
          )}
          {f.disclaimer && <Callout tone="warning">{f.disclaimer}</Callout>}
        </Section>

        {total === 0 ? (
          <Section><EmptyState icon={<ClipboardCheck className="size-5" aria-hidden />} title="No cluster in scope" description="The scope names no cluster of this organization any more.">{canManage && <Link href={scopeHref(f.id)} className={buttonClass("primary", "sm")}>Set scope</Link>}</EmptyState></Section>
        ) : (
          <>
            <Section title="By cluster" id="summary" bodyClassName="p-0" description="Select a cluster for its controls and the evidence behind each status.">
              <ClusterSummaryTable matrix={matrix} />
            </Section>

            {total <= CLUSTER_CHIPS ? (
              <nav aria-label="Clusters in scope" className="flex flex-wrap items-center gap-2 text-sm">
                <span className="text-zinc-500">Show</span>
                <Link href={`${frameworkHref(f.id)}#controls`} aria-current={column === -1 ? "page" : undefined} className={chip(column === -1)}>All clusters in scope</Link>
                {matrix.clusters.map((c, i) => (
                  <Link key={c.id} href={`${frameworkHref(f.id, c.id)}#controls`} aria-current={i === column ? "page" : undefined} className={chip(i === column)}>{c.name}</Link>
                ))}
              </nav>
            ) : (
              // A fleet's worth of chips is a wall: a plain GET form picks the cluster instead (no script needed).
              <form method="get" action="/compliance#controls" className="flex flex-wrap items-center gap-2 text-sm">
                <input type="hidden" name="framework" value={f.id} />
                <label htmlFor="compliance-cluster" className="text-zinc-500">Show</label>
                <Select id="compliance-cluster" name="cluster" defaultValue={column >= 0 ? matrix.clusters[column]!.id : ""} className="w-auto min-w-56">
                  <option value="">All clusters in scope</option>
                  {matrix.clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                </Select>
                <button type="submit" className={buttonClass("secondary", "sm")}>Show</button>
              </form>
            )}
            {clusterId && column === -1 && <Callout tone="info">That cluster is not in the scope of {f.name}; all clusters in scope are shown.</Callout>}

            {column >= 0 ? (
              <Section
                title={`${f.name} · ${matrix.clusters[column]!.name}`}
                id="controls"
                bodyClassName="p-0"
                description={
                  <>
                    {matrix.clusters[column]!.namespaces.length > 0 ? `Namespaces ${matrix.clusters[column]!.namespaces.join(", ")} and cluster-scoped objects. ` : "The whole cluster. "}
                    {matrix.clusters[column]!.scanAt ? <>From the scan <Time date={matrix.clusters[column]!.scanAt} />.</> : "No completed scan yet."}
                  </>
                }
                actions={<Link href={`/findings?tab=all&cluster=${encodeURIComponent(matrix.clusters[column]!.id)}&status=excepted`} className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">Active exceptions</Link>}
              >
                <ClusterControls matrix={matrix} column={column} canAttest={canManage} />
              </Section>
            ) : (
              <Section
                title="Controls by cluster"
                id="controls"
                description={`Open a control for its rationale, attestations and evidence files; select a status for that cluster's evidence.${total > MATRIX_PAGE ? ` Clusters ${first + 1}-${Math.min(total, first + MATRIX_PAGE)} of ${total}.` : ""}`}
                bodyClassName="p-0"
                actions={
                  total > MATRIX_PAGE ? (
                    <nav aria-label="Matrix pages" className="flex items-center gap-1">
                      {first > 0 ? <Link href={pageHref(first - MATRIX_PAGE)} className={buttonClass("secondary", "sm")}>Previous {MATRIX_PAGE}</Link> : null}
                      {first + MATRIX_PAGE < total ? <Link href={pageHref(first + MATRIX_PAGE)} className={buttonClass("secondary", "sm")}>Next {Math.min(MATRIX_PAGE, total - first - MATRIX_PAGE)}</Link> : null}
                    </nav>
                  ) : undefined
                }
              >
                <ComplianceMatrix matrix={sliceComplianceMatrix(matrix, first, MATRIX_PAGE)} />
              </Section>
            )}
          </>
        )}
      </div>
    </>
  );
}
