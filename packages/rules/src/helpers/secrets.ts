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
  return PRIVATE_KEY.test(value);
}

/** A literal that could be a credential: not empty, not a template placeholder, not a flag/number. */
export function looksLikeSecretValue(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const v = value.trim();
  if (v === "") return false;
  if (INTERPOLATION.test(v)) return false;
  return !TRIVIAL.test(v);
}

/**
 * Names of `NAME=value` / `name: value` assignments inside a text blob (dotenv, properties, YAML
 * config files) whose name is sensitive and whose value is a literal.
 */
export function sensitiveAssignments(text: string): string[] {
  const out: string[] = [];
  if (text.length > 1_000_000) return out;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^(?:export\s+|-\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[=:]\s*(.*)$/.exec(line);
    if (!m) continue;
    const name = m[1]!;
    let value = m[2]!.replace(/,\s*$/, "").trim();
    if (/^["'].*["']$/.test(value)) value = value.slice(1, -1);
    if (!isSensitiveName(name) || !looksLikeSecretValue(value)) continue;
    if (value === "|" || value === ">" || value === "{" || value === "[") continue;
    out.push(name);
  }
  return out;
}
