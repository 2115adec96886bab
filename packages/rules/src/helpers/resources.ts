// Container resource requests/limits lookups shared by the resources rules.
import type { RawFinding, RuleContext } from "../types";
import { containers, podSpecs } from "./pod";

export type ResourceSection = "requests" | "limits";

/** True when a resource quantity is present (a null or empty value counts as unset). */
export function hasQuantity(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === "string") return v.trim() !== "";
  return typeof v === "number";
}

/**
 * One finding per regular or init container that leaves `resources.<section>.<resource>` unset.
 * Ephemeral containers cannot declare resources, so they are skipped.
 */
export function* missingResource(
  ctx: RuleContext,
  section: ResourceSection,
  resource: string,
  describe: string,
  example: string,
): Iterable<RawFinding> {
  for (const ref of podSpecs(ctx)) {
    for (const c of containers(ref, { ephemeral: false })) {
      const res = c.container.resources;
      const sec = res && typeof res === "object" ? res[section] : undefined;
      const v = sec && typeof sec === "object" ? sec[resource] : undefined;
      if (hasQuantity(v)) continue;
      const name = typeof c.container.name === "string" ? c.container.name : "?";
      yield {
        object: ref.object,
        path: `${c.path}.resources.${section}.${resource}`,
        message: `Container "${name}" sets no ${describe}.`,
        fix: {
          type: "yaml",
          content: `resources:\n  ${section}:\n    ${resource}: ${example}`,
          description: `Add under ${c.path}; size it from observed usage.`,
        },
      };
    }
  }
}
