export { KubeconfigError, ClusterUnreachableError, ScanLimitError } from "./errors";
export {
  parseKubeconfig,
  vetKubeconfig,
  MAX_KUBECONFIG_BYTES,
  type ParsedKubeconfig,
  type VetOptions,
  type VettedKubeconfig,
} from "./kubeconfig";
export { parseKeyring, encryptCredential, decryptCredential, credentialKeyId, Keyring } from "./credentials";
export { readCluster, testConnection, kubeVersionOf, DEFAULT_SCAN_MAX_BYTES, type ReadOptions, type TestConnectionResult } from "./reader";
export { OPTIONAL_KINDS, RESOURCES_TO_READ, type ResourceSpec } from "./resources";
export { classifyAddress, guardedLookup, BlockedAddressError } from "./net-guard";
export { assertPublicHttpsUrl, UnsafeUrlError, type PublicUrlOptions, type TResolveHost } from "./url-guard";
export { detectPlatform, platformFromVersion } from "./platform";
export { benchReader, type ReaderBenchResult } from "./bench";
export { startChildServer, stopChild, type ChildServer } from "./child-server";
