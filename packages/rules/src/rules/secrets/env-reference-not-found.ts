import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { findNamed } from "../../helpers/selectors";
import type { KubeObject, RuleContext } from "../../types";

function keyMissing(obj: KubeObject, key: unknown): boolean {
  if (typeof key !== "string") return false;
  const o = obj as any;
  for (const f of ["data", "stringData", "binaryData"]) if (o[f] && typeof o[f] === "object" && key in o[f]) return false;
  return true;
}

/** The referenced object, undefined when missing, or null when the reference cannot be judged. */
function lookup(ctx: RuleContext, kind: string, ns: string | undefined, name: unknown): KubeObject | undefined | null {
  if (typeof name !== "string" || !name) return null;
  // A manifest set without any object of the kind says nothing about whether it exists.
  if (!ctx.snapshot.kindsComplete && ctx.index.byKind(kind).length === 0) return null;
  return findNamed(ctx, kind, ns, name);
}

export const envReferenceNotFound = defineRule({
  id: "env-reference-not-found",
  title: "Env var references a missing Secret, ConfigMap or key",
  category: "secrets",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["Secret", "ConfigMap"],
  description:
    "A non-optional secretKeyRef / configMapKeyRef / envFrom reference to an object or key that does not exist keeps the container from starting (CreateContainerConfigError).",
  remediation: "Create the referenced Secret/ConfigMap and key, fix the reference, or mark it optional: true if the app copes without it.",
  references: ["https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/"],
  peers: { kubeLinter: ["env-value-from"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const ns = ref.object.metadata.namespace;
      for (const c of containers(ref)) {
        const env = c.container.env;
        if (Array.isArray(env)) {
          for (let i = 0; i < env.length; i++) {
            const vf = env[i]?.valueFrom;
            if (!vf) continue;
            for (const [field, kind] of [["secretKeyRef", "Secret"], ["configMapKeyRef", "ConfigMap"]] as const) {
              const r = vf[field];
              if (!r || r.optional === true) continue;
              const obj = lookup(ctx, kind, ns, r.name);
              if (obj === null) continue;
              if (obj && !keyMissing(obj, r.key)) continue;
              yield {
                object: ref.object,
                path: `${c.path}.env[${i}].valueFrom.${field}`,
                observed: `${r.name}/${r.key ?? ""}`,
                message: obj
                  ? `${kind} "${r.name}" has no key "${r.key}" (env var ${env[i].name ?? "?"}).`
                  : `${kind} "${r.name}" referenced by env var ${env[i].name ?? "?"} does not exist.`,
              };
            }
          }
        }
        const envFrom = c.container.envFrom;
        if (Array.isArray(envFrom)) {
          for (let i = 0; i < envFrom.length; i++) {
            for (const [field, kind] of [["secretRef", "Secret"], ["configMapRef", "ConfigMap"]] as const) {
              const r = envFrom[i]?.[field];
              if (!r || r.optional === true) continue;
              if (lookup(ctx, kind, ns, r.name) !== undefined) continue;
              yield {
                object: ref.object,
                path: `${c.path}.envFrom[${i}].${field}`,
                observed: String(r.name),
                message: `${kind} "${r.name}" loaded by envFrom does not exist.`,
              };
            }
          }
        }
      }
    }
  },
});
