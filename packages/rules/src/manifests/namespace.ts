// Places manifests in a namespace the way `kubectl apply -n NS` does: namespaced kinds without
// metadata.namespace go to NS, cluster-scoped kinds stay without one. So a namespace-less install
// file resolves its bindings and service accounts where it will actually run.
import type { KubeObject, SourceLocation } from "../types";
import { apiGroupOf, isNamespacedKind } from "./kinds";
import type { ManifestError } from "./parse-manifests";

const RBAC_GROUP = "rbac.authorization.k8s.io";

/** A valid namespace name (RFC 1123 label). */
export function isNamespaceName(ns: string): boolean {
  return ns.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns);
}

/** Scopes declared by the CustomResourceDefinitions of the set: "group/Kind" -> namespaced. */
function crdScopes(objects: readonly KubeObject[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const o of objects) {
    if (o.kind !== "CustomResourceDefinition") continue;
    const spec = (o as any).spec;
    if (typeof spec?.group === "string" && typeof spec?.names?.kind === "string") out.set(`${spec.group}/${spec.names.kind}`, spec.scope !== "Cluster");
  }
  return out;
}

/**
 * Objects with namespaced kinds placed in `namespace` when they name none (copies; the input is
 * not changed). RoleBinding subjects of kind ServiceAccount without a namespace get the binding's,
 * as the authorizer reads them; a ClusterRoleBinding's such subject is an input problem (the API
 * server requires its namespace). Custom resources of unknown scope are left as they are.
 */
export function placeInNamespace(
  objects: readonly KubeObject[],
  locations: readonly (SourceLocation | undefined)[],
  namespace: string,
): { objects: KubeObject[]; errors: ManifestError[] } {
  const scopes = crdScopes(objects);
  const errors: ManifestError[] = [];
  const out = objects.map((obj, i) => {
    let o = obj;
    if (!o.metadata?.namespace && isNamespacedKind(o.apiVersion, o.kind, scopes) === true) {
      o = { ...o, metadata: { ...o.metadata, namespace } };
    }
    if (apiGroupOf(o.apiVersion) !== RBAC_GROUP || !Array.isArray((o as any).subjects)) return o;
    const subjects: unknown[] = (o as any).subjects;
    const saWithoutNs = (s: any) => s && typeof s === "object" && s.kind === "ServiceAccount" && !s.namespace;
    if (!subjects.some(saWithoutNs)) return o;
    if (o.kind === "RoleBinding") {
      const ns = o.metadata.namespace;
      return { ...o, subjects: subjects.map((s: any) => (saWithoutNs(s) ? { ...s, namespace: ns } : s)) };
    }
    if (o.kind === "ClusterRoleBinding") {
      const loc = locations[i];
      subjects.forEach((s: any, j) => {
        if (!saWithoutNs(s)) return;
        const message = `ClusterRoleBinding ${o.metadata.name ?? ""}: subjects[${j}] (ServiceAccount ${String(s.name)}) has no namespace, which the API server requires`;
        errors.push(loc ? { file: loc.file, line: loc.line, message } : { line: 1, message });
      });
    }
    return o;
  });
  return { objects: out, errors };
}
