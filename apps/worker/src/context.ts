import type { Keyring } from "@bulwark/security";

/** What processors need from the process that runs them. */
export interface WorkerContext {
  workerId: string;
  keyring: Keyring;
  allowPrivateNetworks: boolean;
  staleMs: number;
  scanDeadlineMs: number;
  log: (msg: string, data?: Record<string, unknown>) => void;
}
