// The read shape of a stored risk: its JSON columns typed as the engine wrote them (objects, steps,
// factors), with its cluster and assignee for lists. Shared by listRisks, topRisks and getRisk.
import type { ObjectRef, RiskFactor, RiskStep } from "@bulwark/rules";
import type { Prisma, Risk } from "../generated/prisma/client";

export const RISK_LIST_INCLUDE = {
  cluster: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.RiskInclude;

export type TRiskRow = Omit<Risk, "objects" | "steps" | "factors"> & {
  objects: ObjectRef[];
  steps: RiskStep[];
  factors: RiskFactor[];
  cluster: { id: string; name: string };
  assignee: { id: string; name: string | null; email: string } | null;
};

const list = <T>(v: Prisma.JsonValue): T[] => (Array.isArray(v) ? (v as unknown as T[]) : []);

/** The JSON columns are written only by upsertScanRisks from the engine's Risk; a non-array reads as empty. */
export function toRiskRow(r: Risk & { cluster: { id: string; name: string }; assignee: { id: string; name: string | null; email: string } | null }): TRiskRow {
  return { ...r, objects: list<ObjectRef>(r.objects), steps: list<RiskStep>(r.steps), factors: list<RiskFactor>(r.factors) };
}
