// Ticket integrations (Jira Cloud, GitHub Issues) and the tickets made from findings, risks and
// rule groups. The first group is for the web app; the second is the worker's (it carries sealed
// tokens and spans organizations in the scheduler's sweep).
export * from "./types";
export {
  createTicketIntegration,
  updateTicketIntegration,
  deleteTicketIntegration,
  listTicketIntegrations,
  getTicketIntegration,
  type TTicketIntegrationInput,
  type TIntegrationEnvOverrides,
} from "./integrations";
export { createTicket, listTickets, getTicket } from "./tickets";
export { RULE_TICKET_MAX_FINDINGS } from "./ticket-subject";

// worker side
export {
  getTicketForDelivery,
  loadTicketEvidence,
  recordTicketCreated,
  recordTicketFailure,
  recordTicketClosedByBulwark,
  recordTicketReopened,
  clearTicketError,
  TICKET_BODY_MAX_FINDINGS,
  type TTicketForDelivery,
  type TTicketEvidence,
  type TTicketEvidenceFinding,
} from "./delivery";
export {
  listTicketsToSync,
  getIntegrationForSync,
  recordIntegrationSync,
  recordTicketSynced,
  closeTicketFromRemote,
  planTicketsAfterScan,
  type TTicketToSync,
  type TTicketAfterScanAction,
} from "./sync";
