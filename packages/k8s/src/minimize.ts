// Data minimisation, applied to every object before it enters a snapshot. Secret values never leave
// this function; ConfigMap values stay because rules look for credentials in them, and only the
// fact and key of such a finding is ever stored (never the value).
import type { KubeObject } from "@bulwark/rules";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

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
 * values to their sizes. Mutates and returns the item, shallow-frozen: deep-freezing every
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
    if (ann !== null && typeof ann === "object" && LAST_APPLIED in ann) {
      delete (ann as Record<string, unknown>)[LAST_APPLIED];
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
  return Object.freeze(item) as KubeObject;
}
