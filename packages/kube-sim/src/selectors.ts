// Label and field selectors with the apiserver's syntax (k8s.io/apimachinery/pkg/labels, fields).
import type { KubeObject } from "./types";

export type Matcher = (obj: KubeObject) => boolean;

export class SelectorError extends Error {}

type LabelReq =
  | { op: "eq" | "neq"; key: string; value: string }
  | { op: "in" | "notin"; key: string; values: string[] }
  | { op: "exists" | "notexists"; key: string };

/** Splits on commas that are not inside parentheses. */
function splitTop(input: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of input) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function parseLabelReq(raw: string): LabelReq {
  let m = /^!\s*([^\s=!(),]+)$/.exec(raw);
  if (m) return { op: "notexists", key: m[1]! };
  m = /^([^\s=!(),]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(raw);
  if (m) return { op: m[2] as "in" | "notin", key: m[1]!, values: m[3]!.split(",").map((v) => v.trim()).filter((v) => v !== "") };
  m = /^([^\s=!(),]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/.exec(raw);
  if (m) return { op: m[2] === "!=" ? "neq" : "eq", key: m[1]!, value: m[3]! };
  m = /^([^\s=!(),]+)$/.exec(raw);
  if (m) return { op: "exists", key: m[1]! };
  throw new SelectorError(`unable to parse requirement: ${JSON.stringify(raw)}`);
}

export function labelMatcher(selector: string | undefined | null): Matcher | undefined {
  if (!selector || !selector.trim()) return undefined;
  const reqs = splitTop(selector).map(parseLabelReq);
  return (obj) => {
    const labels = obj.metadata?.labels ?? {};
    for (const r of reqs) {
      const has = Object.prototype.hasOwnProperty.call(labels, r.key);
      const v = labels[r.key];
      switch (r.op) {
        case "eq":
          if (v !== r.value) return false;
          break;
        case "neq":
          if (has && v === r.value) return false;
          break;
        case "in":
          if (!has || !r.values.includes(v!)) return false;
          break;
        case "notin":
          if (has && r.values.includes(v!)) return false;
          break;
        case "exists":
          if (!has) return false;
          break;
        case "notexists":
          if (has) return false;
          break;
      }
    }
    return true;
  };
}

function fieldValue(obj: KubeObject, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return "";
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return "";
  return typeof cur === "object" ? JSON.stringify(cur) : String(cur);
}

export function fieldMatcher(selector: string | undefined | null): Matcher | undefined {
  if (!selector || !selector.trim()) return undefined;
  const reqs = selector.split(",").map((raw) => {
    const m = /^\s*([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(raw);
    if (!m) throw new SelectorError(`invalid field selector: ${JSON.stringify(raw)}`);
    return { path: m[1]!, neq: m[2] === "!=", value: m[3]! };
  });
  return (obj) => reqs.every((r) => (fieldValue(obj, r.path) === r.value) !== r.neq);
}

export function combine(...ms: Array<Matcher | undefined>): Matcher | undefined {
  const list = ms.filter((m): m is Matcher => !!m);
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  return (obj) => list.every((m) => m(obj));
}
