// What the web app, the worker and the cluster reader share for trust: vetting hostile
// kubeconfigs, encrypting credentials at rest, signing reports, and refusing private or internal
// network targets.
export { KubeconfigError } from "./errors";
export {
  parseKubeconfig,
  vetKubeconfig,
  vetConnection,
  checkServerHost,
  MAX_KUBECONFIG_BYTES,
  type ConnectionParams,
  type ParsedKubeconfig,
  type VetOptions,
  type VettedKubeconfig,
} from "./kubeconfig";
export { parseKeyring, encryptCredential, decryptCredential, credentialKeyId, Keyring } from "./credentials";
export {
  createReportSigningKey,
  decodeReportSignature,
  parseReportPublicKey,
  reportSigningKeyId,
  signReportFile,
  unsealReportSigningKey,
  verifyReportFile,
  type TReportSigningKey,
} from "./report-signing";
export { classifyAddress, guardedLookup, BlockedAddressError } from "./net-guard";
export { assertPublicHttpsUrl, UnsafeUrlError, type PublicUrlOptions, type TResolveHost } from "./url-guard";
