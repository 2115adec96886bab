// Runs the real `bulwark verify-report` binary over a file signed as the worker signs reports.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReportSigningKey, parseKeyring, signReportFile, unsealReportSigningKey } from "@bulwark/security";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "bulwark.mjs");
let dir: string;

function bulwark(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const REPORT = Buffer.from("%PDF-1.3\n% a report\n1 0 obj << >> endobj\n%%EOF\n");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bulwark-verify-"));
  const keyring = parseKeyring(randomBytes(32).toString("base64"));
  const mine = createReportSigningKey(keyring);
  const other = createReportSigningKey(keyring);
  const sig = signReportFile(unsealReportSigningKey(mine.privateKeyCipher, keyring), REPORT);
  writeFileSync(join(dir, "report.pdf"), REPORT);
  writeFileSync(join(dir, "report.pdf.sig"), `${sig}\n`);
  writeFileSync(join(dir, "report.pdf.sig.bin"), Buffer.from(sig, "base64"));
  writeFileSync(join(dir, "key.pem"), mine.publicKeyPem);
  writeFileSync(join(dir, "other.pem"), other.publicKeyPem);
  const tampered = Buffer.from(REPORT);
  tampered[12]! ^= 0x20;
  writeFileSync(join(dir, "tampered.pdf"), tampered);
  writeFileSync(join(dir, "garbage.sig"), "not a signature\n");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bulwark verify-report", () => {
  it("exit 0 for the signed file, with the base64 signature or its raw bytes", () => {
    for (const sig of ["report.pdf.sig", "report.pdf.sig.bin"]) {
      const r = bulwark(["verify-report", "report.pdf", sig, "--public-key", "key.pem"]);
      expect(r.stdout).toMatch(/^signature valid: report\.pdf \(sha256 [0-9a-f]{64}\) was signed by key [0-9a-f]{16}/);
      expect(r.code).toBe(0);
    }
  });

  it("exit 1 for a tampered byte, another organization's key, or a garbage signature", () => {
    const tampered = bulwark(["verify-report", "tampered.pdf", "report.pdf.sig", "--public-key", "key.pem"]);
    expect(tampered.stdout).toMatch(/^signature INVALID/);
    expect(tampered.code).toBe(1);
    const otherKey = bulwark(["verify-report", "report.pdf", "report.pdf.sig", "--public-key", "other.pem"]);
    expect(otherKey.stdout).toMatch(/^signature INVALID/);
    expect(otherKey.code).toBe(1);
    const garbage = bulwark(["verify-report", "report.pdf", "garbage.sig", "--public-key", "key.pem"]);
    expect(garbage.stdout).toMatch(/^signature INVALID: garbage\.sig: not an Ed25519 signature/);
    expect(garbage.code).toBe(1);
  });

  it("exit 2 for usage errors, with the reason", () => {
    const noKey = bulwark(["verify-report", "report.pdf", "report.pdf.sig"]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/needs --public-key/);
    expect(bulwark(["verify-report", "report.pdf", "--public-key", "key.pem"]).code).toBe(2);
    const missing = bulwark(["verify-report", "nope.pdf", "report.pdf.sig", "--public-key", "key.pem"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read file nope\.pdf: no such file/);
    const badKey = bulwark(["verify-report", "report.pdf", "report.pdf.sig", "--public-key", "report.pdf"]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toMatch(/not a PEM public key/);
    const help = bulwark(["verify-report", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: bulwark verify-report FILE SIG --public-key KEY.pem");
  });
});
