// "Accept risk": which exceptions to ask for. One per rule and object among the risk's open
// findings (two findings of one rule on one object share an exception), each scoped to that object
// in the risk's cluster. Findings already covered, resolved or expected for a platform component
// need none. Pure, so what "accept" covers is tested.

export interface TAcceptCandidate {
  id: string;
  ruleId: string;
  clusterId: string;
  kind: string;
  namespace: string | null;
  name: string;
  status: string;
  exceptionId: string | null;
  baselineId?: string | null;
}

export interface TAcceptScope {
  findingId: string;
  ruleId: string;
  clusterId: string;
  /** "" is "cluster-scoped objects" in an exception's scope. */
  namespace: string;
  kind: string;
  name: string;
}

const OPEN = new Set(["open", "reopened", "in_progress"]);

export function acceptPlan(findings: readonly TAcceptCandidate[]): TAcceptScope[] {
  const seen = new Set<string>();
  const out: TAcceptScope[] = [];
  for (const f of findings) {
    if (!OPEN.has(f.status) || f.exceptionId || f.baselineId) continue;
    const key = [f.ruleId, f.clusterId, f.kind, f.namespace ?? "", f.name].join("|");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ findingId: f.id, ruleId: f.ruleId, clusterId: f.clusterId, namespace: f.namespace ?? "", kind: f.kind, name: f.name });
  }
  return out;
}
