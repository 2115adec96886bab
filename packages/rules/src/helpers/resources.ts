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
 *
 * The fix is one Kubernetes would agree with, never a guessed size: a missing request takes the
 * container's limit (what the API server defaults it to anyway); a missing memory or
 * ephemeral-storage limit takes the request (the container keeps what it asked for, and a limit
 * at the request is the usual advice for memory). A CPU limit is never derived (a limit at the
 * request throttles), and without the other value there is no fix: only the team knows the size.
 */
export function* missingResource(
  ctx: RuleContext,
  section: ResourceSection,
  resource: string,
  describe: string,
): Iterable<RawFinding> {
  const other: ResourceSection = section === "limits" ? "requests" : "limits";
  const derivable = section === "requests" || resource !== "cpu";
  for (const ref of podSpecs(ctx)) {
    for (const c of containers(ref, NO_EPHEMERAL)) {
      const res = c.container.resources;
      const sec = res && typeof res === "object" ? res[section] : undefined;
      const v = sec && typeof sec === "object" ? sec[resource] : undefined;
      if (hasQuantity(v)) continue;
      const name = typeof c.container.name === "string" ? c.container.name : "?";
      const from = res && typeof res === "object" && res[other] && typeof res[other] === "object" ? res[other][resource] : undefined;
      const fix = derivable && hasQuantity(from) ? resourceFix(c.path, section, resource, String(from), other) : undefined;
      yield { object: ref.object, path: `${c.path}.resources.${section}.${resource}`, message: `Container "${name}" sets no ${describe}.`, ...(fix ? { fix } : {}) };
    }
  }
}

// Container paths and sizes repeat across workloads: one frozen fix per distinct combination.
const fixCache = new Map<string, Fix>();

function resourceFix(containerPath: string, section: ResourceSection, resource: string, quantity: string, from: ResourceSection): Fix {
  const key = `${containerPath}\u0000${section}\u0000${resource}\u0000${quantity}`;
  const hit = fixCache.get(key);
  if (hit) return hit;
  const value = /^[0-9.]+$/.test(quantity) ? quantity : JSON.stringify(quantity);
  const fix: Fix = Object.freeze({
    type: "yaml",
    content: `# ${containerPath}\nresources:\n  ${section}:\n    ${resource}: ${value}\n`,
    description: `Set the ${section === "limits" ? "limit" : "request"} to the container's ${from === "limits" ? "limit" : "request"} (${quantity})`,
  });
  if (fixCache.size < 2000) fixCache.set(key, fix);
  return fix;
}
