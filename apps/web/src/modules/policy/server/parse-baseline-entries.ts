// An admin's own platform baseline entries, pasted as YAML or JSON (JSON is YAML): a list of
// entries, or { entries: [...] }. Each problem is reported with the entry and the line it is on, so
// the form can show what to fix; nothing is saved unless every entry is valid.
import { LineCounter, parseDocument } from "yaml";
import { ZBaselineEntry, type TBaselineEntry } from "@bulwark/db";

export type TParsedBaseline = { ok: true; entries: TBaselineEntry[] } | { ok: false; errors: string[] };

const MAX_ERRORS = 10;

export function parseBaselineEntries(text: string): TParsedBaseline {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    return { ok: false, errors: doc.errors.slice(0, MAX_ERRORS).map((e) => `line ${lines.linePos(e.pos[0]).line}: ${e.message.split("\n")[0]}`) };
  }
  const value: unknown = doc.toJS();
  const wrapped = value && typeof value === "object" && !Array.isArray(value) && "entries" in value;
  const list: unknown = wrapped ? (value as { entries: unknown }).entries : value;
  if (!Array.isArray(list)) return { ok: false, errors: ["expected a list of entries (or an object with an entries list)"] };
  if (list.length > 200) return { ok: false, errors: ["at most 200 entries"] };
  const entries: TBaselineEntry[] = [];
  const errors: string[] = [];
  const ids = new Map<string, number>();
  list.forEach((raw, i) => {
    const r = ZBaselineEntry.safeParse(raw);
    const id = raw && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : undefined;
    const label = `entry ${i + 1}${id ? ` (${id})` : ""}`;
    if (!r.success) {
      for (const issue of r.error.issues) {
        const path = [...(wrapped ? ["entries"] : []), i, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
        errors.push(`${lineOf(doc, lines, path)}${label}: ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
      }
      return;
    }
    if (ids.has(r.data.id)) errors.push(`${lineOf(doc, lines, [...(wrapped ? ["entries"] : []), i])}${label}: the id is used by entry ${ids.get(r.data.id)! + 1} too`);
    ids.set(r.data.id, i);
    entries.push(r.data);
  });
  return errors.length ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, entries };
}

/** "line N: " for the deepest node of `path` the document has (an unknown key points at its entry). */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: Array<string | number>): string {
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range) return `line ${lines.linePos(node.range[0]).line}: `;
  }
  return "";
}
