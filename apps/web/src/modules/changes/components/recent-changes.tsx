// The cluster page's glimpse of its change history: the last few changes, one line each.
import Link from "next/link";
import type { TChangeRow } from "@bulwark/db";
import { findingsQuery } from "@/modules/findings/findings.schemas";
import { Time } from "@/modules/ui/components/time";

const VERB: Record<TChangeRow["type"], string> = { added: "added", modified: "modified", deleted: "deleted" };

export function RecentChanges({ rows, clusterId }: { rows: TChangeRow[]; clusterId: string }) {
  if (rows.length === 0) return <p className="text-xs text-zinc-500">No change recorded yet.</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm" aria-label="Latest changes">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-1.5">
          <span className="min-w-0">
            <span className="text-zinc-500">{r.kind} </span>
            <span className="font-medium text-zinc-900">{r.namespace ? `${r.namespace}/` : ""}{r.name}</span>
            <span className="text-zinc-600"> {VERB[r.type]}{r.managerView ? ` by ${r.managerView.label}` : ""}</span>
            {r.introduced > 0 && (
              <Link href={`/findings${findingsQuery({ tab: "all", cluster: clusterId, namespace: r.namespace ?? undefined, q: r.name })}`} className="ml-2 text-xs font-medium text-red-700 underline-offset-4 hover:underline">
                {r.introduced} finding{r.introduced === 1 ? "" : "s"} introduced
              </Link>
            )}
          </span>
          <span className="text-xs text-zinc-500"><Time date={r.at} /></span>
        </li>
      ))}
    </ul>
  );
}
