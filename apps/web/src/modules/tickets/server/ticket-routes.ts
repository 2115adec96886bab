// /api/tickets and /api/ticket-integrations rows of the API registry (lib/api-routes.ts spreads
// them in): the organization's Jira and GitHub integrations (admins and owners change them; tokens
// are write-only) and the tickets made from findings, risks and rule groups.
import type { TRouteDef } from "@/lib/route";
import { orgRoute } from "@/lib/route";
import { createIntegrationAction, createTicketAction, deleteIntegrationAction, syncIntegrationAction, updateIntegrationAction } from "./ticket-actions";
import { listIntegrationsOp, listTicketsOp } from "./ticket-ops";

const VIEW =
  "An integration answers as { id, name, kind: jira | github, baseUrl, project, issueType, username, doneTransition, enabled, tokenSet: true, lastSyncAt, lastStatus, lastError, createdAt }; its token never comes back.";
const TICKET =
  "A ticket answers as { id, integrationId, integrationName, kind, source: finding | risk | rule, title, status: pending | open | closed | failed, externalKey, url, remoteStatus, lastError, findingIds, riskId, ruleId, clusterId, createdAt, closedAt }.";

export const TICKET_ROUTES = {
  "GET /api/ticket-integrations": orgRoute({
    summary: "The organization's ticket integrations (Jira Cloud, GitHub Issues), without their tokens",
    description: `Answers { items }. ${VIEW}`,
    op: listIntegrationsOp,
  }),
  "POST /api/ticket-integrations": orgRoute({
    summary: "Add a Jira or GitHub ticket integration (admins and owners)",
    description: `Body, Jira: { kind: "jira", name, baseUrl (the site, https://acme.atlassian.net), project (project key, e.g. SEC), issueType (default Task), username (the Atlassian account's email), token (an API token), doneTransition (default Done), enabled? }. GitHub: { kind: "github", name, baseUrl (default https://api.github.com; GitHub Enterprise: https://HOST/api/v3), project ("owner/repo"), token (a token that may write issues), enabled? }. The address must be https and pass the network guard; the token is stored encrypted. Answers 201 with the integration. ${VIEW} Audited.`,
    op: createIntegrationAction,
    input: "json",
    ok: 201,
  }),
  "PATCH /api/ticket-integrations/{id}": orgRoute({
    summary: "Change a ticket integration (admins and owners); a token left out or empty keeps the stored one",
    description: "Body: any of { name, baseUrl, project, issueType, username, doneTransition, enabled, token }. Audited.",
    op: updateIntegrationAction,
    input: "json",
    params: { id: "id" },
  }),
  "DELETE /api/ticket-integrations/{id}": orgRoute({
    summary: "Remove a ticket integration (admins and owners); its tickets stay in Jira or GitHub",
    description: "Answers { deleted: true }. Audited.",
    op: deleteIntegrationAction,
    params: { id: "id" },
  }),
  "POST /api/ticket-integrations/{id}/sync": orgRoute({
    summary: "Sync an integration's tickets now (admins and owners): the worker reads their status from Jira or GitHub",
    description: "Answers 202 { queued: true, jobId }; the integration's lastSyncAt, lastStatus and lastError say how it went. 503 when the job queue is unreachable.",
    op: syncIntegrationAction,
    params: { id: "id" },
    ok: 202,
  }),
  "GET /api/tickets": orgRoute({
    summary: "Tickets of a finding (its own, its risks' and its rule group's), a risk or a rule; or the newest",
    description: `Query: finding, risk or rule (one of them), limit (at most 200, default 50). Answers { items }. ${TICKET} url is the issue in Jira or GitHub once the worker created it.`,
    op: listTicketsOp,
    input: "query",
  }),
  "POST /api/tickets": orgRoute({
    summary: "Create a ticket from a finding, a risk or a rule's open findings (members and up)",
    description: `Body: { integrationId, source: finding | risk | rule, findingId | riskId | ruleId (the one the source names), clusterId? (rule tickets only: that cluster's findings; all clusters without it) }. One ticket per subject and integration: 201 { ticket, created: true } for a new one (pending until the worker creates the issue, with the evidence and the fix), 200 { ticket, created: false } for the existing one. ${TICKET} An id of another organization answers 404. Audited.`,
    op: createTicketAction,
    input: "json",
    ok: 201,
    okStatus: (data) => (data.created ? 201 : 200),
  }),
} satisfies Record<string, TRouteDef>;
