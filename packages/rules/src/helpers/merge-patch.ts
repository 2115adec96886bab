// JSON merge patches for fixes at dotted paths that cross no arrays.
import type { Fix } from "../types";

// A handful of distinct (path, value) pairs recur for every workload: serialize each once.
const cache = new Map<string, Fix>();

/**
 * A merge-patch fix setting a scalar `value` at a dotted path, or undefined when the path crosses
 * an array (a merge patch would replace the whole list).
 */
export function mergePatchFix(path: string, value: string | number | boolean, description?: string): Fix | undefined {
  if (path.includes("[")) return undefined;
  const key = `${path}\u0000${typeof value}:${String(value)}\u0000${description ?? ""}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let node: unknown = value;
  const parts = path.split(".");
  for (let i = parts.length - 1; i >= 0; i--) node = { [parts[i]!]: node };
  const fix: Fix = Object.freeze({ type: "merge-patch", content: JSON.stringify(node), ...(description ? { description } : {}) });
  if (cache.size < 1000) cache.set(key, fix);
  return fix;
}
