// Serialising audit rows for export. CSV cells are quoted per RFC 4180 and defused against formula
// injection: a cell that a spreadsheet would run (=, +, -, @, tab, carriage return first) gets a
// leading apostrophe, so a crafted cluster or channel name cannot execute on the auditor's machine.
import type { TAuditRow } from "@bulwark/db";
import { auditLabel } from "../audit-labels";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "string" ? value : value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = ["time", "action", "description", "actor_id", "actor_email", "ip", "target_type", "target_id", "details"];

export function csvLine(cells: unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function auditCsvLine(r: TAuditRow): string {
  return csvLine([r.createdAt.toISOString(), r.action, auditLabel(r.action), r.actorId, r.actor?.email, r.ip, r.targetType, r.targetId, r.data ?? null]);
}

export function auditJsonLine(r: TAuditRow): string {
  return `${JSON.stringify({
    time: r.createdAt.toISOString(),
    action: r.action,
    description: auditLabel(r.action),
    actor: r.actorId ? { id: r.actorId, email: r.actor?.email ?? null } : null,
    ip: r.ip,
    target: r.targetType ? { type: r.targetType, id: r.targetId } : null,
    data: r.data ?? null,
  })}\n`;
}
