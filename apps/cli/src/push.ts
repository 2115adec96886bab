// `bulwark push`: uploads vulnerability documents from a CI pipeline to a Bulwark server's import
// route, after checking each one locally with the same parser the server uses (a bad document
// fails the job before anything is sent). Loaded only for `push`, so a scan's start stays small.
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { imageKeyString, MAX_VULN_DOCUMENT_BYTES, parseVulnDocument, RULES_VERSION, VULN_SEVERITIES, VulnDocumentError, type ImageKey, type VulnCounts } from "@bulwark/rules";
import type { Io } from "./cli";
import { UsageError } from "./errors";

export const PUSH_USAGE = `Usage: bulwark push FILE... --server URL [--image REF] [--format text|json]

Uploads Trivy JSON (trivy image -f json), Grype JSON (grype -o json) or CycloneDX
SBOM/VEX documents to Bulwark, which attaches them to the workloads running the image
(by digest, else by repository:tag with lower confidence). Each document is checked
here first; nothing is sent when one is malformed.

Options:
  --server URL     Bulwark's address (or BULWARK_SERVER), https:// (http:// only
                   for localhost)
  --token TOKEN    An API token with the "scan" scope; prefer BULWARK_TOKEN, which
                   other users of the machine cannot see in the process list
  --image REF      The image the documents are about, e.g.
                   ghcr.io/acme/app@sha256:<64 hex>: names it when a document does
                   not (a filesystem scan, a VEX document), pins a tag to a digest
  --format F       text (default) or json (one server answer per line)
  -h, --help       Show this help

Exit codes: 0 every document imported; 1 the server refused one or could not be
reached; 2 usage error or a malformed document (nothing sent).
`;

/** Longest wait for one upload: a 32 MiB document over a slow CI link. */
const UPLOAD_TIMEOUT_MS = 120_000;

interface ImportAnswer {
  id?: string;
  format?: string;
  image?: ImageKey;
  scannedAt?: string;
  counts?: VulnCounts;
  vulnCount?: number;
  duplicate?: boolean;
  matches?: { workloads?: number; clusters?: number; by?: string };
}

function serverUrl(raw: string | undefined): URL {
  if (!raw) throw new UsageError("push needs --server URL (or BULWARK_SERVER), e.g. https://bulwark.example.com");
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(`--server must be a URL like https://bulwark.example.com, got ${JSON.stringify(raw)}`);
  }
  if (u.username || u.password) throw new UsageError("--server must not carry credentials; give the token in BULWARK_TOKEN");
  const loopback = u.hostname === "localhost" || u.hostname === "127.0.0.1" || u.hostname === "[::1]";
  // The token would cross the network in clear text.
  if (u.protocol !== "https:" && !(u.protocol === "http:" && loopback)) throw new UsageError(`--server must be https:// (http:// only for localhost), got ${u.protocol}//${u.host}`);
  return u;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "1 critical (1 fixable), 2 high (2 fixable), 1 low", or "no vulnerabilities". */
export function describeCounts(counts: VulnCounts | undefined): string {
  if (!counts) return "";
  const parts = VULN_SEVERITIES.flatMap((s) => {
    const c = counts[s];
    if (!c || c.total === 0) return [];
    return [`${c.total} ${s}${c.fixable ? ` (${c.fixable} fixable)` : ""}`];
  });
  return parts.length ? parts.join(", ") : "no vulnerabilities";
}

/** The server's words, printed to a terminal: without control characters. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
}

function describeAnswer(file: string, a: ImportAnswer): string {
  const image = a.image ? imageKeyString(a.image) : "(image not named in the answer)";
  const m = a.matches;
  const where =
    !m || !m.by || m.by === "none" || !m.workloads
      ? "runs nowhere Bulwark has scanned yet (it will attach when a scan sees the image)"
      : `runs in ${plural(m.workloads, "workload")} on ${plural(m.clusters ?? 0, "cluster")}, matched by ${m.by}${m.by === "tag" ? " (lower confidence: a tag can move; push with --image REF@sha256:... to match by digest)" : ""}`;
  return `${file}: ${printable(String(a.format ?? "document"))} for ${printable(image)}${a.duplicate ? " (already imported: unchanged)" : ""}\n  ${describeCounts(a.counts)}\n  ${printable(where)}\n`;
}

async function upload(url: URL, token: string, text: string): Promise<{ status: number; body: unknown; raw: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json", "User-Agent": `bulwark-cli/${RULES_VERSION}` },
    body: text,
    // A redirect would resend the token to wherever it points; the user should name that URL.
    redirect: "manual",
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  const raw = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    body = undefined;
  }
  if (res.status >= 300 && res.status < 400) {
    return { status: res.status, body: { error: `the server redirected to ${res.headers.get("location") ?? "another address"}; use that address as --server` }, raw };
  }
  return { status: res.status, body, raw };
}

export async function pushCommand(io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: io.argv.slice(1),
      options: { server: { type: "string" }, token: { type: "string" }, image: { type: "string" }, format: { type: "string", short: "f" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    io.stdout(PUSH_USAGE);
    return 0;
  }
  const format = (values.format ?? "text").toLowerCase();
  if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, got ${JSON.stringify(values.format)}`);
  if (files.length === 0) throw new UsageError("push needs at least one document: bulwark push FILE... --server URL");
  const base = serverUrl(values.server ?? io.env.BULWARK_SERVER);
  const token = values.token ?? io.env.BULWARK_TOKEN;
  if (!token) throw new UsageError("push needs an API token with the scan scope: set BULWARK_TOKEN (or --token)");
  const image = values.image;

  // Check every document before sending any: a pipeline either imports all or learns why not.
  const docs: Array<{ file: string; text: string }> = [];
  const problems: string[] = [];
  for (const file of files) {
    const abs = resolve(io.cwd, file);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st?.isFile()) {
      problems.push(`${file}: no such file`);
      continue;
    }
    if (st.size > MAX_VULN_DOCUMENT_BYTES) {
      problems.push(`${file}: the document is ${(st.size / 1024 / 1024).toFixed(1)} MiB, the limit is ${MAX_VULN_DOCUMENT_BYTES / 1024 / 1024} MiB`);
      continue;
    }
    const text = readFileSync(abs, "utf8");
    try {
      parseVulnDocument(text, image === undefined ? {} : { image });
      docs.push({ file, text });
    } catch (e) {
      if (!(e instanceof VulnDocumentError)) throw e;
      problems.push(`${file}: ${e.message}`);
    }
  }
  if (problems.length > 0) {
    for (const p of problems) io.stderr(`bulwark: push ${p}\n`);
    io.stderr(`bulwark: nothing was sent (${plural(problems.length, "document")} of ${files.length} refused)\n`);
    return 2;
  }

  const url = new URL("api/images/import", base.href.endsWith("/") ? base.href : `${base.href}/`);
  if (image !== undefined) url.searchParams.set("image", image);
  let failed = 0;
  for (const { file, text } of docs) {
    let answer: { status: number; body: unknown; raw: string };
    try {
      answer = await upload(url, token, text);
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const why = err.name === "TimeoutError" ? `no answer within ${UPLOAD_TIMEOUT_MS / 1000} s` : (err.cause?.code ?? err.cause?.message ?? err.message);
      io.stderr(`bulwark: push ${file}: cannot reach ${base.origin}: ${why}\n`);
      failed++;
      continue;
    }
    const body = answer.body as (ImportAnswer & { error?: unknown }) | undefined;
    if (answer.status < 200 || answer.status >= 300) {
      const error = printable(typeof body?.error === "string" ? body.error : answer.raw.slice(0, 200)) || "(no reason given)";
      io.stderr(`bulwark: push ${file}: the server refused it (HTTP ${answer.status}): ${error}\n`);
      failed++;
      continue;
    }
    if (format === "json") io.stdout(`${JSON.stringify({ file, ...(body ?? {}) })}\n`);
    else io.stdout(describeAnswer(file, body ?? {}));
  }
  return failed > 0 ? 1 : 0;
}
