import Link from "next/link";
import { Plus, ShieldCheck } from "lucide-react";
import { getFleetOverview } from "@bulwark/db";
import { requirePageContext } from "@/modules/auth/server/session";
import { can } from "@/modules/auth/permissions";
import { ClustersTable } from "@/modules/clusters/components/clusters-table";
import { ScanAllButton } from "@/modules/clusters/components/scan-all-button";
import { LiveRefresh } from "@/modules/live/components/live-refresh";
import { initialLive } from "@/modules/live/server/initial-live";
import { Onboarding } from "@/modules/overview/components/onboarding";
import { queryMembers } from "@/modules/findings/server/queries";
import { RisksTable } from "@/modules/risks/components/risks-table";
import { queryTopRisks, toRiskRowView } from "@/modules/risks/server/queries";
import { SeverityTiles } from "@/modules/overview/components/severity-tiles";
import { ButtonLink } from "@/modules/ui/components/button";
import { EmptyState, PageHeader, Section } from "@/modules/ui/components/layout";
import { AboutScore, Score, ScoreBar } from "@/modules/ui/components/score";
import { plural } from "@/modules/ui/format";

export const metadata = { title: "Overview" };
/** The overview lists the worst clusters; the whole fleet is on /clusters (200 rows made the page 850 KB). */
const OVERVIEW_CLUSTERS = 25;
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const ctx = await requirePageContext();
  // Precomputed rows only (cluster rows and scan summaries): the page costs the same at 300,000 findings.
  const [o, top, members, live] = await Promise.all([getFleetOverview({ orgId: ctx.orgId }), queryTopRisks(ctx.orgId, 6), queryMembers(ctx.orgId), initialLive(ctx.orgId)]);
  const memberLabel = new Map(members.map((m) => [m.id, m.label]));
  const openRisks = Object.values(o.risks).reduce((a: number, b) => a + (b as number), 0);
  const canManage = can(ctx.role, "cluster:manage");
  const total = Object.values(o.counts).reduce((a: number, b) => a + (b as number), 0);
  const scanned = o.clusters.filter((c) => c.score !== null && c.score !== undefined).length;

  return (
    <>
      <PageHeader
        title="Overview"
        description={`Security posture of ${ctx.org.name}`}
        actions={
          o.clusters.length > 0 && (
            <>
              <LiveRefresh initial={live} />
              {can(ctx.role, "scan:run") && <ScanAllButton />}
              {canManage && <ButtonLink href="/clusters/new" variant="primary"><Plus className="size-4" aria-hidden />Add cluster</ButtonLink>}
            </>
          )
        }
      />
      {o.clusters.length === 0 ? (
        <Onboarding canManage={canManage} />
      ) : (
        <div className="space-y-6">
          <Section
            title="Top risks"
            id="risks"
            description={openRisks ? `The worst of ${openRisks.toLocaleString("en-US")} open attack path${openRisks === 1 ? "" : "s"} across all clusters: fix these first` : "Attack paths: findings that combine on one workload or identity into a way in"}
            actions={openRisks > 0 && <Link href="/findings?tab=risks" className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">All risks</Link>}
            bodyClassName="p-0"
          >
            {top.length ? (
              <RisksTable rows={top.map((r) => toRiskRowView(r, memberLabel))} meId={ctx.userId} label="Top risks" />
            ) : (
              <EmptyState
                icon={<ShieldCheck className="size-5" aria-hidden />}
                title={scanned ? "No open risks" : "No risks yet"}
                description={scanned ? "No findings combine into an attack path. The open findings below are what is left to fix." : "Risks appear when the first scan of a cluster completes."}
              />
            )}
          </Section>
          <div className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
            <Section title="Posture score" id="score">
              <div className="flex items-baseline gap-2">
                <Score score={o.score} className="text-4xl" />
                <span className="text-sm text-zinc-500">/ 100</span>
              </div>
              <div className="mt-3"><ScoreBar score={o.score} /></div>
              <p className="mt-3 text-xs text-zinc-500">
                Across {plural(scanned, "scanned cluster")}{o.scansRunning > 0 ? ` · ${plural(o.scansRunning, "scan")} running` : ""}
              </p>
              <div className="mt-3"><AboutScore /></div>
              <ul className="mt-4 space-y-2 border-t border-zinc-100 pt-4" aria-label="Score by cluster">
                {o.clusters.slice(0, 5).map((c) => (
                  <li key={c.id}>
                    <Link href={`/clusters/${c.id}`} className="group grid grid-cols-[minmax(0,1fr)_2.5rem] items-center gap-x-3 gap-y-1">
                      <span className="truncate text-xs text-zinc-700 group-hover:text-zinc-900 group-hover:underline">{c.name}</span>
                      <Score score={c.score} className="text-right text-xs" />
                      <span className="col-span-2"><ScoreBar score={c.score} /></span>
                    </Link>
                  </li>
                ))}
              </ul>
            </Section>
            <div className="space-y-4">
              <Section
                title="Open risks"
                id="open-risks"
                description="Attack paths by severity, across all clusters"
                actions={<Link href="/findings?tab=risks" className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">View risks</Link>}
              >
                <SeverityTiles counts={o.risks} tab="risks" noun="open risks" severities={["critical", "high", "medium", "low"]} />
              </Section>
              <Section
                title="Open findings"
                id="open"
                description={`${total.toLocaleString("en-US")} open across all clusters, by severity (excepted and expected platform findings are not open work)`}
                actions={<Link href="/findings?tab=all" className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">View findings</Link>}
              >
                <SeverityTiles counts={o.counts} />
              </Section>
              <Section title="Since yesterday" id="changes" description="Changes found by scans in the last 24 hours (a cluster's first scan is its baseline)" bodyClassName="p-0">
                <ul className="grid grid-cols-3 divide-x divide-zinc-100">
                  <li>
                    <Link href="/findings?tab=all&status=open" className="block px-4 py-3 hover:bg-zinc-50">
                      <div className="text-xs text-zinc-500">New</div>
                      <div className={`mt-0.5 text-xl font-semibold tabular-nums ${o.changes24h.new ? "text-zinc-900" : "text-zinc-500"}`}>{o.changes24h.new ? `+${o.changes24h.new}` : 0}</div>
                    </Link>
                  </li>
                  <li>
                    <Link href="/findings?tab=all&status=resolved" className="block px-4 py-3 hover:bg-zinc-50">
                      <div className="text-xs text-zinc-500">Fixed</div>
                      <div className={`mt-0.5 text-xl font-semibold tabular-nums ${o.changes24h.fixed ? "text-green-700" : "text-zinc-500"}`}>{o.changes24h.fixed}</div>
                    </Link>
                  </li>
                  <li>
                    <Link href="/findings?tab=all&status=reopened" className="block px-4 py-3 hover:bg-zinc-50">
                      <div className="text-xs text-zinc-500">Reopened</div>
                      <div className={`mt-0.5 text-xl font-semibold tabular-nums ${o.changes24h.reopened ? "text-rose-700" : "text-zinc-500"}`}>{o.changes24h.reopened}</div>
                    </Link>
                  </li>
                </ul>
              </Section>
            </div>
          </div>
          <Section
            title="Clusters"
            id="clusters"
            description={o.clusters.length > OVERVIEW_CLUSTERS ? `The ${OVERVIEW_CLUSTERS} worst of ${o.clusters.length}` : "Worst first"}
            actions={<Link href="/clusters" className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">All clusters</Link>}
            bodyClassName="p-0"
          >
            <ClustersTable clusters={o.clusters.slice(0, OVERVIEW_CLUSTERS)} />
          </Section>
        </div>
      )}
    </>
  );
}
