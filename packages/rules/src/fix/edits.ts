import type { Fix } from "../types";
import type { FixEdit } from "./types";

/**
 * The structured edits of a finding's fix: a merge patch flattened to set/remove edits, a YAML
 * snippet headed by "# <path>" merged at that path. `{ manual }` says why a fix cannot be applied
 * mechanically (a new object to write, a value only the team knows).
 */
export function fixEdits(fix: Fix): { edits: FixEdit[] } | { manual: string } {
  void fix;
  throw new Error("fixEdits: not implemented yet");
}
