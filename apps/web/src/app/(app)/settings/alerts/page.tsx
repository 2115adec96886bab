import Link from "next/link";
import { BellRing } from "lucide-react";
import { listAlertDeliveries, listClusters, listNotificationChannels } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { SendTestButton } from "@/modules/alerts/components/channel-actions";
import { ChannelForm } from "@/modules/alerts/components/channel-form";
import { DeliveriesTable } from "@/modules/alerts/components/deliveries-table";
import { DeliveryStatus } from "@/modules/alerts/components/delivery-status";
import { KIND_LABEL, SEVERITY_CHOICES } from "@/modules/alerts/alerts.schemas";
import { Badge } from "@/modules/ui/components/badge";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";

export const metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

const severityLabel = (s: string) => SEVERITY_CHOICES.find((c) => c.value === s)?.label ?? s;

export default async function AlertsPage() {
  const ctx = await requirePageContext();
  if (!can(ctx.role, "alert:manage")) {
    return (
      <>
        <PageHeader title="Alerts" />
        <Callout tone="info" title="Admins only">Only admins and owners can see and manage alert channels. Ask one of them to add you to a channel&rsquo;s receivers.</Callout>
      </>
    );
  }
  const [channels, clusters, deliveries] = await Promise.all([
    listNotificationChannels({ orgId: ctx.orgId }),
    listClusters({ orgId: ctx.orgId }),
    listAlertDeliveries({ orgId: ctx.orgId, limit: 15 }),
  ]);
  const clusterNames = new Map(clusters.map((c) => [c.id, c.name]));
  const channelNames = new Map(channels.map((c) => [c.id, c.name]));
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Send new and reopened findings to a webhook or Slack right after each scan, once per finding; lower severities arrive in a daily digest."
      />
      <div className="space-y-6">
        <Section title={channels.length ? `${channels.length} channel${channels.length === 1 ? "" : "s"}` : "Channels"} id="channels" bodyClassName="p-0">
          {channels.length === 0 ? (
            <EmptyState icon={<BellRing className="size-5" aria-hidden />} title="No channels yet" description="Add a webhook or a Slack incoming webhook below; alerts start with the next scan." />
          ) : (
            <div className={t.wrap}>
              <table className={t.table}>
                <thead className={t.thead}>
                  <tr>
                    <th scope="col" className={t.th}>Channel</th>
                    <th scope="col" className={`${t.th} hidden sm:table-cell`}>Sends</th>
                    <th scope="col" className={`${t.th} hidden md:table-cell`}>Clusters</th>
                    <th scope="col" className={t.th}>Last delivery</th>
                    <th scope="col" className={t.th}><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {channels.map((c) => (
                    <tr key={c.id} className={t.tr}>
                      <td className={t.td}>
                        <div className="flex items-center gap-2">
                          <Link href={`/settings/alerts/${c.id}`} className="font-medium text-zinc-900 hover:underline">{c.name}</Link>
                          <Badge>{KIND_LABEL[c.kind] ?? c.kind}</Badge>
                          {!c.enabled && <Badge className="bg-zinc-100 text-zinc-500">Disabled</Badge>}
                        </div>
                        <div className="mt-0.5 break-all font-mono text-xs text-zinc-500">{c.urlHost}</div>
                        <div className="mt-0.5 text-xs text-zinc-600 sm:hidden">{severityLabel(c.minSeverity)}{c.digest ? " + digest" : ""}</div>
                      </td>
                      <td className={`${t.td} hidden text-sm text-zinc-700 sm:table-cell`}>
                        {severityLabel(c.minSeverity)}
                        <div className="text-xs text-zinc-500">{c.digest ? "+ daily digest of the rest" : "no digest"}</div>
                      </td>
                      <td className={`${t.td} hidden max-w-56 truncate text-sm text-zinc-700 md:table-cell`}>
                        {c.clusterIds.length === 0 ? <span className="text-zinc-500">All clusters</span> : c.clusterIds.map((id) => clusterNames.get(id) ?? "deleted cluster").join(", ")}
                      </td>
                      <td className={t.td}>
                        <div className="flex items-center gap-2">
                          <DeliveryStatus status={c.lastStatus} />
                          {c.lastDeliveryAt && <span className="text-xs text-zinc-500"><Time date={c.lastDeliveryAt} /></span>}
                        </div>
                        {c.lastError && <div className="mt-0.5 max-w-72 truncate text-xs text-red-700" title={c.lastError}>{c.lastError}</div>}
                      </td>
                      <td className={`${t.td} text-right`}><SendTestButton channelId={c.id} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>

        <Section title="Add a channel" id="add-channel" description="Webhooks receive signed JSON; Slack-compatible channels receive a formatted message.">
          <ChannelForm clusters={clusters.map((c) => ({ id: c.id, name: c.name }))} />
        </Section>

        <Section title="Recent deliveries" id="deliveries" description="Every message sent or attempted, newest first; failed ones are retried with backoff before they count as failed." bodyClassName="p-0">
          <DeliveriesTable rows={deliveries} channels={channelNames} />
        </Section>
      </div>
    </>
  );
}
