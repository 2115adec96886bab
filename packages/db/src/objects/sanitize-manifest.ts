// What may be stored of a Kubernetes object for the finding page's YAML view: never a Secret
// value nor a credential written in plain text elsewhere, never server bookkeeping.
import { createHash } from "node:crypto";
import type { KubeObject } from "@bulwark/rules";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
/** Names that denote a credential (but not a reference to one, like PASSWORD_FILE). */
const SENSITIVE_NAME = /pass(word|wd|phrase)?|pwd|secret|token|bearer|api[_-]?key|private[_-]?key|credential|_key$/i;
const REFERENCE_NAME = /[_.-](file|path|dir|name|ref|url|uri|endpoint)$/i;
const REFERENCE_CAMEL = /[a-z0-9](File|Path|Dir|Name|Ref|Url|Uri|Endpoint)$/;
/** A config blob line that assigns a credential, e.g. `DB_PASSWORD=...` or `apiKey: ...`. */
const SENSITIVE_ASSIGNMENT = /(pass(word|wd)?|pwd|secret|token|api[_-]?key|private[_-]?key)[A-Za-z0-9_.-]*["']?\s*[=:]\s*\S/i;
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

const redacted = (v: unknown) => (typeof v === "string" && v.startsWith("<redacted") ? v : `<redacted:${typeof v === "string" ? Buffer.byteLength(v) : 0} bytes>`);
const sensitiveName = (n: unknown) => typeof n === "string" && SENSITIVE_NAME.test(n) && !REFERENCE_NAME.test(n) && !REFERENCE_CAMEL.test(n);

/** Env literals with credential names in any pod template, container or init container. */
function redactEnv(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) redactEnv(item);
    return;
  }
  if (!node || typeof node !== "object") return;
  const rec = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(rec)) {
    if (k === "env" && Array.isArray(v)) {
      for (const e of v as Array<Record<string, unknown>>) {
        if (e && typeof e === "object" && typeof e.value === "string" && (sensitiveName(e.name) || PRIVATE_KEY.test(e.value))) e.value = redacted(e.value);
      }
    } else if (v && typeof v === "object") {
      redactEnv(v);
    }
  }
}

/**
 * A copy fit for storage. The reader already redacts Secret data; this is the second lock on the
 * door: Secret values are replaced whatever they hold, ConfigMap values and env literals that
 * look like credentials are replaced, and the last-applied annotation (a full copy of the
 * original manifest, values included) is dropped.
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
            field === "binaryData" || sensitiveName(k) || (typeof v === "string" && (PRIVATE_KEY.test(v) || SENSITIVE_ASSIGNMENT.test(v))) ? redacted(v) : v,
          ]),
        );
      }
    }
  }
  redactEnv(copy);
  return copy;
}

export function objectKey(ref: { uid?: string; kind: string; namespace?: string; name: string }): string {
  return ref.uid || `${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
}

export function manifestHash(manifest: KubeObject): string {
  return createHash("sha256").update(JSON.stringify(manifest)).digest("hex").slice(0, 40);
}
