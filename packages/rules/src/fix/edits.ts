import { parse } from "yaml";
import { splitPath } from "../manifests/parse-manifests";
import type { Fix } from "../types";
import type { FixEdit, FixPath } from "./types";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * Flattens a patch-like value into edits: nested maps recurse (an empty map is set as is), null
 * removes, scalars and lists are set whole (a merge patch replaces lists).
 */
function flatten(value: unknown, at: (string | number)[], out: FixEdit[]): void {
  if (value === null) {
    out.push({ path: at, remove: true });
    return;
  }
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, [...at, k], out);
    return;
  }
  out.push({ path: at, value });
}

/** The dotted form of leaf paths, for reasons ("resources.limits.memory"). */
function leafNames(value: unknown, prefix = ""): string[] {
  if (!isPlainObject(value)) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([k, v]) => leafNames(v, prefix ? `${prefix}.${k}` : k));
}

const HEADER = /^#\s*([A-Za-z_][^\s#]*)\s*$/;

/** A "# <field path>" header: keys and [index] segments only, nothing a reader could misplace. */
function headerPath(line: string | undefined): FixPath | undefined {
  const m = line === undefined ? null : HEADER.exec(line.trim());
  if (!m) return undefined;
  const segs = splitPath(m[1]!);
  if (segs.length === 0 || segs.some((s) => s === "")) return undefined;
  return segs;
}

/**
 * The structured edits of a finding's fix: a merge patch flattened to set/remove edits, a YAML
 * snippet headed by "# <path>" merged at that path. `{ manual }` says why a fix cannot be applied
 * mechanically (a new object to write, a value only the team knows).
 */
export function fixEdits(fix: Fix): { edits: FixEdit[] } | { manual: string } {
  if (fix.type === "merge-patch") {
    let patch: unknown;
    try {
      patch = JSON.parse(fix.content);
    } catch {
      return { manual: "the fix is not a valid JSON merge patch; apply it by hand" };
    }
    if (!isPlainObject(patch)) return { manual: "the fix is not a JSON object; apply it by hand" };
    const edits: FixEdit[] = [];
    flatten(patch, [], edits);
    return edits.length > 0 ? { edits } : { manual: "the fix changes nothing" };
  }
  if (fix.type !== "yaml") return { manual: `unknown fix type ${JSON.stringify((fix as { type: unknown }).type)}` };

  const lines = fix.content.split("\n");
  const at = headerPath(lines[0]);
  let body: unknown;
  try {
    body = parse(at ? lines.slice(1).join("\n") : fix.content);
  } catch {
    return { manual: `an example to adapt by hand${fix.description ? `: ${fix.description}` : ""}` };
  }
  if (!at) {
    if (isPlainObject(body) && typeof body.kind === "string" && typeof body.apiVersion === "string") {
      return { manual: `adds a new object: ${body.kind} (write it next to this one; it needs values only you know, such as its selector)` };
    }
    const leaves = leafNames(body);
    const what = leaves.length > 0 ? ` (${leaves.join(", ")})` : "";
    return { manual: `needs ${leaves.length === 1 ? "a value" : "values"} only you know${what}${fix.description ? `: ${fix.description}` : ""}` };
  }
  if (!isPlainObject(body) || Object.keys(body).length === 0) return { manual: `the fix at ${lines[0]!.slice(1).trim()} has nothing to set; apply it by hand` };
  const edits: FixEdit[] = [];
  flatten(body, [...at], edits);
  return { edits };
}

/** A path as text, e.g. spec.template.spec.containers[0].securityContext.privileged. */
export function pathText(path: FixPath): string {
  let out = "";
  for (const s of path) {
    if (typeof s === "number") out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
