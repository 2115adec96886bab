import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseKeyring } from "./credentials";
import {
  createReportSigningKey,
  decodeReportSignature,
  parseReportPublicKey,
  reportSigningKeyId,
  signReportFile,
  unsealReportSigningKey,
  verifyReportFile,
} from "./report-signing";

const ring = () => parseKeyring(randomBytes(32).toString("base64"));
const FILE = new TextEncoder().encode("%PDF-1.3\nreport bytes ü\n%%EOF\n");

describe("report signing", () => {
  it("seals the private key with the keyring, signs and verifies the exact bytes", () => {
    const keyring = ring();
    const k = createReportSigningKey(keyring);
    expect(k.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(k.privateKeyCipher).toMatch(/^v1\.k1\./);
    expect(k.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(reportSigningKeyId(k.publicKeyPem)).toBe(k.keyId);
    const sig = signReportFile(unsealReportSigningKey(k.privateKeyCipher, keyring), FILE);
    expect(Buffer.from(sig, "base64")).toHaveLength(64);
    expect(verifyReportFile(k.publicKeyPem, FILE, sig)).toBe(true);
    expect(verifyReportFile(k.publicKeyPem, FILE, `${sig}\n`)).toBe(true);
    expect(verifyReportFile(k.publicKeyPem, FILE, Buffer.from(sig, "base64"))).toBe(true);
  });

  it("a tampered byte, another key's signature or a damaged signature fails", () => {
    const keyring = ring();
    const a = createReportSigningKey(keyring);
    const b = createReportSigningKey(keyring);
    expect(a.keyId).not.toBe(b.keyId);
    const sig = signReportFile(unsealReportSigningKey(a.privateKeyCipher, keyring), FILE);
    const tampered = Uint8Array.from(FILE);
    tampered[10]! ^= 1;
    expect(verifyReportFile(a.publicKeyPem, tampered, sig)).toBe(false);
    expect(verifyReportFile(b.publicKeyPem, FILE, sig)).toBe(false);
    expect(verifyReportFile(a.publicKeyPem, FILE, "not a signature")).toBe(false);
    expect(verifyReportFile(a.publicKeyPem, FILE, sig.slice(4))).toBe(false);
  });

  it("cannot be unsealed without the keyring that sealed it", () => {
    const k = createReportSigningKey(ring());
    expect(() => unsealReportSigningKey(k.privateKeyCipher, ring())).toThrow(/tampered with or the key is wrong/);
  });

  it("refuses keys that are not Ed25519 public keys, and signatures of the wrong size", () => {
    expect(() => parseReportPublicKey("hello")).toThrow(/not a PEM public key/);
    const rsa = execFileSync("openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"], { encoding: "utf8" });
    const rsaPub = execFileSync("openssl", ["pkey", "-pubout"], { input: rsa, encoding: "utf8" });
    expect(() => parseReportPublicKey(rsaPub)).toThrow(/rsa, not Ed25519/);
    expect(() => decodeReportSignature(Buffer.alloc(63))).toThrow(/not an Ed25519 signature/);
  });

  it("the documented openssl command verifies Bulwark's signature and rejects a tampered file", () => {
    const keyring = ring();
    const k = createReportSigningKey(keyring);
    const sig = signReportFile(unsealReportSigningKey(k.privateKeyCipher, keyring), FILE);
    const dir = mkdtempSync(path.join(tmpdir(), "bulwark-sig-"));
    try {
      const f = (n: string) => path.join(dir, n);
      writeFileSync(f("key.pem"), k.publicKeyPem);
      writeFileSync(f("report.pdf"), FILE);
      writeFileSync(f("report.pdf.sig"), `${sig}\n`);
      // As docs/reports.md has it: base64 -d, then pkeyutl -rawin (OpenSSL 3).
      execFileSync("sh", ["-c", `base64 -d report.pdf.sig > report.pdf.sig.bin`], { cwd: dir });
      const ok = execFileSync("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin", "-in", "report.pdf", "-sigfile", "report.pdf.sig.bin"], { cwd: dir, encoding: "utf8" });
      expect(ok).toMatch(/Signature Verified Successfully/);
      const tampered = Buffer.from(FILE);
      tampered[10]! ^= 1;
      writeFileSync(f("report.pdf"), tampered);
      expect(() => execFileSync("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin", "-in", "report.pdf", "-sigfile", "report.pdf.sig.bin"], { cwd: dir, stdio: "pipe" })).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
