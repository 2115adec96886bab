// Namespaces that hold user workloads, for "every namespace should have X" rules.
import type { KubeObject, RuleContext } from "../types";
import { nsOf } from "./selectors";

/** Namespaces run by the platform itself, where per-namespace guardrails are the vendor's call. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(["kube-system", "kube-public", "kube-node-lease"]);

/** Namespace objects that are not system namespaces and not being deleted. */
export function userNamespaces(ctx: RuleContext): KubeObject[] {
  const out: KubeObject[] = [];
  for (const ns of ctx.index.byKind("Namespace")) {
    const name = ns.metadata?.name;
    if (!name || SYSTEM_NAMESPACES.has(name)) continue;
    if ((ns as any).status?.phase === "Terminating") continue;
    out.push(ns);
  }
  return out;
}

/** Set of namespace names holding at least one object of the kind. */
export function namespacesWithKind(ctx: RuleContext, kind: string): Set<string> {
  const s = new Set<string>();
  for (const o of ctx.index.byKind(kind)) s.add(nsOf(o));
  return s;
}
