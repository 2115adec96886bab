// The recent deliveries of one channel or of all: what was sent, when, and how it went.
import Link from "next/link";
import type { TDeliveryRow } from "@bulwark/db";
import { tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { DeliveryStatus } from "./delivery-status";

const KIND: Record<string, string> = { alert: "Alert", summary: "Summary", digest: "Digest", test: "Test" };

export function DeliveriesTable({ rows, channels }: { rows: TDeliveryRow[]; channels?: Map<string, string> }) {
  if (rows.length === 0) return <p className="px-4 py-6 text-sm text-zinc-500">Nothing sent yet. Alerts appear here after the next scan finds something new, or press &ldquo;Send test&rdquo;.</p>;
  return (
    <div className={t.wrap}>
      <table className={t.table}>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={t.th}>When</th>
            {channels && <th scope="col" className={`${t.th} hidden sm:table-cell`}>Channel</th>}
            <th scope="col" className={t.th}>What</th>
            <th scope="col" className={t.th}>Status</th>
            <th scope="col" className={`${t.th} hidden lg:table-cell`}>Last error</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} className={t.tr}>
              <td className={`${t.td} text-xs text-zinc-500`}><Time date={d.sentAt ?? d.createdAt} /></td>
              {channels && (
                <td className={`${t.td} hidden text-sm sm:table-cell`}>
                  <Link href={`/settings/alerts/${d.channelId}`} className="text-zinc-900 hover:underline">{channels.get(d.channelId) ?? "channel"}</Link>
                </td>
              )}
              <td className={`${t.td} text-sm`}>
                <span className="mr-2 text-xs text-zinc-500">{KIND[d.kind] ?? d.kind}</span>
                {d.findingId ? <Link href={`/findings/${d.findingId}`} className="text-zinc-800 hover:underline">{d.summary}</Link> : <span className="text-zinc-800">{d.summary}</span>}
              </td>
              <td className={t.td}><DeliveryStatus status={d.status} attempts={d.attempts} /></td>
              <td className={`${t.td} hidden max-w-xs truncate text-xs text-red-700 lg:table-cell`} title={d.lastError ?? undefined}>{d.lastError ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
