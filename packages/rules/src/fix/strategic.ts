import type { KubeObject } from "../types";
import type { FixEdit } from "./types";

/**
 * The strategic merge patch that makes the same change as `edits` on `object`: list items of
 * containers, initContainers, volumes, env... are named by their merge key instead of an index,
 * with apiVersion/kind/metadata.name(/namespace) so it also serves as a kustomize patch.
 */
export function strategicPatch(object: KubeObject, edits: readonly FixEdit[]): Record<string, unknown> {
  void object;
  void edits;
  throw new Error("strategicPatch: not implemented yet");
}
