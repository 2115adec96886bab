// The scope a compliance view covers, in one sentence: "Scope: 2 of 5 clusters — payments-prod
// (namespaces payments, billing), shop (whole cluster); set by Ana on 7 Dec 2026" or "all clusters".
import Link from "next/link";
import { Crosshair } from "lucide-react";
import { day } from "../compliance-format";
import type { TScopeSummary } from "../server/queries";

/** Clusters named in the sentence before "and N more". */
const NAMED = 6;

export function scopeClusterText(c: { name: string; namespaces: string[] }): string {
  return c.namespaces.length === 0 ? `${c.name} (whole cluster)` : `${c.name} (namespace${c.namespaces.length === 1 ? "" : "s"} ${c.namespaces.join(", ")})`;
}

export function ScopeLine({ scope, scopeHref, canEdit }: { scope: TScopeSummary; scopeHref: string; canEdit: boolean }) {
  const named = scope.clusters.slice(0, NAMED);
  const more = scope.clusters.length - named.length;
  return (
    <div className="flex flex-col gap-2 rounded-md bg-zinc-50 px-3 py-2.5 text-sm text-zinc-700 ring-1 ring-inset ring-zinc-200 sm:flex-row sm:items-start sm:justify-between" id="scope">
      <p className="flex min-w-0 gap-2">
        <Crosshair className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden />
        <span className="min-w-0">
          <span className="font-medium text-zinc-900">Scope: </span>
          {scope.scoped && scope.clusters.length === 0 ? (
            <>
              no clusters. <span className="text-zinc-500">Every cluster in this framework&apos;s scope has been removed{canEdit ? "; choose the systems it applies to" : ""}.</span>
            </>
          ) : scope.scoped ? (
            <>
              {scope.clusters.length} of {scope.total} cluster{scope.total === 1 ? "" : "s"} — {named.map(scopeClusterText).join(", ")}
              {more > 0 && <>, and <Link href={scopeHref} className="text-indigo-700 underline underline-offset-2">{more} more</Link></>}
              {scope.setBy && <span className="text-zinc-500">; set by {scope.setBy.name} on {day(scope.setBy.at)}</span>}.
            </>
          ) : (
            <>
              all clusters ({scope.total}). <span className="text-zinc-500">No scope is set, so every cluster counts{canEdit ? "; narrow it to the systems the framework applies to" : ""}.</span>
            </>
          )}
        </span>
      </p>
      <Link href={scopeHref} className="shrink-0 text-xs font-medium text-indigo-700 underline-offset-4 hover:underline sm:mt-0.5">
        {canEdit ? (scope.scoped ? "Edit scope" : "Set scope") : "Scope details"}
      </Link>
    </div>
  );
}
