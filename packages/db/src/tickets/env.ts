// What the ticket functions need from the environment: the credential keyring (tokens are sealed
// here, in the data layer, so no caller ever handles a ciphertext) and whether private networks
// are allowed for the integrations' URLs. Read on each call: cheap, and tests switch settings.
import { parseKeyring, type Keyring } from "@bulwark/security";

let cached: { secret: string; keyring: Keyring } | undefined;

export function ticketKeyring(): Keyring {
  const secret = process.env.BULWARK_SECRET_KEY;
  if (!secret) throw new Error("BULWARK_SECRET_KEY is not set: ticket integration tokens are encrypted with it");
  if (cached?.secret !== secret) cached = { secret, keyring: parseKeyring(secret) };
  return cached.keyring;
}

export function privateNetworksAllowed(): boolean {
  return ["true", "1", "yes"].includes((process.env.BULWARK_ALLOW_PRIVATE_NETWORKS ?? "").toLowerCase());
}
