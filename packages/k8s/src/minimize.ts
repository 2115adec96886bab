// Data minimisation, applied to every object before it enters a snapshot. Secret values never leave
// this function; ConfigMap values stay because rules look for credentials in them, and only the
// fact and key of such a finding is ever stored (never the value).
import type { KubeObject } from "@bulwark/rules";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** Longest string kept anywhere in an object (a ConfigMap value, a container arg...), in characters. */
export const MAX_STRING_CHARS = 64 * 1024;
/** Longest annotation value kept: the rules read short ones (AppArmor, load balancer settings). */
export const MAX_ANNOTATION_CHARS = 8 * 1024;
/** Deeper than any real object; a hostile server's nesting must not overflow the engine's stack. */
export const MAX_DEPTH = 64;

/**
 * Keeps the head (rules look for credentials at any position, and most values are short). The head
 * is copied: a V8 slice would keep the whole original string alive, and with it the bytes we cut.
 */
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${Buffer.from(s.slice(0, max), "utf8").toString("utf8")}…[truncated by Bulwark: ${s.length} characters]`;
}

const TOO_DEEP = "[removed by Bulwark: nested too deep]";

function boundValue(v: unknown, depth: number): unknown {
  if (typeof v === "string") return v.length > MAX_STRING_CHARS ? truncate(v, MAX_STRING_CHARS) : v;
  if (v === null || typeof v !== "object") return v;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  boundStrings(v as Record<string, unknown>, depth);
  return v;
}

/**
 * Truncates oversized strings and replaces containers nested deeper than MAX_DEPTH, in place, so
 * that what the snapshot keeps is bounded whatever the server sent. Recursion is bounded by
 * MAX_DEPTH; plain loops, because this runs on every object of every scan.
 */
function boundStrings(node: Record<string, unknown> | unknown[], depth = 0): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const v = node[i];
      if (v !== null && (typeof v === "object" || (typeof v === "string" && v.length > MAX_STRING_CHARS))) node[i] = boundValue(v, depth + 1);
    }
    return;
  }
  for (const k in node) {
    const v = node[k];
    if (v !== null && (typeof v === "object" || (typeof v === "string" && v.length > MAX_STRING_CHARS))) node[k] = boundValue(v, depth + 1);
  }
}

function base64Bytes(s: string): number {
  const clean = s.replace(/\s+/g, "");
  const pad = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - pad);
}

function redactValues(values: unknown, size: (v: string) => number, label: string): Record<string, string> | undefined {
  if (values === null || typeof values !== "object") return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
    out[k] = `<${label}:${typeof v === "string" ? size(v) : 0} bytes>`;
  }
  return out;
}

/**
 * Turns one list item into a snapshot object: sets apiVersion/kind (list items lack them), drops
 * managedFields and the last-applied annotation (it can hold a whole Secret), redacts Secret
 * values to their sizes, truncates annotations over MAX_ANNOTATION_CHARS and any other string over
 * MAX_STRING_CHARS (a ConfigMap value, say). Mutates and returns the item, shallow-frozen: deep-freezing every
 * object of a large cluster costs more than the read, and the engine is pure by contract.
 */
export function minimizeObject(item: Record<string, unknown>, apiVersion: string, kind: string): KubeObject {
  item.apiVersion = apiVersion;
  item.kind = kind;
  const md = item.metadata;
  if (md !== null && typeof md === "object") {
    const meta = md as Record<string, unknown>;
    delete meta.managedFields;
    const ann = meta.annotations;
    if (ann !== null && typeof ann === "object") {
      const a = ann as Record<string, unknown>;
      delete a[LAST_APPLIED];
      for (const [k, v] of Object.entries(a)) if (typeof v === "string" && v.length > MAX_ANNOTATION_CHARS) a[k] = truncate(v, MAX_ANNOTATION_CHARS);
    }
  } else {
    item.metadata = {};
  }
  if (kind === "Secret") {
    const data = redactValues(item.data, base64Bytes, "redacted");
    if (data) item.data = data;
    else delete item.data;
    const stringData = redactValues(item.stringData, (v) => Buffer.byteLength(v, "utf8"), "redacted");
    if (stringData) item.stringData = stringData;
    else delete item.stringData;
  } else if (kind === "ConfigMap" && item.binaryData !== undefined) {
    const bin = redactValues(item.binaryData, base64Bytes, "binary");
    if (bin) item.binaryData = bin;
    else delete item.binaryData;
  }
  boundStrings(item);
  return Object.freeze(item) as KubeObject;
}
