// A cost limit for CEL, modelled on Kubernetes' CEL cost budget: every function call and every
// comprehension iteration costs steps, calls cost more with the size of what they read and return
// (strings by tenths of a character, lists and maps by element), and an evaluation past its limit
// is abandoned at once. @bufbuild/cel 0.6 has no step hook, so the meter sits in two places it
// does expose: the function resolver the planner binds calls to, and one internal function put
// into every comprehension's loop condition (macros expand to comprehensions at parse time).
// Everything here is synchronous and deterministic: the same rule over the same input always
// costs the same, whatever the machine's load.
import { celEnv, celFunc, CelScalar, isCelList, isCelMap, type CelEnv } from "@bufbuild/cel";

/** Per object (one evaluation), as Kubernetes' per-call limit for admission policies. */
export const CEL_COST_LIMIT_PER_OBJECT = 1_000_000;
/** Per rule over one snapshot; sized for ~100k objects of an ordinary rule (tens of steps each). */
export const CEL_COST_LIMIT_PER_SCAN = 20_000_000;
/** All of an organization's custom rules over one snapshot together (a few seconds of CPU at most). */
export const CEL_COST_LIMIT_ALL_RULES = 100_000_000;

/** The internal function counting loop iterations; not in the env rules are checked against. */
const TICK = "@bulwark_cost_tick";

export class CelCostExceeded extends Error {
  constructor(readonly limit: number) {
    super(`CEL cost limit of ${limit.toLocaleString("en-US")} steps exceeded`);
  }
}

interface Meter {
  used: number;
  limit: number;
}
// Evaluation is synchronous, so one current meter is enough (and nothing else runs meanwhile).
let current: Meter | undefined;

function charge(n: number): void {
  const m = current;
  if (!m) return;
  m.used += n;
  // Thrown past the planner's nodes (none catch), so the whole evaluation unwinds now.
  if (m.used > m.limit) throw new CelCostExceeded(m.limit);
}

/** Steps a value costs to read or produce, as Kubernetes charges traversal. */
export function celSize(v: unknown): number {
  if (typeof v === "string") return Math.ceil(v.length / 10);
  if (v instanceof Uint8Array) return Math.ceil(v.length / 10);
  if (Array.isArray(v)) return v.length;
  if (isCelList(v) || isCelMap(v)) return v.size;
  return 0;
}

/**
 * Calls whose result can dwarf their inputs are charged their worst case up front, so the limit
 * stops them before they allocate: replace() by old-length × replacement-length.
 */
function upfront(name: string, target: unknown, args: unknown[]): number {
  if (name === "replace" && typeof target === "string" && typeof args[1] === "string") {
    return Math.ceil((target.length * Math.max(1, args[1].length)) / 10);
  }
  return 0;
}

type Resolver = CelEnv["funcs"];
type Group = NonNullable<ReturnType<Resolver["find"]>>;

function meteredResolver(base: Resolver, extra: Resolver): Resolver {
  const wrapped = new Map<string, Group | undefined>();
  const wrap = (g: Group): Group => ({
    name: g.name,
    [Symbol.iterator]: () => g[Symbol.iterator](),
    call(id: number, target: unknown, args: unknown[]) {
      let cost = 1 + celSize(target) + upfront(g.name, target, args);
      for (const a of args) cost += celSize(a);
      charge(cost);
      const result = g.call(id, target as never, args as never);
      charge(celSize(result));
      return result;
    },
  });
  return {
    [Symbol.iterator]: () => base[Symbol.iterator](),
    find(name: string) {
      if (!wrapped.has(name)) {
        const g = name === TICK ? extra.find(name) : base.find(name);
        wrapped.set(name, g ? wrap(g) : undefined);
      }
      return wrapped.get(name);
    },
  } as Resolver;
}

/** The env to plan with: `base`'s functions, metered, plus the loop counter. */
export function meteredEnv<E extends CelEnv>(base: E): E {
  const extra = celEnv({ funcs: [celFunc(TICK, [CelScalar.DYN], CelScalar.DYN, (x) => x)] }).funcs;
  const funcs = meteredResolver(base.funcs, extra);
  return Object.create(base, { funcs: { value: funcs } }) as E;
}

interface ExprNode {
  id: bigint;
  exprKind: { case: string | undefined; value?: any };
}

/**
 * Wraps every comprehension's loop condition in the counter, so each iteration costs a step and,
 * past the limit, the loop ends at its next iteration. Mutates the parsed expression.
 */
export function meterComprehensions(root: ExprNode): void {
  let nextId = 0n;
  const seen: ExprNode[] = [];
  const walk = (e: ExprNode | undefined) => {
    if (!e || typeof e !== "object") return;
    if (e.id > nextId) nextId = e.id;
    const v = e.exprKind.value;
    switch (e.exprKind.case) {
      case "selectExpr":
        walk(v.operand);
        return;
      case "callExpr":
        walk(v.target);
        for (const a of v.args) walk(a);
        return;
      case "listExpr":
        for (const el of v.elements) walk(el);
        return;
      case "structExpr":
        for (const en of v.entries) {
          if (en.keyKind?.case === "mapKey") walk(en.keyKind.value);
          walk(en.value);
        }
        return;
      case "comprehensionExpr":
        seen.push(e);
        for (const k of ["iterRange", "accuInit", "loopCondition", "loopStep", "result"]) walk(v[k]);
        return;
      default:
        return;
    }
  };
  walk(root);
  for (const c of seen) {
    const v = c.exprKind.value;
    nextId++;
    // The planner reads only these fields of a node, so a plain object stands in for a message.
    v.loopCondition = { id: nextId, exprKind: { case: "callExpr", value: { function: TICK, args: [v.loopCondition], target: undefined } } };
  }
}

export type Metered<T> = { ok: true; value: T; cost: number } | { ok: false; cost: number; limit: number };

/** Runs one evaluation under a limit of `limit` steps. */
export function withCostLimit<T>(limit: number, run: () => T): Metered<T> {
  const outer = current;
  const m: Meter = { used: 0, limit };
  current = m;
  try {
    const value = run();
    // The planner turns a throw into an error value, and `||`/`&&` can absorb an error: the
    // meter, not the value, says whether the limit was crossed.
    if (m.used > m.limit) return { ok: false, cost: m.used, limit };
    return { ok: true, value, cost: m.used };
  } catch (e) {
    if (e instanceof CelCostExceeded) return { ok: false, cost: m.used, limit };
    throw e;
  } finally {
    current = outer;
  }
}

// Compile-time estimate. Kubernetes estimates a rule's worst case from the schema's maxItems and
// maxLength and refuses rules over budget; objects here have no schema, so the estimate assumes an
// ordinary object (lists of ESTIMATE_LIST_ITEMS, strings of ESTIMATE_STRING_CHARS) and refuses a
// rule that would pass the per-object limit even on one. What it lets through, the meter bounds.
export const ESTIMATE_LIST_ITEMS = 32;
export const ESTIMATE_STRING_CHARS = 256;

/** Upper bounds of a value: characters if a string, items if a list or map, and its items. */
interface Shape {
  str: number;
  list: number;
  elem?: Shape;
}
const SCALAR: Shape = { str: 0, list: 0 };
const DYN: Shape = { str: ESTIMATE_STRING_CHARS, list: ESTIMATE_LIST_ITEMS };
DYN.elem = DYN;
const CAP = 1e15;
const cap = (n: number) => Math.min(n, CAP);
const size = (s: Shape) => Math.max(Math.ceil(s.str / 10), s.list);
const join = (...ss: Shape[]): Shape => {
  if (ss.includes(DYN)) return DYN;
  const elems = ss.flatMap((s) => (s.elem ? [s.elem] : []));
  return { str: Math.max(0, ...ss.map((s) => s.str)), list: Math.max(0, ...ss.map((s) => s.list)), ...(elems.length ? { elem: elems[0] } : {}) };
};
// Functions returning a bool or a number; anything else keeps the shape of its inputs.
const SCALAR_FUNCS = new Set(["_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_", "!_", "-_", "_-_", "_*_", "_/_", "_%_", "@in", "_in_", "size", "contains", "startsWith", "endsWith", "matches", "indexOf", "lastIndexOf", "int", "uint", "double", "bool", "type", "duration", "timestamp"]);

interface Estimate {
  cost: number;
  shape: Shape;
}

/** Worst-case steps of one evaluation on an ordinary object (see the assumptions above). */
export function estimateCost(root: ExprNode): number {
  const est = (e: ExprNode | undefined, vars: ReadonlyMap<string, Shape>): Estimate => {
    if (!e || typeof e !== "object") return { cost: 0, shape: SCALAR };
    const v = e.exprKind.value;
    switch (e.exprKind.case) {
      case "constExpr":
        return { cost: 0, shape: v.constantKind?.case === "stringValue" ? { str: v.constantKind.value.length, list: 0 } : SCALAR };
      case "identExpr":
        return { cost: 1, shape: vars.get(v.name) ?? DYN };
      case "selectExpr": {
        const o = est(v.operand, vars);
        return { cost: o.cost + 1, shape: v.testOnly ? SCALAR : DYN };
      }
      case "listExpr": {
        const els = (v.elements as ExprNode[]).map((x) => est(x, vars));
        return { cost: cap(1 + els.reduce((a, x) => a + x.cost, 0)), shape: { str: 0, list: els.length, elem: els.length ? join(...els.map((x) => x.shape)) : SCALAR } };
      }
      case "structExpr": {
        let cost = 1;
        const keys: Shape[] = [];
        for (const en of v.entries) {
          if (en.keyKind?.case === "mapKey") {
            const k = est(en.keyKind.value, vars);
            cost += k.cost;
            keys.push(k.shape);
          }
          cost += est(en.value, vars).cost;
        }
        return { cost: cap(cost), shape: { str: 0, list: v.entries.length, elem: keys.length ? join(...keys) : SCALAR } };
      }
      case "callExpr": {
        const fn: string = v.function;
        const target = v.target ? est(v.target, vars) : undefined;
        const args = (v.args as ExprNode[]).map((x) => est(x, vars));
        const inputs = target ? [target, ...args] : args;
        const sub = inputs.reduce((a, x) => a + x.cost, 0);
        if (fn === "_&&_" || fn === "_||_" || fn === "@not_strictly_false" || fn === "__not_strictly_false__") return { cost: cap(sub), shape: SCALAR };
        if (fn === "_?_:_") return { cost: cap(sub), shape: join(args[1]!.shape, args[2]!.shape) };
        if (fn === "_[_]" || fn === "_[?_]" || fn === "_?._") return { cost: cap(sub + 1), shape: args[0]?.shape.elem ?? DYN };
        let shape: Shape;
        const t = target?.shape ?? SCALAR;
        if (SCALAR_FUNCS.has(fn)) shape = SCALAR;
        else if (fn === "split") shape = { str: 0, list: t.str, elem: { str: t.str, list: 0 } };
        else if (fn === "join") shape = { str: cap(t.list * ((t.elem?.str ?? 0) + (args[0]?.shape.str ?? 0))), list: 0 };
        else if (fn === "replace") shape = { str: cap(t.str * Math.max(1, args[1]?.shape.str ?? 1)), list: 0 };
        else if (fn === "_+_") {
          const [a = SCALAR, b = SCALAR] = args.map((x) => x.shape);
          shape = { str: cap(a.str + b.str), list: cap(a.list + b.list), ...(a.elem || b.elem ? { elem: join(...[a.elem, b.elem].filter((x): x is Shape => !!x)) } : {}) };
        } else shape = join(...inputs.map((x) => x.shape));
        // As the meter charges it: one step, the inputs' sizes, the result's size, replace() upfront.
        const upfrontCost = fn === "replace" ? Math.ceil((t.str * Math.max(1, args[1]?.shape.str ?? 1)) / 10) : 0;
        return { cost: cap(sub + 1 + inputs.reduce((a, x) => a + size(x.shape), 0) + size(shape) + upfrontCost), shape };
      }
      case "comprehensionExpr": {
        const range = est(v.iterRange, vars);
        const init = est(v.accuInit, vars);
        const n = range.shape.list;
        const accu: Shape = join(init.shape, { str: 0, list: n, elem: DYN });
        const inner = new Map(vars);
        if (v.iterVar) inner.set(v.iterVar, range.shape.elem ?? DYN);
        if (v.accuVar) inner.set(v.accuVar, accu);
        const cond = est(v.loopCondition, inner);
        const step = est(v.loopStep, inner);
        const result = est(v.result, inner);
        return { cost: cap(range.cost + init.cost + n * (1 + cond.cost + step.cost) + result.cost), shape: result.shape };
      }
      default:
        return { cost: 0, shape: SCALAR };
    }
  };
  return est(root, new Map()).cost;
}
