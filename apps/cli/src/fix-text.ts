// Writes fix edits into manifest text, changing only the lines the edits touch: untouched documents
// stay byte-identical, and inside a changed document every line that does not change is copied from
// the original (comments, quoting, indentation, number forms), new lines indented like their neighbours.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from "yaml";
import type { FixEdit } from "@bulwark/rules";

/** Where an object sits in a file: its document, and its item index when the document is a List. */
export interface ObjectSlot {
  doc: number;
  item?: number;
}

export interface ParsedText {
  docs: Document.Parsed[];
  /** object start line (1-based, as the manifest parser reports it) -> slot */
  byLine: Map<number, ObjectSlot>;
}

/** Parses a file's text into documents, with the line at which each object starts. */
export function parseText(text: string): ParsedText {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter }) as Document.Parsed[];
  const byLine = new Map<number, ObjectSlot>();
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  (Array.isArray(docs) ? docs : []).forEach((doc, d) => {
    const contents = doc.contents as Node | null;
    if (!contents) return;
    byLine.set(lineOf(contents.range?.[0] ?? doc.range?.[0]), { doc: d });
    if (isMap(contents)) {
      const kind = contents.get("kind");
      const items = contents.get("items", true);
      if (typeof kind === "string" && kind.endsWith("List") && isSeq(items)) {
        items.items.forEach((it, i) => {
          const line = lineOf((it as Node | null)?.range?.[0]);
          byLine.set(line, { doc: d, item: i });
        });
      }
    }
  });
  return { docs: Array.isArray(docs) ? docs : [], byLine };
}

const isScalarList = (v: unknown) => Array.isArray(v) && v.every((x) => x === null || typeof x !== "object");

function applyToDoc(doc: Document, prefix: (string | number)[], edits: readonly FixEdit[]): void {
  for (const e of edits) {
    const path = [...prefix, ...e.path];
    // "securityContext:" with nothing after it is null, where the object had a map made.
    for (let i = 1; i < path.length; i++) {
      const n = doc.getIn(path.slice(0, i), true);
      if (isScalar(n) && (n.value === null || n.value === undefined)) doc.setIn(path.slice(0, i), doc.createNode({}));
    }
    if ("remove" in e) {
      if (doc.hasIn(path)) doc.deleteIn(path);
      continue;
    }
    // Short lists in flow style, as the fixes write them ("drop: [ALL]").
    const node = doc.createNode(e.value, { flow: isScalarList(e.value) });
    const existing = doc.getIn(path, true);
    // Same type: keep the scalar's quoting; another type gets a fresh node ("true" the string is not true).
    if (isScalar(existing) && isScalar(node) && typeof existing.value === typeof node.value) {
      existing.value = node.value;
      continue;
    }
    doc.setIn(path, node);
  }
}

/** The document's own text as the library writes it, without comments that lie outside its contents' range. */
function render(doc: Document, flowPadding: boolean): string {
  return doc.toString({ lineWidth: 0, indentSeq: false, flowCollectionPadding: flowPadding });
}

/** Whether the text writes flow collections as "{ a: 1 }" rather than "{a: 1}". */
function padsFlow(text: string): boolean {
  const padded = text.match(/[[{] \S/g)?.length ?? 0;
  const tight = text.match(/[[{][^\s\]}]/g)?.length ?? 0;
  return padded > tight;
}

function splitLines(s: string): string[] {
  const lines = s.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Pairs of equal lines (longest common subsequence) between a and b. */
function lcs(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = a[i] === b[j] ? dp[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(dp[(i + 1) * (m + 1) + j]!, dp[i * (m + 1) + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[(i + 1) * (m + 1) + j]! >= dp[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Column of a line's first key: past any "- " sequence markers. */
function keyColumn(line: string): number {
  const m = /^(\s*)((?:-\s+)*)/.exec(line)!;
  return m[1]!.length + m[2]!.length;
}

const indentOf = (line: string) => /^\s*/.exec(line)![0].length;

/** `orig` with the one changed stretch between `before` and `after` carried over, when it can be found in it. */
function patchLine(orig: string, before: string, after: string): string | undefined {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let q = 0;
  while (q < before.length - p && q < after.length - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
  const was = before.slice(p, before.length - q);
  if (was === "" || orig.indexOf(was) < 0 || orig.indexOf(was) !== orig.lastIndexOf(was)) return undefined;
  return orig.replace(was, () => after.slice(p, after.length - q));
}

/**
 * The changed document text: lines of `before` (the library's rendering of the original) that stay
 * in `after` are taken from `original` (same line count as `before`); a changed line keeps the
 * original's spacing and comment when its change can be found in it; a new line gets the
 * indentation shift of the nearest earlier line at or above its level (a new key's children follow it).
 */
function splice(original: string[], before: string[], after: string[]): string[] {
  const pairs = lcs(before, after);
  const out: string[] = [];
  // Each line written so far: its key column in the library's rendering and its shift in ours.
  const placed: { col: number; shift: number }[] = [];
  const keep = (k: number) => {
    out.push(original[k]!);
    if (before[k]!.trim() !== "" && !before[k]!.trimStart().startsWith("#")) placed.push({ col: keyColumn(before[k]!), shift: keyColumn(original[k]!) - keyColumn(before[k]!) });
  };
  const insert = (line: string) => {
    const col = keyColumn(line);
    let shift = 0;
    for (let k = placed.length - 1; k >= 0; k--) {
      if (placed[k]!.col <= col) {
        shift = placed[k]!.shift;
        break;
      }
    }
    out.push(shift > 0 ? " ".repeat(shift) + line : shift < 0 ? line.slice(Math.min(-shift, indentOf(line))) : line);
    placed.push({ col, shift });
  };
  let bi = 0;
  let ai = 0;
  for (const [pb, pa] of [...pairs, [before.length, after.length] as [number, number]]) {
    // before[bi..pb) were dropped or changed; after[ai..pa) are new or changed lines. A changed
    // line (one for one) keeps the original's spacing and comment where it can.
    const dropped = pb - bi;
    for (let j = ai; j < pa; j++) {
      const k = bi + (j - ai);
      const patched = dropped === pa - ai ? patchLine(original[k]!, before[k]!, after[j]!) : undefined;
      if (patched !== undefined) {
        out.push(patched);
        placed.push({ col: keyColumn(after[j]!), shift: keyColumn(original[k]!) - keyColumn(before[k]!) });
      } else insert(after[j]!);
    }
    if (pb < before.length) keep(pb);
    bi = pb + 1;
    ai = pa + 1;
  }
  return out;
}

export interface TextEdits {
  slot: ObjectSlot;
  edits: readonly FixEdit[];
}

/**
 * `text` with the edits written in. Documents without edits are copied byte for byte; a changed
 * document keeps every line the edits do not touch.
 */
export function editText(text: string, parsed: ParsedText, changes: readonly TextEdits[]): string {
  const byDoc = new Map<number, TextEdits[]>();
  for (const c of changes) {
    const list = byDoc.get(c.slot.doc) ?? [];
    list.push(c);
    byDoc.set(c.slot.doc, list);
  }
  // Splice from the end so earlier offsets stay valid.
  let out = text;
  for (const d of [...byDoc.keys()].sort((x, y) => y - x)) {
    const doc = parsed.docs[d]!;
    const contents = doc.contents as Node | null;
    if (!contents?.range) continue;
    const [start, end] = contents.range;
    const bare = doc.clone();
    bare.commentBefore = null;
    bare.comment = null;
    if (bare.contents && typeof bare.contents === "object") {
      (bare.contents as Node).commentBefore = null;
      (bare.contents as Node).comment = null;
    }
    bare.directives!.docStart = null;
    bare.directives!.docEnd = false;
    const pad = padsFlow(text.slice(start, end));
    const before = render(bare, pad);
    for (const c of byDoc.get(d)!) applyToDoc(bare, c.slot.item === undefined ? [] : ["items", c.slot.item], c.edits);
    const after = render(bare, pad);
    let original = text.slice(start, end);
    const trailingNewline = original.endsWith("\n");
    if (!trailingNewline) original += "\n";
    const o = splitLines(original);
    let b = splitLines(before);
    let a = splitLines(after);
    // A comment the library lifts to the front of the document lies before the contents' range.
    while (b.length > o.length && b[0]!.startsWith("#") && a[0] === b[0]) {
      b = b.slice(1);
      a = a.slice(1);
    }
    const lines = b.length === o.length ? splice(o, b, a) : a;
    let replacement = `${lines.join("\n")}\n`;
    if (!trailingNewline) replacement = replacement.slice(0, -1);
    out = out.slice(0, start) + replacement + out.slice(end);
  }
  return out;
}

/** JSON manifests are rewritten as JSON, in the file's own indentation. */
export function editJson(text: string, changes: readonly TextEdits[], apply: (value: unknown, edits: readonly FixEdit[]) => unknown): string {
  let value = JSON.parse(text) as Record<string, unknown>;
  for (const c of changes) {
    if (c.slot.item === undefined) value = apply(value, c.edits) as Record<string, unknown>;
    else (value.items as unknown[])[c.slot.item] = apply((value.items as unknown[])[c.slot.item], c.edits);
  }
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  return JSON.stringify(value, null, indent) + (text.endsWith("\n") ? "\n" : "");
}
