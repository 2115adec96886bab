// Before/after of a patched object as a readable list of the fields that changed (the fix detail
// page's result): leaf paths with their old and new values; lists of named items (containers,
// volumes) are keyed by name, as a strategic merge patch addresses them.

export interface TFieldChange {
  /** e.g. "spec.template.spec.containers[web].securityContext.privileged" */
  path: string;
  /** undefined: absent on that side */
  before?: string;
  after?: string;
}

type TLeaves = Map<string, string>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Fields the apiserver or controllers change on every write: not what a fix changed. */
const NOISE = /^metadata\.(resourceVersion|generation|managedFields|uid|creationTimestamp)(\.|\[|$)|^status(\.|$)|^metadata\.annotations\.(deployment\.kubernetes\.io\/revision|kubectl\.kubernetes\.io\/last-applied-configuration)$/;

function key(item: unknown, index: number): string {
  return isObject(item) && typeof item.name === "string" ? item.name : String(index);
}

function walk(value: unknown, path: string, out: TLeaves): void {
  if (Array.isArray(value)) {
    // A list of scalars is one value (args, capabilities.drop): its order matters as a whole.
    if (value.every((v) => !isObject(v) && !Array.isArray(v))) {
      out.set(path, JSON.stringify(value));
      return;
    }
    value.forEach((v, i) => walk(v, `${path}[${key(v, i)}]`, out));
    return;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && path) out.set(path, "{}");
    for (const [k, v] of entries) walk(v, path ? `${path}.${k}` : k, out);
    return;
  }
  if (value === undefined || (value === null && !path)) return;
  out.set(path, typeof value === "string" ? value : JSON.stringify(value));
}

function leaves(value: unknown): TLeaves {
  const out: TLeaves = new Map();
  walk(value, "", out);
  return out;
}

/** The changed leaf fields, in the order they appear (after's order, then fields only before had). */
export function changedFields(before: unknown, after: unknown): TFieldChange[] {
  const a = leaves(before);
  const b = leaves(after);
  const out: TFieldChange[] = [];
  for (const [path, v] of b) {
    if (NOISE.test(path)) continue;
    const old = a.get(path);
    if (old !== v) out.push({ path, ...(old !== undefined ? { before: old } : {}), after: v });
  }
  for (const [path, v] of a) {
    if (NOISE.test(path) || b.has(path)) continue;
    out.push({ path, before: v });
  }
  return out;
}
