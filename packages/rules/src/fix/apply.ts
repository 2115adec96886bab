import type { KubeObject } from "../types";
import type { FixEdit } from "./types";

/** A copy of `object` with `edits` applied in order (never mutates its input). */
export function applyEdits(object: KubeObject, edits: readonly FixEdit[]): KubeObject {
  void object;
  void edits;
  throw new Error("applyEdits: not implemented yet");
}

/**
 * What the API server (or the kubelet, at start) would reject in a fixed object, e.g.
 * allowPrivilegeEscalation: false on a privileged container or one adding CAP_SYS_ADMIN. Empty when valid.
 */
export function validateFixedObject(object: KubeObject): string[] {
  void object;
  throw new Error("validateFixedObject: not implemented yet");
}
