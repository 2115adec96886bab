// A cluster's changes, newest first: when, what happened to which object, the changed field paths
// (never values), who made it, and the findings the change introduced.
import Link from "next/link";
import type { TChangeRow } from "@bulwark/db";
import { findingsQuery } from "@/modules/findings/findings.schemas";
import { cn } from "@/modules/ui/cn";
import { tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { changesQuery } from "../changes.schemas";

const TYPE_STYLE: Record<TChangeRow["type"], { label: string; badge: string }> = {
  added: { label: "Added", badge: "bg-green-50 text-green-800 ring-green-200" },
  modified: { label: "Modified", badge: "bg-blue-50 text-blue-800 ring-blue-200" },
  deleted: { label: "Deleted", badge: "bg-zinc-100 text-zinc-700 ring-zinc-300" },
};
const SHOWN_FIELDS = 3;

export function ChangesTable({ rows, clusterId }: { rows: TChangeRow[]; clusterId: string }) {
  const link = "font-medium text-indigo-700 underline-offset-4 hover:underline";
  return (
    <div className={t.wrap}>
      <table className={t.table}>
        <caption className="sr-only">Changes, newest first</caption>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={t.th}>When</th>
            <th scope="col" className={`${t.th} hidden sm:table-cell`}>Change</th>
            <th scope="col" className={t.th}>Object</th>
            <th scope="col" className={`${t.th} hidden lg:table-cell`}>Changed fields</th>
            <th scope="col" className={`${t.th} hidden sm:table-cell`}>By</th>
            <th scope="col" className={t.th}>Findings</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const style = TYPE_STYLE[r.type];
            const objectFindings = `/findings${findingsQuery({ tab: "all", cluster: clusterId, namespace: r.namespace ?? undefined, q: r.name, status: r.type === "deleted" ? ["resolved"] : undefined })}`;
            const extra = r.fields.length - SHOWN_FIELDS;
            return (
              <tr key={r.id} className={t.tr}>
                <td className={`${t.td} whitespace-nowrap text-xs text-zinc-600`}><Time date={r.at} /></td>
                <td className={`${t.td} hidden sm:table-cell`}>
                  <span className={cn("inline-flex rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", style.badge)}>{style.label}</span>
                </td>
                <td className={`${t.td} min-w-0`}>
                  <div className="text-xs text-zinc-500">
                    {/* The change column folds into this line on a phone. */}
                    <span className="font-medium text-zinc-700 sm:hidden">{style.label} · </span>
                    <Link href={changesQueryHref(clusterId, { kind: r.kind })} className="hover:text-zinc-900 hover:underline" title={`Only ${r.kind} changes`}>{r.kind}</Link>
                    {r.namespace && <> · <Link href={changesQueryHref(clusterId, { namespace: r.namespace })} className="hover:text-zinc-900 hover:underline" title={`Only changes in ${r.namespace}`}>{r.namespace}</Link></>}
                  </div>
                  <div className="max-w-[10rem] truncate font-medium text-zinc-900 sm:max-w-xs" title={r.name}>{r.name}</div>
                  {/* The field list moves under the object on narrow screens. */}
                  {r.fields.length > 0 && <p className="mt-0.5 max-w-[10rem] truncate font-mono sm:max-w-[16rem] text-[11px] text-zinc-500 lg:hidden">{r.fields.slice(0, 2).join(", ")}{r.fields.length > 2 ? ` +${r.fields.length - 2}` : ""}</p>}
                </td>
                <td className={`${t.td} hidden lg:table-cell`}>
                  {r.fields.length === 0 ? (
                    <span className="text-xs text-zinc-500">{r.type === "modified" ? "metadata only" : "—"}</span>
                  ) : (
                    <ul className="max-w-[16rem] space-y-1 font-mono text-[11px] leading-4 text-zinc-700 2xl:max-w-[24rem]">
                      {r.fields.slice(0, SHOWN_FIELDS).map((f) => <li key={f} className="break-all">{f}</li>)}
                      {extra > 0 && (
                        <li>
                          <details>
                            <summary className="cursor-pointer font-sans text-xs text-zinc-500 hover:text-zinc-800">{extra} more</summary>
                            <ul className="mt-0.5 space-y-0.5">{r.fields.slice(SHOWN_FIELDS).map((f) => <li key={f} className="break-all">{f}</li>)}</ul>
                          </details>
                        </li>
                      )}
                    </ul>
                  )}
                </td>
                <td className={`${t.td} hidden min-w-[10rem] max-w-[13rem] text-xs sm:table-cell`}>
                  {r.managerView ? (
                    <Link href={changesQueryHref(clusterId, { manager: r.manager! })} className="text-zinc-700 hover:text-zinc-900 hover:underline" title={`Field manager "${r.manager}"`}>{r.managerView.label}</Link>
                  ) : (
                    <span className="text-zinc-500" title="No field manager recorded this change (e.g. a deletion, or a client that sets none)">not recorded</span>
                  )}
                </td>
                <td className={`${t.td} whitespace-nowrap text-xs`}>
                  {r.introduced > 0 ? (
                    <Link href={objectFindings} className={cn(link, "text-red-700")}>{r.introduced}<span className="sm:hidden"> new</span><span className="hidden sm:inline"> introduced</span></Link>
                  ) : (
                    // Short on a phone, where the column has little room.
                    <Link href={objectFindings} className="text-zinc-500 underline-offset-4 hover:text-zinc-800 hover:underline">
                      <span className="sm:hidden">{r.type === "deleted" ? "Resolved" : "Findings"}</span>
                      <span className="hidden sm:inline">{r.type === "deleted" ? "Resolved findings" : "Object's findings"}</span>
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function changesQueryHref(clusterId: string, f: Parameters<typeof changesQuery>[0]): string {
  return `/clusters/${clusterId}/changes${changesQuery(f)}`;
}
