// `bulwark fix`: judge manifests as `bulwark scan` does, plan every fixable finding's edits with the
// fix model (@bulwark/rules), write them into copies of the files (or the files themselves) keeping
// layout, order and comments, rescan in memory and fix again (one cause merges several checks, and a
// fixed lead reveals the next check's fix), then summarize what changed and what could not be fixed.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import {
  applyEdits,
  buildEngineSettings,
  evaluate,
  fixEdits,
  NO_FIX_REASON as NO_FIX,
  planFixes,
  SEVERITIES,
  snapshotFromManifests,
  type CustomRuleDef,
  type Exception,
  type Finding,
  type FixEdit,
  type FixSkip,
  type KubeObject,
  type Profile,
  type Severity,
} from "@bulwark/rules";
import type { Io } from "./cli";
import { loadCustomRules, loadExceptions } from "./config-files";
import { UsageError } from "./errors";
import { editJson, editText, parseText, type ObjectSlot, type ParsedText, type TextEdits } from "./fix-text";
import { displayPath, expandPaths, loadInputs } from "./inputs";
import { PROFILES } from "./scan";

export const FIX_USAGE = `Usage: bulwark fix PATH... (--out DIR | --in-place | --dry-run) [options]

Writes patched copies of manifests for every finding whose fix can be applied
safely, keeping file layout, document order, comments and formatting: only the
fields the fixes touch change. Fixes the API server would reject (e.g.
allowPrivilegeEscalation: false on a privileged container) are never written.

  --out DIR              Write the whole input tree under DIR (unchanged files copied)
  --in-place             Rewrite the changed files where they are
  --dry-run              Print the summary only; write nothing
  --only RULE            Fix only this rule's findings (repeatable)
  --severity SEVERITY    Fix findings at or above SEVERITY: critical|high|medium|low|info
  --format text|json     Summary format (default text)
  -n, --namespace NS     Namespace of manifests that name none (default default)
  --profile default|strict   Rules to run (as bulwark scan)
  --rules DIR            Custom CEL rules to run as well
  --exceptions FILE      Accepted risks: their findings are not fixed
  --kube-version X.Y     Kubernetes version the manifests target
  -h, --help             Show this help

Objects read from stdin, Helm templates and files that do not parse are
reported, never rewritten. Excepted findings and those expected for platform
components are not fixed. Exit 0 on success, 2 on usage or input errors.
`;

const MAX_ROUNDS = 3;
const UNPARSEABLE = /^(invalid YAML|cannot parse|cannot read document|input is|file is)/;

interface SourceFile {
  abs: string;
  /** as findings name it (relative to cwd, "/"-separated) */
  name: string;
  /** where it goes under --out */
  outRel: string;
  text: string;
  json: boolean;
  /** why the file is never rewritten, when it is not */
  frozen?: string;
  parsed?: ParsedText;
}

interface NotFixed {
  file: string | null;
  line: number | null;
  ruleId: string;
  severity: Severity;
  object: string;
  reason: string;
}

function objectName(f: Finding): string {
  return `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}`;
}

/** Where each input file goes under --out: a lone folder's contents at the top, else each input by its name. */
function outLayout(paths: string[], cwd: string, files: string[]): Map<string, string> {
  const roots = paths.map((p) => resolve(cwd, p));
  const single = roots.length === 1;
  const map = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const abs of files) {
    const root = roots.find((r) => abs === r || abs.startsWith(r + sep))!;
    const isDir = statSync(root).isDirectory();
    const inner = isDir ? relative(root, abs) : basename(abs);
    const rel = single || !isDir ? inner : join(basename(root), inner);
    const key = rel.split(sep).join("/");
    if (taken.has(key) && taken.get(key) !== abs) throw new UsageError(`--out: two inputs would both be written to ${key}; give folders with different names`);
    taken.set(key, abs);
    map.set(abs, key);
  }
  return map;
}

export async function fixCommand(io: Io): Promise<number> {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      args: io.argv.slice(1),
      options: {
        out: { type: "string" },
        "in-place": { type: "boolean" },
        "dry-run": { type: "boolean" },
        only: { type: "string", multiple: true },
        severity: { type: "string" },
        format: { type: "string", short: "f" },
        namespace: { type: "string", short: "n" },
        profile: { type: "string" },
        rules: { type: "string" },
        exceptions: { type: "string" },
        "kube-version": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
  const { values, positionals } = parsedArgs;
  if (values.help) {
    io.stdout(FIX_USAGE);
    return 0;
  }
  const format = (values.format ?? "text").toLowerCase();
  if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json; got ${JSON.stringify(values.format)}`);
  const dryRun = values["dry-run"] === true;
  const inPlace = values["in-place"] === true;
  const outDir = values.out === undefined ? undefined : resolve(io.cwd, values.out);
  if (inPlace && outDir) throw new UsageError("give either --out DIR or --in-place, not both");
  if (!dryRun && !inPlace && !outDir) throw new UsageError("bulwark fix needs --out DIR, --in-place or --dry-run");
  if (positionals.length === 0) throw new UsageError("nothing to fix: give manifest files or folders (`bulwark fix --help`)");
  let severity: Severity | undefined;
  if (values.severity !== undefined) {
    const s = values.severity.toLowerCase();
    if (!(SEVERITIES as readonly string[]).includes(s)) throw new UsageError(`--severity must be one of ${SEVERITIES.join(", ")}; got ${JSON.stringify(values.severity)}`);
    severity = s as Severity;
  }
  if (values["kube-version"] !== undefined && !/^1\.\d{1,2}$/.test(values["kube-version"])) throw new UsageError(`--kube-version must look like 1.29, got ${JSON.stringify(values["kube-version"])}`);
  const profile = values.profile as Profile | undefined;
  if (profile !== undefined && !PROFILES.includes(profile)) throw new UsageError(`--profile must be one of ${PROFILES.join(", ")}; got ${JSON.stringify(profile)}`);
  const only = new Set(values.only ?? []);
  const customRules: CustomRuleDef[] = values.rules ? loadCustomRules(values.rules, io.cwd) : [];
  const exceptions: Exception[] = values.exceptions ? loadExceptions(values.exceptions, io.cwd) : [];
  if (only.size > 0) {
    const { settings } = buildEngineSettings({ policy: {}, customRules });
    const known = new Set([...(await import("@bulwark/rules")).builtinRules.map((r) => r.id), ...(settings.extraRules ?? []).map((r) => r.id)]);
    const unknown = [...only].filter((r) => !known.has(r));
    if (unknown.length > 0) throw new UsageError(`--only: unknown rule ${unknown.map((u) => JSON.stringify(u)).join(", ")} (\`bulwark rules\` lists them)`);
  }

  // Read: the same loader as `bulwark scan`, plus each file's text for writing.
  const filePaths = positionals.filter((p) => p !== "-");
  const absFiles = expandPaths(filePaths, io.cwd);
  if (outDir) {
    for (const p of filePaths) {
      const abs = resolve(io.cwd, p);
      if (abs === outDir) throw new UsageError(`--out ${values.out} is an input; use --in-place to rewrite the files themselves`);
    }
  }
  const layout = outDir ? outLayout(filePaths, io.cwd, absFiles) : new Map<string, string>();
  const input = loadInputs(positionals, io.cwd, io.readStdin, values.namespace ?? "default");
  if (input.objects.length === 0) {
    const why = input.errors.length > 0 ? `every document failed to parse:\n  ${input.errors.map((e) => `${e.file ?? "<input>"}:${e.line}: ${e.message}`).join("\n  ")}` : `no Kubernetes objects found in ${input.files} file${input.files === 1 ? "" : "s"}`;
    throw new UsageError(`nothing could be fixed: ${why}`);
  }
  const files = new Map<string, SourceFile>();
  for (const abs of absFiles) {
    const name = displayPath(abs, io.cwd);
    let text = "";
    try {
      text = readFileSync(abs, "utf8");
    } catch {
      // too large or unreadable: loadInputs reported it
    }
    const f: SourceFile = { abs, name, outRel: layout.get(abs) ?? name, text, json: abs.toLowerCase().endsWith(".json") };
    if (input.errors.some((e) => e.file === name && UNPARSEABLE.test(e.message))) f.frozen = "the file does not parse";
    else if (/\{\{.*\}\}/s.test(text)) f.frozen = "a Helm template (fix the chart's values or templates)";
    files.set(name, f);
  }

  const { settings } = buildEngineSettings({ policy: {}, exceptions, customRules, ...(profile ? { profile } : {}) });
  const objects: KubeObject[] = [...input.objects];
  const locations = input.locations;
  const kubeVersion = values["kube-version"];
  const judge = () => evaluate(snapshotFromManifests(objects, locations, kubeVersion ? { kubeVersion } : {}), settings).findings;
  const wanted = (f: Finding) =>
    (only.size === 0 || only.has(f.ruleId) || (f.checks ?? []).some((c) => only.has(c))) && (!severity || SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(severity));
  // Object index by its file and start line (and identity, should two share a line).
  const indexOf = (f: Finding): number | undefined => {
    if (!f.location) return undefined;
    let fallback: number | undefined;
    for (let i = 0; i < objects.length; i++) {
      const l = locations[i];
      if (!l || l.file !== f.location.file || l.line !== f.location.line) continue;
      const o = objects[i]!;
      if (o.kind === f.object.kind && (o.metadata.name ?? "") === f.object.name) return i;
      fallback ??= i;
    }
    return fallback;
  };
  const frozenWhy = (f: Finding): string | undefined => {
    if (!f.location) return "not from a file";
    if (f.location.file === "<stdin>") return "read from stdin, which is never rewritten";
    return files.get(f.location.file)?.frozen;
  };

  const editsOf = new Map<number, FixEdit[]>();
  const planned = new Map<string, { ruleId: string }>();
  const skipReason = new Map<string, string>();
  let rounds = 0;
  let findings = judge();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const byObject = new Map<number, Finding[]>();
    for (const f of findings) {
      if (!f.fix || f.exception || f.baseline || !wanted(f)) continue;
      const why = frozenWhy(f);
      if (why) {
        skipReason.set(f.fingerprint, why);
        continue;
      }
      const i = indexOf(f);
      if (i === undefined) continue;
      const list = byObject.get(i) ?? [];
      list.push(f);
      byObject.set(i, list);
    }
    let changed = false;
    for (const [i, fs] of byObject) {
      const { plan, skipped } = planFixes([{ object: objects[i]!, findings: fs.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, severity: f.severity, path: f.path, fix: f.fix ?? null })) }]);
      for (const s of skipped) skipReason.set(s.fingerprint, s.reason);
      const entry = plan[0];
      if (!entry) continue;
      objects[i] = applyEdits(objects[i]!, entry.edits);
      editsOf.set(i, [...(editsOf.get(i) ?? []), ...entry.edits]);
      for (const fp of entry.fingerprints) planned.set(fp, { ruleId: fs.find((f) => f.fingerprint === fp)!.ruleId });
      changed = true;
    }
    if (!changed) break;
    rounds++;
    findings = judge();
  }

  // What is left open, and why each one was not fixed.
  const open = new Set(findings.map((f) => f.fingerprint));
  const fixedByRule = new Map<string, number>();
  for (const [fp, p] of planned) if (!open.has(fp)) fixedByRule.set(p.ruleId, (fixedByRule.get(p.ruleId) ?? 0) + 1);
  const notFixed: NotFixed[] = [];
  for (const f of findings) {
    if (!wanted(f)) continue;
    let reason: string;
    if (f.exception) reason = `excepted: ${f.exception.justification}`;
    else if (f.baseline) reason = `expected for a platform component (${f.baseline.id})`;
    else if (!f.fix) reason = NO_FIX;
    else if (planned.has(f.fingerprint)) reason = "the fix was written but the check still fails; see its remediation";
    else {
      const derived = fixEdits(f.fix);
      reason = skipReason.get(f.fingerprint) ?? ("manual" in derived ? derived.manual : "not applied");
    }
    notFixed.push({ file: f.location?.file ?? null, line: f.location?.line ?? null, ruleId: f.ruleId, severity: f.severity, object: objectName(f), reason });
  }

  // Write: changed files with their edits spliced in; under --out every other file copied as is.
  const changesByFile = new Map<string, TextEdits[]>();
  for (const [i, edits] of editsOf) {
    const loc = locations[i]!;
    const file = files.get(loc.file)!;
    file.parsed ??= parseText(file.text);
    const slot: ObjectSlot | undefined = file.json ? jsonSlot(file, locations, i) : file.parsed.byLine.get(loc.line);
    if (!slot) continue;
    const list = changesByFile.get(loc.file) ?? [];
    list.push({ slot, edits });
    changesByFile.set(loc.file, list);
  }
  const changedFiles: string[] = [];
  const written = new Map<string, string>();
  for (const [name, changes] of changesByFile) {
    const file = files.get(name)!;
    let next: string;
    try {
      next = file.json ? editJson(file.text, changes, (v, e) => applyEdits(v as KubeObject, e)) : editText(file.text, file.parsed!, changes);
    } catch (e) {
      // Never half-write a file: it stays as it is, said in the summary.
      file.frozen = `its fixes could not be written (${(e as Error).message}); fix it by hand`;
      continue;
    }
    if (next === file.text) continue;
    written.set(name, next);
    changedFiles.push(name);
  }
  if (!dryRun) {
    for (const file of files.values()) {
      const next = written.get(file.name);
      if (inPlace) {
        if (next !== undefined) writeFileSync(file.abs, next);
        continue;
      }
      const dest = join(outDir!, ...file.outRel.split("/"));
      mkdirSync(dirname(dest), { recursive: true });
      if (next !== undefined) writeFileSync(dest, next);
      else copyFileSync(file.abs, dest);
    }
  }

  const fixesTotal = [...fixedByRule.values()].reduce((a, b) => a + b, 0);
  const where = dryRun ? "dry run, nothing written" : inPlace ? "rewritten in place" : `written to ${displayPath(outDir!, io.cwd)}`;
  if (format === "json") {
    io.stdout(
      `${JSON.stringify(
        {
          files: { read: input.files, changed: changedFiles.sort(), frozen: [...files.values()].filter((f) => f.frozen).map((f) => ({ file: f.name, reason: f.frozen })) },
          output: dryRun ? null : inPlace ? "in-place" : displayPath(outDir!, io.cwd),
          rounds,
          fixes: fixesTotal,
          fixesByRule: Object.fromEntries([...fixedByRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
          notFixed,
          errors: input.errors,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const lines: string[] = [];
  lines.push(`bulwark fix: ${fixesTotal} fix${fixesTotal === 1 ? "" : "es"} in ${changedFiles.length} of ${input.files} file${input.files === 1 ? "" : "s"} (${where})`);
  for (const f of changedFiles.sort()) lines.push(`  changed ${f}`);
  if (fixedByRule.size > 0) {
    lines.push("", "Fixes per rule:");
    for (const [rule, n] of [...fixedByRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`  ${String(n).padStart(4)}  ${rule}`);
  }
  // Findings of checks that have no fix at all are counted per rule; the rest are listed with why.
  const withoutFix = notFixed.filter((n) => n.reason === NO_FIX);
  const listed = notFixed.filter((n) => n.reason !== NO_FIX);
  if (listed.length > 0) {
    lines.push("", `Not fixed automatically (${listed.length}):`);
    for (const n of listed) lines.push(`  ${n.file ?? "<input>"}${n.line ? `:${n.line}` : ""}  ${n.ruleId} (${n.severity})  ${n.object}: ${n.reason}`);
  }
  if (withoutFix.length > 0) {
    const per = new Map<string, number>();
    for (const n of withoutFix) per.set(n.ruleId, (per.get(n.ruleId) ?? 0) + 1);
    lines.push("", `Checks without an automatic fix (${withoutFix.length} finding${withoutFix.length === 1 ? "" : "s"}; \`bulwark scan\` shows their remediation):`);
    for (const [rule, n] of [...per].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`  ${String(n).padStart(4)}  ${rule}`);
  }
  const frozen = [...files.values()].filter((f) => f.frozen);
  if (frozen.length > 0 || positionals.includes("-")) {
    lines.push("", "Never rewritten:");
    for (const f of frozen) lines.push(`  ${f.name}: ${f.frozen}`);
    if (positionals.includes("-")) lines.push("  <stdin>: objects read from stdin are reported, not rewritten");
  }
  if (input.errors.length > 0) {
    lines.push("", `Input problems (${input.errors.length}):`);
    for (const e of input.errors) lines.push(`  ${e.file ?? "<input>"}:${e.line}: ${e.message}`);
  }
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

/** A JSON file holds one object or one List: its slot follows from the object's place among the file's objects. */
function jsonSlot(file: SourceFile, locations: readonly { file: string; line: number }[], i: number): ObjectSlot | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch {
    return undefined;
  }
  const kind = (parsed as { kind?: unknown })?.kind;
  if (typeof kind === "string" && kind.endsWith("List") && Array.isArray((parsed as { items?: unknown }).items)) {
    const same = locations.map((l, j) => (l.file === file.name ? j : -1)).filter((j) => j >= 0);
    const item = same.indexOf(i);
    return item >= 0 ? { doc: 0, item } : undefined;
  }
  return { doc: 0 };
}
