// Ticket integrations (helper H4 implements; signatures are the contract).
import type { WorkerContext } from "../context";

type Log = WorkerContext["log"];

/** One job of the ticket queue: a delivery (create, close, comment) or a status sync. */
export async function processTicketJob(job: { name: string; data: unknown }, ctx: WorkerContext): Promise<{ outcome: string; reason?: string }> {
  void job;
  void ctx;
  return { outcome: "skipped", reason: "not implemented yet" };
}

/** After a scan is stored: comment on and close the tickets whose findings it resolved (never fails the scan). */
export async function afterScanTickets(log: Log, input: { orgId: string; clusterId: string; scanId: string }): Promise<void> {
  void log;
  void input;
}

/** Registers the periodic status sync. */
export async function scheduleTicketSync(): Promise<void> {}
