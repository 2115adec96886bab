// A ticket's subject (a finding, a risk, or a rule's open findings): what it covers and its title,
// e.g. "[critical] Privileged container: Deployment shop/web (prod-eu)".
import { getRule } from "@bulwark/rules";
import type { Severity } from "../generated/prisma/client";
import type { Tx } from "../client";

type Reader = Pick<Tx, "finding" | "risk" | "cluster" | "customRule">;
import { DomainError, NotFoundError } from "../errors";

/** Most findings one rule ticket covers (the body lists fewer). */
export const RULE_TICKET_MAX_FINDINGS = 500;
const OPEN = ["open", "reopened", "in_progress"] as const;
const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export interface TTicketSubject {
  source: "finding" | "risk" | "rule";
  dedupeKey: string;
  findingIds: string[];
  riskId: string | null;
  ruleId: string | null;
  clusterId: string | null;
  title: string;
}

/** The rule's title: built-in, else the organization's custom rule, else its id. */
export async function ruleTitle(tx: Reader, orgId: string, ruleId: string): Promise<string> {
  const builtin = getRule(ruleId);
  if (builtin) return builtin.title;
  const custom = await tx.customRule.findFirst({ where: { orgId, ruleId }, select: { title: true } });
  return custom?.title ?? ruleId;
}

const objectName = (o: { kind: string; namespace: string | null; name: string }) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name}`;
// Jira's summary holds at most 255 characters; GitHub titles are longer, but a title is a title.
const clip = (title: string) => (title.length > 250 ? `${title.slice(0, 249)}…` : title);

export async function resolveTicketSubject(
  tx: Reader,
  input: { orgId: string; source: "finding" | "risk" | "rule"; findingId?: string; riskId?: string; ruleId?: string; clusterId?: string },
): Promise<TTicketSubject> {
  const { orgId } = input;
  if (input.source === "finding") {
    if (!input.findingId) throw new DomainError("findingId is required for a finding's ticket");
    const f = await tx.finding.findFirst({ where: { id: input.findingId, orgId }, select: { id: true, ruleId: true, severity: true, kind: true, namespace: true, name: true, clusterId: true, cluster: { select: { name: true } } } });
    if (!f) throw new NotFoundError("finding");
    const title = `[${f.severity}] ${await ruleTitle(tx, orgId, f.ruleId)}: ${objectName(f)} (${f.cluster.name})`;
    return { source: "finding", dedupeKey: `finding:${f.id}`, findingIds: [f.id], riskId: null, ruleId: f.ruleId, clusterId: f.clusterId, title: clip(title) };
  }
  if (input.source === "risk") {
    if (!input.riskId) throw new DomainError("riskId is required for a risk's ticket");
    const r = await tx.risk.findFirst({ where: { id: input.riskId, orgId }, select: { id: true, title: true, severity: true, steps: true, clusterId: true, cluster: { select: { name: true } } } });
    if (!r) throw new NotFoundError("risk");
    const fingerprints = [...new Set((Array.isArray(r.steps) ? r.steps : []).flatMap((s) => ((s as { findings?: unknown }).findings as string[] | undefined) ?? []).filter((x) => typeof x === "string"))];
    const findings = fingerprints.length ? await tx.finding.findMany({ where: { orgId, clusterId: r.clusterId, fingerprint: { in: fingerprints } }, select: { id: true }, orderBy: { id: "asc" } }) : [];
    return { source: "risk", dedupeKey: `risk:${r.id}`, findingIds: findings.map((f) => f.id), riskId: r.id, ruleId: null, clusterId: r.clusterId, title: clip(`[${r.severity}] ${r.title} (${r.cluster.name})`) };
  }
  if (!input.ruleId) throw new DomainError("ruleId is required for a rule's ticket");
  let clusterName: string | null = null;
  if (input.clusterId) {
    const c = await tx.cluster.findFirst({ where: { id: input.clusterId, orgId }, select: { name: true } });
    if (!c) throw new NotFoundError("cluster");
    clusterName = c.name;
  }
  const findings = await tx.finding.findMany({
    where: { orgId, ruleId: input.ruleId, status: { in: [...OPEN] }, baselineId: null, ...(input.clusterId ? { clusterId: input.clusterId } : {}) },
    select: { id: true, severity: true },
    orderBy: [{ severity: "asc" }, { id: "asc" }],
    take: RULE_TICKET_MAX_FINDINGS,
  });
  if (!findings.length) throw new DomainError(`rule ${input.ruleId} has no open findings${clusterName ? ` in ${clusterName}` : ""}`);
  const worst = findings.reduce<Severity>((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), "info");
  const n = findings.length;
  const title = `[${worst}] ${await ruleTitle(tx, orgId, input.ruleId)}: ${n}${n === RULE_TICKET_MAX_FINDINGS ? "+" : ""} finding${n === 1 ? "" : "s"} (${clusterName ?? "all clusters"})`;
  return { source: "rule", dedupeKey: `rule:${input.clusterId ?? "*"}:${input.ruleId}`, findingIds: findings.map((f) => f.id), riskId: null, ruleId: input.ruleId, clusterId: input.clusterId ?? null, title: clip(title) };
}
