// Secret values never enter a snapshot: keys and sizes are enough for every rule, and findings,
// logs and reports can then never leak one. Same shape as the cluster reader's redaction.
import type { KubeObject } from "../types";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
const encoder = new TextEncoder();

function base64Size(value: string): number {
  const s = value.replace(/\s+/g, "");
  const pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((s.length * 3) / 4) - pad);
}

function redactMap(map: unknown, size: (v: string) => number): Record<string, string> | unknown {
  if (map === null || typeof map !== "object" || Array.isArray(map)) return map;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
    out[k] = `<redacted:${typeof v === "string" ? size(v) : 0} bytes>`;
  }
  return out;
}

/** Returns the object with managedFields dropped and, for a Secret, values replaced by sizes. */
export function redactObject(obj: KubeObject): KubeObject {
  const meta = obj.metadata;
  if (meta && "managedFields" in meta) {
    const { managedFields: _drop, ...rest } = meta;
    obj = { ...obj, metadata: rest };
  }
  if (obj.kind !== "Secret" || (obj.apiVersion !== "v1" && obj.apiVersion !== undefined)) return obj;
  const out: KubeObject = { ...obj, metadata: { ...obj.metadata } };
  if ("data" in obj) out.data = redactMap(obj.data, base64Size);
  if ("stringData" in obj) out.stringData = redactMap(obj.stringData, (v) => encoder.encode(v).length);
  // kubectl apply stores the whole object, values included, in this annotation.
  const ann = out.metadata.annotations;
  if (ann && typeof ann === "object" && LAST_APPLIED in ann) {
    out.metadata.annotations = { ...ann, [LAST_APPLIED]: "<redacted>" };
  }
  return out;
}
