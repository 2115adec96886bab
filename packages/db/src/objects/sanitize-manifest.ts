// What may be stored of a Kubernetes object: never a Secret value, never server bookkeeping.
import { createHash } from "node:crypto";
import type { KubeObject } from "@bulwark/rules";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * A copy fit for storage. The reader already redacts Secret data; this is the second lock on the
 * door: Secret `data`/`stringData` values are replaced whatever they hold, and the last-applied
 * annotation (which carries the full original manifest, values included) is dropped from Secrets.
 */
export function sanitizeManifest(obj: KubeObject): KubeObject {
  const { managedFields: _mf, ...metadata } = (obj.metadata ?? {}) as KubeObject["metadata"] & { managedFields?: unknown };
  const copy: KubeObject = { ...obj, metadata: { ...metadata } };
  if (obj.kind === "Secret") {
    for (const field of ["data", "stringData"] as const) {
      const values = obj[field];
      if (values && typeof values === "object") {
        copy[field] = Object.fromEntries(
          Object.entries(values as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" && v.startsWith("<redacted") ? v : "<redacted>"]),
        );
      }
    }
    if (copy.metadata.annotations?.[LAST_APPLIED]) {
      const { [LAST_APPLIED]: _drop, ...rest } = copy.metadata.annotations;
      copy.metadata.annotations = rest;
    }
  }
  return copy;
}

export function objectKey(ref: { uid?: string; kind: string; namespace?: string; name: string }): string {
  return ref.uid || `${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
}

export function manifestHash(manifest: KubeObject): string {
  return createHash("sha256").update(JSON.stringify(manifest)).digest("hex").slice(0, 40);
}
