// Loads custom rules (--rules DIR) and exceptions (--exceptions FILE). Any problem is a usage
// error naming the file and what is wrong: a CI run must not silently skip a policy.
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseAllDocuments } from "yaml";
import { compileCustomRule, type CustomRuleDef, type Exception } from "@bulwark/rules";
import { UsageError } from "./errors";
import { displayPath, expandPaths } from "./inputs";

function readDocs(file: string, shown: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${shown}: ${(e as Error).message}`);
  }
  const out: unknown[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      throw new UsageError(`${shown}:${e.linePos?.[0]?.line ?? 1}: invalid YAML: ${e.message.split("\n")[0]}`);
    }
    const v = doc.toJS({ maxAliasCount: 100 });
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

/** Accepts a rule, a list of rules, or `{ rules: [...] }` per document. */
function ruleDefsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object" && Array.isArray((value as { rules?: unknown }).rules)) return (value as { rules: unknown[] }).rules;
  return [value];
}

/** Custom rule definitions from --rules, each checked to compile (the engine settings builder compiles them). */
export function loadCustomRules(dirOrFile: string, cwd: string): CustomRuleDef[] {
  const abs = resolve(cwd, dirOrFile);
  if (!statSync(abs, { throwIfNoEntry: false })) throw new UsageError(`--rules: no such file or directory: ${dirOrFile}`);
  const files = expandPaths([dirOrFile], cwd);
  const rules: CustomRuleDef[] = [];
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const f of files) {
    const shown = displayPath(f, cwd);
    for (const doc of readDocs(f, shown)) {
      for (const def of ruleDefsOf(doc)) {
        const id = (def as { id?: unknown } | null)?.id;
        const label = `${shown}: rule ${typeof id === "string" ? id : "<no id>"}`;
        const c = compileCustomRule(def as CustomRuleDef);
        if (!c.ok) {
          for (const e of c.errors) problems.push(`${label}: ${e.line ? `expression ${e.line}:${e.column}: ` : ""}${e.message}`);
          continue;
        }
        const prev = seen.get(c.rule.id);
        if (prev) {
          problems.push(`${label}: duplicate id (also in ${prev})`);
          continue;
        }
        seen.set(c.rule.id, shown);
        rules.push(def as CustomRuleDef);
      }
    }
  }
  if (problems.length > 0) throw new UsageError(`invalid custom rules:\n  ${problems.join("\n  ")}`);
  if (rules.length === 0) throw new UsageError(`--rules ${dirOrFile}: no rules found (.yaml, .yml or .json files with id, title, severity, kinds, expression, message, remediation)`);
  return rules;
}

const EXCEPTION_KEYS = new Set(["id", "ruleId", "cluster", "namespace", "kind", "name", "labelSelector", "justification", "expiresAt"]);

/**
 * Exceptions file: a list, or `{ exceptions: [...] }`, of
 * `{ ruleId, justification, namespace?, kind?, name?, labelSelector?, expiresAt?, id? }`.
 */
export function loadExceptions(file: string, cwd: string): Exception[] {
  const abs = resolve(cwd, file);
  if (!statSync(abs, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`--exceptions: no such file: ${file}`);
  const shown = displayPath(abs, cwd);
  const items: unknown[] = [];
  for (const doc of readDocs(abs, shown)) {
    if (Array.isArray(doc)) items.push(...doc);
    else if (doc && typeof doc === "object" && Array.isArray((doc as { exceptions?: unknown }).exceptions)) items.push(...(doc as { exceptions: unknown[] }).exceptions);
    else throw new UsageError(`${shown}: expected a list of exceptions or { exceptions: [...] }`);
  }
  const problems: string[] = [];
  const out: Exception[] = items.map((raw, i) => {
    const at = `${shown}: exception ${i + 1}`;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
      problems.push(`${at}: not a map`);
      return undefined as never;
    }
    const e = raw as Record<string, unknown>;
    for (const k of Object.keys(e)) if (!EXCEPTION_KEYS.has(k)) problems.push(`${at}: unknown field ${k}`);
    if (typeof e.ruleId !== "string" || e.ruleId === "") problems.push(`${at}: ruleId is required ("*" for every rule)`);
    if (typeof e.justification !== "string" || e.justification.trim() === "") problems.push(`${at}: justification is required`);
    for (const k of ["namespace", "kind", "name", "cluster", "id"]) if (e[k] !== undefined && typeof e[k] !== "string") problems.push(`${at}: ${k} must be a string`);
    if (e.expiresAt !== undefined) {
      const v = e.expiresAt instanceof Date ? e.expiresAt.toISOString() : e.expiresAt;
      if (typeof v !== "string" || Number.isNaN(Date.parse(v))) problems.push(`${at}: expiresAt must be a date (e.g. 2026-12-31)`);
      else e.expiresAt = v;
    }
    if (e.labelSelector !== undefined && (typeof e.labelSelector !== "object" || e.labelSelector === null || Object.values(e.labelSelector).some((v) => typeof v !== "string"))) {
      problems.push(`${at}: labelSelector must map label names to strings`);
    }
    return { ...(e as unknown as Exception), id: typeof e.id === "string" ? e.id : `exception-${i + 1}` };
  });
  if (problems.length > 0) throw new UsageError(`invalid exceptions:\n  ${problems.join("\n  ")}`);
  return out;
}
