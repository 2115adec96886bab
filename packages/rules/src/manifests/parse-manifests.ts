// Turns manifest text (multi-document YAML, JSON, `List` kinds) into KubeObjects with their source
// locations. Pure: the caller reads the file. A bad document is reported with its line and the
// rest of the text is still parsed.
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type ScalarTag, type Tags } from "yaml";
import type { KubeObject, SourceLocation } from "../types";
import { apiGroupOf, unknownKindProblem } from "./kinds";
import { redactObject } from "./redact";

/**
 * kubectl and the API server read YAML with go-yaml v2 rules (YAML 1.1): `hostNetwork: yes`, `on`
 * and `y` are true, `0o0` and `017` are octal, and `<<` merges. Parsing as YAML 1.2 would let such a
 * manifest slip past every rule, so this matches them: 1.1, plus Go's 0o octal, minus the 1.1 forms
 * go-yaml leaves as strings (sexagesimal 1:30, timestamps).
 */
const GO_OCTAL: ScalarTag = {
  identify: (v) => typeof v === "number",
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^[-+]?0o[0-7_]+$/,
  resolve: (s: string) => {
    const n = Number.parseInt(s.replace(/^[-+]?0o/, "").replace(/_/g, ""), 8);
    return s.startsWith("-") ? -n : n;
  },
};
const kubernetesTags = (tags: Tags): Tags => [
  ...tags.filter((t) =>
    typeof t === "string" ? !["intTime", "floatTime", "timestamp"].includes(t) : (t as ScalarTag).format !== "TIME" && t.tag !== "tag:yaml.org,2002:timestamp",
  ),
  GO_OCTAL,
];

/** Larger inputs are refused outright: manifests this size are generated data, not config. */
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
/** Aliases per document; a handful is normal, thousands is a billion-laughs expansion. */
export const MAX_ALIAS_COUNT = 100;

export interface ManifestError {
  file?: string;
  line: number;
  message: string;
}

export interface ParsedManifests {
  objects: KubeObject[];
  /** Index-aligned with objects: line of the document (or List item) start. */
  locations: SourceLocation[];
  errors: ManifestError[];
  /**
   * Line (1-based) of the field at `path` (e.g. "spec.template.spec.containers[0].image") in the
   * object at `index`, or of its deepest existing ancestor when the field is absent. Computed on
   * demand from the parse tree, so only findings pay for it.
   */
  fieldLine(index: number, path: string): number;
}

interface Origin {
  node: Node;
  lineCounter: LineCounter;
  line: number;
}

function lineOf(lc: LineCounter, offset: number | undefined): number {
  if (offset === undefined) return 1;
  return lc.linePos(offset).line;
}

export function parseManifests(text: string, file?: string): ParsedManifests {
  const objects: KubeObject[] = [];
  const locations: SourceLocation[] = [];
  const errors: ManifestError[] = [];
  const origins: Origin[] = [];
  const where = file ?? "<stdin>";
  const err = (line: number, message: string) => errors.push(file === undefined ? { line, message } : { file, line, message });

  const fieldLine = (index: number, path: string): number => {
    const origin = origins[index];
    if (!origin) return locations[index]?.line ?? 1;
    return findNodeLine(origin.node, origin.lineCounter, path) ?? origin.line;
  };

  if (text.length > MAX_MANIFEST_BYTES) {
    err(1, `input is ${text.length} bytes, larger than the ${MAX_MANIFEST_BYTES}-byte limit`);
    return { objects, locations, errors, fieldLine };
  }
  // A UTF-8 byte-order mark would otherwise become part of the first key.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(source, { lineCounter, prettyErrors: true, version: "1.1", customTags: kubernetesTags }) as Document.Parsed[];
  } catch (e) {
    err(1, `cannot parse: ${(e as Error).message}`);
    return { objects, locations, errors, fieldLine };
  }
  if (!Array.isArray(docs)) docs = [docs as unknown as Document.Parsed];

  const lastLine = Math.max(1, lineOf(lineCounter, source.replace(/\s+$/, "").length));
  for (const doc of docs) {
    const contents = doc.contents as Node | null;
    const docLine = lineOf(lineCounter, contents?.range?.[0] ?? doc.range?.[0]);
    if (doc.errors.length > 0) {
      const first = doc.errors[0]!;
      // Errors found at end of input (an unclosed bracket) point past the last line.
      const line = Math.min(first.linePos?.[0]?.line ?? docLine, lastLine);
      err(line, `invalid YAML: ${first.message.split("\n")[0]}`);
      continue;
    }
    if (contents === null || contents === undefined) continue; // empty document ("---" alone, comments)
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      err(docLine, `cannot read document: ${(e as Error).message}`);
      continue;
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== "object" || Array.isArray(value)) {
      err(docLine, `document is ${Array.isArray(value) ? "a list" : `a ${typeof value}`}, not a Kubernetes object`);
      continue;
    }
    const obj = value as Record<string, unknown>;
    const kind = obj.kind;
    if (typeof kind === "string" && kind.endsWith("List") && Array.isArray(obj.items)) {
      const itemsNode = isMap(contents) ? (contents.get("items", true) as Node | undefined) : undefined;
      // A typed list read from the API (PodList) omits each item's kind and apiVersion.
      const itemKind = kind === "List" ? undefined : kind.slice(0, -"List".length);
      obj.items.forEach((item, i) => {
        const itemNode = isSeq(itemsNode) ? (itemsNode.items[i] as Node | undefined) : undefined;
        const line = lineOf(lineCounter, itemNode?.range?.[0]) || docLine;
        if (itemKind && item && typeof item === "object" && !Array.isArray(item)) {
          const it = item as Record<string, unknown>;
          if (it.kind === undefined) it.kind = itemKind;
          if (it.apiVersion === undefined && typeof obj.apiVersion === "string") it.apiVersion = obj.apiVersion;
        }
        addObject(item, line, itemNode ?? contents, `${kind}.items[${i}]`);
      });
      continue;
    }
    addObject(obj, docLine, contents, "document");
  }
  return { objects, locations, errors, fieldLine };

  function addObject(value: unknown, line: number, node: Node, what: string) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      err(line, `${what} is not a Kubernetes object`);
      return;
    }
    const obj = value as Record<string, unknown>;
    const missing = [
      typeof obj.apiVersion === "string" && obj.apiVersion !== "" ? undefined : "apiVersion",
      typeof obj.kind === "string" && obj.kind !== "" ? undefined : "kind",
    ].filter(Boolean);
    if (missing.length > 0) {
      err(line, `${what} has no ${missing.join(" or ")}, so it is not a Kubernetes object`);
      return;
    }
    const apiVersion = obj.apiVersion as string;
    const kind = obj.kind as string;
    if (apiGroupOf(apiVersion) === "kustomize.config.k8s.io") {
      err(line, `${what} is a kustomize ${kind}, not a Kubernetes object: scan the output of \`kustomize build\``);
      return;
    }
    // A kind a built-in group does not have would be refused by the API server: report it rather
    // than scan it as nothing. A kind Kubernetes has in another group is judged as that kind (peers
    // do too); a typo no rule would read is left out.
    const unknown = unknownKindProblem(apiVersion, kind);
    if (unknown) {
      err(line, `${what}: ${unknown.message}; ${unknown.known ? `judged as a ${kind}` : "not scanned"}`);
      if (!unknown.known) return;
    }
    const hadMetadata = obj.metadata !== undefined && obj.metadata !== null;
    if (!hadMetadata) obj.metadata = {};
    if (typeof obj.metadata !== "object" || Array.isArray(obj.metadata)) {
      err(line, `${what} (${kind}) has a metadata field that is not a map`);
      return;
    }
    const md = obj.metadata as Record<string, unknown>;
    const named = (v: unknown) => typeof v === "string" && v !== "";
    // The API server refuses an object without a name; it is still judged so its other problems
    // show up in the same run.
    if (!named(md.name) && !named(md.generateName)) {
      err(line, `${what} (${kind}) has no ${hadMetadata ? "metadata.name (or generateName)" : "metadata"}: the API server would refuse it; judged anyway`);
    }
    objects.push(redactObject(obj as unknown as KubeObject));
    locations.push({ file: where, line });
    origins.push({ node, lineCounter, line });
  }
}

/** Splits "a.b[2].c" / `metadata.annotations["x.y/z"]` into keys and indices. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  let cur = "";
  const flush = () => {
    if (cur !== "") out.push(cur);
    cur = "";
  };
  while (i < path.length) {
    const c = path[i]!;
    if (c === ".") {
      flush();
      i++;
    } else if (c === "[") {
      flush();
      const end = path.indexOf("]", i);
      if (end < 0) {
        cur = path.slice(i);
        break;
      }
      const inner = path.slice(i + 1, end);
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else out.push(inner.replace(/^["']|["']$/g, ""));
      i = end + 1;
    } else {
      cur += c;
      i++;
    }
  }
  flush();
  return out;
}

function findNodeLine(root: Node, lc: LineCounter, path: string): number | undefined {
  const segs = splitPath(path);
  let node: Node = root;
  let line = lineOf(lc, root.range?.[0]);
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (typeof seg === "number") {
      if (!isSeq(node)) break;
      const next = node.items[seg] as Node | undefined;
      if (!next) break;
      node = next;
      line = lineOf(lc, node.range?.[0]);
      continue;
    }
    if (!isMap(node)) break;
    // Keys may contain dots (annotation names); join following segments until a key matches.
    let matched = false;
    for (let j = i, key = seg; j < segs.length; j++) {
      if (j > i) {
        const s = segs[j];
        if (typeof s !== "string") break;
        key = `${key}.${s}`;
      }
      const pair = node.items.find((p) => {
        const k = p.key as { value?: unknown } | null;
        return k !== null && typeof k === "object" && String(k.value) === key;
      });
      if (pair) {
        const keyNode = pair.key as Node;
        line = lineOf(lc, keyNode.range?.[0]);
        const v = pair.value as Node | null;
        i = j;
        matched = true;
        if (v === null || v === undefined) return line;
        node = v;
        break;
      }
    }
    if (!matched) break;
  }
  return line;
}

/**
 * Line of `path` in the document of `text` that starts at `docStartLine`: the standalone form of
 * ParsedManifests.fieldLine, for callers that kept only the text and a location.
 */
export function findFieldLine(text: string, docStartLine: number, path: string): number {
  const parsed = parseManifests(text);
  const index = parsed.locations.findIndex((l) => l.line === docStartLine);
  return index < 0 ? docStartLine : parsed.fieldLine(index, path);
}
