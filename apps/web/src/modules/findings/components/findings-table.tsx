"use client";
// The findings list: worst and most urgent first, with a checkbox per row for bulk changes when the
// reader may change findings. Each row's title links to the finding; overdue due dates stand out.
import Link from "next/link";
import { useState } from "react";
import { FindingStatusBadge, SeverityBadge } from "@/modules/ui/components/badge";
import { tableClass as t } from "@/modules/ui/components/layout";
import { cn } from "@/modules/ui/cn";
import type { TFindingStatus, TSeverity } from "@/modules/ui/severity";
import type { TFilterValues } from "../findings.schemas";
import type { TDueTone } from "@/modules/queue/due";
import { BulkBar, type TMember } from "./bulk-bar";
import { DueBadge } from "@/modules/queue/components/due-badge";

export interface TFindingRowView {
  id: string;
  ruleId: string;
  title: string;
  severity: string;
  status: string;
  kind: string;
  namespace: string | null;
  name: string;
  message: string;
  clusterName: string;
  assignee: { id: string; label: string } | null;
  /** null when the finding is not open work (resolved, excepted): no SLA applies. */
  due: { label: string; tone: TDueTone; title: string } | null;
  age: string;
}

export function FindingsTable({
  rows, canWrite, members, meId, filter, matchingLabel, showCluster = true,
}: {
  rows: TFindingRowView[];
  canWrite: boolean;
  members: TMember[];
  meId: string;
  filter: TFilterValues;
  matchingLabel: string;
  showCluster?: boolean;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const some = rows.some((r) => selected.has(r.id));
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  return (
    <>
      {canWrite && (
        <BulkBar
          selectedIds={[...selected]}
          filter={filter}
          members={members}
          meId={meId}
          matchingLabel={matchingLabel}
          onDone={() => setSelected(new Set())}
          onClear={() => setSelected(new Set())}
        />
      )}
      <div className={t.wrap}>
        <table className={t.table}>
          <thead className={t.thead}>
            <tr>
              {canWrite && (
                <th scope="col" className={`${t.th} w-8 pr-0`}>
                  <input
                    type="checkbox"
                    aria-label="Select every finding on this page"
                    checked={all}
                    ref={(el) => { if (el) el.indeterminate = some && !all; }}
                    onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))}
                    className="size-4 accent-zinc-900"
                  />
                </th>
              )}
              <th scope="col" className={`${t.th} hidden w-24 sm:table-cell`}>Severity</th>
              <th scope="col" className={t.th}>Finding</th>
              {showCluster && <th scope="col" className={`${t.th} hidden md:table-cell`}>Cluster</th>}
              <th scope="col" className={`${t.th} hidden sm:table-cell`}>Assignee</th>
              <th scope="col" className={`${t.th} hidden sm:table-cell`}>Due</th>
              <th scope="col" className={`${t.th} hidden sm:table-cell`}>Status</th>
              <th scope="col" className={`${t.th} hidden text-right lg:table-cell`}>Age</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.id} className={cn(t.tr, f.due?.tone === "overdue" && "bg-red-50/40 shadow-[inset_3px_0_0_0_rgb(185,28,28)]", selected.has(f.id) && "bg-indigo-50/50")}>
                {canWrite && (
                  <td className={`${t.td} pr-0 align-top`}>
                    <input type="checkbox" aria-label={`Select ${f.title} on ${f.name}`} checked={selected.has(f.id)} onChange={() => toggle(f.id)} className="mt-0.5 size-4 accent-zinc-900" />
                  </td>
                )}
                <td className={`${t.td} hidden align-top sm:table-cell`}><SeverityBadge severity={f.severity as TSeverity} /></td>
                <td className={`${t.td} w-full max-w-0 align-top`}>
                  <div className="mb-1 flex flex-wrap gap-1.5 sm:hidden">
                    <SeverityBadge severity={f.severity as TSeverity} />
                    {f.due ? <DueBadge {...f.due} /> : <span className="text-xs text-zinc-500">—</span>}
                    <FindingStatusBadge status={f.status as TFindingStatus} />
                  </div>
                  <Link href={`/findings/${f.id}`} className="font-medium text-zinc-900 underline-offset-4 hover:underline">{f.title}</Link>
                  <div className="truncate text-xs text-zinc-500" title={f.message}>
                    <span className="font-mono text-zinc-700">{f.kind} {f.namespace ? `${f.namespace}/` : ""}{f.name}</span> · {f.message}
                  </div>
                </td>
                {showCluster && <td className={`${t.td} hidden whitespace-nowrap align-top text-xs text-zinc-700 md:table-cell`}>{f.clusterName}</td>}
                <td className={`${t.td} hidden whitespace-nowrap align-top text-xs sm:table-cell`}>
                  {f.assignee ? <span className="text-zinc-800">{f.assignee.id === meId ? "You" : f.assignee.label}</span> : <span className="text-zinc-500">Unassigned</span>}
                </td>
                <td className={`${t.td} hidden align-top sm:table-cell`}>{f.due ? <DueBadge {...f.due} /> : <span className="text-xs text-zinc-500">—</span>}</td>
                <td className={`${t.td} hidden align-top sm:table-cell`}><FindingStatusBadge status={f.status as TFindingStatus} /></td>
                <td className={`${t.td} hidden whitespace-nowrap text-right align-top text-xs tabular-nums text-zinc-500 lg:table-cell`}>{f.age}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
