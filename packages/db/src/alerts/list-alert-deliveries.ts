import { db } from "../client";
import { clampLimit } from "../pagination";

export interface TDeliveryRow {
  id: string;
  channelId: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  findingId: string | null;
  scanId: string | null;
  /** a one-line summary of what was sent, from the stored payload */
  summary: string;
}

function summarize(kind: string, payload: unknown): string {
  const p = (payload ?? {}) as { finding?: { ruleId?: string; severity?: string; kind?: string; namespace?: string | null; name?: string }; total?: number; type?: string };
  if (kind === "test") return "Test message";
  if (kind === "digest") return `Daily digest: ${p.total ?? 0} finding${p.total === 1 ? "" : "s"}`;
  if (kind === "summary") return `${p.total ?? 0} more new findings in one message`;
  const f = p.finding;
  if (!f) return kind;
  return `${p.type === "finding.reopened" ? "Reopened" : "New"} ${f.severity}: ${f.ruleId} on ${f.kind} ${f.namespace ? `${f.namespace}/` : ""}${f.name}`;
}

/** Newest deliveries of the organization, or of one of its channels. */
export async function listAlertDeliveries(input: { orgId: string; channelId?: string; limit?: number }): Promise<TDeliveryRow[]> {
  const rows = await db.alertDelivery.findMany({
    where: { orgId: input.orgId, ...(input.channelId ? { channelId: input.channelId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: clampLimit(input.limit, 20, 100),
    select: { id: true, channelId: true, kind: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, findingId: true, scanId: true, payload: true },
  });
  return rows.map(({ payload, ...r }) => ({ ...r, summary: summarize(r.kind, payload) }));
}

/** One delivery's state, for the "Send test" button to follow; null when not the organization's. */
export async function getAlertDeliveryStatus(input: { orgId: string; deliveryId: string }): Promise<{ status: string; attempts: number; lastError: string | null; channelId: string } | null> {
  return db.alertDelivery.findFirst({ where: { id: input.deliveryId, orgId: input.orgId }, select: { status: true, attempts: true, lastError: true, channelId: true } });
}
