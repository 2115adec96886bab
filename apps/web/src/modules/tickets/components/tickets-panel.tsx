// The tickets of a finding, a risk or a rule group, with the "Create ticket" menu for members
// (ticket:create) when an enabled integration exists. A server component: pages place it as is.
import Link from "next/link";
import { listTicketIntegrations, listTickets } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { Section } from "@/modules/ui/components/layout";
import { CreateTicketMenu, type TTicketSubject } from "./create-ticket-menu";
import { TicketList } from "./ticket-list";

async function load(subject: TTicketSubject) {
  const ctx = await requirePageContext();
  const [integrations, tickets] = await Promise.all([
    listTicketIntegrations({ orgId: ctx.orgId }),
    listTickets({
      orgId: ctx.orgId,
      ...(subject.source === "finding" ? { findingId: subject.id } : subject.source === "risk" ? { riskId: subject.id } : { ruleId: subject.id }),
      limit: 20,
    }),
  ]);
  const usable = integrations.filter((i) => i.enabled).map((i) => ({ id: i.id, name: i.name, kind: i.kind }));
  return { ctx, integrations, usable, tickets, create: can(ctx.role, "ticket:create"), manage: can(ctx.role, "integration:manage") };
}

/** The finding or risk page's "Tickets" section (aside). */
export async function TicketsPanel({ subject }: { subject: TTicketSubject }) {
  const { integrations, usable, tickets, create, manage } = await load(subject);
  if (!integrations.length && !tickets.length && !manage) return null;
  return (
    <Section title="Tickets" id="tickets" description={tickets.length ? undefined : "Track the fix in Jira or GitHub, with the evidence and the fix"}>
      {tickets.length > 0 && <TicketList tickets={tickets} from={subject.source} label={`Tickets of ${subject.label}`} />}
      <div className={tickets.length ? "mt-3 border-t border-zinc-100 pt-3" : ""}>
        {create && usable.length > 0 && <CreateTicketMenu subject={subject} integrations={usable} />}
        {!create && <p className="text-xs text-zinc-500">Viewers cannot create tickets.</p>}
        {create && usable.length === 0 && (
          <p className="text-xs text-zinc-500">
            {integrations.length ? "Every ticket integration is disabled." : "No ticket integration yet."}{" "}
            {manage ? <Link href="/settings/integrations" className="font-medium text-indigo-700 underline-offset-4 hover:underline">Set up Jira or GitHub</Link> : "An admin can add Jira or GitHub."}
          </p>
        )}
      </div>
    </Section>
  );
}

/** A rule group's tickets and menu, in the By rule tab's expanded row. */
export async function RuleTickets({ ruleId, ruleTitle, clusterId }: { ruleId: string; ruleTitle: string; clusterId?: string | undefined }) {
  const subject: TTicketSubject = { source: "rule", id: ruleId, label: `${ruleTitle} findings`, ...(clusterId ? { clusterId } : {}) };
  const { usable, tickets, create } = await load(subject);
  if (!tickets.length && !(create && usable.length)) return null;
  return (
    <div className="mb-2 flex flex-wrap items-start justify-between gap-3 rounded-md border border-zinc-200 bg-white px-3 py-2">
      {tickets.length ? <TicketList tickets={tickets} from="rule" label={`Tickets of ${ruleTitle}`} /> : <p className="text-xs text-zinc-500">One ticket for every open finding of this rule{clusterId ? " in the filtered cluster" : ""}, with each object listed.</p>}
      {create && usable.length > 0 && <CreateTicketMenu subject={subject} integrations={usable} align="end" />}
    </div>
  );
}
