import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import { countExceptionsByStatus, listExceptions } from "@bulwark/db";
import { getRule } from "@bulwark/rules";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { ExceptionActions } from "@/modules/exceptions/components/exception-actions";
import { ExceptionStatusBadge, Expiry } from "@/modules/exceptions/components/exception-status";
import { TAB_STATUSES, ZExceptionList, type TExceptionTab } from "@/modules/exceptions/exceptions.schemas";
import { describeExceptionScope as scopeText } from "@bulwark/db";
import { toExceptionView } from "@/modules/exceptions/server/view";
import { cn } from "@/modules/ui/cn";
import { EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";

export const metadata = { title: "Exceptions" };
export const dynamic = "force-dynamic";

const TABS: Array<{ id: TExceptionTab; label: string; empty: string }> = [
  { id: "pending", label: "Pending requests", empty: "No requests are waiting for a decision." },
  { id: "active", label: "Active", empty: "No exception is in force: every finding counts." },
  { id: "closed", label: "Expired, revoked, rejected", empty: "Nothing has expired, been revoked or rejected yet." },
];

export default async function ExceptionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const q = ZExceptionList.safeParse(await searchParams);
  const counts = await countExceptionsByStatus({ orgId: ctx.orgId });
  const tabCount = (id: TExceptionTab) => TAB_STATUSES[id].reduce((n, s) => n + counts[s], 0);
  const tab: TExceptionTab = (q.success && q.data.tab) || (tabCount("pending") > 0 ? "pending" : "active");
  const rows = (await listExceptions({ orgId: ctx.orgId, statuses: [...TAB_STATUSES[tab]] })).map(toExceptionView);
  const decide = can(ctx.role, "exception:decide");
  const current = TABS.find((x) => x.id === tab)!;

  return (
    <>
      <PageHeader
        title="Exceptions"
        description="Accepted risk: findings an exception covers count as excepted, not open, until it expires. Members request them from a finding; admins approve, grant, edit and revoke."
      />
      <nav aria-label="Exception status" className="mb-4 flex flex-wrap gap-1 border-b border-zinc-200">
        {TABS.map((x) => (
          <Link
            key={x.id}
            href={`/exceptions?tab=${x.id}`}
            aria-current={x.id === tab ? "page" : undefined}
            className={cn(
              "-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm",
              x.id === tab ? "border-zinc-900 font-medium text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-800",
            )}
          >
            {x.label}
            <span className={cn("rounded-full px-1.5 text-xs tabular-nums", x.id === "pending" && tabCount("pending") > 0 ? "bg-amber-100 text-amber-800" : "bg-zinc-100 text-zinc-600")}>{tabCount(x.id)}</span>
          </Link>
        ))}
      </nav>
      <Section bodyClassName="p-0">
        {rows.length === 0 ? (
          <EmptyState icon={<ShieldCheck className="size-5" aria-hidden />} title={current.empty} description={tab === "pending" || tab === "active" ? <>To accept a risk, open a finding and use <span className="font-medium">{decide ? "Grant exception" : "Request exception"}</span>.</> : undefined}>
            <Link href="/findings" className="text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">Go to findings</Link>
          </EmptyState>
        ) : (
          <div className={t.wrap}>
            <table className={t.table}>
              <caption className="sr-only">{current.label}</caption>
              <thead className={t.thead}>
                <tr>
                  <th scope="col" className={t.th}>Rule and scope</th>
                  <th scope="col" className={`${t.th} hidden lg:table-cell`}>Justification</th>
                  <th scope="col" className={`${t.th} hidden sm:table-cell`}>{tab === "pending" ? "Requested" : tab === "active" ? "Approved" : "Decided"}</th>
                  <th scope="col" className={t.th}>Expires</th>
                  <th scope="col" className={`${t.th} text-right`}>Findings</th>
                  {tab === "closed" && <th scope="col" className={t.th}>Status</th>}
                  {decide && tab !== "closed" && <th scope="col" className={t.th}><span className="sr-only">Actions</span></th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id} className={t.tr}>
                    <td className={`${t.td} min-w-[13rem] max-w-[26rem]`}>
                      <Link href={`/exceptions/${e.id}`} className="font-medium text-zinc-900 underline-offset-4 hover:underline">{getRule(e.ruleId)?.title ?? e.ruleId}</Link>
                      <div className="font-mono text-xs text-zinc-500">{e.ruleId}</div>
                      <div className="mt-0.5 text-xs text-zinc-600">{scopeText(e)}</div>
                    </td>
                    <td className={`${t.td} hidden max-w-[22rem] lg:table-cell`}>
                      <p className="line-clamp-2 text-xs text-zinc-600" title={e.justification}>{e.justification}</p>
                    </td>
                    <td className={`${t.td} hidden text-xs text-zinc-600 sm:table-cell`}>
                      {tab === "pending" ? (
                        <><div className="whitespace-nowrap text-zinc-800">{e.requestedBy?.name ?? "—"}</div><Time date={e.createdAt} /></>
                      ) : (
                        <><div className="whitespace-nowrap text-zinc-800">{e.decidedBy?.name ?? "—"}</div>{e.decidedAt ? <Time date={e.decidedAt} /> : null}</>
                      )}
                    </td>
                    <td className={`${t.td} text-sm`}><Expiry date={e.expiresAt} status={e.status} /></td>
                    <td className={`${t.td} text-right tabular-nums`}>
                      {e.status === "approved" ? (
                        <Link href={`/exceptions/${e.id}#findings`} className="underline-offset-4 hover:underline">{e.covered}</Link>
                      ) : e.status === "requested" ? (
                        <span className="text-zinc-600" title="Unresolved findings it would cover if approved now">{e.wouldCover ?? 0}<span className="block text-xs text-zinc-500">if approved</span></span>
                      ) : (
                        <span className="text-zinc-500">—</span>
                      )}
                    </td>
                    {tab === "closed" && <td className={t.td}><ExceptionStatusBadge status={e.status} /></td>}
                    {decide && tab !== "closed" && (
                      <td className={`${t.td} text-right`}>
                        <ExceptionActions id={e.id} status={e.status} ruleId={e.ruleId} expiresAt={e.expiresAt} justification={e.justification} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}
