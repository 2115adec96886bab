// Findings expected for platform components, grouped by the baseline entry that matched, each group
// with the reason users see. Not open work: no status, assignee or SLA here.
import Link from "next/link";
import { SeverityBadge } from "@/modules/ui/components/badge";
import type { TSeverity } from "@/modules/ui/severity";
import { ruleTitle } from "../server/queries";

interface TPlatformRow {
  id: string;
  ruleId: string;
  severity: string;
  kind: string;
  namespace: string | null;
  name: string;
  baselineId: string | null;
  baselineReason: string | null;
  cluster: { id: string; name: string };
}

export function PlatformFindings({ rows }: { rows: TPlatformRow[] }) {
  const groups = new Map<string, { reason: string; rows: TPlatformRow[] }>();
  for (const r of rows) {
    const key = r.baselineId ?? "other";
    const g = groups.get(key) ?? { reason: r.baselineReason ?? "Expected for a platform component.", rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return (
    <div className="divide-y divide-zinc-100">
      {[...groups].map(([id, g]) => (
        <section key={id} aria-labelledby={`baseline-${id}`} className="px-4 py-3">
          <h3 id={`baseline-${id}`} className="font-mono text-xs font-medium text-zinc-900">{id}</h3>
          <p className="mt-0.5 text-xs text-zinc-600">{g.reason}</p>
          <ul className="mt-2 space-y-1">
            {g.rows.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
                <SeverityBadge severity={r.severity as TSeverity} />
                <Link href={`/findings/${r.id}`} className="font-medium text-zinc-900 underline-offset-4 hover:underline">{ruleTitle(r.ruleId)}</Link>
                <span className="font-mono text-zinc-600">{r.kind} {r.namespace ? `${r.namespace}/` : ""}{r.name}</span>
                <span className="text-zinc-500">{r.cluster.name}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
