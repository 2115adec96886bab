// What of a ticket integration may leave the data layer: never the token's ciphertext.
import type { Prisma } from "../generated/prisma/client";
import type { TTicketIntegrationView, TTicketKind } from "./types";

export const INTEGRATION_VIEW = {
  id: true,
  name: true,
  kind: true,
  baseUrl: true,
  project: true,
  issueType: true,
  username: true,
  doneTransition: true,
  enabled: true,
  lastSyncAt: true,
  lastStatus: true,
  lastError: true,
  createdAt: true,
} satisfies Prisma.TicketIntegrationSelect;

type Row = Prisma.TicketIntegrationGetPayload<{ select: typeof INTEGRATION_VIEW }>;

export function toIntegrationView(row: Row): TTicketIntegrationView {
  return { ...row, kind: row.kind as TTicketKind, tokenSet: true };
}
