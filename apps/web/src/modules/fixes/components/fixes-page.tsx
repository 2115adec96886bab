// /fixes: the organization's fix requests by state (proposed, in progress, done, needs attention,
// closed), newest first, with the cluster, the objects, the findings and who asked when.
import Link from "next/link";
import { Wrench } from "lucide-react";
import { getCluster } from "@bulwark/db";
import type { TOrgContext } from "@/modules/auth/server/session";
import { EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { PageTabs } from "@/modules/ui/components/page-tabs";
import { Time } from "@/modules/ui/components/time";
import { FIX_TABS, FIX_TAB_KEYS, ZFixListInput, type TFixTab } from "../fixes.schemas";
import { queryFixes } from "../server/fix-ops";
import { FixStatusBadge, plural, targetLabel } from "./fix-bits";

const EMPTY: Record<TFixTab, string> = {
  proposed: "No fix waits for a decision. Members propose fixes from a finding's or a risk's page (Apply to cluster…).",
  progress: "Nothing is being applied right now.",
  done: "No fix has been applied and verified yet.",
  attention: "No fix failed, was refused or left a finding open.",
  closed: "No fix was rejected or cancelled.",
  all: "No fix has been proposed yet. Open a finding with an automatic fix and choose Apply to cluster…",
};

const person = (p: { name: string | null; email: string } | null) => (p ? (p.name ?? p.email) : "a former member");

export async function FixesPage({ ctx, search }: { ctx: TOrgContext; search: Record<string, string | string[] | undefined> }) {
  const parsed = ZFixListInput.safeParse(search);
  const input = parsed.success ? parsed.data : {};
  const tab: TFixTab = input.tab ?? (input.status ? "all" : "proposed");
  const cluster = input.cluster ? await getCluster({ orgId: ctx.orgId, clusterId: input.cluster }) : null;
  const { items, nextCursor } = await queryFixes(ctx.orgId, { ...input, tab, ...(input.cluster && !cluster ? { cluster: "none" } : {}), limit: input.limit ?? 50 });
  const href = (k: TFixTab, cursor?: string) => {
    const q = new URLSearchParams({ tab: k });
    if (cluster) q.set("cluster", cluster.id);
    if (cursor) q.set("cursor", cursor);
    return `/fixes?${q.toString()}`;
  };

  return (
    <>
      <PageHeader
        title="Fixes"
        description={<>Fixes applied to clusters with approval: a member proposes, an admin approves, the worker dry-runs, patches and rescans to verify.{cluster ? <> Cluster: <span className="font-medium text-zinc-800">{cluster.name}</span> (<Link href={`/fixes?tab=${tab}`} className="underline-offset-4 hover:underline">all clusters</Link>).</> : null}</>}
      />
      <PageTabs label="Fix requests by state" tabs={FIX_TAB_KEYS.map((k) => ({ href: href(k), label: FIX_TABS[k].label }))} current={href(tab)} />
      <Section title={FIX_TABS[tab].label} description={tab === "all" ? "Every fix request, newest first" : `Status: ${FIX_TABS[tab].statuses.join(", ")}; newest first`} bodyClassName="p-0">
        {items.length === 0 ? (
          <EmptyState icon={<Wrench className="size-5" aria-hidden />} title="Nothing here" description={EMPTY[tab]} />
        ) : (
          <div className={t.wrap}>
            <table className={t.table}>
              <thead className={t.thead}>
                <tr>
                  <th scope="col" className={`${t.th} w-28`}>Status</th>
                  <th scope="col" className={t.th}>Fix</th>
                  <th scope="col" className={`${t.th} hidden md:table-cell`}>Cluster</th>
                  <th scope="col" className={`${t.th} hidden text-right sm:table-cell`}>Findings</th>
                  <th scope="col" className={`${t.th} hidden lg:table-cell`}>Proposed</th>
                  <th scope="col" className={`${t.th} hidden lg:table-cell`}>Decided</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => {
                  const first = r.plan[0];
                  return (
                    <tr key={r.id} className={t.tr}>
                      <td className={`${t.td} align-top`}><FixStatusBadge status={r.status} /></td>
                      <td className={`${t.td} min-w-0 align-top`}>
                        <Link href={`/fixes/${r.id}`} className="font-mono text-xs font-medium text-zinc-900 underline-offset-4 hover:underline">
                          {first ? targetLabel(first.target) : "Fix"}{r.plan.length > 1 ? ` and ${plural(r.plan.length - 1, "more object")}` : ""}
                        </Link>
                        <div className="mt-0.5 text-xs text-zinc-500">
                          {[...new Set(r.plan.flatMap((e) => e.ruleIds))].slice(0, 3).join(", ")}
                          <span className="md:hidden"> · {r.clusterName}</span>
                          <span className="lg:hidden"> · {person(r.proposedBy)}</span>
                        </div>
                      </td>
                      <td className={`${t.td} hidden align-top text-sm md:table-cell`}><Link href={`/clusters/${r.clusterId}`} className="underline-offset-4 hover:underline">{r.clusterName}</Link></td>
                      <td className={`${t.td} hidden text-right align-top tabular-nums sm:table-cell`}>{r.findingIds.length}</td>
                      <td className={`${t.td} hidden align-top text-xs text-zinc-700 lg:table-cell`}>{person(r.proposedBy)}<div className="text-zinc-500"><Time date={r.createdAt} /></div></td>
                      <td className={`${t.td} hidden align-top text-xs text-zinc-700 lg:table-cell`}>{r.decidedBy ? <>{person(r.decidedBy)}<div className="text-zinc-500"><Time date={r.decidedAt} /></div></> : <span className="text-zinc-500">not yet</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {nextCursor && (
          <div className="border-t border-zinc-100 px-4 py-2 text-right">
            <Link href={href(tab, nextCursor)} className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">Older fix requests</Link>
          </div>
        )}
      </Section>
    </>
  );
}
