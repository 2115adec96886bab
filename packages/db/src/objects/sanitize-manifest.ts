// What may be stored of a Kubernetes object for the finding page's YAML view: never a Secret
// value nor a credential written in plain text elsewhere, never server bookkeeping.
import { createHash } from "node:crypto";
import type { KubeObject } from "@bulwark/rules";
import { looksLikeCredential, redactObjectInPlace, redacted, sensitiveName } from "./redact";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
/** A config blob line that assigns a credential, e.g. `DB_PASSWORD=...` or `apiKey: ...`. */
const SENSITIVE_ASSIGNMENT = /(pass(word|wd)?|pwd|secret|token|api[_-]?key|private[_-]?key)[A-Za-z0-9_.-]*["']?\s*[=:]\s*\S/i;

/**
 * A copy fit for storage. The reader already redacts Secret data; this is the second lock on the
 * door: Secret values are replaced whatever they hold, ConfigMap values that look like credentials
 * are replaced, the last-applied annotation (a full copy of the original manifest, values
 * included) is dropped, and redactObjectInPlace (./redact) takes credentials out of env, command
 * lines, annotations off the allow-list and URLs. Called after the engine judged the object.
 */
export function sanitizeManifest(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj) as KubeObject;
  const meta = copy.metadata as KubeObject["metadata"] & { managedFields?: unknown };
  delete meta.managedFields;
  if (meta.annotations?.[LAST_APPLIED] !== undefined) {
    const { [LAST_APPLIED]: _drop, ...rest } = meta.annotations;
    meta.annotations = rest;
  }
  if (copy.kind === "Secret") {
    for (const field of ["data", "stringData"] as const) {
      const values = copy[field];
      if (values && typeof values === "object") {
        copy[field] = Object.fromEntries(Object.entries(values as Record<string, unknown>).map(([k, v]) => [k, redacted(v)]));
      }
    }
  } else if (copy.kind === "ConfigMap") {
    for (const field of ["data", "binaryData"] as const) {
      const values = copy[field];
      if (values && typeof values === "object") {
        copy[field] = Object.fromEntries(
          Object.entries(values as Record<string, unknown>).map(([k, v]) => [
            k,
            field === "binaryData" || sensitiveName(k) || (typeof v === "string" && (looksLikeCredential(v) || SENSITIVE_ASSIGNMENT.test(v))) ? redacted(v) : v,
          ]),
        );
      }
    }
  }
  // after the drop above, so the last-applied copy cannot bring back what this redacts
  redactObjectInPlace(copy as unknown as Record<string, unknown>);
  return copy;
}

export function objectKey(ref: { uid?: string; kind: string; namespace?: string; name: string }): string {
  return ref.uid || `${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
}

export function manifestHash(manifest: KubeObject): string {
  return createHash("sha256").update(JSON.stringify(manifest)).digest("hex").slice(0, 40);
}
