import type { ScanSchedule } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

const CRON_FIELD = /^[\d*/,\-A-Za-z?LW#]+$/;

export function validateSchedule(input: { mode: "interval" | "cron"; everyMinutes?: number; cron?: string; timezone?: string }): void {
  if (input.mode === "interval") {
    const m = input.everyMinutes;
    if (m === undefined || !Number.isInteger(m) || m < 5 || m > 60 * 24 * 31) throw new DomainError("everyMinutes must be a whole number between 5 and 44640");
  } else {
    const fields = (input.cron ?? "").trim().split(/\s+/);
    if (fields.length < 5 || fields.length > 6 || !fields.every((f) => CRON_FIELD.test(f))) {
      throw new DomainError('cron must be a 5-field cron expression, e.g. "0 3 * * *"');
    }
  }
  if (input.timezone) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: input.timezone });
    } catch {
      throw new DomainError(`unknown time zone "${input.timezone}"`);
    }
  }
}

export async function updateSchedule(input: {
  /** client address, when a person acted through the web (audit trail) */
  ip?: string | null;
  orgId: string;
  clusterId: string;
  actorId: string;
  enabled: boolean;
  mode: "interval" | "cron";
  everyMinutes?: number;
  cron?: string;
  timezone?: string;
}): Promise<ScanSchedule> {
  validateSchedule(input);
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: { id: true } });
    if (!cluster) throw new NotFoundError("cluster");
    const data = {
      enabled: input.enabled,
      mode: input.mode,
      everyMinutes: input.mode === "interval" ? (input.everyMinutes ?? 1440) : null,
      cron: input.mode === "cron" ? input.cron!.trim() : null,
      timezone: input.timezone ?? "UTC",
    };
    const schedule = await tx.scanSchedule.upsert({
      where: { clusterId: cluster.id },
      create: { orgId: input.orgId, clusterId: cluster.id, ...data },
      update: data,
    });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "schedule.update", targetType: "cluster", targetId: cluster.id, data }, tx);
    return schedule;
  });
}
