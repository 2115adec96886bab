import Link from "next/link";
import { ListChecks } from "lucide-react";
import { requirePageContext } from "@/modules/auth/server/session";
import { FilterBar } from "@/modules/findings/components/filter-bar";
import { FindingsTable } from "@/modules/findings/components/findings-table";
import { ZFindingFilters, filtersToQuery } from "@/modules/findings/findings.schemas";
import { queryFacets, queryFindings, ruleTitle } from "@/modules/findings/server/queries";
import { buttonClass } from "@/modules/ui/components/button";
import { Callout, EmptyState, PageHeader, Section } from "@/modules/ui/components/layout";

export const metadata = { title: "Findings" };
export const dynamic = "force-dynamic";

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const raw = await searchParams;
  const parsed = ZFindingFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : ZFindingFilters.parse({});
  const [page, facets] = await Promise.all([queryFindings(ctx.orgId, filters), queryFacets(ctx.orgId)]);
  const titles: Record<string, string> = {};
  for (const f of page.items) titles[f.ruleId] ??= ruleTitle(f.ruleId);
  const clusterNames = Object.fromEntries(facets.clusters.map((c) => [c.id, c.name]));
  const base = { cluster: filters.cluster, namespace: filters.namespace, severity: filters.severity, rule: filters.rule, status: filters.status, q: filters.q };

  return (
    <>
      <PageHeader title="Findings" description="The remediation queue: open work across every cluster, most severe first." />
      <div className="space-y-4">
        {!parsed.success && <Callout tone="warning">Some filters in the link were not understood and were ignored.</Callout>}
        <FilterBar
          key={JSON.stringify(base)}
          values={{ ...base, severity: filters.severity, status: filters.status }}
          facets={{ clusters: facets.clusters, namespaces: facets.namespaces, rules: facets.rules.map((r) => { const id = typeof r === "string" ? r : (r as { id: string }).id; return { id, title: ruleTitle(id) }; }) }}
        />
        <Section
          bodyClassName="p-0"
          title={<span className="tabular-nums">{page.total.toLocaleString("en-US")}{page.totalCapped ? "+" : ""} finding{page.total === 1 && !page.totalCapped ? "" : "s"}</span>}
          description={filters.cursor ? "Showing a later page" : undefined}
        >
          {page.items.length ? (
            <FindingsTable rows={page.items} titles={titles} clusterNames={clusterNames} />
          ) : (
            <EmptyState icon={<ListChecks className="size-5" aria-hidden />} title="No findings match" description={facets.clusters.length ? "Try clearing a filter, or include resolved and excepted findings." : "Add a cluster or scan YAML to see findings here."}>
              <Link href="/findings" className={buttonClass("secondary", "sm")}>Clear filters</Link>
            </EmptyState>
          )}
          {(page.nextCursor || filters.cursor) && (
            <nav aria-label="Pagination" className="flex items-center justify-end gap-2 border-t border-zinc-100 px-4 py-2.5">
              {filters.cursor && <Link href={`/findings${filtersToQuery(base)}`} className={buttonClass("ghost", "sm")}>First page</Link>}
              {page.nextCursor && <Link href={`/findings${filtersToQuery({ ...base, cursor: page.nextCursor })}`} className={buttonClass("secondary", "sm")}>Next</Link>}
            </nav>
          )}
        </Section>
      </div>
    </>
  );
}
