// The repeatable expiry sweep of risk exceptions: expired ones return their findings to open (with
// an event and a note to the assignee); ones about to expire warn once. The clock is injectable.
import { expireExceptions, type TExpirySweepResult } from "@bulwark/db";
import { EXCEPTION_SWEEP_EVERY_MS, EXCEPTION_SWEEP_SCHEDULER_ID, QUEUE_EXCEPTIONS, ZExceptionSweepJob, getQueue } from "@bulwark/jobs";
import type { WorkerContext } from "../context";

export async function processExceptionSweep(job: { data: unknown }, ctx: Pick<WorkerContext, "log">, clock: () => Date = () => new Date()): Promise<TExpirySweepResult> {
  const payload = ZExceptionSweepJob.parse(job.data ?? {});
  const result = await expireExceptions({ now: payload.now ? new Date(payload.now) : clock() });
  if (result.expired || result.warned) ctx.log("exception sweep", { ...result });
  return result;
}

/** Registers (or keeps) the one scheduler of the sweep; idempotent across restarts and workers. */
export async function scheduleExceptionSweep(everyMs: number = EXCEPTION_SWEEP_EVERY_MS): Promise<void> {
  await getQueue(QUEUE_EXCEPTIONS).upsertJobScheduler(EXCEPTION_SWEEP_SCHEDULER_ID, { every: everyMs }, { name: "exception-sweep", data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
}
