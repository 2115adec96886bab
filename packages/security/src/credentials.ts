// Credentials at rest: AES-256-GCM with a keyring so keys can rotate. The envelope names the key
// that sealed it, and the key id is bound into the GCM tag (AAD) so it cannot be swapped.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import { inspect } from "node:util";

const KEYRING_FORM = /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]+={0,2}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]+={0,2})*$/;
// Fixed salt: the passphrase form must derive the same key on every process of one installation.
const PASSPHRASE_SALT = "bulwark/credential-key/v1";

export class Keyring {
  readonly currentKeyId: string;
  readonly #keys: Map<string, Buffer>;

  constructor(keys: Array<[string, Buffer]>) {
    if (keys.length === 0) throw new Error("keyring is empty");
    this.currentKeyId = keys[0]![0];
    this.#keys = new Map(keys);
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  /** @internal */
  key(id: string): Buffer | undefined {
    return this.#keys.get(id);
  }

  // Keys never appear in logs or JSON.
  toJSON(): unknown {
    return { currentKeyId: this.currentKeyId, keyIds: this.keyIds };
  }
  [inspect.custom](): string {
    return `Keyring { current: ${this.currentKeyId}, keys: [${this.keyIds.join(", ")}] }`;
  }
}

const derived = new Map<string, Buffer>();

function decode32(b64: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  const buf = Buffer.from(b64, "base64");
  return buf.length === 32 ? buf : undefined;
}

/**
 * BULWARK_SECRET_KEY: either one key (a passphrase of at least 32 characters, or base64 of 32
 * bytes) which gets id "k1", or "id1:base64key,id2:base64key" where the first is current.
 */
export function parseKeyring(secret: string): Keyring {
  const s = (secret ?? "").trim();
  if (!s) throw new Error("BULWARK_SECRET_KEY is empty; set it to 32 random bytes in base64 (openssl rand -base64 32)");
  if (KEYRING_FORM.test(s) && s.includes(":")) {
    const entries: Array<[string, Buffer]> = [];
    for (const part of s.split(",")) {
      const i = part.indexOf(":");
      const id = part.slice(0, i);
      const key = decode32(part.slice(i + 1));
      if (!key) throw new Error(`BULWARK_SECRET_KEY: key "${id}" must be base64 of exactly 32 bytes`);
      if (entries.some(([e]) => e === id)) throw new Error(`BULWARK_SECRET_KEY: key id "${id}" appears twice`);
      entries.push([id, key]);
    }
    return new Keyring(entries);
  }
  const raw = decode32(s);
  if (raw) return new Keyring([["k1", raw]]);
  if (s.length < 32) {
    throw new Error("BULWARK_SECRET_KEY is too short: use at least 32 characters, or 32 random bytes in base64");
  }
  let key = derived.get(s);
  if (!key) {
    key = scryptSync(s, PASSPHRASE_SALT, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    derived.set(s, key);
  }
  return new Keyring([["k1", key]]);
}

function aad(keyId: string): Buffer {
  return Buffer.from(`v1.${keyId}`, "utf8");
}

export function encryptCredential(plaintext: string, keyring: Keyring): { ciphertext: string; keyId: string } {
  const keyId = keyring.currentKeyId;
  const key = keyring.key(keyId)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(keyId));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return { ciphertext: `v1.${keyId}.${iv.toString("base64")}.${tag.toString("base64")}.${ct.toString("base64")}`, keyId };
}

/** The key id an envelope was sealed with (to find credentials that need re-encryption after rotation). */
export function credentialKeyId(ciphertext: string): string | undefined {
  const parts = ciphertext.split(".");
  return parts.length === 5 && parts[0] === "v1" ? parts[1] : undefined;
}

export function decryptCredential(ciphertext: string, keyring: Keyring): string {
  const parts = typeof ciphertext === "string" ? ciphertext.split(".") : [];
  if (parts.length !== 5 || parts[0] !== "v1") {
    throw new Error("credential is not a v1 envelope (expected v1.<keyId>.<iv>.<tag>.<ciphertext>)");
  }
  const [, keyId, ivB64, tagB64, ctB64] = parts as [string, string, string, string, string];
  const key = keyring.key(keyId);
  if (!key) {
    throw new Error(
      `credential was encrypted with key "${keyId}", which is not in BULWARK_SECRET_KEY (have: ${keyring.keyIds.join(", ")}); add the old key after the current one`,
    );
  }
  const iv = Buffer.from(ivB64, "base64");
  const tag = Buffer.from(tagB64, "base64");
  if (iv.length !== 12 || tag.length !== 16) throw new Error("credential envelope is damaged (bad IV or tag length)");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(aad(keyId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ctB64, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(`credential failed authentication with key "${keyId}": it was tampered with or the key is wrong`);
  }
}
