import type { KubeObject } from "../types";
import { applyEdits } from "./apply";
import type { FixEdit, FixPath } from "./types";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * The patchMergeKey of a list field (k8s.io/api types): items are named by this key in a strategic
 * merge patch. Lists not named here (tolerations, capabilities.add, args...) are replaced whole.
 */
function mergeKeyOf(kind: string, path: FixPath, field: string): string | undefined {
  switch (field) {
    case "containers":
    case "initContainers":
    case "ephemeralContainers":
    case "volumes":
    case "env":
    case "imagePullSecrets":
    case "resourceClaims":
    case "schedulingGates":
      return "name";
    case "volumeMounts":
      return "mountPath";
    case "volumeDevices":
      return "devicePath";
    case "hostAliases":
      return "ip";
    case "topologySpreadConstraints":
      return "topologyKey";
    case "ownerReferences":
      return "uid";
    case "ports":
      // A Service's ports merge on port; a container's on containerPort.
      return kind === "Service" && path.length === 1 && path[0] === "spec" ? "port" : "containerPort";
    default:
      return undefined;
  }
}

/**
 * The strategic merge patch that makes the same change as `edits` on `object`: list items of
 * containers, initContainers, volumes, env... are named by their merge key instead of an index,
 * with apiVersion/kind/metadata.name(/namespace) so it also serves as a kustomize patch.
 */
export function strategicPatch(object: KubeObject, edits: readonly FixEdit[]): Record<string, unknown> {
  const after = applyEdits(object, edits) as Record<string, unknown>;
  const metadata: Record<string, unknown> = { name: object.metadata?.name };
  if (object.metadata?.namespace) metadata.namespace = object.metadata.namespace;
  const patch: Record<string, unknown> = { apiVersion: object.apiVersion, kind: object.kind, metadata };
  for (const edit of edits) addEdit(patch, after, object.kind, edit);
  return patch;
}

// Values come from the object after every edit, so a list replaced whole carries all changes.
function addEdit(patch: Record<string, unknown>, after: Record<string, unknown>, kind: string, edit: FixEdit): void {
  const { path } = edit;
  let p: Record<string, unknown> = patch;
  let o: unknown = after;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg !== "string" || !isPlainObject(o)) return; // a path the edits never reach
    const last = i === path.length - 1;
    if (last) {
      if ("remove" in edit) p[seg] = null;
      else p[seg] = structuredClone(o[seg]);
      return;
    }
    const next = path[i + 1];
    const value = o[seg];
    if (typeof next === "number") {
      const key = mergeKeyOf(kind, path.slice(0, i), seg);
      const item = Array.isArray(value) ? value[next] : undefined;
      if (!key || !isPlainObject(item) || item[key] === undefined || i + 1 === path.length - 1) {
        p[seg] = structuredClone(value);
        return;
      }
      let list = p[seg];
      if (!Array.isArray(list)) {
        if (list !== undefined) return; // already replaced whole, with this change in it
        list = [];
        p[seg] = list;
      }
      const items = list as Record<string, unknown>[];
      let pi = items.find((x) => isPlainObject(x) && x[key] === item[key]);
      if (!pi) {
        pi = { [key]: item[key] };
        items.push(pi);
      }
      p = pi;
      o = item;
      i++;
      continue;
    }
    let child = p[seg];
    if (child === undefined) {
      child = {};
      p[seg] = child;
    } else if (!isPlainObject(child)) return; // replaced whole already
    p = child as Record<string, unknown>;
    o = value;
  }
}
