// Live-cluster input: the user's own kubeconfig, vetted by @bulwark/security like an uploaded one, with
// differences that fit a CLI on the user's machine: private addresses are allowed (their
// cluster is usually on one), insecure-skip-tls-verify is honoured as kubectl does, and file references (certificate-authority, client-certificate,
// client-key, tokenFile) are read and inlined. Exec and auth-provider plugins stay refused: a scan
// must not run commands named in a config file.
import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseDocument } from "yaml";
import type { Snapshot } from "@bulwark/rules";
import { UsageError } from "./errors";

const FILE_FIELDS: Array<[section: "clusters" | "users", inner: "cluster" | "user", file: string, data: string]> = [
  ["clusters", "cluster", "certificate-authority", "certificate-authority-data"],
  ["users", "user", "client-certificate", "client-certificate-data"],
  ["users", "user", "client-key", "client-key-data"],
  ["users", "user", "tokenFile", "token"],
];

/** Replaces file references with inline data, resolving paths against the kubeconfig's folder. */
export function inlineFileReferences(text: string, kubeconfigPath: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text; // the vetting step reports the YAML error
  const kc = doc.toJS() as Record<string, unknown> | null;
  if (!kc || typeof kc !== "object") return text;
  let changed = false;
  for (const [section, inner, fileKey, dataKey] of FILE_FIELDS) {
    const list = kc[section];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const body = entry?.[inner];
      if (!body || typeof body !== "object" || typeof body[fileKey] !== "string") continue;
      const p = resolve(dirname(kubeconfigPath), body[fileKey]);
      let content: string;
      try {
        content = readFileSync(p, "utf8");
      } catch (e) {
        throw new UsageError(`kubeconfig ${section}[${entry?.name ?? "?"}].${inner}.${fileKey}: cannot read ${p}: ${(e as Error).message}`);
      }
      body[dataKey] = dataKey === "token" ? content.trim() : Buffer.from(content, "utf8").toString("base64");
      delete body[fileKey];
      changed = true;
    }
  }
  return changed ? JSON.stringify(kc) : text;
}

export async function readLiveCluster(
  kubeconfigPath: string,
  context: string | undefined,
  cwd: string,
  onProgress?: (msg: string) => void,
  /** Kinds that could not be read (a partial scan): shown whatever the output format. */
  onWarning?: (msg: string) => void,
): Promise<{ snapshot: Snapshot; target: string }> {
  const abs = resolve(cwd, kubeconfigPath);
  if (!statSync(abs, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`--kubeconfig: no such file: ${kubeconfigPath}`);
  let k8s: typeof import("@bulwark/k8s");
  let security: typeof import("@bulwark/security");
  try {
    [k8s, security] = await Promise.all([import("@bulwark/k8s"), import("@bulwark/security")]);
  } catch (e) {
    throw new UsageError(`live cluster scanning is unavailable in this build (${(e as Error).message}); scan manifest files instead`);
  }
  if (typeof security.vetKubeconfig !== "function" || typeof k8s.readCluster !== "function") {
    throw new UsageError("live cluster scanning is unavailable in this build; scan manifest files instead");
  }
  // The same budget variable as the worker's: a hostile API server cannot exhaust this process.
  const budgetText = process.env.BULWARK_SCAN_MAX_BYTES;
  const maxBytes = budgetText ? k8s.parseByteSize(budgetText) : undefined;
  if (budgetText && (maxBytes === undefined || maxBytes < 1024 * 1024)) {
    throw new UsageError(`BULWARK_SCAN_MAX_BYTES must be a size of at least 1 MiB, e.g. 1073741824 or "1Gi"; got ${JSON.stringify(budgetText)}`);
  }
  const text = inlineFileReferences(readFileSync(abs, "utf8"), abs);
  let vetted: Awaited<ReturnType<typeof security.vetKubeconfig>>;
  try {
    // The user's own config: honour insecure-skip-tls-verify as kubectl would.
    vetted = await security.vetKubeconfig(text, { ...(context ? { context } : {}), allowPrivateNetworks: true, allowInsecureTls: true });
  } catch (e) {
    const err = e as Error;
    throw new UsageError(`bad kubeconfig ${kubeconfigPath}: ${err.message}`);
  }
  onProgress?.(`reading ${vetted.server} (context ${vetted.context})`);
  let snapshot: Snapshot;
  try {
    snapshot = await k8s.readCluster(vetted.kubeconfig, {
      allowPrivateNetworks: true,
      allowInsecureTls: true,
      ...(maxBytes !== undefined ? { maxBytes } : {}),
      onProgress: (p) => onProgress?.(`read ${p.done}/${p.total} kinds (${p.kind}: ${p.objects})`),
    });
  } catch (e) {
    throw new UsageError(`cannot read cluster ${vetted.server}: ${(e as Error).message}`);
  }
  // As the worker does: nothing read is no scan (an empty snapshot would pass every rule).
  const failed = snapshot.kinds.find((k) => k.status === "failed");
  if (failed && !snapshot.kinds.some((k) => k.status === "read")) {
    throw new UsageError(`cannot read cluster ${vetted.server}: the API server answered no resource kind usably (${failed.kind}: ${failed.error ?? "failed"})`);
  }
  for (const k of snapshot.kinds) if (k.status === "failed") onWarning?.(`${k.kind} not read: ${k.error ?? "failed"}`);
  return { snapshot, target: vetted.context };
}
