// Ticket integrations of an organization: create, change, delete, list. Tokens are sealed with the
// credential keyring here and never returned; audit rows name the host and project, never the token.
import { encryptCredential, type Keyring, type TResolveHost } from "@bulwark/security";
import { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { writeAudit } from "../audit/write-audit";
import { DomainError, NotFoundError } from "../errors";
import { privateNetworksAllowed, ticketKeyring } from "./env";
import { INTEGRATION_VIEW, toIntegrationView } from "./integration-view";
import type { TTicketIntegrationView, TTicketKind } from "./types";
import { checkToken, validateIntegration } from "./validate-integration";

export interface TTicketIntegrationInput {
  name: string;
  kind: TTicketKind;
  baseUrl: string;
  project: string;
  issueType?: string | null;
  username?: string | null;
  token: string;
  doneTransition?: string | null;
  enabled?: boolean;
}

/** Overrides for tests and callers that already hold them; by default read from the environment. */
export interface TIntegrationEnvOverrides {
  keyring?: Keyring;
  allowPrivateNetworks?: boolean;
  resolve?: TResolveHost;
}

const hostOf = (url: string) => new URL(url).host;

function uniqueName(e: unknown, name: string): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new DomainError(`an integration named "${name}" already exists`);
  throw e;
}

/** URL through the SSRF guard, token encrypted; audit logged. DomainError (400) with a clear message on bad input. */
export async function createTicketIntegration(input: { orgId: string; actorId: string; ip?: string | null } & TTicketIntegrationInput & TIntegrationEnvOverrides): Promise<TTicketIntegrationView> {
  const allowPrivateNetworks = input.allowPrivateNetworks ?? privateNetworksAllowed();
  const settings = await validateIntegration(
    { name: input.name, kind: input.kind, baseUrl: input.baseUrl, project: input.project, issueType: input.issueType ?? null, username: input.username ?? null, doneTransition: input.doneTransition ?? null },
    { allowPrivateNetworks, ...(input.resolve ? { resolve: input.resolve } : {}) },
  );
  const { ciphertext, keyId } = encryptCredential(checkToken(input.token), input.keyring ?? ticketKeyring());
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.ticketIntegration.create({
        data: { orgId: input.orgId, ...settings, tokenCipher: ciphertext, keyId, enabled: input.enabled ?? true, createdById: input.actorId },
        select: INTEGRATION_VIEW,
      });
      await writeAudit(
        {
          orgId: input.orgId,
          actorId: input.actorId,
          ip: input.ip ?? null,
          action: "ticket_integration.create",
          targetType: "ticket_integration",
          targetId: row.id,
          data: { name: row.name, kind: row.kind, host: hostOf(row.baseUrl), project: row.project, enabled: row.enabled },
        },
        tx,
      );
      return toIntegrationView(row);
    });
  } catch (e) {
    return uniqueName(e, settings.name);
  }
}

/** `token` omitted keeps the stored one. */
export async function updateTicketIntegration(
  input: { orgId: string; actorId: string; id: string; ip?: string | null } & Partial<TTicketIntegrationInput> & TIntegrationEnvOverrides,
): Promise<TTicketIntegrationView> {
  const current = await db.ticketIntegration.findFirst({ where: { id: input.id, orgId: input.orgId }, select: INTEGRATION_VIEW });
  if (!current) throw new NotFoundError("ticket integration");
  const pick = <K extends keyof typeof current>(k: K & keyof TTicketIntegrationInput) => (input[k] !== undefined ? input[k] : current[k]) as (typeof current)[K];
  const settings = await validateIntegration(
    {
      name: pick("name"),
      kind: pick("kind") as TTicketKind,
      baseUrl: pick("baseUrl"),
      project: pick("project"),
      issueType: pick("issueType"),
      username: pick("username"),
      doneTransition: pick("doneTransition"),
    },
    { allowPrivateNetworks: input.allowPrivateNetworks ?? privateNetworksAllowed(), ...(input.resolve ? { resolve: input.resolve } : {}) },
  );
  const sealed = input.token !== undefined ? encryptCredential(checkToken(input.token), input.keyring ?? ticketKeyring()) : null;
  const enabled = input.enabled ?? current.enabled;
  const changed: Record<string, unknown> = {};
  for (const k of ["name", "kind", "project", "issueType", "username", "doneTransition"] as const) if (settings[k] !== current[k]) changed[k] = settings[k];
  if (settings.baseUrl !== current.baseUrl) changed.host = hostOf(settings.baseUrl);
  if (enabled !== current.enabled) changed.enabled = enabled;
  if (sealed) changed.token = "replaced";
  // A new address or token starts with a clean slate.
  const fresh = sealed || settings.baseUrl !== current.baseUrl || settings.kind !== current.kind;
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.ticketIntegration.update({
        where: { id: current.id },
        data: { ...settings, enabled, ...(sealed ? { tokenCipher: sealed.ciphertext, keyId: sealed.keyId } : {}), ...(fresh ? { lastStatus: null, lastError: null } : {}) },
        select: INTEGRATION_VIEW,
      });
      if (Object.keys(changed).length) {
        await writeAudit(
          { orgId: input.orgId, actorId: input.actorId, ip: input.ip ?? null, action: "ticket_integration.update", targetType: "ticket_integration", targetId: row.id, data: { name: row.name, changed } },
          tx,
        );
      }
      return toIntegrationView(row);
    });
  } catch (e) {
    return uniqueName(e, settings.name);
  }
}

/** Deletes an integration and its tickets' links (the issues stay in Jira or GitHub). */
export async function deleteTicketIntegration(input: { orgId: string; actorId: string; id: string; ip?: string | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await tx.ticketIntegration.findFirst({ where: { id: input.id, orgId: input.orgId }, select: { id: true, name: true, kind: true, baseUrl: true, project: true, _count: { select: { tickets: true } } } });
    if (!current) throw new NotFoundError("ticket integration");
    await tx.ticketIntegration.delete({ where: { id: current.id } });
    await writeAudit(
      {
        orgId: input.orgId,
        actorId: input.actorId,
        ip: input.ip ?? null,
        action: "ticket_integration.delete",
        targetType: "ticket_integration",
        targetId: current.id,
        data: { name: current.name, kind: current.kind, host: hostOf(current.baseUrl), project: current.project, tickets: current._count.tickets },
      },
      tx,
    );
  });
}

export async function listTicketIntegrations(input: { orgId: string }): Promise<TTicketIntegrationView[]> {
  const rows = await db.ticketIntegration.findMany({ where: { orgId: input.orgId }, select: INTEGRATION_VIEW, orderBy: [{ name: "asc" }] });
  return rows.map(toIntegrationView);
}

export async function getTicketIntegration(input: { orgId: string; id: string }): Promise<TTicketIntegrationView | null> {
  const row = await db.ticketIntegration.findFirst({ where: { id: input.id, orgId: input.orgId }, select: INTEGRATION_VIEW });
  return row ? toIntegrationView(row) : null;
}
