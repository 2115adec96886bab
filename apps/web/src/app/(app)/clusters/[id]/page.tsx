import Link from "next/link";
import { notFound } from "next/navigation";
import { getCluster, listClusterChanges, listScans } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { DeleteCluster } from "@/modules/clusters/components/delete-cluster";
import { RenameCluster } from "@/modules/clusters/components/rename-cluster";
import { ScoreExplanation, readScoreItems } from "@/modules/clusters/components/score-explanation";
import { ScanHistory } from "@/modules/clusters/components/scan-history";
import { ScanNowButton } from "@/modules/clusters/components/scan-now-button";
import { ScanProgress } from "@/modules/clusters/components/scan-progress";
import { ScheduleEditor } from "@/modules/clusters/components/schedule-editor";
import { ContinuousToggle } from "@/modules/changes/components/continuous-toggle";
import { RecentChanges } from "@/modules/changes/components/recent-changes";
import { FindingsTable } from "@/modules/findings/components/findings-table";
import { WriteCredentialCard } from "@/modules/fixes/components/write-credential-card";
import { toFindingRowView } from "@/modules/findings/finding-view";
import { findingsQuery } from "@/modules/findings/findings.schemas";
import { queryExpected, queryFindings, queryMembers, queryOpenCounts } from "@/modules/findings/server/queries";
import { RisksTable } from "@/modules/risks/components/risks-table";
import { queryRisks, toRiskRowView } from "@/modules/risks/server/queries";
import { SeverityTiles } from "@/modules/overview/components/severity-tiles";
import { LiveRefresh } from "@/modules/live/components/live-refresh";
import { initialLive } from "@/modules/live/server/initial-live";
import { ConnectionStatus } from "@/modules/ui/components/badge";
import { Callout, EmptyState, PageHeader, Section } from "@/modules/ui/components/layout";
import { AboutScore, Score } from "@/modules/ui/components/score";
import { Time } from "@/modules/ui/components/time";
import type { TConnectionStatus, TScanStatus } from "@/modules/ui/severity";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const c = await getCluster({ orgId: ctx.orgId, clusterId: (await params).id });
  return { title: c?.name ?? "Cluster" };
}

export default async function ClusterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requirePageContext();
  const cluster = await getCluster({ orgId: ctx.orgId, clusterId: id });
  if (!cluster) notFound();
  const [scans, findings, risks, expected, members, live, changes] = await Promise.all([
    listScans({ orgId: ctx.orgId, clusterId: id, limit: 10 }),
    queryFindings({ orgId: ctx.orgId, clusterId: id }, { limit: 10 }),
    queryRisks({ orgId: ctx.orgId, clusterId: id }, { limit: 50 }),
    queryExpected(ctx.orgId, { clusterId: id, limit: 0 }),
    queryMembers(ctx.orgId),
    initialLive(ctx.orgId, id),
    listClusterChanges({ orgId: ctx.orgId, clusterId: id, limit: 3 }),
  ]);
  const openCounts = await queryOpenCounts(ctx.orgId, id);
  const now = new Date();
  const memberLabel = new Map(members.map((m) => [m.id, m.label]));
  const latest = scans.items[0];
  const active = latest && (latest.status === "queued" || latest.status === "running") ? latest : undefined;
  // Counts come from the last scan that finished with results, not a running one.
  const lastDone = scans.items.find((s) => s.status === "succeeded" || s.status === "partial");
  const riskIds = new Map(risks.items.map((r) => [r.riskKey, r.id]));
  const scoreItems = readScoreItems(lastDone?.scoreItems, (key) => (riskIds.has(key) ? `/risks/${riskIds.get(key)}` : undefined));
  const riskCounts = lastDone ? { critical: lastDone.riskCritical, high: lastDone.riskHigh, medium: lastDone.riskMedium, low: lastDone.riskLow } : null;
  const meta = [
    cluster.provider && cluster.provider !== "unknown" ? cluster.provider.toUpperCase() : null,
    cluster.gitVersion ?? (cluster.kubeVersion ? `v${cluster.kubeVersion}` : null),
    cluster.server,
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/clusters" className="hover:text-zinc-900">Clusters</Link>}
        title={cluster.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <ConnectionStatus status={cluster.connectionStatus as TConnectionStatus} />
            <LiveRefresh clusterId={cluster.id} initial={live} />
            <span className="break-all">{meta.join(" · ")}</span>
            <span>Last scan <Time date={cluster.lastScanAt} /></span>
          </span>
        }
        actions={can(ctx.role, "scan:run") && <ScanNowButton clusterId={cluster.id} busy={Boolean(active)} />}
      />
      <div className="space-y-6">
        {cluster.connectionStatus === "error" && cluster.connectionError && (
          <Callout tone="error" title="Bulwark cannot reach this cluster">{cluster.connectionError}</Callout>
        )}
        {cluster.continuous && cluster.watchState === "fallback" && (
          <Callout tone="warning" title="Scheduled scans only">
            {cluster.watchError ?? "The credential may not watch every kind the rules read."} Continuous scanning needs list and watch on the kinds the rules read; until then this cluster is scanned on its schedule.
          </Callout>
        )}
        {active && <ScanProgress initial={{ id: active.id, status: active.status as TScanStatus, progress: active.progress, phase: active.phase, error: active.error }} />}

        <Section
          title="Risks"
          id="cluster-risks"
          description={risks.count.value ? `${risks.count.value} open attack path${risks.count.value === 1 ? "" : "s"}, worst first` : "Attack paths: findings that combine into a way in"}
          actions={risks.count.value > 5 && <Link href={`/findings${findingsQuery({ tab: "risks", cluster: cluster.id })}`} className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">All {risks.count.value} risks</Link>}
          bodyClassName="p-0"
        >
          {risks.items.length ? (
            <RisksTable rows={risks.items.slice(0, 5).map((r) => toRiskRowView(r, memberLabel))} meId={ctx.userId} showCluster={false} label={`Risks on ${cluster.name}`} />
          ) : (
            <EmptyState title={lastDone ? "No open risks" : "Waiting for the first scan"} description={lastDone ? "No findings combine into an attack path on this cluster." : "Risks appear here when the first scan completes."} />
          )}
        </Section>

        <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
          <Section title="Score" id="cluster-score">
            <div className="flex items-baseline gap-2"><Score score={cluster.score} className="text-4xl" /><span className="text-sm text-zinc-500">/ 100</span></div>
            <p className="mt-2 text-xs text-zinc-500">{lastDone ? <>From the scan <Time date={lastDone.finishedAt ?? lastDone.createdAt} /></> : "No completed scan yet"}</p>
            <ScoreExplanation items={scoreItems} />
            <div className="mt-3"><AboutScore /></div>
          </Section>
          <div className="space-y-4">
            <Section title="Open findings" id="cluster-counts" description="Open work now, by severity">
              <SeverityTiles counts={openCounts} baseQuery={`&cluster=${cluster.id}`} />
              {expected.count > 0 && (
                <p className="mt-3 text-xs text-zinc-500">
                  Not counted: <Link href={`/findings${findingsQuery({ tab: "platform", cluster: cluster.id })}`} className="font-medium text-indigo-700 underline-offset-4 hover:underline">{expected.count.toLocaleString("en-US")}{expected.capped ? "+" : ""} expected platform finding{expected.count === 1 ? "" : "s"}</Link> (control plane, kube-proxy, CNI: components the cluster itself needs).
                </p>
              )}
            </Section>
            {riskCounts && (
              <Section title="Open risks" id="cluster-risk-counts" description="Attack paths by severity, from the last completed scan">
                <SeverityTiles counts={{ ...riskCounts, info: 0 }} baseQuery={`&cluster=${cluster.id}`} tab="risks" noun="open risks" severities={["critical", "high", "medium", "low"]} />
              </Section>
            )}
          </div>
        </div>

        <Section
          title="Top open findings"
          id="cluster-findings"
          description={`${findings.count.value.toLocaleString("en-US")}${findings.count.capped ? "+" : ""} open, most severe first`}
          actions={<Link href={`/findings${findingsQuery({ tab: "all", cluster: cluster.id })}`} className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">View all</Link>}
          bodyClassName="p-0"
        >
          {findings.items.length ? (
            <FindingsTable rows={findings.items.map((f) => toFindingRowView(f, memberLabel, now))} canWrite={false} members={[]} meId={ctx.userId} filter={{ cluster: cluster.id, severity: [], status: [], overdue: false }} matchingLabel="" showCluster={false} />
          ) : (
            <EmptyState title={lastDone ? "No open findings" : "Waiting for the first scan"} description={lastDone ? "Everything the rules check passes on this cluster." : "Findings appear here when the first scan completes."} />
          )}
        </Section>

        <Section title="Scan history" id="scans" description="The last 10 scans" bodyClassName="p-0">
          <ScanHistory scans={scans.items} />
        </Section>

        <Section
          title="Continuous scanning"
          id="continuous"
          description="Bulwark watches the cluster through the API with the same read-only credential and judges each change as it happens; the scheduled scan still reconciles."
          actions={<Link href={`/clusters/${cluster.id}/changes`} className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">Change history</Link>}
        >
          <div className="grid gap-4 md:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
            <ContinuousToggle clusterId={cluster.id} on={cluster.continuous} canEdit={can(ctx.role, "cluster:manage")} />
            <RecentChanges rows={changes.items} clusterId={cluster.id} />
          </div>
        </Section>

        <div className="grid gap-4 lg:grid-cols-2">
          <Section title="Schedule" id="schedule" description="Scheduled scans run on the worker; the page never waits for them.">
            <ScheduleEditor
              clusterId={cluster.id}
              canEdit={can(ctx.role, "schedule:manage")}
              initial={cluster.schedule ? { enabled: cluster.schedule.enabled, mode: cluster.schedule.mode, everyMinutes: cluster.schedule.everyMinutes, cron: cluster.schedule.cron, timezone: cluster.schedule.timezone } : null}
            />
          </Section>
          {can(ctx.role, "cluster:manage") && (
            <div className="space-y-4">
              <Section title="Name" id="rename">
                <RenameCluster clusterId={cluster.id} name={cluster.name} />
              </Section>
              <Section title="Danger zone" id="danger">
                <p className="mb-3 text-xs text-zinc-500">Removes the stored credentials, the scan history and every finding of this cluster. Scheduled scans stop.</p>
                <DeleteCluster clusterId={cluster.id} name={cluster.name} />
              </Section>
            </div>
          )}
        </div>

        <WriteCredentialCard ctx={ctx} clusterId={cluster.id} />
      </div>
    </>
  );
}
