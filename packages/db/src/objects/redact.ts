// Redaction of credentials written in plain text in a Kubernetes object, for what is stored and
// shown to every role of an organization (the finding page's YAML). It runs at storage, after the
// engine judged the unredacted object, so rules still see what they look for. Whole values become
// `<redacted:N bytes>`; a credential inside a longer string (a URL, a command line) becomes `***`
// and the rest stays readable.
import { containsPrivateKey, isSensitiveName, looksLikeSecretValue } from "@bulwark/rules";

export const redacted = (v: unknown): string =>
  typeof v === "string" && v.startsWith("<redacted") ? v : `<redacted:${typeof v === "string" ? Buffer.byteLength(v) : 0} bytes>`;

/** Credential names the rules' list leaves out: connection strings and whole credential sets. */
const EXTRA_SENSITIVE_NAME = /dsn|credential|conn(ection)?[_-]?str(ing)?|access[_-]?key|(^|_)auth(_|$)|_key$/i;
const REFERENCE_NAME = /[_.-](file|path|dir|name|ref|url|uri|endpoint|id)$/i;
export function sensitiveName(name: unknown): boolean {
  return typeof name === "string" && (isSensitiveName(name) || (EXTRA_SENSITIVE_NAME.test(name) && !REFERENCE_NAME.test(name)));
}

/** Well-known token formats: a match is a credential whatever its name. */
const TOKEN_FORMATS = [
  /\bAKIA[0-9A-Z]{16}\b/, // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/,
  /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}\b/, // GitLab
  /(?<![A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,}\b/, // Slack
  /\b[sr]k_live_[A-Za-z0-9]{16,}\b/, // Stripe
  /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
  /\bnpm_[A-Za-z0-9]{36}\b/,
  /(?<![A-Za-z0-9_-])sk-(proj-)?[A-Za-z0-9_-]{20,}\b/, // OpenAI-style keys
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,2048}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{8,}/, // JWT (service-account tokens)
];
const TOKEN_ANYWHERE = new RegExp(TOKEN_FORMATS.map((r) => r.source).join("|"), "g");

/** A literal that is a credential by its shape alone. */
export function looksLikeCredential(value: string): boolean {
  return containsPrivateKey(value) || TOKEN_FORMATS.some((r) => r.test(value));
}

// scheme://user:password@host: the user stays (it tells which account), the password does not.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)([^\s:@/?#]{0,256}):([^\s@/?#]{1,1024})@/gi;
// --password=x, --db-token x, -api_key "x" ... (a value that is a file path is a reference, kept)
// (quantifiers are bounded: this runs over every string of stored objects, some 64 KiB long)
const FLAG_NAME = String.raw`--?[A-Za-z0-9_.-]{0,64}?(?:password|passwd|pwd|passphrase|token|secret|api[-_]?key|access[-_]?key|private[-_]?key|client[-_]?secret|credentials?|[-_]key)[A-Za-z0-9_.-]{0,64}`;
const FLAG_IN_TEXT = new RegExp(String.raw`(^|[\s"'])(${FLAG_NAME})(=|\s{1,8})("[^"\n]{0,1024}"|'[^'\n]{0,1024}'|[^\s"';&|]+)`, "gi");
const FLAG_ALONE = new RegExp(`^${FLAG_NAME}$`, "i");
// NAME=value assignments in a shell line (PGPASSWORD=x psql ...)
const ENV_IN_TEXT = /(^|[\s;&|"'(])([A-Za-z_][A-Za-z0-9_]{0,127})=("[^"\n]{0,1024}"|'[^'\n]{0,1024}'|[^\s"';&|)]+)/g;
// Tools whose password flag has no telling name: mysql -psecret, redis-cli -a secret, sshpass -p secret
const MYSQL_P = /(\b(?:mysql\w{0,16}|mariadb\w{0,16})\b[^;&|\n]{0,256}?\s-p)([^\s"';&|]+)/gi;
const REDIS_A = /(\bredis-cli\b[^;&|\n]{0,256}?\s-a\s{1,8})([^\s"';&|]+)/gi;
const SSHPASS_P = /(\bsshpass\b[^;&|\n]{0,256}?\s-p\s{0,8})([^\s"';&|]+)/gi;
// curl -u user:pass, Authorization: Bearer x
const BASIC_USER = /(\s(?:-u|--user)\s{1,8}["']?[^\s:"']{1,256}:)([^\s"']+)/g;
const AUTH_HEADER = /(authorization:\s{0,8}(?:bearer|basic|token)\s{1,8})([^\s"']+)/gi;

const isPath = (v: string) => /^["']?\/[\w./-]*["']?$/.test(v);
const stars = (v: string) => (v.startsWith('"') ? '"***"' : v.startsWith("'") ? "'***'" : "***");

/** Credentials inside free text: URL passwords, sensitive flags, NAME=secret, tool passwords, known tokens. */
export function redactText(text: string): string {
  if (text.length === 0 || text.startsWith("<redacted")) return text;
  let out = text.replace(URL_USERINFO, (_m, scheme: string, user: string) => `${scheme}${user}:***@`);
  out = out.replace(FLAG_IN_TEXT, (m, pre: string, flag: string, sep: string, value: string) =>
    isPath(value) || /[-_](file|path|dir)$/i.test(flag) ? m : `${pre}${flag}${sep}${stars(value)}`,
  );
  out = out.replace(ENV_IN_TEXT, (m, pre: string, name: string, value: string) => (sensitiveName(name) && looksLikeSecretValue(value) && !isPath(value) ? `${pre}${name}=${stars(value)}` : m));
  out = out.replace(MYSQL_P, (_m, head: string) => `${head}***`);
  out = out.replace(REDIS_A, (_m, head: string) => `${head}***`);
  out = out.replace(SSHPASS_P, (_m, head: string) => `${head}***`);
  out = out.replace(BASIC_USER, (_m, head: string) => `${head}***`);
  out = out.replace(AUTH_HEADER, (_m, head: string) => `${head}***`);
  out = out.replace(TOKEN_ANYWHERE, "***");
  return out;
}

/** A container's command or args: flags split across elements (`--password`, `x`) and within one. */
export function redactArgv(argv: readonly unknown[]): unknown[] {
  const out = argv.map((a) => (typeof a === "string" ? redactText(a) : a));
  const tool = typeof argv[0] === "string" ? (argv[0].split("/").pop() ?? "") : "";
  const mysql = /^(mysql|mariadb)/i.test(tool);
  const valueFlag = /^redis-cli$/i.test(tool) ? "-a" : /^sshpass$/i.test(tool) ? "-p" : undefined;
  for (let i = 1; i < out.length; i++) {
    const a = out[i];
    if (typeof a !== "string") continue;
    const next = out[i + 1];
    // `--password` `secret`: the flag alone in one element, its value in the next
    if (FLAG_ALONE.test(a) && typeof next === "string" && !next.startsWith("-") && !isPath(next) && !/[-_](file|path|dir)$/i.test(a)) {
      out[++i] = "***";
    } else if (a === valueFlag && typeof next === "string") {
      out[++i] = "***";
    } else if ((mysql || valueFlag === "-p") && /^-p.+/.test(a) && a !== "-p***") {
      out[i] = "-p***";
    }
  }
  return out;
}

/** Annotation keys kept as they are: Kubernetes' own and well-known tools' (the rules read them). */
const ANNOTATION_DOMAINS =
  /(^|\.)(kubernetes\.io|k8s\.io|gke\.io|cloud\.google\.com|amazonaws\.com|azure\.com|openshift\.io|helm\.sh|argoproj\.io|cert-manager\.io|prometheus\.io|istio\.io|linkerd\.io|checkov\.io|fairwinds\.com|kyverno\.io|gatekeeper\.sh|aquasecurity\.github\.io|datadoghq\.com|fluxcd\.io|cilium\.io|projectcalico\.org)$/;
const ANNOTATION_KEYS = new Set(["azure.workload.identity/client-id", "kube-score/ignore", "kube-linter.io/ignore-all"]);
export function annotationAllowed(key: string): boolean {
  if (ANNOTATION_KEYS.has(key)) return true;
  const slash = key.indexOf("/");
  return slash > 0 && ANNOTATION_DOMAINS.test(key.slice(0, slash));
}

/** Redacts a value that may be a credential: whole if it is one, else credentials inside it. */
function redactLiteral(value: string): string {
  if (containsPrivateKey(value)) return redacted(value);
  return looksLikeCredential(value) && !/\s/.test(value.trim()) ? redacted(value) : redactText(value);
}

function redactEnvList(env: unknown[]): void {
  for (const e of env) {
    if (!e || typeof e !== "object") continue;
    const rec = e as Record<string, unknown>;
    if (typeof rec.value !== "string") continue;
    rec.value = (sensitiveName(rec.name) && looksLikeSecretValue(rec.value)) || looksLikeCredential(rec.value) ? redacted(rec.value) : redactText(rec.value);
  }
}

/**
 * Redacts, in place, credentials written anywhere in an object: env literals (by name or by shape),
 * container command and args, annotations off the allow-list (key kept, value replaced), and URL
 * passwords or known token formats in any other string. Iterative: object depth is bounded by the
 * reader, but the storage path must not depend on that.
 */
export function redactObjectInPlace(root: Record<string, unknown>): void {
  const md = root.metadata;
  if (md && typeof md === "object") {
    const ann = (md as Record<string, unknown>).annotations;
    if (ann && typeof ann === "object") {
      const a = ann as Record<string, unknown>;
      for (const [k, v] of Object.entries(a)) if (typeof v === "string") a[k] = annotationAllowed(k) ? redactLiteral(v) : redacted(v);
    }
  }
  const stack: Array<Record<string, unknown> | unknown[]> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [k, v] of entries) {
      if (node === md && k === "annotations") continue;
      if (typeof v === "string") {
        (node as Record<string | number, unknown>)[k] = redactLiteral(v);
      } else if (Array.isArray(v) && (k === "command" || k === "args")) {
        (node as Record<string | number, unknown>)[k] = redactArgv(v);
      } else if (Array.isArray(v) && k === "env") {
        redactEnvList(v);
        stack.push(v);
      } else if (v && typeof v === "object") {
        stack.push(v as Record<string, unknown>);
      }
    }
  }
}
