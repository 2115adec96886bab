// ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1) as the apiserver's validating
// admission plugin applies it: bindings select policies, both match the request (resource rules,
// exclusions, namespace and object selectors), matchConditions filter, variables and validations
// are CEL (the rules' library, @bulwark/rules compileAdmissionCel), failurePolicy decides what a CEL
// error means, and the binding's validationActions say whether a failure denies, warns or audits.
// Not modelled: paramKind/paramRef (params is always null), authorizer calls, auditAnnotations
// (accepted, not evaluated), matchPolicy Equivalent (only the exact group/version/resource match).
import { compileAdmissionCel, selectorMatches, toCelInput, type AdmissionCelProgram } from "@bulwark/rules";
import type { KubeObject } from "./types";

export type AdmissionOperation = "CREATE" | "UPDATE" | "DELETE" | "CONNECT";

export interface AdmissionRequest {
  operation: AdmissionOperation;
  group: string;
  version: string;
  kind: string;
  /** plural, e.g. "pods" */
  resource: string;
  subresource?: string;
  namespaced: boolean;
  name: string;
  namespace?: string;
  object?: KubeObject;
  oldObject?: KubeObject;
  /** the Namespace object of a namespaced request (for namespaceSelector and namespaceObject) */
  namespaceObject?: KubeObject;
  userInfo: { username: string; groups: string[] };
  dryRun: boolean;
}

export interface AdmissionDenial {
  policy: string;
  binding: string;
  message: string;
  /** Status reason: the validation's reason, Invalid by default */
  reason: string;
  code: number;
}

export interface AdmissionOutcome {
  denial?: AdmissionDenial;
  /** Warning texts (the apiserver sends each as a `Warning: 299 - "..."` header) */
  warnings: string[];
  /** Audit-only failures (the apiserver records them as audit annotations) */
  audits: Array<{ policy: string; binding: string; message: string }>;
}

type Obj = Record<string, any>;

const REASON_CODES: Record<string, number> = { Forbidden: 403, Unauthorized: 401, RequestEntityTooLarge: 413, Invalid: 422 };

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

// ---- compilation (cached per expression) -----------------------------------------------------
const compiled = new Map<string, ReturnType<typeof compileAdmissionCel>>();
function compile(expr: string): ReturnType<typeof compileAdmissionCel> {
  let c = compiled.get(expr);
  if (!c) {
    c = compileAdmissionCel(expr);
    if (compiled.size > 5000) compiled.clear();
    compiled.set(expr, c);
  }
  return c;
}

/**
 * Field errors of a policy's CEL, as the apiserver's validation reports them when the policy is
 * created or updated (it refuses expressions that do not compile). Empty = valid.
 */
export function validatePolicyExpressions(policy: KubeObject): string[] {
  const spec = (policy as Obj).spec;
  const errors: string[] = [];
  if (!isObj(spec)) return ["spec: Required value"];
  const lists: Array<[string, string]> = [
    ["validations", "expression"],
    ["validations", "messageExpression"],
    ["matchConditions", "expression"],
    ["variables", "expression"],
  ];
  const validations = Array.isArray(spec.validations) ? spec.validations : [];
  if (validations.length === 0 && !(Array.isArray(spec.auditAnnotations) && spec.auditAnnotations.length)) {
    errors.push("spec.validations: Required value: validations or auditAnnotations must contain at least one item");
  }
  for (const [list, field] of lists) {
    const items = Array.isArray(spec[list]) ? (spec[list] as unknown[]) : [];
    items.forEach((item, i) => {
      if (!isObj(item)) return;
      const expr = item[field];
      if (expr === undefined && field === "messageExpression") return;
      if (typeof expr !== "string" || expr.trim() === "") {
        errors.push(`spec.${list}[${i}].${field}: Required value`);
        return;
      }
      const c = compile(expr);
      if (!c.ok) errors.push(`spec.${list}[${i}].${field}: Invalid value: ${JSON.stringify(expr)}: ${c.error}`);
    });
  }
  const fp = spec.failurePolicy;
  if (fp !== undefined && fp !== "Fail" && fp !== "Ignore") errors.push(`spec.failurePolicy: Unsupported value: ${JSON.stringify(fp)}: supported values: "Fail", "Ignore"`);
  return errors;
}

export function validateBinding(binding: KubeObject): string[] {
  const spec = (binding as Obj).spec;
  const errors: string[] = [];
  if (!isObj(spec)) return ["spec: Required value"];
  if (typeof spec.policyName !== "string" || spec.policyName === "") errors.push("spec.policyName: Required value");
  const actions = spec.validationActions;
  if (!Array.isArray(actions) || actions.length === 0) errors.push("spec.validationActions: Required value: at least one validation action is required");
  else {
    for (const [i, a] of actions.entries()) {
      if (a !== "Deny" && a !== "Warn" && a !== "Audit") errors.push(`spec.validationActions[${i}]: Unsupported value: ${JSON.stringify(a)}: supported values: "Audit", "Deny", "Warn"`);
    }
    if (actions.includes("Deny") && actions.includes("Warn")) errors.push('spec.validationActions: Invalid value: ["Deny","Warn"]: must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)');
  }
  return errors;
}

// ---- matching ------------------------------------------------------------------------------
function listMatches(list: unknown, value: string): boolean {
  return Array.isArray(list) && (list.includes("*") || list.includes(value));
}

function resourceMatches(list: unknown, resource: string, sub: string | undefined): boolean {
  if (!Array.isArray(list)) return false;
  const full = sub ? `${resource}/${sub}` : resource;
  for (const r of list) {
    if (typeof r !== "string") continue;
    if (r === "*/*" || r === full) return true;
    if (r === "*" && !sub) return true;
    if (sub && r === `*/${sub}`) return true;
    if (sub && r === `${resource}/*`) return true;
  }
  return false;
}

function ruleMatches(rule: Obj, req: AdmissionRequest): boolean {
  if (!listMatches(rule.apiGroups, req.group)) return false;
  if (!listMatches(rule.apiVersions, req.version)) return false;
  if (!resourceMatches(rule.resources, req.resource, req.subresource)) return false;
  const ops = rule.operations;
  if (!Array.isArray(ops) || !(ops.includes("*") || ops.includes(req.operation))) return false;
  const scope = rule.scope ?? "*";
  if (scope === "Cluster" && req.namespaced) return false;
  if (scope === "Namespaced" && !req.namespaced) return false;
  if (Array.isArray(rule.resourceNames) && rule.resourceNames.length > 0 && !rule.resourceNames.includes(req.name)) return false;
  return true;
}

/** A metav1.LabelSelector; an absent selector matches everything, an empty one too (the rules' matcher). */
export function labelSelectorMatches(selector: unknown, labels: Record<string, string> | undefined): boolean {
  if (!isObj(selector)) return true;
  return selectorMatches(selector, labels, true);
}

function matchResources(mr: unknown, req: AdmissionRequest, required: boolean): boolean {
  if (!isObj(mr)) return !required;
  const rules = Array.isArray(mr.resourceRules) ? (mr.resourceRules as Obj[]) : [];
  // A binding without resourceRules leaves the resources to the policy's constraints.
  if (rules.length > 0 || required) {
    if (!rules.some((r) => isObj(r) && ruleMatches(r, req))) return false;
  }
  const excluded = Array.isArray(mr.excludeResourceRules) ? (mr.excludeResourceRules as Obj[]) : [];
  if (excluded.some((r) => isObj(r) && ruleMatches(r, req))) return false;
  // namespaceSelector: a Namespace is matched by its own labels; other cluster-scoped objects always match.
  if (isObj(mr.namespaceSelector)) {
    if (req.kind === "Namespace" && req.group === "") {
      const o = req.object ?? req.oldObject;
      if (!labelSelectorMatches(mr.namespaceSelector, o?.metadata?.labels)) return false;
    } else if (req.namespaced) {
      if (!labelSelectorMatches(mr.namespaceSelector, req.namespaceObject?.metadata?.labels)) return false;
    }
  }
  if (isObj(mr.objectSelector)) {
    const ok = [req.object, req.oldObject].some((o) => o && labelSelectorMatches(mr.objectSelector, o.metadata?.labels));
    if (!ok) return false;
  }
  return true;
}

// ---- evaluation ----------------------------------------------------------------------------
function requestVar(req: AdmissionRequest): Obj {
  return {
    uid: "00000000-0000-0000-0000-000000000000",
    kind: { group: req.group, version: req.version, kind: req.kind },
    resource: { group: req.group, version: req.version, resource: req.resource },
    subResource: req.subresource ?? "",
    requestKind: { group: req.group, version: req.version, kind: req.kind },
    requestResource: { group: req.group, version: req.version, resource: req.resource },
    name: req.name,
    namespace: req.namespace ?? "",
    operation: req.operation,
    userInfo: { username: req.userInfo.username, groups: req.userInfo.groups },
    dryRun: req.dryRun,
  };
}

function run(program: AdmissionCelProgram | undefined, bindings: Record<string, unknown>): { ok: true; value: unknown; raw: unknown } | { ok: false; error: string } {
  if (!program) return { ok: false, error: "expression did not compile" };
  return program.run(bindings);
}

function programOf(expr: unknown): AdmissionCelProgram | undefined {
  if (typeof expr !== "string") return undefined;
  const c = compile(expr);
  return c.ok ? c.program : undefined;
}

interface PolicyResult {
  failures: Array<{ message: string; reason: string }>;
}

/** One policy (with one binding) on one request: the failed validations (empty = admitted). */
function evaluatePolicy(policy: Obj, req: AdmissionRequest): PolicyResult | undefined {
  const spec = policy.spec as Obj;
  const failClosed = (spec.failurePolicy ?? "Fail") !== "Ignore";
  const bindings: Record<string, unknown> = {
    object: req.operation === "DELETE" ? null : toCelInput(req.object ?? null),
    oldObject: req.operation === "CREATE" ? null : toCelInput(req.oldObject ?? null),
    request: toCelInput(requestVar(req)),
    params: null,
    namespaceObject: req.namespaceObject ? toCelInput(req.namespaceObject) : null,
  };
  const errorResult = (message: string): PolicyResult | undefined => (failClosed ? { failures: [{ message, reason: "Invalid" }] } : undefined);
  // matchConditions: all must be true; a false one skips the policy; an error follows failurePolicy.
  for (const mc of Array.isArray(spec.matchConditions) ? (spec.matchConditions as Obj[]) : []) {
    const r = run(programOf(mc.expression), { ...bindings, variables: {} });
    if (!r.ok) return errorResult(`failed to evaluate matchCondition '${mc.name}': ${r.error}`);
    if (r.value === false) return undefined;
  }
  // variables, in order; each sees the ones before it.
  const vars: Record<string, unknown> = {};
  for (const v of Array.isArray(spec.variables) ? (spec.variables as Obj[]) : []) {
    const r = run(programOf(v.expression), { ...bindings, variables: vars });
    if (r.ok) vars[String(v.name)] = r.raw;
    // An erroring variable stays unset: a validation that reads it then errors, as in Kubernetes.
  }
  const failures: PolicyResult["failures"] = [];
  for (const val of Array.isArray(spec.validations) ? (spec.validations as Obj[]) : []) {
    const r = run(programOf(val.expression), { ...bindings, variables: vars });
    if (!r.ok) {
      if (failClosed) failures.push({ message: `expression '${val.expression}' resulted in error: ${r.error}`, reason: "Invalid" });
      continue;
    }
    if (r.value === true) continue;
    let message = typeof val.message === "string" && val.message !== "" ? val.message : `failed expression: ${val.expression}`;
    if (typeof val.messageExpression === "string") {
      const m = run(programOf(val.messageExpression), { ...bindings, variables: vars });
      if (m.ok && typeof m.value === "string" && m.value.trim() !== "" && !m.value.includes("\n")) message = m.value.trim();
    }
    failures.push({ message, reason: typeof val.reason === "string" && val.reason ? val.reason : "Invalid" });
  }
  return { failures };
}

/**
 * Applies every binding (and its policy) to one request. The first Deny failure denies; Warn
 * failures become warnings; Audit failures are returned for the record.
 */
export function admit(policies: KubeObject[], bindings: KubeObject[], req: AdmissionRequest): AdmissionOutcome {
  const out: AdmissionOutcome = { warnings: [], audits: [] };
  const byName = new Map(policies.map((p) => [String(p.metadata.name), p as Obj]));
  const sorted = [...bindings].sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
  for (const b of sorted) {
    const bspec = (b as Obj).spec;
    if (!isObj(bspec)) continue;
    const policy = byName.get(String(bspec.policyName));
    if (!policy || !isObj(policy.spec)) continue;
    if (!matchResources(policy.spec.matchConstraints, req, true)) continue;
    if (bspec.matchResources !== undefined && !matchResources(bspec.matchResources, req, false)) continue;
    const result = evaluatePolicy(policy, req);
    if (!result) continue;
    const actions: string[] = Array.isArray(bspec.validationActions) ? bspec.validationActions : [];
    for (const f of result.failures) {
      const pName = String(policy.metadata.name);
      const bName = String(b.metadata.name);
      if (actions.includes("Deny") && !out.denial) {
        out.denial = { policy: pName, binding: bName, message: f.message, reason: f.reason, code: REASON_CODES[f.reason] ?? 422 };
      }
      if (actions.includes("Warn")) out.warnings.push(`Validation failed for ValidatingAdmissionPolicy '${pName}' with binding '${bName}': ${f.message}`);
      if (actions.includes("Audit")) out.audits.push({ policy: pName, binding: bName, message: f.message });
    }
  }
  return out;
}

/** The message of the apiserver's denial: `<resource>[.<group>] "<name>" is forbidden: ValidatingAdmissionPolicy ...`. */
export function denialMessage(req: Pick<AdmissionRequest, "group" | "resource" | "name">, d: AdmissionDenial): string {
  const gr = req.group ? `${req.resource}.${req.group}` : req.resource;
  return `${gr} "${req.name}" is forbidden: ValidatingAdmissionPolicy '${d.policy}' with binding '${d.binding}' denied request: ${d.message}`;
}
