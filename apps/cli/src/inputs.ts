// Reads the scan input: files, folders (recursive) and stdin, into one manifest snapshot with the
// per-file parse results kept for field-line lookup.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import {
  MAX_MANIFEST_BYTES,
  MAX_VULN_DOCUMENT_BYTES,
  parseManifests,
  parseVulnDocument,
  placeInNamespace,
  VulnDocumentError,
  type KubeObject,
  type ManifestError,
  type ParsedManifests,
  type SourceLocation,
  type VulnReport,
} from "@bulwark/rules";
import { UsageError } from "./errors";

export const MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"];
/** Folders never worth descending into. */
const SKIP_DIRS = new Set(["node_modules", ".git", ".terraform", ".venv", "vendor"]);

export interface LoadedInput {
  objects: KubeObject[];
  locations: SourceLocation[];
  errors: ManifestError[];
  files: number;
  /** display file name -> parse result, for finding lines */
  parsed: Map<string, ParsedManifests>;
}

/** Paths shown relative to the working directory with forward slashes (SARIF and CI annotations want that). */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  const shown = rel === "" || rel.startsWith("..") ? abs : rel;
  return shown.split(sep).join("/");
}

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    // Symlinked folders are not followed: they can loop.
    if (e.isDirectory()) {
      if (e.name.startsWith(".") || SKIP_DIRS.has(e.name)) continue;
      walk(p, out);
    } else if ((e.isFile() || (e.isSymbolicLink() && statSync(p, { throwIfNoEntry: false })?.isFile())) && MANIFEST_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x))) {
      out.push(p);
    }
  }
}

export function expandPaths(paths: string[], cwd: string): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st) throw new UsageError(`no such file or directory: ${p}`);
    // An empty folder is not an error by itself; the caller's "nothing to scan" check decides.
    if (st.isDirectory()) walk(abs, files);
    else files.push(abs);
  }
  return [...new Set(files)];
}

/**
 * Reads every input; namespaced objects that name no namespace are placed in `namespace`, as
 * `kubectl apply -n` would (default "default").
 */
export function loadInputs(paths: string[], cwd: string, readStdin: () => string, namespace = "default"): LoadedInput {
  const loaded: LoadedInput = { objects: [], locations: [], errors: [], files: 0, parsed: new Map() };
  const add = (name: string, text: string) => {
    const r = parseManifests(text, name);
    loaded.files++;
    loaded.objects.push(...r.objects);
    loaded.locations.push(...r.locations);
    loaded.errors.push(...r.errors);
    loaded.parsed.set(name, r);
  };
  const wantsStdin = paths.includes("-");
  const files = expandPaths(
    paths.filter((p) => p !== "-"),
    cwd,
  );
  for (const f of files) {
    const size = statSync(f, { throwIfNoEntry: false })?.size ?? 0;
    if (size > MAX_MANIFEST_BYTES) {
      // Not read at all: a stray data file in a manifests folder must not exhaust memory.
      loaded.files++;
      loaded.errors.push({ file: displayPath(f, cwd), line: 1, message: `file is ${size} bytes, larger than the ${MAX_MANIFEST_BYTES}-byte limit; skipped` });
      continue;
    }
    let text: string;
    try {
      text = readFileSync(f, "utf8");
    } catch (e) {
      throw new UsageError(`cannot read ${displayPath(f, cwd)}: ${(e as Error).message}`);
    }
    add(displayPath(f, cwd), text);
  }
  if (wantsStdin) add("<stdin>", readStdin());
  const placed = placeInNamespace(loaded.objects, loaded.locations, namespace);
  loaded.objects = placed.objects;
  loaded.errors.push(...placed.errors);
  return loaded;
}

/**
 * Reads `--vulns` documents (Trivy JSON, Grype JSON, CycloneDX), each naming the image it is about.
 * Any bad one stops the scan: a CVE list silently dropped would make the scan look cleaner than it is.
 */
export function loadVulnDocuments(files: string[], cwd: string): VulnReport[] {
  return files.map((f) => {
    const abs = resolve(cwd, f);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st?.isFile()) throw new UsageError(`--vulns: no such file: ${f}`);
    if (st.size > MAX_VULN_DOCUMENT_BYTES) throw new UsageError(`--vulns ${f}: the document is ${(st.size / 1024 / 1024).toFixed(1)} MiB, the limit is ${MAX_VULN_DOCUMENT_BYTES / 1024 / 1024} MiB`);
    let text: string;
    try {
      text = readFileSync(abs, "utf8");
    } catch (e) {
      throw new UsageError(`--vulns ${f}: cannot read it: ${(e as Error).message}`);
    }
    try {
      return parseVulnDocument(text).report;
    } catch (e) {
      if (e instanceof VulnDocumentError) throw new UsageError(`--vulns ${f}: ${e.message.replace(/ \(bulwark push --image REF, or \?image=REF\)/, "")}`);
      throw e;
    }
  });
}
