// Container resource requests/limits lookups shared by the resources rules.
import type { Fix, RawFinding, RuleContext } from "../types";
import { containers, podSpecs } from "./pod";

const NO_EPHEMERAL = Object.freeze({ ephemeral: false });

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
  // Container paths repeat across workloads: one path string and fix per distinct container path.
  const byPath = new Map<string, { path: string; fix: Fix }>();
  const content = `resources:\n  ${section}:\n    ${resource}: ${example}`;
  for (const ref of podSpecs(ctx)) {
    for (const c of containers(ref, NO_EPHEMERAL)) {
      const res = c.container.resources;
      const sec = res && typeof res === "object" ? res[section] : undefined;
      const v = sec && typeof sec === "object" ? sec[resource] : undefined;
      if (hasQuantity(v)) continue;
      const name = typeof c.container.name === "string" ? c.container.name : "?";
      let at = byPath.get(c.path);
      if (!at) {
        at = {
          path: `${c.path}.resources.${section}.${resource}`,
          fix: Object.freeze({ type: "yaml", content, description: `Add under ${c.path}; size it from observed usage.` }),
        };
        byPath.set(c.path, at);
      }
      yield { object: ref.object, path: at.path, message: `Container "${name}" sets no ${describe}.`, fix: at.fix };
    }
  }
}
