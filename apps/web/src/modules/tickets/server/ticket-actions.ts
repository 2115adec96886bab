"use server";
// Ticket integrations (admins and owners: integration:manage) and tickets (members: ticket:create),
// from the settings page, the finding, risk and rule-group menus and the API. The web never talks to
// Jira or GitHub: it stores through @bulwark/db (which guards the URL and seals the token) and
// enqueues the worker's delivery or sync.
import { revalidatePath } from "next/cache";
import { DomainError, createTicket, createTicketIntegration, deleteTicketIntegration, listTicketIntegrations, updateTicketIntegration } from "@bulwark/db";
import { enqueueTicketDelivery, enqueueTicketSync } from "@bulwark/jobs";
import { HttpError } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZCreateIntegration, ZCreateTicket, ZIntegrationId, ZUpdateIntegration, projectError } from "../tickets.schemas";

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const QUEUE_DOWN = "The job queue is unreachable. Check that Redis and the worker are running, then try again.";

/** An integration's fields were refused by the data layer (an address the network guard refuses, a duplicate name): a bad request. */
function asBadInput(err: unknown): never {
  if (err instanceof DomainError) throw new HttpError(400, capitalize(err.message), "invalid_input");
  throw err;
}

export const createIntegrationAction = withOrg({ schema: ZCreateIntegration, permission: "integration:manage" }, async (input, ctx) => {
  const view = await createTicketIntegration({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    ip: ctx.ip,
    name: input.name,
    kind: input.kind,
    baseUrl: input.baseUrl,
    project: input.project,
    token: input.token,
    enabled: input.enabled,
    ...(input.kind === "jira" ? { issueType: input.issueType, username: input.username, doneTransition: input.doneTransition } : {}),
  }).catch(asBadInput);
  revalidatePath("/settings/integrations");
  return view;
});

export const updateIntegrationAction = withOrg({ schema: ZUpdateIntegration, permission: "integration:manage" }, async (input, ctx) => {
  const current = (await listTicketIntegrations({ orgId: ctx.orgId })).find((i) => i.id === input.id);
  if (!current) throw new HttpError(404, "No such ticket integration", "not_found");
  if (input.project !== undefined) {
    const bad = projectError(current.kind, input.project);
    if (bad) throw new HttpError(400, "Some fields need attention", "invalid_input", { project: bad });
  }
  const { id, token, ...fields } = input;
  const view = await updateTicketIntegration({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, id, ...fields, ...(token ? { token } : {}) }).catch(asBadInput);
  revalidatePath("/settings/integrations");
  return view;
});

export const deleteIntegrationAction = withOrg({ schema: ZIntegrationId, permission: "integration:manage" }, async (input, ctx) => {
  await deleteTicketIntegration({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, id: input.id });
  revalidatePath("/settings/integrations");
  return { deleted: true };
});

/** "Sync now": the worker reads every open ticket's status from Jira or GitHub. */
export const syncIntegrationAction = withOrg({ schema: ZIntegrationId, permission: "integration:manage" }, async (input, ctx) => {
  const found = (await listTicketIntegrations({ orgId: ctx.orgId })).some((i) => i.id === input.id);
  if (!found) throw new HttpError(404, "No such ticket integration", "not_found");
  try {
    const { jobId } = await enqueueTicketSync({ orgId: ctx.orgId, integrationId: input.id });
    return { queued: true, jobId };
  } catch (err) {
    console.error("[bulwark/web] enqueue ticket sync failed", err instanceof Error ? err.message : err);
    throw new HttpError(503, QUEUE_DOWN, "queue_unavailable");
  }
});

/**
 * A ticket for a finding, a risk or a rule's findings; one per subject and integration (asking again
 * answers the existing one). A new one, or one still pending, is handed to the worker to create.
 */
export const createTicketAction = withOrg({ schema: ZCreateTicket, permission: "ticket:create" }, async (input, ctx) => {
  const { ticket, created } = await createTicket({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    ip: ctx.ip,
    integrationId: input.integrationId,
    source: input.source,
    ...(input.findingId ? { findingId: input.findingId } : {}),
    ...(input.riskId ? { riskId: input.riskId } : {}),
    ...(input.ruleId ? { ruleId: input.ruleId } : {}),
    ...(input.clusterId ? { clusterId: input.clusterId } : {}),
  });
  if (created || ticket.status === "pending") {
    try {
      // The job id is the ticket's: asking again while it is queued adds nothing.
      await enqueueTicketDelivery({ orgId: ctx.orgId, ticketId: ticket.id, action: "create" });
    } catch (err) {
      console.error("[bulwark/web] enqueue ticket delivery failed", err instanceof Error ? err.message : err);
      throw new HttpError(503, `The ticket is saved as pending but could not be handed to the worker. ${QUEUE_DOWN}`, "queue_unavailable");
    }
  }
  if (input.findingId) revalidatePath(`/findings/${input.findingId}`);
  if (input.riskId) revalidatePath(`/risks/${input.riskId}`);
  return { ticket, created };
});
