// The exceptions a finding's or risk's history tells of: those requested from it, and those that
// covered it (named by its "excepted" events), with who asked and who decided.
import { getException, type TExceptionRow } from "@bulwark/db";
import type { THistoryException } from "../exception-history";

const person = (p: TExceptionRow["requestedBy"]) => (p ? { id: p.id, name: p.name ?? p.email } : null);

function toHistory(e: TExceptionRow, fromHere: boolean): THistoryException {
  return { id: e.id, status: e.status, requestedBy: person(e.requestedBy), decidedBy: person(e.decidedBy), expiresAt: e.expiresAt.toISOString(), createdAt: e.createdAt, fromHere };
}

export async function exceptionsOfHistory(orgId: string, events: Array<{ type: string; data: unknown }>, requestedHere: TExceptionRow[]): Promise<THistoryException[]> {
  const here = new Set(requestedHere.map((r) => r.id));
  const named = new Set<string>();
  for (const ev of events) {
    const id = ev.type === "excepted" ? (ev.data as { exceptionId?: unknown } | null)?.exceptionId : undefined;
    if (typeof id === "string" && !here.has(id)) named.add(id);
  }
  const others = await Promise.all([...named].map((exceptionId) => getException({ orgId, exceptionId })));
  return [...requestedHere.map((r) => toHistory(r, true)), ...others.filter((e): e is TExceptionRow => e !== null).map((e) => toHistory(e, false))];
}
