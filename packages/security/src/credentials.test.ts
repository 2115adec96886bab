import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { credentialKeyId, decryptCredential, encryptCredential, parseKeyring } from "./credentials";

const key = () => randomBytes(32).toString("base64");
const KUBECONFIG = "apiVersion: v1\nusers:\n- name: a\n  user:\n    token: sekrit-token-ü\n";

describe("credential encryption", () => {
  it("round-trips with a base64 key and a passphrase, with a fresh IV each time", () => {
    for (const secret of [key(), "correct horse battery staple, long enough!"]) {
      const ring = parseKeyring(secret);
      expect(ring.currentKeyId).toBe("k1");
      const a = encryptCredential(KUBECONFIG, ring);
      const b = encryptCredential(KUBECONFIG, ring);
      expect(a.keyId).toBe("k1");
      expect(a.ciphertext).toMatch(/^v1\.k1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
      expect(a.ciphertext).not.toBe(b.ciphertext);
      expect(a.ciphertext).not.toContain("sekrit");
      expect(decryptCredential(a.ciphertext, ring)).toBe(KUBECONFIG);
      expect(decryptCredential(b.ciphertext, parseKeyring(secret))).toBe(KUBECONFIG);
    }
  });

  it("detects tampering with ciphertext, tag, IV and key id", () => {
    const ring = parseKeyring(`a:${key()},b:${key()}`);
    const { ciphertext } = encryptCredential(KUBECONFIG, ring);
    const parts = ciphertext.split(".");
    const flip = (s: string) => {
      const buf = Buffer.from(s, "base64");
      buf[0] = buf[0]! ^ 1;
      return buf.toString("base64");
    };
    for (const i of [2, 3, 4]) {
      const bad = [...parts];
      bad[i] = flip(bad[i]!);
      expect(() => decryptCredential(bad.join("."), ring)).toThrow(/tampered/);
    }
    // moving the envelope to the other key id fails authentication (key id is bound as AAD)
    const swapped = [...parts];
    swapped[1] = "b";
    expect(() => decryptCredential(swapped.join("."), ring)).toThrow(/tampered|wrong/);
    expect(() => decryptCredential("garbage", ring)).toThrow(/not a v1 envelope/);
  });

  it("rotates keys: old envelopes decrypt with the new current key plus the old one", () => {
    const oldKey = key();
    const oldRing = parseKeyring(`2025:${oldKey}`);
    const old = encryptCredential(KUBECONFIG, oldRing);
    const rotated = parseKeyring(`2026:${key()},2025:${oldKey}`);
    expect(rotated.currentKeyId).toBe("2026");
    expect(decryptCredential(old.ciphertext, rotated)).toBe(KUBECONFIG);
    expect(credentialKeyId(old.ciphertext)).toBe("2025");
    const fresh = encryptCredential(KUBECONFIG, rotated);
    expect(fresh.keyId).toBe("2026");
    expect(credentialKeyId(fresh.ciphertext)).toBe("2026");
    expect(() => decryptCredential(fresh.ciphertext, oldRing)).toThrow(/key "2026", which is not in BULWARK_SECRET_KEY/);
  });

  it("refuses weak or malformed key material without echoing it", () => {
    expect(() => parseKeyring("")).toThrow(/empty/);
    expect(() => parseKeyring("short-passphrase")).toThrow(/too short/);
    expect(() => parseKeyring(`a:${randomBytes(16).toString("base64")}`)).toThrow(/key "a" must be base64 of exactly 32 bytes/);
    const k = key();
    expect(() => parseKeyring(`a:${k},a:${k}`)).toThrow(/appears twice/);
    const ring = parseKeyring(`a:${k}`);
    expect(JSON.stringify(ring)).not.toContain(k);
    expect(inspect(ring)).not.toContain(k);
    expect(JSON.stringify(ring)).toBe('{"currentKeyId":"a","keyIds":["a"]}');
  });
});
