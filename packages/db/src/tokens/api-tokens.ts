// Organization API tokens: `bwk_<secret>` shown once, only its sha256 stored. A request's token is
// found by its hash (a unique index lookup), so no secret is compared byte by byte in JavaScript.
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

export const API_TOKEN_SCOPES = ["read", "scan", "findings:write", "admin"] as const;
export type TApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_PREFIX = "bwk_";
/** Characters kept for display: the fixed prefix and 8 of the 43 random ones. */
const DISPLAY_CHARS = API_TOKEN_PREFIX.length + 8;
/** lastUsedAt is written at most this often per token, so a busy client costs no write per request. */
export const LAST_USED_WRITE_MS = 60_000;
export const MAX_API_TOKENS_PER_ORG = 50;
export const MAX_API_TOKEN_DAYS = 366;

export interface TApiTokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: TApiTokenScope[];
  createdAt: Date;
  createdBy: { id: string; email: string; name: string | null };
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A string shaped like one of our tokens: anything else is refused before touching the database. */
export function looksLikeApiToken(token: string): boolean {
  return /^bwk_[A-Za-z0-9_-]{43}$/.test(token);
}

function scopesOf(raw: string[]): TApiTokenScope[] {
  return raw.filter((s): s is TApiTokenScope => (API_TOKEN_SCOPES as readonly string[]).includes(s));
}

/** Creates a token; the secret is in the answer once and never again. Audited. */
export async function createApiToken(input: {
  orgId: string;
  createdById: string;
  name: string;
  scopes: TApiTokenScope[];
  expiresInDays: number | null;
  ip?: string | null;
}): Promise<{ token: string; view: TApiTokenView }> {
  const name = input.name.trim();
  if (!name || name.length > 80) throw new DomainError("a token needs a name of 1 to 80 characters");
  const scopes = [...new Set(scopesOf(input.scopes))];
  if (scopes.length === 0) throw new DomainError("a token needs at least one scope");
  const days = input.expiresInDays;
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= MAX_API_TOKEN_DAYS)) throw new DomainError(`a token expires after 1 to ${MAX_API_TOKEN_DAYS} days, or never`);
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await db.$transaction(async (tx) => {
    const live = await tx.apiToken.count({ where: { orgId: input.orgId, revokedAt: null } });
    if (live >= MAX_API_TOKENS_PER_ORG) throw new DomainError(`an organization has at most ${MAX_API_TOKENS_PER_ORG} active tokens; revoke one first`);
    const row = await tx.apiToken.create({
      data: {
        orgId: input.orgId,
        name,
        prefix: token.slice(0, DISPLAY_CHARS),
        tokenHash: hashApiToken(token),
        scopes,
        createdById: input.createdById,
        expiresAt: days === null ? null : new Date(Date.now() + days * 86_400_000),
      },
      include: { createdBy: { select: { id: true, email: true, name: true } } },
    });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.createdById, action: "token.create", targetType: "token", targetId: row.id, data: { name, scopes, expiresAt: row.expiresAt } }, tx);
    return row;
  });
  return { token, view: toView(row) };
}

export async function listApiTokens(input: { orgId: string }): Promise<TApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    where: { orgId: input.orgId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    include: { createdBy: { select: { id: true, email: true, name: true } } },
    take: 200,
  });
  return rows.map(toView);
}

/** Revokes a token of the organization (another organization's id is "not found"). Audited. */
export async function revokeApiToken(input: { orgId: string; tokenId: string; actorId: string; ip?: string | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    const res = await tx.apiToken.updateMany({ where: { id: input.tokenId, orgId: input.orgId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count === 0) throw new NotFoundError("token");
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "token.revoke", targetType: "token", targetId: input.tokenId }, tx);
  });
}

export interface TResolvedApiToken {
  tokenId: string;
  orgId: string;
  org: { id: string; name: string; slug: string };
  scopes: TApiTokenScope[];
  /** The creator, whose current role caps what the token may do. */
  user: { id: string; email: string; name: string | null };
  role: Role;
}

/**
 * The token's organization, scopes and creator, or null when it is unknown, revoked, expired, or its
 * creator is no longer a member of its organization. Records the use (throttled).
 */
export async function resolveApiToken(token: string, now = new Date()): Promise<TResolvedApiToken | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    include: { org: { select: { id: true, name: true, slug: true } }, createdBy: { select: { id: true, email: true, name: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const membership = await db.membership.findUnique({ where: { orgId_userId: { orgId: row.orgId, userId: row.createdById } }, select: { role: true } });
  if (!membership) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_WRITE_MS) {
    // One conditional write: concurrent requests of the same minute do not all write.
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_WRITE_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: row.id, orgId: row.orgId, org: row.org, scopes: scopesOf(row.scopes), user: row.createdBy, role: membership.role };
}

function toView(row: { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null; createdBy: { id: string; email: string; name: string | null } }): TApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: scopesOf(row.scopes),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
