// Renders an object as YAML text and finds the lines that a finding's field path points at, so the
// finding page can mark them. When the path names a field that is absent (the finding is that it
// is missing), the deepest existing ancestor is marked instead.
import YAML, { isMap, isScalar, isSeq, type Node, type Pair } from "yaml";

/** "spec.containers[1].securityContext" -> ["spec","containers",1,"securityContext"]; ["a.b"] keeps dots. */
export function parseFieldPath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\[["']([^"']*)["']\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

export interface TYamlView {
  lines: string[];
  /** 1-based line numbers to mark */
  marked: number[];
  /** true when the exact field exists; false when an ancestor is marked instead */
  exact: boolean;
}

const MAX_MARKED = 12;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// Postgres jsonb stores keys sorted by length, which reads badly ("kind" before "apiVersion");
// show objects in the order people write them, then alphabetically, status last.
const KEY_ORDER = ["apiVersion", "kind", "metadata", "name", "generateName", "namespace", "labels", "annotations", "type", "spec", "data", "stringData", "rules", "subjects", "roleRef", "image"];
const LAST = new Set(["status"]);

export function canonicalOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalOrder);
  if (!value || typeof value !== "object") return value;
  const keys = Object.keys(value as Record<string, unknown>);
  const rank = (k: string) => (LAST.has(k) ? 1000 : KEY_ORDER.includes(k) ? KEY_ORDER.indexOf(k) : 100);
  keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = canonicalOrder((value as Record<string, unknown>)[k]);
  return out;
}

export function yamlView(manifest: unknown, path: string): TYamlView {
  const text = YAML.stringify(canonicalOrder(manifest), { lineWidth: 0, indentSeq: true });
  const lines = text.replace(/\n$/, "").split("\n");
  const doc = YAML.parseDocument(text);
  const segs = parseFieldPath(path);
  let node: unknown = doc.contents;
  let range: [number, number] | undefined;
  let matched = 0;
  for (const seg of segs) {
    if (typeof seg === "string" && isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const start = key.range?.[0] ?? 0;
      const end = value?.range?.[1] ?? key.range?.[1] ?? start;
      range = [start, end];
      node = value;
    } else if (typeof seg === "number" && isSeq(node)) {
      const item = node.items[seg] as Node | undefined;
      if (!item?.range) break;
      // Include the "- " marker before a sequence item.
      const start = text.lastIndexOf("-", item.range[0]);
      range = [start >= 0 && lineOf(text, start) === lineOf(text, item.range[0]) ? start : item.range[0], item.range[1]];
      node = item;
    } else {
      break;
    }
    matched++;
  }
  if (!range) return { lines, marked: [], exact: false };
  const first = lineOf(text, range[0]);
  // Node ranges end after the trailing newline; step back so the next key is not marked.
  let endOffset = range[1];
  while (endOffset > range[0] && /\s/.test(text[endOffset - 1] ?? "")) endOffset--;
  const last = Math.max(first, lineOf(text, endOffset));
  const count = Math.min(last - first + 1, MAX_MARKED);
  return { lines, marked: Array.from({ length: count }, (_, i) => first + i), exact: matched === segs.length };
}
