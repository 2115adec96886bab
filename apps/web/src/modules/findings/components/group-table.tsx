"use client";
// "By rule": the same rule on many objects is one row that can be assigned as a group and
// expanded to show its objects (the expansion is in the URL, so it survives a reload).
import Link from "next/link";
import { Fragment, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ChevronDown, ChevronRight } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { SeverityBadge, FindingStatusBadge } from "@/modules/ui/components/badge";
import { tableClass as t } from "@/modules/ui/components/layout";
import { useToast } from "@/modules/ui/components/toast";
import { cn } from "@/modules/ui/cn";
import type { TFindingStatus, TSeverity } from "@/modules/ui/severity";
import type { TFilterValues } from "../findings.schemas";
import type { TDueTone } from "@/modules/queue/due";
import { bulkAction } from "../server/actions";
import type { TMember } from "./bulk-bar";
import { DueBadge } from "@/modules/queue/components/due-badge";
import type { TFindingRowView } from "./findings-table";
import { smallSelectClass } from "@/modules/ui/components/small-select";

export interface TGroupView {
  ruleId: string;
  title: string;
  count: number;
  worstSeverity: string;
  overdue: number;
  unassigned: number;
  due: { label: string; tone: TDueTone; title: string };
  expandHref: string;
}

export function GroupTable({
  groups, expanded, canWrite, members, meId, filter, collapseHref,
}: {
  groups: TGroupView[];
  expanded: { ruleId: string; rows: TFindingRowView[]; more: boolean; allHref: string; /** the rule group's tickets and "Create ticket" (a server component) */ tickets?: React.ReactNode } | null;
  canWrite: boolean;
  members: TMember[];
  meId: string;
  filter: TFilterValues;
  collapseHref: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [assignee, setAssignee] = useState<Record<string, string>>({});

  function assignGroup(g: TGroupView) {
    const to = assignee[g.ruleId] ?? "me";
    start(async () => {
      const res = await bulkAction({ target: { filter: { ...filter, rule: g.ruleId } }, change: { kind: "assign", assigneeId: to === "none" ? null : to } });
      if (!res.ok) return toast.show({ tone: "error", title: "Group not assigned", body: res.error });
      toast.show({ tone: "success", title: `${g.title}: ${res.data.changed} of ${res.data.matched} finding${res.data.matched === 1 ? "" : "s"} assigned` });
      router.refresh();
    });
  }

  return (
    <div className={t.wrap}>
      <table className={t.table}>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={`${t.th} w-24`}>Worst</th>
            <th scope="col" className={t.th}>Rule</th>
            <th scope="col" className={`${t.th} text-right`}>Objects</th>
            <th scope="col" className={`${t.th} hidden text-right md:table-cell`}>Overdue</th>
            <th scope="col" className={`${t.th} hidden text-right xl:table-cell`}>Unassigned</th>
            <th scope="col" className={`${t.th} hidden sm:table-cell`}>Earliest due</th>
            {canWrite && <th scope="col" className={`${t.th} hidden lg:table-cell`}>Assign all of the rule</th>}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const open = expanded?.ruleId === g.ruleId;
            return (
              <Fragment key={g.ruleId}>
                <tr className={cn(t.tr, g.overdue > 0 && "shadow-[inset_3px_0_0_0_rgb(185,28,28)]", open && "bg-zinc-50")}>
                  <td className={`${t.td} align-top`}><SeverityBadge severity={g.worstSeverity as TSeverity} /></td>
                  <td className={`${t.td} w-full max-w-0 align-top`}>
                    <Link href={open ? collapseHref : g.expandHref} scroll={false} aria-expanded={open} className="inline-flex items-center gap-1 font-medium text-zinc-900 underline-offset-4 hover:underline">
                      {open ? <ChevronDown className="size-4 shrink-0 text-zinc-500" aria-hidden /> : <ChevronRight className="size-4 shrink-0 text-zinc-500" aria-hidden />}
                      {g.title}
                    </Link>
                    <div className="truncate pl-5 font-mono text-xs text-zinc-500">{g.ruleId}</div>
                  </td>
                  <td className={`${t.td} text-right align-top tabular-nums`}>{g.count.toLocaleString("en-US")}</td>
                  <td className={`${t.td} hidden text-right align-top tabular-nums md:table-cell`}>
                    {g.overdue ? <span className="font-semibold text-red-700">{g.overdue}</span> : <span className="text-zinc-500">0</span>}
                  </td>
                  <td className={`${t.td} hidden text-right align-top tabular-nums text-zinc-700 xl:table-cell`}>{g.unassigned}</td>
                  <td className={`${t.td} hidden align-top sm:table-cell`}><DueBadge {...g.due} /></td>
                  {canWrite && (
                    <td className={`${t.td} hidden w-px whitespace-nowrap align-top lg:table-cell`}>
                      <div className="flex items-center gap-1.5">
                        <label htmlFor={`ga-${g.ruleId}`} className="sr-only">Assign {g.title} to</label>
                        <select id={`ga-${g.ruleId}`} value={assignee[g.ruleId] ?? "me"} onChange={(e) => setAssignee((a) => ({ ...a, [g.ruleId]: e.target.value }))} className={`${smallSelectClass} w-32 shrink-0`}>
                          <option value="me">Me</option>
                          <option value="none">Nobody (unassign)</option>
                          {members.filter((m) => m.id !== meId).map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
                        </select>
                        <Button size="sm" disabled={pending} onClick={() => assignGroup(g)} aria-label={`Assign all ${g.count} ${g.title} findings`}>Assign</Button>
                      </div>
                    </td>
                  )}
                </tr>
                {open && expanded && (
                  <tr className="border-b border-zinc-200 bg-zinc-50/60">
                    <td colSpan={canWrite ? 7 : 6} className="px-4 pb-3 pt-0">
                      {expanded.tickets}
                      <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 bg-white" aria-label={`Objects with ${g.title}`}>
                        {expanded.rows.map((r) => (
                          <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-xs">
                            <SeverityBadge severity={r.severity as TSeverity} />
                            <Link href={`/findings/${r.id}`} className="min-w-0 flex-1 truncate font-mono text-zinc-800 underline-offset-4 hover:underline">
                              {r.kind} {r.namespace ? `${r.namespace}/` : ""}{r.name}
                            </Link>
                            <span className="text-zinc-500">{r.clusterName}</span>
                            <span className={r.assignee ? "text-zinc-700" : "text-zinc-500"}>{r.assignee ? (r.assignee.id === meId ? "You" : r.assignee.label) : "Unassigned"}</span>
                            {r.due && <DueBadge {...r.due} />}
                            <FindingStatusBadge status={r.status as TFindingStatus} />
                          </li>
                        ))}
                      </ul>
                      {expanded.more && (
                        <Link href={expanded.allHref} className="mt-2 inline-block text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">See all {g.count} in the list view</Link>
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
