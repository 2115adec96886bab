// The ticket queue: deliveries (create, close, comment) to Jira or GitHub, retried with backoff by
// BullMQ, and the periodic two-way status sync. Every step is idempotent: create skips a ticket
// already created, close skips an issue already closed and remembers (in the job's data) that its
// comment went out, and a job id names its ticket, action and cause, so a duplicate is a no-op.
import {
  closeTicketFromRemote,
  getIntegrationForSync,
  getTicketForDelivery,
  listTicketsToSync,
  loadTicketEvidence,
  planTicketsAfterScan,
  recordIntegrationSync,
  recordTicketClosedByBulwark,
  recordTicketCreated,
  recordTicketFailure,
  recordTicketReopened,
  recordTicketSynced,
  clearTicketError,
} from "@bulwark/db";
import { decryptCredential } from "@bulwark/security";
import { TICKET_DELIVERY_JOB_NAME, TICKET_SYNC_JOB_NAME, ZTicketDeliveryJob, ZTicketSyncJob, deferJob, enqueueTicketDelivery, upsertTicketSyncSchedule, type DeferrableJob } from "@bulwark/jobs";
import type { WorkerContext } from "../context";
import { workerEnv } from "../env";
import { ticketClient, type TTicketClient } from "./clients";
import { ticketBlocks } from "./format";
import { TicketHttpError, type TTicketHttpOptions } from "./http";

type Log = WorkerContext["log"];

export interface TicketJobLike {
  name: string;
  data: unknown;
  /** attempts already failed before this one (BullMQ's attemptsMade) */
  attemptsMade?: number;
  opts?: { attempts?: number };
  /** BullMQ's lock token, to put the job back when the remote asks to wait */
  token?: string;
  moveToDelayed?: (timestamp: number, token?: string) => Promise<void>;
  updateData?: (data: unknown) => Promise<void>;
}

export interface TTicketDeps {
  /** public URL of the web app, for links back to Bulwark */
  appUrl?: string;
  /** per-request deadline */
  timeoutMs?: number;
  /** extra trusted CA for the remote (tests) */
  ca?: string;
}

export type TTicketJobResult = { outcome: string; reason?: string; [k: string]: unknown };

/** Longest a rate limit holds an integration. */
const MAX_HOLD_MS = 60 * 60_000;
/** integration id -> until when this process leaves it alone (the remote asked to wait) */
const holds = new Map<string, number>();

function holdFor(integrationId: string): number {
  const until = holds.get(integrationId) ?? 0;
  return until > Date.now() ? until - Date.now() : 0;
}

function hold(integrationId: string, ms: number): number {
  const wait = Math.min(MAX_HOLD_MS, Math.max(1000, ms));
  holds.set(integrationId, Math.max(holds.get(integrationId) ?? 0, Date.now() + wait));
  return wait;
}

let envAppUrl: string | null | undefined;
/** NEXTAUTH_URL from the worker's settings, when the caller passed no appUrl (the worker's own start does not). */
function defaultAppUrl(): string | undefined {
  if (envAppUrl === undefined) {
    try {
      envAppUrl = workerEnv().NEXTAUTH_URL ?? null;
    } catch {
      envAppUrl = null;
    }
  }
  return envAppUrl ?? undefined;
}

const httpOptions = (ctx: WorkerContext, deps: TTicketDeps): TTicketHttpOptions => ({ allowPrivateNetworks: ctx.allowPrivateNetworks, ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}), ...(deps.ca ? { ca: deps.ca } : {}) });

/** One job of the ticket queue: a delivery (create, close, comment) or a status sync. */
export async function processTicketJob(job: TicketJobLike, ctx: WorkerContext, deps: TTicketDeps = {}): Promise<TTicketJobResult> {
  switch (job.name) {
    case TICKET_DELIVERY_JOB_NAME:
      return deliver(job, ctx, deps);
    case TICKET_SYNC_JOB_NAME:
      return sync(job, ctx, deps);
    default:
      return { outcome: "skipped", reason: `unknown job ${job.name}` };
  }
}

/** Puts the job back for `ms` without spending an attempt, when the queue allows it; else lets BullMQ's backoff retry it. */
async function waitAndRetry(job: TicketJobLike, ms: number, error: Error): Promise<never> {
  if (typeof job.moveToDelayed === "function") throw await deferJob(job as DeferrableJob, job.token, ms);
  throw error;
}

async function deliver(job: TicketJobLike, ctx: WorkerContext, deps: TTicketDeps): Promise<TTicketJobResult> {
  const data = ZTicketDeliveryJob.parse(job.data);
  const { orgId, ticketId, action } = data;
  const ticket = await getTicketForDelivery({ orgId, ticketId });
  if (!ticket) return { outcome: "skipped", reason: "ticket or integration deleted" };
  const final = (job.attemptsMade ?? 0) + 1 >= (job.opts?.attempts ?? 1);
  if (!ticket.integration.enabled) {
    await recordTicketFailure({ orgId, ticketId, error: `the integration "${ticket.integration.name}" is disabled`, final: true });
    return { outcome: "skipped", reason: "integration disabled" };
  }
  if (action === "create" && ticket.status !== "pending" && ticket.status !== "failed") return { outcome: "skipped", reason: `already ${ticket.status}` };
  if (action !== "create" && !ticket.externalKey) return { outcome: "skipped", reason: "the issue was never created" };
  if (action === "close" && ticket.status === "closed") return { outcome: "skipped", reason: "already closed" };

  const held = holdFor(ticket.integration.id);
  if (held) return waitAndRetry(job, held, new Error(`${ticket.integration.kind} asked to wait; retrying later`));

  let client: TTicketClient;
  try {
    const token = decryptCredential(ticket.integration.tokenCipher, ctx.keyring);
    client = ticketClient({ ...ticket.integration, token }, httpOptions(ctx, deps));
  } catch (e) {
    // A key rotated away cannot come back by retrying.
    const error = `the integration's token cannot be decrypted (${(e as Error).message}); enter it again`;
    await recordTicketFailure({ orgId, ticketId, error, final: true });
    return { outcome: "failed", reason: error };
  }

  try {
    if (action === "create") {
      const evidence = await loadTicketEvidence({ orgId, ticketId });
      if (!evidence) return { outcome: "skipped", reason: "ticket deleted" };
      const remote = await client.create({ title: ticket.title, blocks: ticketBlocks(ticket, evidence, deps.appUrl ?? defaultAppUrl()) });
      await recordTicketCreated({ orgId, ticketId, externalKey: remote.key, externalId: remote.id, url: remote.url, remoteStatus: remote.status });
      ctx.log("ticket created", { ticketId, kind: ticket.integration.kind, key: remote.key });
      return { outcome: "created", key: remote.key, url: remote.url };
    }
    const key = ticket.externalKey!;
    const commented = (job.data as { commented?: unknown }).commented === true;
    if (action === "close") {
      if (data.comment && !commented) {
        await client.comment(key, data.comment);
        await job.updateData?.({ ...data, commented: true });
      }
      const status = await client.close(key);
      await recordTicketClosedByBulwark({ orgId, ticketId, remoteStatus: status });
      ctx.log("ticket closed", { ticketId, kind: ticket.integration.kind, key });
      return { outcome: "closed", key };
    }
    // comment: on a closed ticket whose findings came back, GitHub's issue is also reopened
    if (data.comment && !commented) {
      await client.comment(key, data.comment);
      await job.updateData?.({ ...data, commented: true });
    }
    if (ticket.status === "closed") {
      const evidence = await loadTicketEvidence({ orgId, ticketId });
      if (evidence?.findings.some((f) => f.status === "open" || f.status === "reopened" || f.status === "in_progress")) {
        const status = await client.reopen(key);
        if (status !== null) {
          await recordTicketReopened({ orgId, ticketId, remoteStatus: status });
          return { outcome: "reopened", key };
        }
      }
    }
    await clearTicketError({ orgId, ticketId });
    return { outcome: "commented", key };
  } catch (e) {
    const err = e instanceof TicketHttpError ? e : new TicketHttpError((e as Error).message, 0, false);
    if (err.retryAfterMs !== undefined) {
      const wait = hold(ticket.integration.id, err.retryAfterMs);
      await recordTicketFailure({ orgId, ticketId, error: err.message, final: false });
      ctx.log("ticket delivery rate limited", { ticketId, action, waitMs: wait });
      return waitAndRetry(job, wait, err);
    }
    const isFinal = err.final || final;
    await recordTicketFailure({ orgId, ticketId, error: err.message, final: isFinal });
    ctx.log("ticket delivery failed", { ticketId, action, error: err.message, final: isFinal });
    if (isFinal) return { outcome: "failed", reason: err.message };
    throw err;
  }
}

async function sync(job: TicketJobLike, ctx: WorkerContext, deps: TTicketDeps): Promise<TTicketJobResult> {
  const data = ZTicketSyncJob.parse(job.data);
  const groups = await listTicketsToSync(data);
  let checked = 0;
  let closed = 0;
  let resolved = 0;
  for (const g of groups) {
    const integ = await getIntegrationForSync({ orgId: g.orgId, integrationId: g.integrationId });
    if (!integ?.enabled || holdFor(integ.id)) continue;
    let client: TTicketClient;
    try {
      client = ticketClient({ ...integ, issueType: null, doneTransition: null, token: decryptCredential(integ.tokenCipher, ctx.keyring) }, httpOptions(ctx, deps));
    } catch (e) {
      await recordIntegrationSync({ orgId: g.orgId, integrationId: integ.id, ok: false, error: `the token cannot be decrypted (${(e as Error).message}); enter it again` });
      continue;
    }
    let integrationError: string | null = null;
    let failures = 0;
    for (const t of g.tickets) {
      try {
        const st = await client.status(t.externalKey);
        checked += 1;
        if (st.closed) {
          const r = await closeTicketFromRemote({ orgId: t.orgId, ticketId: t.id, remoteStatus: st.status });
          if (r.closed) {
            closed += 1;
            resolved += r.resolvedFindingIds.length;
            ctx.log("ticket closed remotely", { ticketId: t.id, key: t.externalKey, resolvedFindings: r.resolvedFindingIds.length });
          }
        } else await recordTicketSynced({ orgId: t.orgId, ticketId: t.id, remoteStatus: st.status });
        failures = 0;
      } catch (e) {
        const err = e instanceof TicketHttpError ? e : new TicketHttpError((e as Error).message, 0, false);
        if (err.retryAfterMs !== undefined) {
          hold(integ.id, err.retryAfterMs);
          integrationError = err.message;
          break;
        }
        // The credentials or the project are wrong: every other ticket would fail the same way.
        if (err.status === 401 || err.status === 403 || err.status === 0) {
          integrationError = err.message;
          break;
        }
        await recordTicketSynced({ orgId: t.orgId, ticketId: t.id, remoteStatus: null, error: err.message });
        failures += 1;
        if (failures >= 3) {
          integrationError = err.message;
          break;
        }
      }
    }
    await recordIntegrationSync({ orgId: g.orgId, integrationId: integ.id, ok: integrationError === null, error: integrationError });
  }
  // An integration with nothing open still shows it was checked.
  if (data.integrationId && data.orgId && !groups.length) await recordIntegrationSync({ orgId: data.orgId, integrationId: data.integrationId, ok: true });
  return { outcome: "synced", checked, closed, resolved };
}

/** After a scan is stored: comment on and close the tickets whose findings it resolved (never fails the scan). */
export async function afterScanTickets(log: Log, input: { orgId: string; clusterId: string; scanId: string }, opts: { backoffMs?: number } = {}): Promise<void> {
  try {
    const actions = await planTicketsAfterScan(input);
    for (const a of actions) {
      await enqueueTicketDelivery({ orgId: input.orgId, ticketId: a.ticketId, action: a.action, comment: a.comment }, { key: input.scanId, ...(opts.backoffMs ? { backoffMs: opts.backoffMs } : {}) });
    }
    if (actions.length) log("ticket updates after scan", { scanId: input.scanId, close: actions.filter((a) => a.action === "close").length, comment: actions.filter((a) => a.action === "comment").length });
  } catch (e) {
    log("ticket updates after scan failed", { scanId: input.scanId, error: (e as Error).message });
  }
}

/** Registers the periodic status sync. */
export async function scheduleTicketSync(): Promise<void> {
  await upsertTicketSyncSchedule();
}
