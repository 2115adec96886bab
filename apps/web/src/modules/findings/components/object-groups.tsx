// "By object": one row per workload or object, worst first, with its findings listed as links (what
// one change to that object's manifest would fix together).
import Link from "next/link";
import { SeverityBadge } from "@/modules/ui/components/badge";
import { tableClass as t } from "@/modules/ui/components/layout";
import { cn } from "@/modules/ui/cn";
import { SEVERITY_STYLE, type TSeverity } from "@/modules/ui/severity";
import { DueBadge } from "@/modules/queue/components/due-badge";
import type { TDueTone } from "@/modules/queue/due";

export interface TObjectGroupView {
  key: string;
  clusterName: string;
  kind: string;
  namespace: string | null;
  name: string;
  count: number;
  worstSeverity: string;
  due: { label: string; tone: TDueTone; title: string };
  /** One chip per rule (a rule failing in two containers is one chip, "×2"), worst first. */
  findings: Array<{ id: string; title: string; severity: string; count: number }>;
  /** The All tab filtered to this object's namespace and name. */
  allHref: string;
}

/** Chips by rule, in the order given (worst first): the first finding of a rule is its link. */
export function chipsByRule<T extends { id: string; ruleId: string; severity: string }>(findings: T[], title: (ruleId: string) => string): TObjectGroupView["findings"] {
  const out = new Map<string, TObjectGroupView["findings"][number]>();
  for (const f of findings) {
    const c = out.get(f.ruleId);
    if (c) c.count += 1;
    else out.set(f.ruleId, { id: f.id, title: title(f.ruleId), severity: f.severity, count: 1 });
  }
  return [...out.values()];
}

export function ObjectGroups({ groups }: { groups: TObjectGroupView[] }) {
  return (
    <div className={t.wrap}>
      <table className={t.table}>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={`${t.th} w-24`}>Worst</th>
            <th scope="col" className={t.th}>Object and its findings</th>
            <th scope="col" className={`${t.th} hidden md:table-cell`}>Cluster</th>
            <th scope="col" className={`${t.th} text-right`}>Findings</th>
            <th scope="col" className={`${t.th} hidden sm:table-cell`}>Earliest due</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key} className={t.tr}>
              <td className={`${t.td} align-top`}><SeverityBadge severity={g.worstSeverity as TSeverity} /></td>
              <td className={`${t.td} w-full max-w-0 align-top`}>
                <Link href={g.allHref} className="break-all font-mono text-sm font-medium text-zinc-900 underline-offset-4 hover:underline">
                  <span className="font-sans font-normal text-zinc-500">{g.kind}</span> {g.namespace ? `${g.namespace}/` : ""}{g.name}
                </Link>
                <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-label={`Findings on ${g.name}`}>
                  {g.findings.map((f) => (
                    <li key={f.id}>
                      <Link href={`/findings/${f.id}`} className="inline-flex items-center gap-1.5 rounded-md bg-white px-1.5 py-0.5 text-xs text-zinc-700 ring-1 ring-inset ring-zinc-200 hover:bg-zinc-50 hover:text-zinc-900">
                        <SeverityDot severity={f.severity as TSeverity} />
                        {f.title}
                        {f.count > 1 && <span className="tabular-nums text-zinc-500">×{f.count}</span>}
                      </Link>
                    </li>
                  ))}
                  {g.count > g.findings.reduce((n, f) => n + f.count, 0) && (
                    <li><Link href={g.allHref} className="inline-block px-1 py-0.5 text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">+{g.count - g.findings.reduce((n, f) => n + f.count, 0)} more</Link></li>
                  )}
                </ul>
                <div className="mt-1 text-xs text-zinc-500 md:hidden">{g.clusterName}</div>
              </td>
              <td className={`${t.td} hidden whitespace-nowrap align-top text-xs text-zinc-700 md:table-cell`}>{g.clusterName}</td>
              <td className={`${t.td} text-right align-top tabular-nums`}>{g.count.toLocaleString("en-US")}</td>
              <td className={`${t.td} hidden align-top sm:table-cell`}><DueBadge {...g.due} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SeverityDot({ severity }: { severity: TSeverity }) {
  return <span className={cn("size-1.5 shrink-0 rounded-full", SEVERITY_STYLE[severity].dot)} title={SEVERITY_STYLE[severity].label} aria-label={SEVERITY_STYLE[severity].label} role="img" />;
}
