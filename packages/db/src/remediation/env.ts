// What the data layer needs to vet and seal a write credential, read once: the credential keyring
// (BULWARK_SECRET_KEY, the value the web app and the worker use) and whether private networks are
// allowed (BULWARK_ALLOW_PRIVATE_NETWORKS). Callers that have them already may pass their own.
import { parseKeyring, type Keyring } from "@bulwark/security";
import { z } from "zod";

const ZRemediationEnv = z.object({
  BULWARK_SECRET_KEY: z.string({ error: "BULWARK_SECRET_KEY is not set: it seals cluster credentials (the same value the web app and the worker use)" }).min(1, "BULWARK_SECRET_KEY is empty"),
  BULWARK_ALLOW_PRIVATE_NETWORKS: z
    .enum(["true", "false", "1", "0", "yes", "no", ""], { error: "BULWARK_ALLOW_PRIVATE_NETWORKS must be true or false" })
    .optional()
    .transform((v) => v === "true" || v === "1" || v === "yes"),
});

let cached: { keyring: Keyring; allowPrivateNetworks: boolean } | undefined;

export function credentialEnv(): { keyring: Keyring; allowPrivateNetworks: boolean } {
  if (!cached) {
    const parsed = ZRemediationEnv.safeParse(process.env);
    if (!parsed.success) throw new Error(`Invalid credential configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    cached = { keyring: parseKeyring(parsed.data.BULWARK_SECRET_KEY), allowPrivateNetworks: parsed.data.BULWARK_ALLOW_PRIVATE_NETWORKS };
  }
  return cached;
}
