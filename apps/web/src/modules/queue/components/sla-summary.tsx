// The SLA policy at a glance, in a disclosure on the queue's header.
import Link from "next/link";
import { Timer } from "lucide-react";
import { SEVERITY_ORDER, SEVERITY_STYLE, type TSeverity } from "@/modules/ui/severity";
import { buttonClass } from "@/modules/ui/components/button";
import { cn } from "@/modules/ui/cn";

export function SlaSummary({ policy, canEdit }: { policy: Record<TSeverity, number | null>; canEdit: boolean }) {
  return (
    <details className="group relative">
      <summary className={cn(buttonClass("secondary", "sm"), "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>
        <Timer className="size-3.5" aria-hidden />SLA: {policy.critical ?? "–"} / {policy.high ?? "–"} / {policy.medium ?? "–"} / {policy.low ?? "–"} days
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-72 rounded-lg border border-zinc-200 bg-white p-4 shadow-lg">
        <h2 className="text-sm font-semibold text-zinc-900">Remediation SLA</h2>
        <p className="mt-1 text-xs text-zinc-500">Days to fix a finding after a scan first sees it (or sees it again after it was resolved).</p>
        <dl className="mt-3 space-y-1.5 text-sm">
          {SEVERITY_ORDER.map((s) => (
            <div key={s} className="flex items-center justify-between">
              <dt className="flex items-center gap-1.5 text-zinc-700"><span aria-hidden className={cn("size-2 rounded-full", SEVERITY_STYLE[s].dot)} />{SEVERITY_STYLE[s].label}</dt>
              <dd className="tabular-nums text-zinc-900">{policy[s] === null ? <span className="text-zinc-500">no due date</span> : `${policy[s]} days`}</dd>
            </div>
          ))}
        </dl>
        <Link href="/settings/policy#sla" className="mt-3 inline-block text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">
          {canEdit ? "Edit in policy settings" : "See policy settings"}
        </Link>
      </div>
    </details>
  );
}
