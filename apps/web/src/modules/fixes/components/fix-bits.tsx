// Small pieces of the fixes pages, server- and client-safe: the status badge, an object's label and
// a plan entry's patch as YAML.
import { stringify } from "yaml";
import type { TFixRequestStatus } from "@bulwark/db";
import { cn } from "@/modules/ui/cn";
import { FIX_STATUS_LABEL } from "../fixes.schemas";

const base = "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset";

const STYLE: Record<TFixRequestStatus, string> = {
  proposed: "bg-amber-50 text-amber-800 ring-amber-600/30",
  approved: "bg-blue-50 text-blue-700 ring-blue-600/25",
  applying: "bg-blue-50 text-blue-700 ring-blue-600/25",
  applied: "bg-blue-50 text-blue-700 ring-blue-600/25",
  verified: "bg-green-50 text-green-700 ring-green-600/25",
  unverified: "bg-rose-50 text-rose-700 ring-rose-600/25",
  failed: "bg-red-50 text-red-700 ring-red-600/25",
  refused: "bg-violet-50 text-violet-700 ring-violet-600/25",
  rejected: "bg-zinc-50 text-zinc-600 ring-zinc-300",
  cancelled: "bg-zinc-50 text-zinc-600 ring-zinc-300",
};

export function FixStatusBadge({ status, className }: { status: TFixRequestStatus; className?: string }) {
  return (
    <span className={cn(base, STYLE[status], className)}>
      {status === "applying" && <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-blue-600" />}
      {FIX_STATUS_LABEL[status]}
    </span>
  );
}

export interface TTargetRef { apiVersion?: string; kind: string; namespace?: string | null; name: string }

/** "Deployment shop/web" */
export function targetLabel(t: TTargetRef): string {
  return `${t.kind} ${t.namespace ? `${t.namespace}/` : ""}${t.name}`;
}

/** The strategic merge patch as YAML, as `kubectl patch --type strategic` or a kustomize patch takes it. */
export function patchYaml(patch: Record<string, unknown>): string {
  // The object's identity first, as a manifest reads; then what changes.
  const { apiVersion, kind, metadata, ...rest } = patch;
  const ordered = { ...(apiVersion !== undefined ? { apiVersion } : {}), ...(kind !== undefined ? { kind } : {}), ...(metadata !== undefined ? { metadata } : {}), ...rest };
  return stringify(ordered, { lineWidth: 0 }).trimEnd();
}

export function PatchBlock({ yaml, label }: { yaml: string; label: string }) {
  return (
    <div className="overflow-x-auto rounded-md bg-zinc-950 p-3" role="region" aria-label={label} tabIndex={0}>
      <pre className="min-w-max font-mono text-xs leading-5 text-zinc-100"><code>{yaml}</code></pre>
    </div>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export { plural };
