// /clusters/[id]/changes: a cluster's change history with its filters, the live badge and the
// "since the last report" link. The route file only renders this.
import Link from "next/link";
import { notFound } from "next/navigation";
import { History } from "lucide-react";
import { getChangeRetention, getCluster, getLastClusterReport, listChangeFacets, listClusterChanges } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { LiveRefresh } from "@/modules/live/components/live-refresh";
import { initialLive } from "@/modules/live/server/initial-live";
import { buttonClass } from "@/modules/ui/components/button";
import { Callout, EmptyState, PageHeader, Section } from "@/modules/ui/components/layout";
import { isoMinute } from "@/modules/ui/format";
import { ZChangeFilters, changeWindow, changesQuery, type TChangeFilters } from "../changes.schemas";
import { ChangeFilters } from "./change-filters";
import { ChangesTable } from "./changes-table";

export async function ChangeHistoryPage({ ctx, clusterId, searchParams }: { ctx: TOrgContext; clusterId: string; searchParams: Record<string, string | string[] | undefined> }) {
  const cluster = await getCluster({ orgId: ctx.orgId, clusterId });
  if (!cluster) notFound();
  const parsed = ZChangeFilters.safeParse({ ...searchParams, clusterId });
  const values: TChangeFilters = parsed.success ? parsed.data : { clusterId };
  const [report, facets, retention, live] = await Promise.all([
    getLastClusterReport({ orgId: ctx.orgId, clusterId }),
    listChangeFacets({ orgId: ctx.orgId, clusterId }),
    getChangeRetention({ orgId: ctx.orgId }),
    initialLive(ctx.orgId, clusterId),
  ]);
  const window = changeWindow(values, new Date(), report?.at ?? null);
  const page = await listClusterChanges({
    orgId: ctx.orgId,
    clusterId,
    filter: { namespace: values.namespace, kind: values.kind, manager: values.manager, type: values.type, q: values.q, ...window },
    ...(values.cursor ? { cursor: values.cursor } : {}),
    limit: values.limit ?? 50,
  });
  const base = `/clusters/${clusterId}/changes`;
  const { cursor: _c, clusterId: _id, ...kept } = values;
  const filtered = Boolean(values.namespace || values.kind || values.manager || values.type || values.q || values.range || values.since || values.until);
  const canSettings = can(ctx.role, "settings:manage");

  return (
    <>
      <PageHeader
        eyebrow={<><Link href="/clusters" className="hover:text-zinc-900">Clusters</Link> / <Link href={`/clusters/${clusterId}`} className="hover:text-zinc-900">{cluster.name}</Link></>}
        title="Change history"
        description={
          <>
            Every object added, modified (with the changed fields, never their values) or deleted in {cluster.name}, as the watch saw it, and who made the change. Kept for {retention} day{retention === 1 ? "" : "s"}
            {canSettings ? <> (<Link href="/settings/policy#change-history" className="font-medium text-indigo-700 underline-offset-4 hover:underline">change</Link>)</> : null}.
          </>
        }
        actions={
          <>
            {/* The first page follows new changes as they arrive; a later page stays put. */}
            <LiveRefresh clusterId={clusterId} initial={live} followEvents={!values.cursor} />
            {report && (
              <Link href={`${base}${changesQuery({ range: "report" })}`} className={buttonClass("secondary", "sm")} title={`The last ${report.framework.toUpperCase()} report covering this cluster describes it as of ${isoMinute(report.at)}`}>
                Changes since the last report
              </Link>
            )}
          </>
        }
      />
      <div className="space-y-4">
        {!parsed.success && <Callout tone="warning">Some filters in the link were not understood and were ignored.</Callout>}
        {values.range === "report" && report && (
          <Callout tone="info">
            Changes since the last report covering this cluster ({report.framework.toUpperCase()}, as of {isoMinute(report.at)}).
          </Callout>
        )}
        {facets.total > 0 && <ChangeFilters clusterId={clusterId} values={values} facets={facets} lastReportAt={report?.at ?? null} />}
        <Section
          bodyClassName="p-0"
          title={facets.total === 0 ? "No changes recorded" : filtered ? "Matching changes" : "All changes"}
          description={facets.total > 0 ? (values.cursor ? "Showing a later page, newest first" : `Newest first · ${facets.total.toLocaleString("en-US")} kept for this cluster`) : undefined}
        >
          {page.items.length ? (
            <ChangesTable rows={page.items} clusterId={clusterId} />
          ) : facets.total === 0 ? (
            <EmptyState icon={<History className="size-5" aria-hidden />} title={cluster.continuous ? "No changes seen yet" : "Continuous scanning is off for this cluster"} description={<EmptyExplanation continuous={cluster.continuous} state={cluster.watchState} />}>
              <Link href={`/clusters/${clusterId}#continuous`} className={buttonClass("secondary", "sm")}>{cluster.continuous ? "See the watch state" : "Turn it on on the cluster page"}</Link>
            </EmptyState>
          ) : (
            <EmptyState icon={<History className="size-5" aria-hidden />} title="No changes match" description="Try another time range or clear a filter.">
              <Link href={base} className={buttonClass("secondary", "sm")}>Clear filters</Link>
            </EmptyState>
          )}
          {(page.nextCursor || values.cursor) && (
            <nav aria-label="Pagination" className="flex items-center justify-end gap-2 border-t border-zinc-100 px-4 py-2.5">
              {values.cursor && <Link href={`${base}${changesQuery(kept)}`} className={buttonClass("ghost", "sm")}>Newest</Link>}
              {page.nextCursor && <Link href={`${base}${changesQuery({ ...kept, cursor: page.nextCursor })}`} className={buttonClass("secondary", "sm")}>Older changes</Link>}
            </nav>
          )}
        </Section>
      </div>
    </>
  );
}

function EmptyExplanation({ continuous, state }: { continuous: boolean; state: string }) {
  const how = "With continuous scanning on, Bulwark keeps list-and-watch streams open through the Kubernetes API, with the same read-only credential, judges each change as it happens and records here every object added, modified or deleted, with the fields that changed and who changed them.";
  if (!continuous) return <>{how} This cluster is scanned on its schedule and on demand only.</>;
  if (state === "fallback") return <>{how} This cluster's credential may not watch every kind the rules read, so it is scanned on its schedule instead.</>;
  return <>{how} Changes appear here as soon as one is made.</>;
}
