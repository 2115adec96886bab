// An attestation as the API answers it: its state at a point in time and its files' names,
// types, sizes and checksums (never their bytes: those come from the download route).
import type { TAttestation } from "@bulwark/db";

export type TAttestationState = "active" | "superseded" | "revoked" | "expired";

export interface TAttestationView extends Omit<TAttestation, "files"> {
  state: TAttestationState;
  files: Array<TAttestation["files"][number] & { url: string }>;
}

export function attestationState(a: Pick<TAttestation, "revokedAt" | "supersededAt" | "expiresAt">, now: Date): TAttestationState {
  if (a.revokedAt) return "revoked";
  if (a.supersededAt) return "superseded";
  return a.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

export function attestationView(a: TAttestation, now: Date): TAttestationView {
  return { ...a, state: attestationState(a, now), files: a.files.map((f) => ({ ...f, url: `/api/compliance/attestation-files/${f.id}` })) };
}
