// Fair dispatch across organizations on shared queues (BullMQ's groups are a Pro feature, so we
// build it from what both backends have: job priorities and delayed jobs).
//
// Round-robin by position: an organization's job is enqueued with a priority equal to the number
// of its jobs already waiting (its backlog). Its first waiting job gets no priority, which both
// backends serve before any prioritized job; its second gets 1, its third 2, and so on. Workers
// take the lowest priority first (FIFO within one), so they take every organization's first job,
// then every organization's second job... A tenant that queues 200 scans only delays itself.
//
// A cap on running jobs per organization (enforced where the job is claimed, see the scan
// processor) keeps a tenant with long jobs from holding every worker slot; a job over the cap is
// put back with a delay spread over its organization's backlog, so a large backlog costs the
// workers a few retries a second, not a sweep of the whole backlog every time.
import { DelayedError } from "bullmq";

/** BullMQ's largest priority (2^21). */
export const MAX_PRIORITY = 2_097_152;

/** The priority of an organization's next job, given how many of its jobs already wait. */
export function fairPriority(backlog: number): number | undefined {
  if (!Number.isFinite(backlog) || backlog < 1) return undefined;
  return Math.min(MAX_PRIORITY, Math.floor(backlog));
}

/**
 * How long to put back a job whose organization is at its running cap: at least `baseMs`, spread
 * at random over `baseMs * (1 + queued / cap)` so the organization's waiting jobs retry at about
 * `cap / baseMs` per second whatever their number. At most ten minutes.
 */
export function deferDelayMs(input: { baseMs: number; queued: number; cap: number; random?: () => number }): number {
  const spread = input.baseMs * (Math.max(0, input.queued) / Math.max(1, input.cap));
  return Math.min(10 * 60_000, Math.round(input.baseMs + (input.random ?? Math.random)() * spread));
}

/** What deferJob needs of a BullMQ job (the processor's job argument). */
export interface DeferrableJob {
  moveToDelayed(timestamp: number, token?: string): Promise<void>;
}

/**
 * Puts the job being processed back for `delayMs`, without spending one of its attempts; the
 * processor must throw what this returns so the worker does not also complete or fail the job.
 */
export async function deferJob(job: DeferrableJob, token: string | undefined, delayMs: number): Promise<DelayedError> {
  await job.moveToDelayed(Date.now() + delayMs, token);
  return new DelayedError(`deferred ${delayMs} ms`);
}
