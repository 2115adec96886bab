// The live judge: the whole snapshot once (on sync, after a settings change or a full scan), then
// only what changed plus its dependents. One small seam so the engine's incremental judge is used
// in one place; the result always describes the whole cluster, as a scan's does.
import { evaluate, type EngineSettings, type EvaluationResult, type RuleStatus, type Snapshot } from "@bulwark/rules";

export interface TChangedRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface TRejudged {
  /** the whole snapshot was judged */
  full: boolean;
  reason?: string;
  namespaces: number;
  objects: number;
}

export interface TJudgement {
  /** the engine's incremental state, handed back on the next change */
  state: unknown;
  result: EvaluationResult;
  rejudged: TRejudged;
}

const withNotEvaluated = (r: EvaluationResult, notEvaluated: readonly RuleStatus[]): EvaluationResult =>
  notEvaluated.length ? { ...r, rules: [...r.rules, ...notEvaluated] } : r;

export function judgeAll(snapshot: Snapshot, settings: EngineSettings, notEvaluated: readonly RuleStatus[], reason: string): TJudgement {
  const result = evaluate(snapshot, settings);
  return { state: null, result: withNotEvaluated(result, notEvaluated), rejudged: { full: true, reason, namespaces: 0, objects: snapshot.objects.length } };
}

export function judgeDelta(_prev: TJudgement, snapshot: Snapshot, _changed: readonly TChangedRef[], settings: EngineSettings, notEvaluated: readonly RuleStatus[]): TJudgement {
  return judgeAll(snapshot, settings, notEvaluated, "incremental judge not available");
}
