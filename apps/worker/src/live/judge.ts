// The live judge: the whole snapshot once (on sync, after a settings change or a full scan), then
// only what changed plus its dependents (the engine's incremental judge). The result always
// describes the whole cluster, as a scan's does; custom rules that did not compile are added to
// its rule statuses as a scan does.
import { judgeChanges, judgeFull, type EngineSettings, type EvaluationResult, type IncrementalJudge, type ObjectChangeRef, type Rejudged, type RuleStatus, type Snapshot } from "@bulwark/rules";

export type TChangedRef = ObjectChangeRef;
export type TRejudged = Rejudged;

export interface TJudgement {
  /** the engine's incremental state, handed back on the next change */
  state: IncrementalJudge;
  result: EvaluationResult;
  rejudged: TRejudged;
}

const withNotEvaluated = (r: EvaluationResult, notEvaluated: readonly RuleStatus[]): EvaluationResult =>
  notEvaluated.length ? { ...r, rules: [...r.rules, ...notEvaluated] } : r;

export function judgeAll(snapshot: Snapshot, settings: EngineSettings, notEvaluated: readonly RuleStatus[], reason: string): TJudgement {
  const { judge, result } = judgeFull(snapshot, settings);
  return { state: judge, result: withNotEvaluated(result, notEvaluated), rejudged: { full: true, reason, namespaces: [], objects: snapshot.objects.length } };
}

export function judgeDelta(prev: TJudgement, snapshot: Snapshot, changed: TChangedRef[], settings: EngineSettings, notEvaluated: readonly RuleStatus[]): TJudgement {
  const r = judgeChanges(prev.state, snapshot, changed, settings);
  return { state: r.judge, result: withNotEvaluated(r.result, notEvaluated), rejudged: r.rejudged };
}
