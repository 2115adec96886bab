// The one way a web request gets rules evaluated ("scan YAML", "try a custom rule"): rate-limited
// per user and per organization, the YAML pre-checked for nesting before anything parses it, then
// judged in a worker thread under a deadline (run-isolated). Limits answer errors that name them.
import { hitRateLimit } from "@bulwark/jobs";
import { HttpError } from "../../auth/server/errors";
import type { TRulesTask } from "./rules-tasks";
import { RulesLimitError, runIsolated } from "./run-isolated";
import { precheckYaml } from "./yaml-precheck";

/** Evaluations one person may ask for per minute, and one organization (shared by its members). */
export const RULES_EVAL_PER_USER = { name: "rules-eval:user", limit: 20, windowSeconds: 60 } as const;
export const RULES_EVAL_PER_ORG = { name: "rules-eval:org", limit: 60, windowSeconds: 60 } as const;

export async function evaluateForRequest<T>(task: TRulesTask, ctx: { orgId: string; userId: string }): Promise<T> {
  for (const [l, id] of [[RULES_EVAL_PER_USER, ctx.userId], [RULES_EVAL_PER_ORG, ctx.orgId]] as const) {
    const r = await hitRateLimit({ ...l, id });
    if (!r.allowed) {
      const who = l === RULES_EVAL_PER_USER ? "you" : "your organization";
      throw new HttpError(429, `Rate limit: ${l.limit} evaluations a minute for ${who}. Try again in ${r.retryAfterSeconds} s.`, "rate_limited", undefined, { retryAfterSeconds: r.retryAfterSeconds });
    }
  }
  const refused = precheckYaml(task.yaml);
  if (refused) throw new HttpError(413, refused, "payload_too_large", { yaml: refused });
  try {
    return await runIsolated<T>(task, { orgId: ctx.orgId });
  } catch (e) {
    if (e instanceof RulesLimitError) throw new HttpError(e.limit === "busy" ? 429 : 422, e.message, e.limit === "busy" ? "busy" : "limit_exceeded");
    throw e;
  }
}
