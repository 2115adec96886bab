import type { Keyring } from "@bulwark/security";

/** What processors need from the process that runs them. */
export interface WorkerContext {
  workerId: string;
  keyring: Keyring;
  allowPrivateNetworks: boolean;
  staleMs: number;
  scanDeadlineMs: number;
  /** Decoded bytes one scan may take from the API server (BULWARK_SCAN_MAX_BYTES); default the reader's. */
  scanMaxBytes?: number;
  /** running scans one organization may have at once (all workers); unset: no limit */
  orgScanConcurrency?: number;
  /** least time a scan over its organization's limit is put back for */
  orgDeferMs?: number;
  log: (msg: string, data?: Record<string, unknown>) => void;
}
