// Heuristics for credentials written in plain text (env literals, ConfigMap data). Findings name
// the key only; a value is never copied into a finding.

/** Names that denote a credential. */
const SENSITIVE_NAME =
  /password|passwd|passphrase|secret|token|bearer|api[_-]?key|private[_-]?key|^aws_secret_access_key$|^azure_.+key$|^oci_cli_key_content$/i;
/** Names that denote where a credential lives (a file, a Secret's name, an endpoint), not the credential. */
const REFERENCE_NAME = /[_.-](file|path|dir|name|ref|url|uri|endpoint|type|ttl|expiry|expiration|header|length|timeout)$/i;
const REFERENCE_CAMEL = /[a-z0-9](File|Path|Dir|Name|Ref|Url|Uri|Endpoint|Type|Ttl|Expiry|Header|Length|Timeout)$/;
const PRIVATE_KEY = /-BEGIN\s+[A-Z0-9 ]*PRIVATE KEY-/i;
const INTERPOLATION = /^["']?(\$\{|\$\(|\{\{)/;
const TRIVIAL = /^(true|false|yes|no|null|none|[0-9.]+[smhd]?)$/i;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name) && !REFERENCE_NAME.test(name) && !REFERENCE_CAMEL.test(name);
}

export function containsPrivateKey(value: string): boolean {
  // indexOf first: large values (dashboards, bundles) almost never hold a key.
  const at = value.indexOf("PRIVATE KEY");
  return at >= 0 && PRIVATE_KEY.test(value.slice(Math.max(0, at - 64), at + 16));
}

/** A literal that could be a credential: not empty, not a template placeholder, not a flag/number. */
export function looksLikeSecretValue(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const v = value.trim();
  if (v === "") return false;
  if (INTERPOLATION.test(v)) return false;
  return !TRIVIAL.test(v);
}

/** Words that must occur in a line for it to be a credential assignment; used to skip the rest. */
const KEYWORD = /pass|pwd|secret|token|bearer|api[_-]?key|private[_-]?key|_key\b/gi;
const ASSIGNMENT = /^(?:export\s+|-\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[=:]\s*(.*)$/;
const MAX_LINE = 4096;
// Lower-casing once and testing a case-sensitive alternation is several times faster than a
// case-insensitive regex over megabyte-sized values (dashboards, bundles), which rarely match.
const KEYWORD_LOWER = /pass|pwd|secret|token|bearer|api[_-]?key|private|_key/;

const KEYWORD_ANY_CASE = /pass|pwd|secret|token|bearer|api[_-]?key|private|_key/i;

function mightHoldKeyword(text: string): boolean {
  // Short values (the vast majority) skip the lower-cased copy; the scan that follows is
  // case-insensitive on the original text, so the prefilter may be too.
  return text.length < 4096 ? KEYWORD_ANY_CASE.test(text) : KEYWORD_LOWER.test(text.toLowerCase());
}

/**
 * Names of `NAME=value` / `name: value` assignments inside a text blob (dotenv, properties, YAML
 * config files) whose name is sensitive and whose value is a literal. Only lines containing a
 * credential keyword are parsed, so large blobs (dashboards, CA bundles) cost one regex scan.
 */
export function sensitiveAssignments(text: string): string[] {
  const out: string[] = [];
  if (!mightHoldKeyword(text)) return out;
  KEYWORD.lastIndex = 0;
  let lastLineStart = -1;
  for (let m = KEYWORD.exec(text); m; m = KEYWORD.exec(text)) {
    const start = text.lastIndexOf("\n", m.index) + 1;
    let end = text.indexOf("\n", m.index);
    if (end < 0) end = text.length;
    KEYWORD.lastIndex = end;
    if (start === lastLineStart || end - start > MAX_LINE) continue;
    lastLineStart = start;
    const line = text.slice(start, end).trim();
    if (line === "" || line.startsWith("#")) continue;
    const a = ASSIGNMENT.exec(line);
    if (!a) continue;
    const name = a[1]!;
    let value = a[2]!.replace(/,\s*$/, "").trim();
    if (/^["'].*["']$/.test(value)) value = value.slice(1, -1);
    if (!isSensitiveName(name) || !looksLikeSecretValue(value)) continue;
    if (value === "|" || value === ">" || value === "{" || value === "[") continue;
    out.push(name);
  }
  return out;
}
