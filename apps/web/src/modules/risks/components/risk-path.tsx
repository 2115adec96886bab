// A risk drawn as its attack path: the steps in order (exposure, a known vulnerability of the image
// it runs, then privilege or identity, then data or network), each with what it gives an attacker,
// the objects it involves and the findings behind it (links to their pages).
import Link from "next/link";
import { ArrowDown } from "lucide-react";
import type { ObjectRef, RiskStep } from "@bulwark/rules";
import { FindingStatusBadge, SeverityBadge } from "@/modules/ui/components/badge";
import { cn } from "@/modules/ui/cn";
import type { TFindingStatus, TSeverity } from "@/modules/ui/severity";
import { STEP_KIND_LABEL, objectText } from "../risk-labels";

const STEP_ORDER: Record<string, number> = { exposure: 0, vulnerability: 0.5, privilege: 1, identity: 1, data: 2, network: 2 };
const STEP_TONE: Record<string, string> = {
  exposure: "bg-sky-50 text-sky-800 ring-sky-600/25",
  vulnerability: "bg-rose-50 text-rose-800 ring-rose-700/25",
  privilege: "bg-red-50 text-red-800 ring-red-700/25",
  identity: "bg-orange-50 text-orange-800 ring-orange-600/25",
  data: "bg-violet-50 text-violet-800 ring-violet-600/25",
  network: "bg-amber-50 text-amber-900 ring-amber-500/30",
};

/** Steps in path order; the engine's order breaks ties. */
export function orderSteps<T extends Pick<RiskStep, "kind">>(steps: readonly T[]): T[] {
  return steps.map((s, i) => ({ s, i })).sort((a, b) => (STEP_ORDER[a.s.kind] ?? 3) - (STEP_ORDER[b.s.kind] ?? 3) || a.i - b.i).map((x) => x.s);
}

export interface TPathFinding {
  id: string;
  fingerprint: string;
  title: string;
  severity: string;
  status: string;
  object: string;
}

/** `primary`: the risk's own object, named once in the header, so its findings do not repeat it. */
export function RiskPath({ steps, findings, primary }: { steps: RiskStep[]; findings: TPathFinding[]; primary: string }) {
  const byFingerprint = new Map(findings.map((f) => [f.fingerprint, f]));
  const ordered = orderSteps(steps);
  return (
    <ol className="space-y-0" aria-label="Attack path">
      {ordered.map((step, i) => {
        const behind = step.findings.map((fp) => byFingerprint.get(fp)).filter((f): f is TPathFinding => Boolean(f));
        const shown = new Set([primary, ...(step.objects ?? []).map(objectText)]);
        return (
          <li key={`${step.kind}-${i}`}>
            <div className="flex gap-3">
              <div className="flex flex-col items-center">
                <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-zinc-900 text-xs font-semibold text-white tabular-nums">{i + 1}</span>
              </div>
              <div className="min-w-0 flex-1 pb-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className={cn("inline-flex rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", STEP_TONE[step.kind] ?? "bg-zinc-50 text-zinc-700 ring-zinc-300")}>{STEP_KIND_LABEL[step.kind] ?? step.kind}</span>
                  <p className="text-sm font-medium text-zinc-900">{step.text}</p>
                </div>
                {step.objects && step.objects.length > 0 && <ObjectList objects={step.objects} />}
                {behind.length > 0 ? (
                  <ul className="mt-2 space-y-1" aria-label={`Findings behind step ${i + 1}`}>
                    {behind.map((f) => (
                      <li key={f.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
                        <SeverityBadge severity={f.severity as TSeverity} />
                        <Link href={`/findings/${f.id}`} className="font-medium text-indigo-700 underline-offset-4 hover:underline">{f.title}</Link>
                        {!shown.has(f.object) && <span className="font-mono text-zinc-500">{f.object}</span>}
                        {f.status !== "open" && <FindingStatusBadge status={f.status as TFindingStatus} />}
                      </li>
                    ))}
                  </ul>
                ) : step.findings.length === 0 ? (
                  <p className="mt-1 text-xs text-zinc-500">Context: no finding behind this step.</p>
                ) : (
                  <p className="mt-1 text-xs text-zinc-500">Its findings are no longer stored (the object may have changed since the scan).</p>
                )}
              </div>
            </div>
            {i < ordered.length - 1 && (
              <div className="flex w-7 justify-center py-1.5 text-zinc-400" aria-hidden><ArrowDown className="size-4" /></div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function ObjectList({ objects }: { objects: ObjectRef[] }) {
  return (
    <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-label="Objects">
      {objects.map((o) => (
        <li key={`${o.kind}/${o.namespace ?? ""}/${o.name}`} className="rounded-md bg-zinc-50 px-1.5 py-0.5 font-mono text-xs text-zinc-700 ring-1 ring-inset ring-zinc-200">{objectText(o)}</li>
      ))}
    </ul>
  );
}
