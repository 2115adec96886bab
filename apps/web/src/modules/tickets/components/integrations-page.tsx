// Settings → Ticket integrations: the organization's Jira and GitHub integrations (everyone sees
// which exist; admins and owners add, change, sync and remove them). Tokens are never shown.
import { Ticket } from "lucide-react";
import { listTicketIntegrations } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { Badge } from "@/modules/ui/components/badge";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { KIND_LABEL } from "../tickets.schemas";
import { IntegrationActions } from "./integration-actions";
import { IntegrationForm } from "./integration-form";

const hostOf = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return url;
  }
};

export async function IntegrationsPage() {
  const ctx = await requirePageContext();
  const manage = can(ctx.role, "integration:manage");
  const items = await listTicketIntegrations({ orgId: ctx.orgId });
  return (
    <>
      <PageHeader
        title="Ticket integrations"
        description="Send findings, risks and rule groups to Jira or GitHub Issues with their evidence and fix. Status flows both ways: a closed ticket marks its findings resolved pending the next scan, and a scan that finds them fixed comments on the ticket and closes it."
      />
      <div className="space-y-6">
        <Section title={items.length ? `${items.length} integration${items.length === 1 ? "" : "s"}` : "Integrations"} id="integrations" bodyClassName="p-0">
          {items.length === 0 ? (
            <EmptyState
              icon={<Ticket className="size-5" aria-hidden />}
              title="No ticket integrations yet"
              description={manage ? "Add Jira or GitHub below; then a Create ticket menu appears on findings, risks and rule groups." : "An admin or owner can add Jira or GitHub here; then you can create tickets from findings, risks and rule groups."}
            />
          ) : (
            <div className={t.wrap}>
              <table className={t.table}>
                <thead className={t.thead}>
                  <tr>
                    <th scope="col" className={t.th}>Integration</th>
                    <th scope="col" className={`${t.th} hidden md:table-cell`}>Project</th>
                    <th scope="col" className={t.th}>Last sync</th>
                    {manage && <th scope="col" className={t.th}><span className="sr-only">Actions</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id} className={t.tr}>
                      <td className={`${t.td} align-top`}>
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="font-medium text-zinc-900">{i.name}</span>
                          <Badge>{KIND_LABEL[i.kind] ?? i.kind}</Badge>
                          {i.tokenSet && <Badge className="bg-green-50 text-green-800 ring-green-200">Token set</Badge>}
                          {!i.enabled && <Badge className="bg-zinc-100 text-zinc-600">Disabled</Badge>}
                        </div>
                        <div className="mt-0.5 break-all font-mono text-xs text-zinc-500">{hostOf(i.baseUrl)}</div>
                        <div className="mt-0.5 font-mono text-xs text-zinc-700 md:hidden">{i.project}</div>
                      </td>
                      <td className={`${t.td} hidden align-top md:table-cell`}>
                        <div className="font-mono text-xs text-zinc-800">{i.project}</div>
                        {i.kind === "jira" && (
                          <div className="mt-0.5 text-xs text-zinc-500">
                            {i.issueType ?? "Task"} · closes with “{i.doneTransition ?? "Done"}”{i.username ? <> · as <span className="break-all">{i.username}</span></> : null}
                          </div>
                        )}
                      </td>
                      <td className={`${t.td} align-top text-xs`}>
                        {i.lastSyncAt ? (
                          <span className="text-zinc-700"><Time date={i.lastSyncAt} />{i.lastStatus ? <span className="text-zinc-500"> · {i.lastStatus}</span> : null}</span>
                        ) : (
                          <span className="whitespace-nowrap text-zinc-500">not synced yet</span>
                        )}
                        {i.lastError && <div className="mt-0.5 max-w-72 break-words text-red-700">{i.lastError}</div>}
                      </td>
                      {manage && (
                        <td className={`${t.td} align-top`}>
                          <IntegrationActions integration={{ id: i.id, kind: i.kind, name: i.name, baseUrl: i.baseUrl, project: i.project, issueType: i.issueType, username: i.username, doneTransition: i.doneTransition, enabled: i.enabled }} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
        {manage ? (
          <Section title="Add an integration" id="add-integration" description="The worker talks to Jira or GitHub; this page never does. Tokens are stored encrypted and never shown again.">
            <IntegrationForm />
          </Section>
        ) : (
          <Callout tone="info" title="Admins manage integrations">Only admins and owners can add, change or remove ticket integrations. Members create tickets from a finding, a risk or a rule group.</Callout>
        )}
      </div>
    </>
  );
}
