import type { Exception } from "@bulwark/rules";
import type { RiskException } from "../generated/prisma/client";
import { labelSelectorOf } from "./exception-scope";

/** A stored exception as the engine matches it; the cluster scope is settled by the query (by id). */
export function toEngineException(ex: RiskException): Exception {
  const sel = labelSelectorOf(ex.labelSelector);
  return {
    id: ex.id,
    ruleId: ex.ruleId,
    ...(ex.namespace !== null ? { namespace: ex.namespace } : {}),
    ...(ex.kind ? { kind: ex.kind } : {}),
    ...(ex.name ? { name: ex.name } : {}),
    ...(sel ? { labelSelector: sel } : {}),
    justification: ex.justification,
    expiresAt: ex.expiresAt.toISOString(),
  };
}
