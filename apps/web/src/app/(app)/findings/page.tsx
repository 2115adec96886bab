import Link from "next/link";
import { ListChecks, Route } from "lucide-react";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { FilterBar } from "@/modules/findings/components/filter-bar";
import { FindingsTable, type TFindingRowView } from "@/modules/findings/components/findings-table";
import { FindingsTabs, type TFindingTabLink } from "@/modules/findings/components/findings-tabs";
import { GroupTable, type TGroupView } from "@/modules/findings/components/group-table";
import { ObjectGroups, chipsByRule, type TObjectGroupView } from "@/modules/findings/components/object-groups";
import { PlatformFindings } from "@/modules/findings/components/platform-findings";
import { RuleTickets } from "@/modules/tickets/components/tickets-panel";
import { ZFindingFilters, findingsQuery, pickFilter, resolveTab, type TFilterValues, type TFindingTab } from "@/modules/findings/findings.schemas";
import {
  controlOptions, queryExpected, queryFacets, queryFindings, queryMatchingCount, queryMembers, queryObjectGroups, queryRuleGroups, ruleTitle, toFindingFilter,
} from "@/modules/findings/server/queries";
import { LiveRefresh } from "@/modules/live/components/live-refresh";
import { initialLive } from "@/modules/live/server/initial-live";
import { SlaSummary } from "@/modules/queue/components/sla-summary";
import { dueLabel } from "@/modules/queue/due";
import { toFindingRowView } from "@/modules/findings/finding-view";
import { querySla } from "@/modules/queue/server/queries";
import { RisksTable } from "@/modules/risks/components/risks-table";
import { queryRisks, toRiskFilter, toRiskRowView } from "@/modules/risks/server/queries";
import { buttonClass } from "@/modules/ui/components/button";
import { Callout, EmptyState, PageHeader, Section } from "@/modules/ui/components/layout";
import type { TQueueRow } from "@bulwark/db";

export const metadata = { title: "Findings" };
export const dynamic = "force-dynamic";

const plural = (n: number, capped: boolean, one: string) => `${n.toLocaleString("en-US")}${capped ? "+" : ""} ${one}${n === 1 && !capped ? "" : "s"}`;

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const raw = await searchParams;
  const parsed = ZFindingFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : ZFindingFilters.parse({});
  const values = pickFilter(filters);
  const now = new Date();
  const canWrite = can(ctx.role, "finding:write");
  const mineValues: TFilterValues = { ...values, assignee: "me" };

  const [facets, members, sla, mine, risksFirst, expected, live] = await Promise.all([
    queryFacets(ctx.orgId),
    queryMembers(ctx.orgId),
    querySla(ctx.orgId),
    queryMatchingCount(toFindingFilter(ctx.orgId, ctx.userId, { ...pickFilter(ZFindingFilters.parse({})), assignee: "me" })),
    // The Risks tab's page, or (another tab asked for) just its count.
    queryRisks(toRiskFilter(ctx.orgId, ctx.userId, values), { limit: filters.tab && filters.tab !== "risks" ? 1 : 50, ...(filters.tab === "risks" && filters.cursor ? { cursor: filters.cursor } : {}) }),
    queryExpected(ctx.orgId, { clusterId: values.cluster, limit: filters.tab === "platform" ? 100 : 0 }),
    initialLive(ctx.orgId, values.cluster),
  ]);
  const tab: TFindingTab = resolveTab(filters, risksFirst.count.value);
  const memberLabel = new Map(members.map((m) => [m.id, m.label]));
  const toView = (f: TQueueRow): TFindingRowView => toFindingRowView(f, memberLabel, now);

  // Links keep the filters and drop what belongs to one tab (its page, its expanded group).
  const href = (t: TFindingTab, extra: Record<string, string | undefined> = {}) =>
    `/findings${findingsQuery({ tab: t, ...(t === "mine" ? { ...values, assignee: undefined } : values), ...extra })}`;
  const tabs: TFindingTabLink[] = [
    { label: "Risks", href: href("risks"), on: tab === "risks", count: risksFirst.count },
    { label: "All", href: href("all"), on: tab === "all" },
    { label: "By rule", href: href("rules"), on: tab === "rules" },
    { label: "By object", href: href("objects"), on: tab === "objects" },
    { label: "Mine", href: href("mine"), on: tab === "mine", count: mine },
  ];
  const facetProps = {
    clusters: facets.clusters,
    namespaces: facets.namespaces,
    rules: facets.rules.map((r) => ({ id: r, title: ruleTitle(r) })),
    controls: controlOptions(),
    members: members.map((m) => ({ id: m.id, label: m.label })),
  };
  const memberOptions = members.map((m) => ({ id: m.id, label: m.label }));
  const listValues = tab === "mine" ? mineValues : values;
  const filter = toFindingFilter(ctx.orgId, ctx.userId, listValues);

  let body: React.ReactNode = null;
  let title: React.ReactNode;
  let description: React.ReactNode;
  let pager: { next?: string; first: boolean } = { first: false };
  if (tab === "risks") {
    title = <span className="tabular-nums">{plural(risksFirst.count.value, risksFirst.count.capped, "risk")}</span>;
    description = "Attack paths: findings that combine on one workload or identity into a way in. Worst first.";
    body = risksFirst.items.length ? <RisksTable rows={risksFirst.items.map((r) => toRiskRowView(r, memberLabel))} meId={ctx.userId} /> : null;
    pager = { next: risksFirst.nextCursor, first: Boolean(filters.cursor) };
  } else if (tab === "rules") {
    const groups = await queryRuleGroups(filter);
    const expandedGroup = filters.expand ? groups.find((g) => g.ruleId === filters.expand) : undefined;
    let expanded: React.ComponentProps<typeof GroupTable>["expanded"] = null;
    if (expandedGroup) {
      const page = await queryFindings({ ...filter, ruleIds: [expandedGroup.ruleId] }, { limit: 50 });
      expanded = {
        ruleId: expandedGroup.ruleId,
        rows: page.items.map(toView),
        more: Boolean(page.nextCursor),
        allHref: href("all", { rule: expandedGroup.ruleId }),
        tickets: <RuleTickets ruleId={expandedGroup.ruleId} ruleTitle={ruleTitle(expandedGroup.ruleId)} clusterId={values.cluster} />,
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
      expandHref: `${href("rules", { expand: g.ruleId })}#group-table`,
    }));
    const total = groups.reduce((n, g) => n + g.count, 0);
    title = <span className="tabular-nums">{plural(groups.length, false, "rule")} · {plural(total, false, "finding")}</span>;
    body = groups.length ? (
      <div id="group-table">
        <GroupTable groups={views} expanded={expanded} canWrite={canWrite} members={memberOptions} meId={ctx.userId} filter={listValues} collapseHref={href("rules")} />
      </div>
    ) : null;
  } else if (tab === "objects") {
    const { groups, more } = await queryObjectGroups(filter);
    const views: TObjectGroupView[] = groups.map((g) => ({
      key: `${g.clusterId}|${g.kind}|${g.namespace ?? ""}|${g.name}`,
      clusterName: g.clusterName,
      kind: g.kind,
      namespace: g.namespace,
      name: g.name,
      count: g.count,
      worstSeverity: g.worstSeverity,
      due: dueLabel(g.earliestDueAt, now),
      findings: chipsByRule(g.findings, ruleTitle),
      allHref: href("all", { cluster: g.clusterId, q: `${g.namespace ? `${g.namespace}/` : ""}${g.name}` }),
    }));
    title = <span className="tabular-nums">{more ? `The worst ${groups.length} objects` : plural(groups.length, false, "object")}</span>;
    description = more ? "Narrow the filter to see the others." : "One change to an object's manifest fixes its findings together.";
    body = groups.length ? <ObjectGroups groups={views} /> : null;
  } else if (tab === "platform") {
    title = <span className="tabular-nums">{plural(expected.count, false, "expected platform finding")}</span>;
    description = "Findings of components the cluster itself needs (control plane, kube-proxy, CNI, CSI). Stored and listed here; never open work, never in the score.";
    body = expected.items.length ? <PlatformFindings rows={expected.items} /> : null;
  } else {
    const page = await queryFindings(filter, { ...(filters.cursor ? { cursor: filters.cursor } : {}), limit: filters.limit ?? 50 });
    const matching = `${page.count.value.toLocaleString("en-US")}${page.count.capped ? "+" : ""}`;
    title = <span className="tabular-nums">{plural(page.count.value, page.count.capped, "finding")}</span>;
    description = tab === "mine" ? "Assigned to you: most severe first, then soonest due." : "Most severe first, then soonest due, then oldest.";
    body = page.items.length ? <FindingsTable rows={page.items.map(toView)} canWrite={canWrite} members={memberOptions} meId={ctx.userId} filter={listValues} matchingLabel={matching} /> : null;
    pager = { next: page.nextCursor, first: Boolean(filters.cursor) };
  }

  const empty = {
    risks: { title: "No open risks", text: "No findings combine into an attack path. Fix what the All tab lists, worst first." },
    mine: { title: "Nothing assigned to you", text: "Take a finding from the All tab, or ask for one to be assigned to you." },
    platform: { title: "No expected platform findings", text: "Findings of platform components (control plane, kube-proxy, CNI) are listed here when the baseline recognizes them." },
  }[tab as "risks" | "mine" | "platform"] ?? { title: "No findings match", text: "Try clearing a filter, or include resolved and excepted findings with the status filter." };

  return (
    <>
      <PageHeader
        title="Findings"
        description="What to fix first: attack paths (risks), then every open finding, worst first."
        actions={
          <>
            {/* New or reopened findings and risks appear while the page is open. */}
            <LiveRefresh clusterId={values.cluster} initial={live} />
            <SlaSummary policy={sla} canEdit={can(ctx.role, "settings:manage")} />
          </>
        }
      />
      <div className="space-y-4">
        {!parsed.success && <Callout tone="warning">Some filters in the link were not understood and were ignored.</Callout>}
        <FindingsTabs tabs={tabs} expected={{ count: expected.count, href: href("platform"), on: tab === "platform" }} />
        {tab !== "platform" && (
          <FilterBar key={JSON.stringify({ tab, values })} tab={tab} values={{ ...values, severity: [...values.severity], status: [...values.status] }} facets={facetProps} findingFilters={tab !== "risks"} />
        )}
        <Section bodyClassName="p-0" title={title} description={filters.cursor ? "Showing a later page" : description}>
          {body ?? (
            <EmptyState icon={tab === "risks" ? <Route className="size-5" aria-hidden /> : <ListChecks className="size-5" aria-hidden />} title={empty.title} description={facets.clusters.length ? empty.text : "Add a cluster to see its findings here."}>
              {facets.clusters.length ? (
                tab === "risks" ? <Link href={href("all")} className={buttonClass("secondary", "sm")}>See all findings</Link> : <Link href={`/findings?tab=${tab}`} className={buttonClass("secondary", "sm")}>Clear filters</Link>
              ) : (
                <Link href="/clusters/new" className={buttonClass("primary", "sm")}>Add a cluster</Link>
              )}
            </EmptyState>
          )}
          {(pager.next || pager.first) && (
            <nav aria-label="Pagination" className="flex items-center justify-end gap-2 border-t border-zinc-100 px-4 py-2.5">
              {pager.first && <Link href={href(tab)} className={buttonClass("ghost", "sm")}>First page</Link>}
              {pager.next && <Link href={href(tab, { cursor: pager.next })} className={buttonClass("secondary", "sm")}>Next page</Link>}
            </nav>
          )}
        </Section>
      </div>
    </>
  );
}
