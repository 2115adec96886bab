// Outbound webhooks (alert channels, report schedules) are stored one way: the URL is vetted
// against the SSRF guard, then sealed with the credential keyring (a URL can itself be a secret,
// as Slack's are), and a signing secret is generated, sealed and shown once. The worker unseals
// both and signs each request (apps/worker/src/alerts/sign.ts).
import { randomBytes } from "node:crypto";
import { assertPublicHttpsUrl, encryptCredential } from "@bulwark/security";
import { HttpError } from "@/modules/auth/server/errors";
import { getKeyring } from "@/modules/clusters/server/credentials";
import { env } from "@/env";

/** The same SSRF guard as cluster URLs; the worker checks again when it sends. `field` names the form field. */
export async function vetWebhookUrl(url: string, field = "url"): Promise<string> {
  const refused = await assertPublicHttpsUrl(url, { allowPrivateNetworks: env().BULWARK_ALLOW_PRIVATE_NETWORKS }).then(
    (r) => ({ host: r.url.host }),
    (e: Error) => ({ error: e.message }),
  );
  if ("error" in refused) throw new HttpError(400, "The address was refused", "invalid_input", { [field]: `Refused: ${refused.error}. Use a public https address.` });
  return refused.host;
}

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

/** Seals a value with the current key; the envelope names its key id. */
export function seal(value: string): { ciphertext: string; keyId: string } {
  return encryptCredential(value, getKeyring());
}

/** A vetted URL, sealed, with a new sealed signing secret (null when `signed` is false). */
export async function sealWebhook(url: string, opts: { signed: boolean; field?: string }) {
  const host = await vetWebhookUrl(url, opts.field);
  const sealed = seal(url);
  const secret = opts.signed ? newWebhookSecret() : null;
  return { host, urlCipher: sealed.ciphertext, keyId: sealed.keyId, secret, secretCipher: secret ? seal(secret).ciphertext : null };
}
