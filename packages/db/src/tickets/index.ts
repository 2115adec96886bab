// Ticket integrations (Jira Cloud, GitHub Issues) and the tickets made from findings, risks and
// rule groups. Signatures are the contract between helpers H4 (implements) and H5 (the web app).
import type { TTicketIntegrationView, TTicketKind, TTicketView } from "./types";

export * from "./types";

const todo = (name: string): never => {
  throw new Error(`${name}: not implemented yet`);
};

export interface TTicketIntegrationInput {
  name: string;
  kind: TTicketKind;
  baseUrl: string;
  project: string;
  issueType?: string | null;
  username?: string | null;
  token: string;
  doneTransition?: string | null;
  enabled?: boolean;
}

/** URL through the SSRF guard, token encrypted; audit logged. DbError 400 with a clear message on bad input. */
export async function createTicketIntegration(input: { orgId: string; actorId: string; ip?: string | null } & TTicketIntegrationInput): Promise<TTicketIntegrationView> {
  void input;
  return todo("createTicketIntegration");
}
/** `token` omitted keeps the stored one. */
export async function updateTicketIntegration(input: { orgId: string; actorId: string; id: string; ip?: string | null } & Partial<TTicketIntegrationInput>): Promise<TTicketIntegrationView> {
  void input;
  return todo("updateTicketIntegration");
}
export async function deleteTicketIntegration(input: { orgId: string; actorId: string; id: string; ip?: string | null }): Promise<void> {
  void input;
  return todo("deleteTicketIntegration");
}
export async function listTicketIntegrations(input: { orgId: string }): Promise<TTicketIntegrationView[]> {
  void input;
  return todo("listTicketIntegrations");
}

/**
 * A ticket for a finding, a risk, or a rule's open findings (in one cluster, or all when clusterId
 * is absent). One per subject and integration: asking again returns the existing one (created: false).
 * The caller enqueues the "create" delivery when created.
 */
export async function createTicket(input: {
  orgId: string;
  actorId: string;
  integrationId: string;
  source: "finding" | "risk" | "rule";
  findingId?: string;
  riskId?: string;
  ruleId?: string;
  clusterId?: string;
  ip?: string | null;
}): Promise<{ ticket: TTicketView; created: boolean }> {
  void input;
  return todo("createTicket");
}

/** Tickets linked to a finding (directly or through its risk or rule group), a risk, or a rule. */
export async function listTickets(input: { orgId: string; findingId?: string; riskId?: string; ruleId?: string; limit?: number }): Promise<TTicketView[]> {
  void input;
  return todo("listTickets");
}
