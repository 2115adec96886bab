import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "./sign";

describe("webhook signatures", () => {
  const secret = "whsec_test_secret";
  const body = JSON.stringify({ type: "test", n: 1 });

  it("is sha256= plus the hex HMAC over `${timestamp}.${body}`", () => {
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(signWebhook(secret, 1700000000, body)).toBe(`sha256=${expected}`);
    // A known vector, so a change of the scheme cannot pass unnoticed.
    expect(signWebhook("k", 1, "{}")).toBe(`sha256=${createHmac("sha256", "k").update("1.{}").digest("hex")}`);
  });

  it("verifies a fresh, untouched delivery", () => {
    const now = 1_700_000_000_000;
    const ts = Math.floor(now / 1000);
    expect(verifyWebhook({ secret, timestamp: String(ts), signature: signWebhook(secret, ts, body), body, now })).toBe(true);
  });

  it("rejects a changed body, another secret, a changed timestamp and an old timestamp", () => {
    const now = 1_700_000_000_000;
    const ts = Math.floor(now / 1000);
    const sig = signWebhook(secret, ts, body);
    expect(verifyWebhook({ secret, timestamp: String(ts), signature: sig, body: body.replace("1", "2"), now })).toBe(false);
    expect(verifyWebhook({ secret: "other", timestamp: String(ts), signature: sig, body, now })).toBe(false);
    expect(verifyWebhook({ secret, timestamp: String(ts + 1), signature: sig, body, now })).toBe(false);
    const old = ts - 301;
    expect(verifyWebhook({ secret, timestamp: String(old), signature: signWebhook(secret, old, body), body, now })).toBe(false);
    expect(verifyWebhook({ secret, timestamp: undefined, signature: sig, body, now })).toBe(false);
    expect(verifyWebhook({ secret, timestamp: String(ts), signature: "sha256=00", body, now })).toBe(false);
  });
});
