// Reads Kubernetes manifests from files and folders: multi-document YAML, JSON, and List kinds.
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { parseAllDocuments } from "yaml";
import type { KubeObject } from "./types";

const EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

async function collect(path: string, out: string[]): Promise<void> {
  const st = await stat(path).catch(() => undefined);
  if (!st) throw new Error(`kube-sim: manifest path not found: ${path}`);
  if (st.isDirectory()) {
    const names = (await readdir(path)).sort();
    for (const n of names) {
      if (n.startsWith(".") || n === "node_modules") continue;
      const p = join(path, n);
      const s = await stat(p);
      if (s.isDirectory()) await collect(p, out);
      else if (EXTENSIONS.has(extname(n).toLowerCase())) out.push(p);
    }
  } else out.push(path);
}

function flatten(doc: unknown, file: string, out: KubeObject[]): void {
  if (doc === null || doc === undefined) return;
  if (typeof doc !== "object" || Array.isArray(doc)) throw new Error(`kube-sim: ${file}: a document is not a Kubernetes object`);
  const o = doc as Record<string, unknown>;
  if (typeof o.kind === "string" && o.kind.endsWith("List") && Array.isArray(o.items)) {
    for (const item of o.items) flatten(item, file, out);
    return;
  }
  if (typeof o.apiVersion !== "string" || typeof o.kind !== "string") throw new Error(`kube-sim: ${file}: object without apiVersion/kind`);
  const md = o.metadata as Record<string, unknown> | undefined;
  if (!md || typeof md.name !== "string" || !md.name) throw new Error(`kube-sim: ${file}: ${o.kind} without metadata.name`);
  out.push(o as KubeObject);
}

export async function loadManifests(paths: string[]): Promise<KubeObject[]> {
  const files: string[] = [];
  for (const p of paths) await collect(p, files);
  const out: KubeObject[] = [];
  for (const file of files) {
    const text = await readFile(file, "utf8");
    if (extname(file).toLowerCase() === ".json") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        throw new Error(`kube-sim: ${file}: invalid JSON: ${(e as Error).message}`);
      }
      flatten(parsed, file, out);
      continue;
    }
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length) throw new Error(`kube-sim: ${file}: ${doc.errors[0]!.message}`);
      flatten(doc.toJS(), file, out);
    }
  }
  return out;
}
