// The worker's side of a ticket: what to send (the integration, its sealed token, the evidence)
// and what happened (created, closed, reopened, failed). Not for the web: these carry ciphertexts.
import type { Prisma, Severity } from "../generated/prisma/client";
import { db } from "../client";
import { ruleTitle } from "./ticket-subject";
import type { TTicketIntegrationView } from "./types";

/** Findings listed in a ticket's body. */
export const TICKET_BODY_MAX_FINDINGS = 50;

export interface TTicketEvidenceFinding {
  id: string;
  ruleId: string;
  ruleTitle: string;
  severity: Severity;
  status: string;
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  path: string;
  observed: string | null;
  message: string;
  remediation: string;
  fix: { type: string; content: string; description?: string } | null;
  firstSeenAt: Date;
  clusterName: string;
}

export interface TTicketForDelivery {
  id: string;
  orgId: string;
  source: "finding" | "risk" | "rule";
  title: string;
  status: string;
  externalKey: string | null;
  externalId: string | null;
  url: string | null;
  findingIds: string[];
  riskId: string | null;
  ruleId: string | null;
  clusterId: string | null;
  closedByBulwark: boolean;
  /** The view's settings plus the sealed token (the worker decrypts it to call the API). */
  integration: Pick<TTicketIntegrationView, "id" | "name" | "kind" | "baseUrl" | "project" | "issueType" | "username" | "doneTransition" | "enabled"> & { tokenCipher: string };
}

export interface TTicketEvidence {
  clusterName: string | null;
  ruleTitle: string | null;
  risk: { id: string; title: string; severity: Severity; score: number; steps: { kind: string; text: string }[]; remediation: string; kind: string; namespace: string | null; name: string } | null;
  /** worst first, at most TICKET_BODY_MAX_FINDINGS */
  findings: TTicketEvidenceFinding[];
  total: number;
}

const DELIVERY_SELECT = {
  id: true,
  orgId: true,
  source: true,
  title: true,
  status: true,
  externalKey: true,
  externalId: true,
  url: true,
  findingIds: true,
  riskId: true,
  ruleId: true,
  clusterId: true,
  closedByBulwark: true,
  integration: { select: { id: true, name: true, kind: true, baseUrl: true, project: true, issueType: true, username: true, doneTransition: true, enabled: true, tokenCipher: true } },
} satisfies Prisma.TicketSelect;

type DeliveryRow = Prisma.TicketGetPayload<{ select: typeof DELIVERY_SELECT }>;
const toDelivery = (r: DeliveryRow): TTicketForDelivery => ({ ...r, source: r.source as TTicketForDelivery["source"], integration: { ...r.integration, kind: r.integration.kind as TTicketIntegrationView["kind"] } });

export async function getTicketForDelivery(input: { orgId: string; ticketId: string }): Promise<TTicketForDelivery | null> {
  const row = await db.ticket.findFirst({ where: { id: input.ticketId, orgId: input.orgId }, select: DELIVERY_SELECT });
  return row ? toDelivery(row) : null;
}

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** The evidence a ticket's body shows, read now (statuses are current). */
export async function loadTicketEvidence(input: { orgId: string; ticketId: string }): Promise<TTicketEvidence | null> {
  const t = await db.ticket.findFirst({ where: { id: input.ticketId, orgId: input.orgId }, select: { findingIds: true, riskId: true, ruleId: true, clusterId: true } });
  if (!t) return null;
  const rows = await db.finding.findMany({
    where: { orgId: input.orgId, id: { in: t.findingIds } },
    select: { id: true, ruleId: true, severity: true, status: true, apiVersion: true, kind: true, namespace: true, name: true, path: true, observed: true, message: true, remediation: true, fix: true, firstSeenAt: true, cluster: { select: { name: true } } },
  });
  rows.sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.kind.localeCompare(b.kind) || (a.namespace ?? "").localeCompare(b.namespace ?? "") || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const titles = new Map<string, string>();
  const findings: TTicketEvidenceFinding[] = [];
  for (const r of rows.slice(0, TICKET_BODY_MAX_FINDINGS)) {
    if (!titles.has(r.ruleId)) titles.set(r.ruleId, await ruleTitle(db, input.orgId, r.ruleId));
    const fix = r.fix && typeof r.fix === "object" && typeof (r.fix as { content?: unknown }).content === "string" ? (r.fix as TTicketEvidenceFinding["fix"]) : null;
    const { cluster, ...rest } = r;
    findings.push({ ...rest, fix, ruleTitle: titles.get(r.ruleId)!, clusterName: cluster.name });
  }
  let risk: TTicketEvidence["risk"] = null;
  if (t.riskId) {
    const r = await db.risk.findFirst({ where: { id: t.riskId, orgId: input.orgId }, select: { id: true, title: true, severity: true, score: true, steps: true, remediation: true, kind: true, namespace: true, name: true } });
    if (r) {
      const steps = (Array.isArray(r.steps) ? r.steps : []).map((s) => ({ kind: String((s as { kind?: unknown }).kind ?? ""), text: String((s as { text?: unknown }).text ?? "") }));
      risk = { ...r, steps };
    }
  }
  const cluster = t.clusterId ? await db.cluster.findFirst({ where: { id: t.clusterId, orgId: input.orgId }, select: { name: true } }) : null;
  return { clusterName: cluster?.name ?? null, ruleTitle: t.ruleId ? await ruleTitle(db, input.orgId, t.ruleId) : null, risk, findings, total: rows.length };
}

/** The remote issue exists: the ticket is open (only a pending or failed ticket changes). */
export async function recordTicketCreated(input: { orgId: string; ticketId: string; externalKey: string; externalId: string; url: string; remoteStatus: string | null }): Promise<boolean> {
  const { count } = await db.ticket.updateMany({
    where: { id: input.ticketId, orgId: input.orgId, status: { in: ["pending", "failed"] } },
    data: { status: "open", externalKey: input.externalKey, externalId: input.externalId, url: input.url, remoteStatus: input.remoteStatus, lastError: null, attempts: { increment: 1 }, syncedAt: new Date() },
  });
  return count === 1;
}

/** A delivery failed; `final` on a ticket never created marks it failed (the message is shown). */
export async function recordTicketFailure(input: { orgId: string; ticketId: string; error: string; final: boolean }): Promise<void> {
  const error = input.error.slice(0, 1000);
  await db.ticket.updateMany({ where: { id: input.ticketId, orgId: input.orgId }, data: { lastError: error, attempts: { increment: 1 } } });
  if (input.final) await db.ticket.updateMany({ where: { id: input.ticketId, orgId: input.orgId, status: "pending" }, data: { status: "failed" } });
}

/** Bulwark closed the remote issue (its findings were resolved by a scan). */
export async function recordTicketClosedByBulwark(input: { orgId: string; ticketId: string; remoteStatus: string | null }): Promise<void> {
  const now = new Date();
  await db.ticket.updateMany({
    where: { id: input.ticketId, orgId: input.orgId },
    data: { status: "closed", closedByBulwark: true, closedAt: now, remoteStatus: input.remoteStatus, lastError: null, syncedAt: now },
  });
}

/** Bulwark reopened the remote issue (its findings came back). */
export async function recordTicketReopened(input: { orgId: string; ticketId: string; remoteStatus: string | null }): Promise<void> {
  await db.ticket.updateMany({ where: { id: input.ticketId, orgId: input.orgId }, data: { status: "open", closedByBulwark: false, closedAt: null, remoteStatus: input.remoteStatus, lastError: null, syncedAt: new Date() } });
}

export async function clearTicketError(input: { orgId: string; ticketId: string }): Promise<void> {
  await db.ticket.updateMany({ where: { id: input.ticketId, orgId: input.orgId }, data: { lastError: null } });
}
