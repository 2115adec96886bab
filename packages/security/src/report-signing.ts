// Report signatures: each organization has an Ed25519 key; every report file (PDF, CSV, JSON) gets a
// detached signature over its exact bytes, so anyone holding the organization's public key can tell
// a report is the one Bulwark generated. The private key (PKCS#8 DER) is sealed with the credential
// keyring exactly as kubeconfigs are; the public key travels as SPKI PEM. Signatures are base64 of
// the raw 64-byte Ed25519 signature (RFC 8032), which `openssl pkeyutl -verify -rawin` checks once
// base64-decoded.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { decryptCredential, encryptCredential, type Keyring } from "./credentials";

export interface TReportSigningKey {
  /** PKCS#8 DER of the private key, base64, sealed with the keyring (a v1 credential envelope). */
  privateKeyCipher: string;
  /** SPKI PEM: what Settings shows and `bulwark verify-report --public-key` reads. */
  publicKeyPem: string;
  /** First 16 hex characters of the SHA-256 of the public key's DER: printed in reports to name the key. */
  keyId: string;
}

/** A new Ed25519 key for an organization, its private half sealed with the keyring. */
export function createReportSigningKey(keyring: Keyring): TReportSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const der = privateKey.export({ format: "der", type: "pkcs8" });
  const publicKeyPem = publicKey.export({ format: "pem", type: "spki" }).toString();
  return { privateKeyCipher: encryptCredential(der.toString("base64"), keyring).ciphertext, publicKeyPem, keyId: reportSigningKeyId(publicKeyPem) };
}

/** Reads an Ed25519 public key (SPKI PEM); anything else is refused with the reason. */
export function parseReportPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: "pem" });
  } catch {
    throw new Error("not a PEM public key (expected -----BEGIN PUBLIC KEY-----, as Settings and GET /api/reports/signing-key give it)");
  }
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`the public key is ${key.asymmetricKeyType ?? "of an unknown type"}, not Ed25519`);
  return key;
}

export function reportSigningKeyId(publicKeyPem: string): string {
  const der = parseReportPublicKey(publicKeyPem).export({ format: "der", type: "spki" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}

/** The private key, unsealed; the sealed form is checked to be an Ed25519 key. */
export function unsealReportSigningKey(privateKeyCipher: string, keyring: Keyring): KeyObject {
  const der = Buffer.from(decryptCredential(privateKeyCipher, keyring), "base64");
  const key = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error("the sealed report signing key is not an Ed25519 key");
  return key;
}

/** Detached signature over the exact bytes, base64 (64 bytes before encoding). */
export function signReportFile(privateKey: KeyObject, bytes: Uint8Array): string {
  return sign(null, bytes, privateKey).toString("base64");
}

/**
 * Reads a signature file: base64 text (what Bulwark serves, whitespace ignored) or the raw 64 bytes
 * (what `base64 -d` makes of it). Anything else is refused with the reason.
 */
export function decodeReportSignature(sig: Uint8Array | string): Buffer {
  const buf = typeof sig === "string" ? Buffer.from(sig, "utf8") : Buffer.from(sig);
  const text = buf.toString("latin1").replace(/\s+/g, "");
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    const raw = Buffer.from(text, "base64");
    if (raw.length === 64) return raw;
  }
  if (buf.length === 64) return buf;
  throw new Error("not an Ed25519 signature (expected 64 bytes, or their base64 as Bulwark serves them)");
}

/** True only when `signature` is the key's signature over exactly these bytes. */
export function verifyReportFile(publicKey: KeyObject | string, bytes: Uint8Array, signature: Uint8Array | string): boolean {
  const key = typeof publicKey === "string" ? parseReportPublicKey(publicKey) : publicKey;
  let raw: Buffer;
  try {
    raw = decodeReportSignature(signature);
  } catch {
    return false;
  }
  return verify(null, bytes, key, raw);
}
