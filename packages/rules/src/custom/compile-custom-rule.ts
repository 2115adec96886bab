// Custom rules: an administrator writes a CEL expression over one object (variable `object`);
// the expression returning true means the object VIOLATES the rule. Compiled once, evaluated per
// object of the listed kinds. A per-object error (a missing field, a type mismatch) never crashes a
// scan: the object is left unjudged, and when nothing violated the rule is "not evaluated" with
// the first errors as the reason. Evaluation runs under a cost limit (./cel-cost): an object or a
// snapshot past it makes the rule "not evaluated" with the limit named.
import { celEnv, CelScalar, isCelError, mapType, parse, plan } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import type { KubeObject, RawFinding, Rule, RuleContext, Severity } from "../types";
import { SEVERITIES } from "../types";
import { getRule } from "../engine/evaluate";
import {
  CEL_COST_LIMIT_PER_OBJECT,
  CEL_COST_LIMIT_PER_SCAN,
  CEL_COST_LIMIT_ALL_RULES,
  ESTIMATE_LIST_ITEMS,
  ESTIMATE_STRING_CHARS,
  estimateCost,
  meterComprehensions,
  meteredEnv,
  withCostLimit,
} from "./cel-cost";

export interface CustomRuleDef {
  /** Must start with "custom-" (kebab-case), so it can never collide with a built-in rule. */
  id: string;
  title: string;
  severity: Severity;
  /** Kinds the expression is evaluated on, e.g. ["Deployment"]; "*" for every object. */
  kinds: string[];
  /** CEL over `object`; true = violation. */
  expression: string;
  /** Finding message; {{kind}}, {{namespace}}, {{name}} are replaced. */
  message: string;
  remediation: string;
  description?: string;
  /** Field path the finding points at (e.g. "spec.replicas"); default: the object itself. */
  path?: string;
}

export interface CustomRuleError {
  message: string;
  line?: number;
  column?: number;
}

export type CompileResult = { ok: true; rule: Rule } | { ok: false; errors: CustomRuleError[] };

export const CUSTOM_RULE_ID = /^custom-[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Static bounds on the expression; the cost limit (./cel-cost) bounds its evaluation. */
export const MAX_EXPRESSION_CHARS = 4096;
export const MAX_EXPRESSION_NODES = 1000;
export const MAX_EXPRESSION_DEPTH = 50;
/** Nested comprehensions multiply: two levels over container lists is plenty. */
export const MAX_COMPREHENSION_NESTING = 2;
/**
 * Wall-clock backstop for one rule over one snapshot. The cost limit bounds the work (20M steps
 * take 1-2 s, 5 s on a loaded machine); this only catches work the meter does not see, so it sits
 * far above that and the result does not depend on the machine's load.
 */
export const EVALUATION_BUDGET_MS = 30_000;

const env = celEnv({ variables: { object: mapType(CelScalar.STRING, CelScalar.DYN) }, funcs: strings });
const metered = meteredEnv(env);

function lineCol(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source[i] === "\n") {
      line++;
      col = 1;
    } else col++;
  }
  return { line, column: col };
}

interface ExprNode {
  id: bigint;
  exprKind: { case: string | undefined; value?: any };
}

/** Walks the AST checking size, depth, comprehension nesting, identifiers and function names. */
function staticCheck(root: ExprNode, positions: Record<string, number>, source: string): CustomRuleError[] {
  const errors: CustomRuleError[] = [];
  let nodes = 0;
  const at = (e: ExprNode, message: string) => {
    const off = positions[String(e.id)];
    errors.push(off === undefined ? { message } : { message, ...lineCol(source, off) });
  };
  const visit = (e: ExprNode | undefined, depth: number, nesting: number, bound: ReadonlySet<string>) => {
    if (!e || errors.length > 5) return;
    nodes++;
    if (depth > MAX_EXPRESSION_DEPTH) {
      at(e, `expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`);
      return;
    }
    const v = e.exprKind.value;
    switch (e.exprKind.case) {
      case "identExpr":
        if (v.name !== "object" && !bound.has(v.name)) at(e, `undeclared reference to '${v.name}' (the only variable is 'object')`);
        return;
      case "selectExpr":
        visit(v.operand, depth + 1, nesting, bound);
        return;
      case "callExpr": {
        const fn: string = v.function;
        if (/^[A-Za-z][\w.]*$/.test(fn) && !env.funcs.find(fn)) at(e, `unknown function '${fn}'`);
        visit(v.target, depth + 1, nesting, bound);
        for (const a of v.args) visit(a, depth + 1, nesting, bound);
        return;
      }
      case "listExpr":
        for (const el of v.elements) visit(el, depth + 1, nesting, bound);
        return;
      case "structExpr":
        for (const en of v.entries) {
          visit(en.keyKind?.case === "mapKey" ? en.keyKind.value : undefined, depth + 1, nesting, bound);
          visit(en.value, depth + 1, nesting, bound);
        }
        return;
      case "comprehensionExpr": {
        if (nesting + 1 > MAX_COMPREHENSION_NESTING) {
          at(e, `more than ${MAX_COMPREHENSION_NESTING} nested comprehensions (all/exists/map/filter)`);
          return;
        }
        visit(v.iterRange, depth + 1, nesting, bound);
        const inner = new Set(bound);
        for (const n of [v.iterVar, v.iterVar2, v.accuVar]) if (n) inner.add(n);
        visit(v.accuInit, depth + 1, nesting + 1, inner);
        visit(v.loopCondition, depth + 1, nesting + 1, inner);
        visit(v.loopStep, depth + 1, nesting + 1, inner);
        visit(v.result, depth + 1, nesting + 1, inner);
        return;
      }
      default:
        return;
    }
  };
  visit(root, 0, 0, new Set());
  if (nodes > MAX_EXPRESSION_NODES) errors.push({ message: `expression has ${nodes} nodes, more than ${MAX_EXPRESSION_NODES}` });
  return errors;
}

function validateDef(def: CustomRuleDef, builtinIds?: (id: string) => boolean): CustomRuleError[] {
  const errors: CustomRuleError[] = [];
  const d = def as Partial<CustomRuleDef> | null | undefined;
  if (!d || typeof d !== "object") return [{ message: "a custom rule must be an object" }];
  if (typeof d.id !== "string" || !CUSTOM_RULE_ID.test(d.id)) {
    errors.push({ message: `id ${JSON.stringify(d.id)} must be kebab-case and start with "custom-" (e.g. custom-min-replicas)` });
  } else if (builtinIds?.(d.id)) {
    errors.push({ message: `id ${d.id} is taken by a built-in rule` });
  }
  if (typeof d.title !== "string" || d.title.trim() === "") errors.push({ message: "title is required" });
  if (!SEVERITIES.includes(d.severity as Severity)) errors.push({ message: `severity must be one of ${SEVERITIES.join(", ")}` });
  if (!Array.isArray(d.kinds) || d.kinds.length === 0 || d.kinds.some((k) => typeof k !== "string" || k === "")) {
    errors.push({ message: 'kinds must be a non-empty list of kinds (e.g. ["Deployment"], or ["*"] for every object)' });
  }
  if (typeof d.message !== "string" || d.message.trim() === "") errors.push({ message: "message is required" });
  if (typeof d.remediation !== "string" || d.remediation.trim() === "") errors.push({ message: "remediation is required" });
  if (typeof d.expression !== "string" || d.expression.trim() === "") errors.push({ message: "expression is required" });
  else if (d.expression.length > MAX_EXPRESSION_CHARS) errors.push({ message: `expression is longer than ${MAX_EXPRESSION_CHARS} characters` });
  if (d.path !== undefined && typeof d.path !== "string") errors.push({ message: "path must be a string" });
  return errors;
}

export interface ObjectError {
  object: KubeObject;
  message: string;
}

interface Judgement {
  findings: RawFinding[];
  errors: ObjectError[];
  judged: number;
  budgetExceeded: boolean;
  /** Set when an evaluation crossed the cost limit: which object, and which limit. */
  costExceeded?: { object: KubeObject; limit: number; which: "object" | "scan" | "all" };
  cost: number;
}

function describe(obj: KubeObject): string {
  const ns = obj.metadata?.namespace;
  return `${obj.kind} ${ns ? `${ns}/` : ""}${obj.metadata?.name ?? "<unnamed>"}`;
}

function render(template: string, obj: KubeObject): string {
  return template.replace(/\{\{\s*(kind|namespace|name)\s*\}\}/g, (_m, k: string) =>
    k === "kind" ? obj.kind : k === "namespace" ? (obj.metadata?.namespace ?? "") : (obj.metadata?.name ?? ""),
  );
}

const judges = new WeakMap<Rule, (ctx: RuleContext) => Judgement>();

/** Steps every custom rule has spent on one evaluation (one context), for the all-rules limit. */
const spentByContext = new WeakMap<RuleContext, { used: number }>();
function spentOn(ctx: RuleContext): { used: number } {
  let s = spentByContext.get(ctx);
  if (!s) spentByContext.set(ctx, (s = { used: 0 }));
  return s;
}

/**
 * Kubernetes' own CEL (admission policies) sees integer fields as CEL `int`; JSON numbers would be
 * `double`, and `object.spec.replicas + 1` would then fail with "no matching overload". Whole
 * numbers become bigints (CEL int) in a copy made once per object and shared by every custom rule.
 */
const celInputs = new WeakMap<object, unknown>();
function toCelValue(v: unknown): unknown {
  if (typeof v === "number") return Number.isSafeInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(toCelValue);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toCelValue(x);
    return out;
  }
  return v;
}
function celInput(obj: KubeObject): unknown {
  let v = celInputs.get(obj);
  if (v === undefined) {
    v = toCelValue(obj);
    celInputs.set(obj, v);
  }
  return v;
}

/** Per-object errors of the last evaluation of a compiled custom rule on this context. */
export function customRuleObjectErrors(rule: Rule, ctx: RuleContext): ObjectError[] {
  return judges.get(rule)?.(ctx).errors ?? [];
}

export interface CompileOptions {
  isBuiltinId?: (id: string) => boolean;
  /** Steps allowed per object, per rule over a snapshot, and for all custom rules over one snapshot together. */
  costLimits?: { perObject?: number; perScan?: number; allRules?: number };
}

export function compileCustomRule(def: CustomRuleDef, opts: CompileOptions = {}): CompileResult {
  const perObject = opts.costLimits?.perObject ?? CEL_COST_LIMIT_PER_OBJECT;
  const perScan = opts.costLimits?.perScan ?? CEL_COST_LIMIT_PER_SCAN;
  const allRules = opts.costLimits?.allRules ?? CEL_COST_LIMIT_ALL_RULES;
  const defErrors = validateDef(def, opts.isBuiltinId ?? ((id) => getRule(id) !== undefined));
  if (defErrors.length > 0) return { ok: false, errors: defErrors };

  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(def.expression);
  } catch (e) {
    const err = e as { message?: string; location?: { start?: { line?: number; column?: number } } };
    const start = err.location?.start;
    const message = String(err.message ?? e).replace(/^<input>:\d+:\d+: /, "");
    if (e instanceof RangeError) return { ok: false, errors: [{ message: "expression nests too deeply" }] };
    return { ok: false, errors: [{ message: `syntax error: ${message}`, ...(start?.line ? { line: start.line, column: start.column } : {}) }] };
  }
  const positions: Record<string, number> = {};
  for (const [k, v] of Object.entries(parsed.sourceInfo?.positions ?? {})) positions[k] = Number(v);
  const staticErrors = staticCheck(parsed.expr as unknown as ExprNode, positions, def.expression);
  if (staticErrors.length > 0) return { ok: false, errors: staticErrors };
  const estimate = estimateCost(parsed.expr as unknown as ExprNode);
  if (estimate > perObject) {
    const n = (x: number) => (x >= 1e15 ? "unbounded" : Math.round(x).toLocaleString("en-US"));
    return {
      ok: false,
      errors: [
        {
          message:
            `estimated cost ${n(estimate)} exceeds the CEL cost limit of ${n(perObject)} steps per object ` +
            `(estimated on lists of ${ESTIMATE_LIST_ITEMS} items and strings of ${ESTIMATE_STRING_CHARS} characters; ` +
            `nested comprehensions over split() or other large lists multiply)`,
        },
      ],
    };
  }

  meterComprehensions(parsed.expr as unknown as ExprNode);
  let program: (bindings: { object: never }) => unknown;
  try {
    program = plan(metered, parsed) as unknown as (bindings: { object: never }) => unknown;
  } catch (e) {
    return { ok: false, errors: [{ message: `cannot plan expression: ${(e as Error).message}` }] };
  }

  const allKinds = def.kinds.includes("*");
  const where = (exprId: bigint | undefined): string => {
    if (exprId === undefined) return "";
    const off = positions[String(exprId)];
    if (off === undefined) return "";
    const { line, column } = lineCol(def.expression, off);
    return ` (at ${line}:${column})`;
  };

  const cache = new WeakMap<RuleContext, Judgement>();
  const judge = (ctx: RuleContext): Judgement => {
    const hit = cache.get(ctx);
    if (hit) return hit;
    const j: Judgement = { findings: [], errors: [], judged: 0, budgetExceeded: false, cost: 0 };
    const started = Date.now();
    const targets: Iterable<KubeObject> = allKinds ? ctx.snapshot.objects : def.kinds.flatMap((k) => [...ctx.index.byKind(k)]);
    for (const obj of targets) {
      if (Date.now() - started > EVALUATION_BUDGET_MS) {
        j.budgetExceeded = true;
        break;
      }
      let result: unknown;
      const spent = spentOn(ctx);
      const left = { object: perObject, scan: perScan - j.cost, all: allRules - spent.used };
      const which = (["object", "scan", "all"] as const).reduce((a, b) => (left[b] < left[a] ? b : a));
      try {
        const run = withCostLimit(left[which], () => program({ object: celInput(obj) as never }));
        j.cost += run.cost;
        spent.used += run.cost;
        if (!run.ok) {
          j.costExceeded = { object: obj, limit: run.limit, which };
          break;
        }
        result = run.value;
      } catch (e) {
        // The evaluator returns errors as values; a throw is a bug or a stack overflow.
        result = e instanceof Error ? e : new Error(String(e));
      }
      j.judged++;
      if (isCelError(result)) j.errors.push({ object: obj, message: `${result.message}${where(result.exprId)}` });
      else if (result instanceof Error) j.errors.push({ object: obj, message: result.message });
      else if (result === true) {
        j.findings.push({
          object: obj,
          path: def.path ?? "",
          message: render(def.message, obj),
        });
      } else if (result !== false) {
        j.errors.push({ object: obj, message: `expression returned ${typeof result}, not a bool` });
      }
    }
    cache.set(ctx, j);
    return j;
  };

  const rule: Rule = {
    id: def.id,
    title: def.title,
    category: "custom",
    severity: def.severity,
    kinds: allKinds ? [] : [...def.kinds],
    description: def.description ?? `Custom rule: ${def.expression}`,
    remediation: def.remediation,
    peers: {},
    notEvaluable(ctx) {
      const j = judge(ctx);
      if (j.costExceeded) {
        const c = j.costExceeded;
        const n = (x: number) => x.toLocaleString("en-US");
        if (c.which === "object") return `CEL cost limit of ${n(perObject)} steps per object exceeded on ${describe(c.object)}`;
        if (c.which === "scan") return `CEL cost limit of ${n(perScan)} steps per scan exceeded after ${j.judged} objects`;
        return `CEL cost limit of ${n(allRules)} steps per scan for all custom rules together exceeded after ${j.judged} objects`;
      }
      if (j.budgetExceeded) return `evaluation budget of ${EVALUATION_BUDGET_MS} ms exceeded after ${j.judged} objects`;
      if (j.errors.length > 0 && j.findings.length === 0) {
        const first = j.errors.slice(0, 3).map((e) => `${describe(e.object)}: ${e.message}`);
        return `CEL error on ${j.errors.length} of ${j.judged} objects: ${first.join("; ")}`;
      }
      return undefined;
    },
    evaluate(ctx) {
      return judge(ctx).findings;
    },
  };
  judges.set(rule, judge);
  return { ok: true, rule };
}
