// Why a cluster's score is what it is: the last scan's score items, costliest first (what fixing
// each would give back). Risk items link to the risk page.
import Link from "next/link";
import { SeverityBadge } from "@/modules/ui/components/badge";
import { formatScore } from "@/modules/ui/components/score";
import type { TSeverity } from "@/modules/ui/severity";

export interface TScoreItemView {
  kind: string;
  label: string;
  severity?: string;
  impact: number;
  href?: string;
}

const SEVERITIES = new Set(["critical", "high", "medium", "low", "info"]);

/** The stored JSON (written from the engine's ScoreItem[]) as rows; anything else reads as none. */
export function readScoreItems(raw: unknown, riskHref: (riskKey: string) => string | undefined): TScoreItemView[] {
  if (!Array.isArray(raw)) return [];
  const out: TScoreItemView[] = [];
  for (const v of raw) {
    if (!v || typeof v !== "object") continue;
    const it = v as Record<string, unknown>;
    if (typeof it.label !== "string" || typeof it.impact !== "number") continue;
    const href = typeof it.riskId === "string" ? riskHref(it.riskId) : undefined;
    out.push({
      kind: typeof it.kind === "string" ? it.kind : "finding",
      label: it.label,
      impact: it.impact,
      ...(typeof it.severity === "string" && SEVERITIES.has(it.severity) ? { severity: it.severity } : {}),
      ...(href ? { href } : {}),
    });
  }
  return out.sort((a, b) => b.impact - a.impact);
}

export function ScoreExplanation({ items, shown = 6 }: { items: TScoreItemView[]; shown?: number }) {
  if (items.length === 0) return null;
  const rest = items.slice(shown);
  const restImpact = Math.round(rest.reduce((n, i) => n + i.impact, 0) * 10) / 10;
  return (
    <div className="mt-4 border-t border-zinc-100 pt-3">
      <h3 className="text-xs font-medium text-zinc-600">What costs points</h3>
      <ul className="mt-2 space-y-1.5" aria-label="What costs points">
        {items.slice(0, shown).map((it, i) => (
          <li key={`${it.label}-${i}`} className="flex items-start gap-2 text-xs">
            <span className="w-12 shrink-0 text-right font-semibold tabular-nums text-red-700" title={`Fixing it gives back ${formatScore(it.impact)} points`}>−{formatScore(it.impact)}</span>
            <span className="min-w-0 flex-1 text-zinc-700">
              {it.href ? <Link href={it.href} className="underline-offset-4 hover:underline">{it.label}</Link> : it.label}
              {it.kind === "hygiene" && <span className="ml-1 text-zinc-500">(hygiene)</span>}
            </span>
            {it.severity && <SeverityBadge severity={it.severity as TSeverity} className="shrink-0" />}
          </li>
        ))}
      </ul>
      {rest.length > 0 && <p className="mt-1.5 pl-14 text-xs text-zinc-500">and {rest.length} more item{rest.length === 1 ? "" : "s"} costing {formatScore(restImpact)} points</p>}
    </div>
  );
}
