// `bulwark verify-report FILE SIG --public-key KEY.pem`: checks a report file (PDF, CSV or JSON)
// against its detached Ed25519 signature and the organization's public key (Settings, or
// GET /api/reports/signing-key). Exit codes: 0 signature valid, 1 signature INVALID, 2 usage or
// unreadable input.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { decodeReportSignature, parseReportPublicKey, reportSigningKeyId, verifyReportFile } from "@bulwark/security";
import type { Io } from "./cli";
import { UsageError } from "./errors";

export const VERIFY_REPORT_USAGE = `Usage: bulwark verify-report FILE SIG --public-key KEY.pem

Checks that FILE (a report's PDF, CSV or JSON, byte for byte as downloaded) carries SIG, the
organization's Ed25519 signature (the .sig download: base64, or its 64 raw bytes).
KEY.pem is the organization's public key (Settings, or GET /api/reports/signing-key).

Exit codes: 0 signature valid; 1 signature INVALID (the file changed, or another key signed it);
2 usage or unreadable input.
`;

function read(io: Io, what: string, file: string): Buffer {
  try {
    return readFileSync(resolve(io.cwd, file));
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
}

export function verifyReportCommand(io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({ args: io.argv.slice(1), options: { "public-key": { type: "string", short: "k" }, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(VERIFY_REPORT_USAGE);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError(`verify-report takes FILE and SIG (got ${positionals.length} argument${positionals.length === 1 ? "" : "s"}); see bulwark verify-report --help`);
  if (!values["public-key"]) throw new UsageError("verify-report needs --public-key KEY.pem (the organization's public key: Settings, or GET /api/reports/signing-key)");
  const [file, sigFile] = positionals as [string, string];
  const pem = read(io, "public key", values["public-key"]).toString("utf8");
  let key;
  try {
    key = parseReportPublicKey(pem);
  } catch (e) {
    throw new UsageError(`--public-key ${values["public-key"]}: ${(e as Error).message}`);
  }
  const bytes = read(io, "file", file);
  const sig = read(io, "signature", sigFile);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const keyId = reportSigningKeyId(pem);
  try {
    decodeReportSignature(sig);
  } catch (e) {
    io.stdout(`signature INVALID: ${sigFile}: ${(e as Error).message}\n`);
    return 1;
  }
  if (verifyReportFile(key, bytes, sig)) {
    io.stdout(`signature valid: ${file} (sha256 ${sha256}) was signed by key ${keyId}\n`);
    return 0;
  }
  io.stdout(`signature INVALID: ${file} (sha256 ${sha256}) does not match this signature under key ${keyId}: the file was changed, or another key signed it\n`);
  return 1;
}
