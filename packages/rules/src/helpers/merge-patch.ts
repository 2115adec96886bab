// JSON merge patches for fixes at dotted paths that cross no arrays.
import type { Fix } from "../types";

/** A merge-patch fix setting `value` at a dotted path, or undefined when the path crosses an array. */
export function mergePatchFix(path: string, value: unknown, description?: string): Fix | undefined {
  if (path.includes("[")) return undefined;
  let node: unknown = value;
  const parts = path.split(".");
  for (let i = parts.length - 1; i >= 0; i--) node = { [parts[i]!]: node };
  return { type: "merge-patch", content: JSON.stringify(node), ...(description ? { description } : {}) };
}
