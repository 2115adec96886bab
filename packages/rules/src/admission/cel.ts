// CEL for ValidatingAdmissionPolicies, with the library and cost limit the custom rules use
// (@bufbuild/cel, strings extension, metered per evaluation). kube-sim evaluates policies with it,
// so the policies generateAdmissionPolicies emits are tested with the engine the rules trust.
// Pure: no I/O. The variables are those Kubernetes declares for a policy: object, oldObject,
// request, params, namespaceObject, variables and authorizer (declared; not callable here).
import { celEnv, CelScalar, isCelError, isCelList, isCelMap, parse, plan } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { CEL_COST_LIMIT_PER_OBJECT } from "../custom/cel-cost";
import { meterComprehensions, meteredEnv, withCostLimit } from "../custom/cel-cost";

export const ADMISSION_CEL_VARIABLES = ["object", "oldObject", "request", "params", "namespaceObject", "variables", "authorizer"] as const;

const env = celEnv({
  variables: Object.fromEntries(ADMISSION_CEL_VARIABLES.map((v) => [v, CelScalar.DYN])) as Record<(typeof ADMISSION_CEL_VARIABLES)[number], typeof CelScalar.DYN>,
  funcs: strings,
});
const metered = meteredEnv(env);

/** `value` is plain JS; `raw` the CEL value, to bind as a variable of later expressions. */
export type AdmissionCelResult = { ok: true; value: unknown; raw: unknown } | { ok: false; error: string };

export interface AdmissionCelProgram {
  expression: string;
  /** Evaluates with the given bindings (plain JSON values; see toCelInput), under the per-call cost limit. */
  run(bindings: Partial<Record<(typeof ADMISSION_CEL_VARIABLES)[number], unknown>>): AdmissionCelResult;
}

interface ExprNode {
  id: bigint;
  exprKind: { case: string | undefined; value?: any };
}

/** Undeclared identifiers and unknown functions, as Kubernetes' compiler reports them. */
function undeclared(root: ExprNode): string[] {
  const errors: string[] = [];
  // The variables, and the type identifiers CEL predeclares (type(x) == string).
  const declared = new Set<string>([...ADMISSION_CEL_VARIABLES, "bool", "int", "uint", "double", "string", "bytes", "list", "map", "null_type", "type", "dyn"]);
  const visit = (e: ExprNode | undefined, bound: ReadonlySet<string>) => {
    if (!e || typeof e !== "object" || errors.length > 3) return;
    const v = e.exprKind.value;
    switch (e.exprKind.case) {
      case "identExpr":
        if (!declared.has(v.name) && !bound.has(v.name)) errors.push(`undeclared reference to '${v.name}' (in container '')`);
        return;
      case "selectExpr":
        visit(v.operand, bound);
        return;
      case "callExpr": {
        const fn: string = v.function;
        if (/^[A-Za-z][\w.]*$/.test(fn) && !env.funcs.find(fn)) errors.push(`found no matching overload for '${fn}'`);
        visit(v.target, bound);
        for (const a of v.args) visit(a, bound);
        return;
      }
      case "listExpr":
        for (const el of v.elements) visit(el, bound);
        return;
      case "structExpr":
        for (const en of v.entries) {
          if (en.keyKind?.case === "mapKey") visit(en.keyKind.value, bound);
          visit(en.value, bound);
        }
        return;
      case "comprehensionExpr": {
        visit(v.iterRange, bound);
        const inner = new Set(bound);
        for (const n of [v.iterVar, v.iterVar2, v.accuVar]) if (n) inner.add(n);
        for (const k of ["accuInit", "loopCondition", "loopStep", "result"]) visit(v[k], inner);
        return;
      }
      default:
        return;
    }
  };
  visit(root, new Set());
  return errors;
}

/**
 * Compiles one policy expression. Errors read like the apiserver's ("compilation failed: ERROR:
 * <input>:1:5: ..."), for a policy's validation to quote.
 */
export function compileAdmissionCel(expression: string, costLimit = CEL_COST_LIMIT_PER_OBJECT): { ok: true; program: AdmissionCelProgram } | { ok: false; error: string } {
  if (typeof expression !== "string" || expression.trim() === "") return { ok: false, error: "compilation failed: ERROR: <input>:1:1: Syntax error: mismatched input '<EOF>'" };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(expression);
  } catch (e) {
    const msg = String((e as Error).message ?? e).replace(/^<input>:\d+:\d+: /, "");
    return { ok: false, error: `compilation failed: ERROR: <input>: Syntax error: ${msg}` };
  }
  const errs = undeclared(parsed.expr as unknown as ExprNode);
  if (errs.length) return { ok: false, error: `compilation failed: ERROR: <input>: ${errs.join("; ")}` };
  meterComprehensions(parsed.expr as unknown as ExprNode);
  let fn: (b: Record<string, unknown>) => unknown;
  try {
    fn = plan(metered, parsed) as unknown as (b: Record<string, unknown>) => unknown;
  } catch (e) {
    return { ok: false, error: `compilation failed: ${(e as Error).message}` };
  }
  return {
    ok: true,
    program: {
      expression,
      run(bindings) {
        const all: Record<string, unknown> = {};
        for (const v of ADMISSION_CEL_VARIABLES) all[v] = bindings[v] === undefined ? null : bindings[v];
        let run: ReturnType<typeof withCostLimit<unknown>>;
        try {
          run = withCostLimit(costLimit, () => fn(all));
        } catch (e) {
          return { ok: false, error: (e as Error).message };
        }
        if (!run.ok) return { ok: false, error: "operation cancelled: actual cost limit exceeded" };
        const value = run.value;
        if (isCelError(value)) return { ok: false, error: (value as Error).message };
        if (value instanceof Error) return { ok: false, error: value.message };
        return { ok: true, value: fromCel(value), raw: value };
      },
    },
  };
}

/**
 * A JSON value as Kubernetes' CEL sees it: whole numbers are `int` (bigint here), so
 * `object.spec.replicas > 1` and `c.securityContext.runAsUser == 0` type-check as they do there.
 */
export function toCelInput(v: unknown): unknown {
  if (typeof v === "number") return Number.isSafeInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(toCelInput);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toCelInput(x);
    return out;
  }
  return v;
}

/** A result back to plain JS (bigint -> number, CEL lists/maps -> arrays/objects). */
function fromCel(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(fromCel);
  if (isCelList(v)) return [...(v as Iterable<unknown>)].map(fromCel);
  if (isCelMap(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v as Iterable<[unknown, unknown]>) out[String(k)] = fromCel(x);
    return out;
  }
  return v;
}
