import Link from "next/link";
import { ListChecks } from "lucide-react";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { queryFacets } from "@/modules/findings/server/queries";
import { GroupTable, type TGroupView } from "@/modules/queue/components/group-table";
import { QueueFilterBar } from "@/modules/queue/components/queue-filter-bar";
import { QueueTable, type TQueueRowView } from "@/modules/queue/components/queue-table";
import { SlaSummary } from "@/modules/queue/components/sla-summary";
import { dueLabel } from "@/modules/queue/due";
import { pickFilter, queueQuery, ZQueueFilters } from "@/modules/queue/queue.schemas";
import { controlOptions, queryMatchingCount, queryMembers, queryQueue, queryQueueGroups, querySla, ruleTitle, toQueueFilter } from "@/modules/queue/server/queries";
import { buttonClass } from "@/modules/ui/components/button";
import { Callout, EmptyState, PageHeader, Section } from "@/modules/ui/components/layout";
import { cn } from "@/modules/ui/cn";
import type { TQueueRow } from "@bulwark/db";

export const metadata = { title: "Remediation" };
export const dynamic = "force-dynamic";

function age(firstSeenAt: Date, now: Date): string {
  const days = Math.floor((now.getTime() - firstSeenAt.getTime()) / 86_400_000);
  return days < 1 ? "today" : `${days} d`;
}

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const raw = await searchParams;
  const parsed = ZQueueFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : ZQueueFilters.parse({});
  const view = filters.view ?? "list";
  const values = pickFilter(filters);
  const filter = toQueueFilter(ctx.orgId, ctx.userId, values);
  const now = new Date();
  const canWrite = can(ctx.role, "finding:write");

  const [facets, members, sla, mine] = await Promise.all([
    queryFacets(ctx.orgId),
    queryMembers(ctx.orgId),
    querySla(ctx.orgId),
    queryMatchingCount(toQueueFilter(ctx.orgId, ctx.userId, { ...values, assignee: "me", cluster: undefined, namespace: undefined, severity: [], rule: undefined, control: undefined, status: [], overdue: false, q: undefined })),
  ]);
  const memberLabel = new Map(members.map((m) => [m.id, m.label]));
  const toView = (f: TQueueRow): TQueueRowView => ({
    id: f.id,
    ruleId: f.ruleId,
    title: ruleTitle(f.ruleId),
    severity: f.severity,
    status: f.status,
    kind: f.kind,
    namespace: f.namespace,
    name: f.name,
    message: f.message,
    clusterName: f.cluster.name,
    assignee: f.assignee ? { id: f.assignee.id, label: memberLabel.get(f.assignee.id) ?? f.assignee.name ?? f.assignee.email } : null,
    due: dueLabel(f.dueAt, now),
    age: age(f.firstSeenAt, now),
  });

  const base = { ...values, view: view === "groups" ? "groups" : undefined };
  const tabs = [
    { label: "All open work", href: `/queue${queueQuery({ ...values, assignee: values.assignee === "me" ? undefined : values.assignee })}`, on: view === "list" && values.assignee !== "me" },
    { label: "My findings", href: `/queue${queueQuery({ ...values, assignee: "me" })}`, on: view === "list" && values.assignee === "me", count: mine },
    { label: "By rule", href: `/queue${queueQuery({ ...values, view: "groups" })}`, on: view === "groups" },
  ];
  const facetProps = {
    clusters: facets.clusters,
    namespaces: facets.namespaces,
    rules: facets.rules.map((r) => ({ id: r, title: ruleTitle(r) })),
    controls: controlOptions(),
    members: members.map((m) => ({ id: m.id, label: m.label })),
  };
  const memberOptions = members.map((m) => ({ id: m.id, label: m.label }));

  let body: React.ReactNode;
  let title: React.ReactNode;
  if (view === "groups") {
    const groups = await queryQueueGroups(filter);
    const expandedGroup = filters.expand ? groups.find((g) => g.ruleId === filters.expand) : undefined;
    let expanded: React.ComponentProps<typeof GroupTable>["expanded"] = null;
    if (expandedGroup) {
      const page = await queryQueue({ ...filter, ruleIds: [expandedGroup.ruleId] }, { limit: 50 });
      expanded = {
        ruleId: expandedGroup.ruleId,
        rows: page.items.map(toView),
        more: Boolean(page.nextCursor),
        allHref: `/queue${queueQuery({ ...values, rule: expandedGroup.ruleId })}`,
      };
    }
    const views: TGroupView[] = groups.map((g) => ({
      ruleId: g.ruleId,
      title: ruleTitle(g.ruleId),
      count: g.count,
      worstSeverity: g.worstSeverity,
      overdue: g.overdue,
      unassigned: g.unassigned,
      due: dueLabel(g.earliestDueAt, now),
      expandHref: `/queue${queueQuery({ ...base, expand: g.ruleId })}#group-table`,
    }));
    const total = groups.reduce((n, g) => n + g.count, 0);
    title = <span className="tabular-nums">{groups.length} rule{groups.length === 1 ? "" : "s"} · {total.toLocaleString("en-US")} finding{total === 1 ? "" : "s"}</span>;
    body = groups.length ? (
      <div id="group-table">
        <GroupTable groups={views} expanded={expanded} canWrite={canWrite} members={memberOptions} meId={ctx.userId} filter={values} collapseHref={`/queue${queueQuery(base)}`} />
      </div>
    ) : null;
  } else {
    const page = await queryQueue(filter, { ...(filters.cursor ? { cursor: filters.cursor } : {}), limit: filters.limit ?? 50 });
    const matching = `${page.count.value.toLocaleString("en-US")}${page.count.capped ? "+" : ""}`;
    title = <span className="tabular-nums">{matching} finding{page.count.value === 1 && !page.count.capped ? "" : "s"}</span>;
    body = page.items.length ? (
      <>
        <QueueTable rows={page.items.map(toView)} canWrite={canWrite} members={memberOptions} meId={ctx.userId} filter={values} matchingLabel={matching} />
        {(page.nextCursor || filters.cursor) && (
          <nav aria-label="Pagination" className="flex items-center justify-end gap-2 border-t border-zinc-100 px-4 py-2.5">
            {filters.cursor && <Link href={`/queue${queueQuery(base)}`} className={buttonClass("ghost", "sm")}>First page</Link>}
            {page.nextCursor && <Link href={`/queue${queueQuery({ ...base, cursor: page.nextCursor })}`} className={buttonClass("secondary", "sm")}>Next page</Link>}
          </nav>
        )}
      </>
    ) : null;
  }

  return (
    <>
      <PageHeader
        title="Remediation"
        description="Open findings across every cluster: most severe first, then soonest due, then oldest."
        actions={<SlaSummary policy={sla} canEdit={can(ctx.role, "settings:manage")} />}
      />
      <div className="space-y-4">
        {!parsed.success && <Callout tone="warning">Some filters in the link were not understood and were ignored.</Callout>}
        <nav aria-label="Queue views" className="flex gap-1 border-b border-zinc-200">
          {tabs.map((t) => (
            <Link
              key={t.label}
              href={t.href}
              aria-current={t.on ? "page" : undefined}
              className={cn(
                "-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium",
                t.on ? "border-zinc-900 text-zinc-900" : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800",
              )}
            >
              {t.label}
              {t.count && (
                <span className="rounded-full bg-zinc-100 px-1.5 text-xs tabular-nums text-zinc-700">{t.count.value.toLocaleString("en-US")}{t.count.capped ? "+" : ""}</span>
              )}
            </Link>
          ))}
        </nav>
        <QueueFilterBar key={JSON.stringify(base)} view={view} values={{ ...values, severity: [...values.severity], status: [...values.status] }} facets={facetProps} />
        <Section bodyClassName="p-0" title={title} description={filters.cursor ? "Showing a later page" : undefined}>
          {body ?? (
            <EmptyState
              icon={<ListChecks className="size-5" aria-hidden />}
              title={values.assignee === "me" ? "Nothing assigned to you" : "No findings match"}
              description={facets.clusters.length ? "Try clearing a filter, or include resolved and excepted findings with the status filter." : "Add a cluster to see its findings here."}
            >
              {facets.clusters.length ? (
                <Link href="/queue" className={buttonClass("secondary", "sm")}>Clear filters</Link>
              ) : (
                <Link href="/clusters/new" className={buttonClass("primary", "sm")}>Add a cluster</Link>
              )}
            </EmptyState>
          )}
        </Section>
      </div>
    </>
  );
}
