import Link from "next/link";
import { notFound } from "next/navigation";
import { getNotificationChannel, listAlertDeliveries, listClusters } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { DeleteChannel, EnabledToggle, RotateSecret, SendTestButton } from "@/modules/alerts/components/channel-actions";
import { ChannelForm } from "@/modules/alerts/components/channel-form";
import { DeliveriesTable } from "@/modules/alerts/components/deliveries-table";
import { DeliveryStatus } from "@/modules/alerts/components/delivery-status";
import { KIND_LABEL, SEVERITY_CHOICES } from "@/modules/alerts/alerts.schemas";
import { Callout, KeyValue, PageHeader, Section } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const c = await getNotificationChannel({ orgId: ctx.orgId, channelId: (await params).id });
  return { title: c ? `${c.name} · Alerts` : "Alerts" };
}

export default async function ChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requirePageContext();
  const channel = id.length <= 64 ? await getNotificationChannel({ orgId: ctx.orgId, channelId: id }) : null;
  if (!channel) notFound();
  if (!can(ctx.role, "alert:manage")) {
    return (
      <>
        <PageHeader title="Alerts" />
        <Callout tone="info" title="Admins only">Only admins and owners can see and manage alert channels.</Callout>
      </>
    );
  }
  const [clusters, deliveries] = await Promise.all([listClusters({ orgId: ctx.orgId }), listAlertDeliveries({ orgId: ctx.orgId, channelId: channel.id, limit: 30 })]);
  const names = new Map(clusters.map((c) => [c.id, c.name]));
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/settings/alerts" className="hover:underline">Alerts</Link>}
        title={channel.name}
        description={`${KIND_LABEL[channel.kind] ?? channel.kind} to ${channel.urlHost}`}
        actions={<><SendTestButton channelId={channel.id} size="md" /><EnabledToggle channelId={channel.id} enabled={channel.enabled} name={channel.name} /><DeleteChannel channelId={channel.id} name={channel.name} /></>}
      />
      <div className="space-y-6">
        {channel.lastStatus === "failed" && channel.lastError && (
          <Callout tone="error" title="The last delivery failed">{channel.lastError}</Callout>
        )}
        <Section title="Status" id="status">
          <KeyValue
            items={[
              { label: "Last delivery", value: <span className="inline-flex items-center gap-2"><DeliveryStatus status={channel.lastStatus} />{channel.lastDeliveryAt && <Time date={channel.lastDeliveryAt} />}</span> },
              { label: "Last error", value: channel.lastError ? <span className="text-red-700" title={channel.lastError}>{channel.lastError}</span> : <span className="text-zinc-500">none</span> },
              { label: "Alerts on", value: SEVERITY_CHOICES.find((s) => s.value === channel.minSeverity)?.label ?? channel.minSeverity },
              { label: "Clusters", value: channel.clusterIds.length ? channel.clusterIds.map((c) => names.get(c) ?? "deleted cluster").join(", ") : "All clusters" },
              { label: "Daily digest", value: channel.digest ? <>On{channel.lastDigestAt && <span className="text-zinc-500"> · last <Time date={channel.lastDigestAt} /></span>}</> : "Off" },
              { label: "Added", value: <Time date={channel.createdAt} /> },
            ]}
          />
        </Section>
        <Section title="Recent deliveries" id="deliveries" bodyClassName="p-0">
          <DeliveriesTable rows={deliveries} />
        </Section>
        <Section title="Settings" id="settings">
          <ChannelForm clusters={clusters.map((c) => ({ id: c.id, name: c.name }))} initial={channel} />
        </Section>
        {channel.kind === "webhook" && (
          <Section title="Verifying requests" id="signing" description="Every request is signed so your receiver can tell it comes from Bulwark and is fresh.">
            <div className="space-y-3 text-sm text-zinc-700">
              <ol className="list-decimal space-y-1 pl-5">
                <li>Read <code className="font-mono text-xs">X-Bulwark-Timestamp</code> (unix seconds) and reject requests more than 5 minutes away from your clock: a replayed request is old.</li>
                <li>Compute HMAC-SHA256 with the signing secret over <code className="font-mono text-xs">{"<timestamp>.<raw body>"}</code> and compare its hex, in constant time, with <code className="font-mono text-xs">X-Bulwark-Signature</code> after <code className="font-mono text-xs">sha256=</code>.</li>
                <li><code className="font-mono text-xs">X-Bulwark-Delivery</code> stays the same across retries: use it to drop repeats.</li>
              </ol>
              <pre className="overflow-x-auto rounded-md bg-zinc-950 p-3 font-mono text-xs leading-5 text-zinc-100">{`const ts = req.headers["x-bulwark-timestamp"];
if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return reject();
const want = "sha256=" + crypto.createHmac("sha256", SECRET).update(\`\${ts}.\${rawBody}\`).digest("hex");
if (!crypto.timingSafeEqual(Buffer.from(want), Buffer.from(req.headers["x-bulwark-signature"]))) return reject();`}</pre>
              <RotateSecret channelId={channel.id} />
            </div>
          </Section>
        )}
      </div>
    </>
  );
}
