// Domain checks shared by request, grant and edit: the rule exists, the cluster is the org's, the
// expiry is in the future and at most MAX_EXCEPTION_DAYS away, a justification is given.
import { getRule } from "@bulwark/rules";
import type { Tx } from "../client";
import { DomainError } from "../errors";
import { MAX_EXCEPTION_DAYS } from "./exception-scope";

export interface TExceptionScopeInput {
  ruleId: string;
  clusterId?: string | null;
  namespace?: string | null;
  kind?: string | null;
  name?: string | null;
  labelSelector?: Record<string, string> | null;
}

export function checkExpiry(expiresAt: Date, now: Date): void {
  if (Number.isNaN(expiresAt.getTime())) throw new DomainError("the expiry date is not a date");
  if (expiresAt.getTime() <= now.getTime()) throw new DomainError("the expiry date must be in the future");
  if (expiresAt.getTime() > now.getTime() + MAX_EXCEPTION_DAYS * 86_400_000) throw new DomainError(`an exception may last at most ${MAX_EXCEPTION_DAYS} days`);
}

export function checkJustification(j: string): string {
  const t = j.trim();
  if (t.length < 10) throw new DomainError("say why the risk is accepted (at least 10 characters)");
  if (t.length > 2000) throw new DomainError("the justification is longer than 2000 characters");
  return t;
}

export async function checkScope(tx: Tx, orgId: string, s: TExceptionScopeInput): Promise<TExceptionScopeInput> {
  if (s.ruleId !== "*" && !getRule(s.ruleId)) {
    const custom = await tx.customRule.findFirst({ where: { orgId, ruleId: s.ruleId }, select: { id: true } });
    if (!custom) throw new DomainError(`unknown rule ${s.ruleId}`);
  }
  if (s.clusterId) {
    const c = await tx.cluster.findFirst({ where: { id: s.clusterId, orgId }, select: { id: true } });
    if (!c) throw new DomainError("the cluster is not one of this organization's");
  }
  if ((s.name || s.kind) && !s.clusterId) {
    // An object is named within a cluster; "this object" across all clusters would be surprising.
    if (s.name && !s.kind) throw new DomainError("an object scope needs its kind");
  }
  const sel = s.labelSelector && Object.keys(s.labelSelector).length ? s.labelSelector : null;
  return {
    ruleId: s.ruleId,
    clusterId: s.clusterId || null,
    namespace: s.namespace ?? null,
    kind: s.kind || null,
    name: s.name || null,
    labelSelector: sel,
  };
}
