// The keyring that encrypts vetted kubeconfigs, parsed once from BULWARK_SECRET_KEY.
import { parseKeyring } from "@bulwark/security";
import { env } from "@/env";

let keyring: ReturnType<typeof parseKeyring> | undefined;

export function getKeyring() {
  keyring ??= parseKeyring(env().BULWARK_SECRET_KEY);
  return keyring;
}
