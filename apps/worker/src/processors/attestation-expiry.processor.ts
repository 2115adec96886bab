// The repeatable expiry sweep of attestations: admins, owners and the attester are reminded once,
// ATTESTATION_REMINDER_DAYS before an attestation expires, and told once when it has (the control
// is pending again). The clock is injectable.
import { remindExpiringAttestations, type TAttestationSweepResult } from "@bulwark/db";
import { ATTESTATION_SWEEP_EVERY_MS, ATTESTATION_SWEEP_JOB_NAME, ATTESTATION_SWEEP_SCHEDULER_ID, QUEUE_COMPLIANCE, ZAttestationSweepJob, getQueue } from "@bulwark/jobs";
import type { WorkerContext } from "../context";

export async function processAttestationSweep(job: { data: unknown }, ctx: Pick<WorkerContext, "log">, clock: () => Date = () => new Date()): Promise<TAttestationSweepResult> {
  const payload = ZAttestationSweepJob.parse(job.data ?? {});
  const result = await remindExpiringAttestations({ now: payload.now ? new Date(payload.now) : clock() });
  if (result.reminded || result.expired) ctx.log("attestation sweep", { ...result });
  return result;
}

/** Registers (or keeps) the one scheduler of the sweep; idempotent across restarts and workers. */
export async function scheduleAttestationSweep(everyMs: number = ATTESTATION_SWEEP_EVERY_MS): Promise<void> {
  await getQueue(QUEUE_COMPLIANCE).upsertJobScheduler(ATTESTATION_SWEEP_SCHEDULER_ID, { every: everyMs }, { name: ATTESTATION_SWEEP_JOB_NAME, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
}
