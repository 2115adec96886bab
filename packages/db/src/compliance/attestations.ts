// Attestations: a person signs off a control no rule can check (or any control an admin chooses)
// with a statement, evidence files, links, an owner, a review date and an expiry. A new one
// supersedes the control's previous one in the same transaction; revoking ends one early. Every
// change is audited; file bytes are read only by getAttestationFile.
import { DomainError, NotFoundError } from "../errors";
import { db } from "../client";
import { evidenceEnv } from "../env";
import { newId } from "../ids";
import { writeAudit } from "../audit/write-audit";
import { Prisma } from "../generated/prisma/client";
import { checkEvidenceFile, MAX_EVIDENCE_FILES, type TCheckedEvidence } from "./evidence-content";
import { discardEvidence, putEvidence, readEvidence, type TStoredEvidence } from "./evidence-store";
import { frameworkOrThrow } from "./scope";

export const MAX_STATEMENT_CHARS = 4000;
export const MAX_OWNER_CHARS = 200;
export const MAX_LINKS = 20;
export const MAX_LINK_CHARS = 2000;
/** An attestation is evidence for at most this long; auditors expect a yearly review at least. */
export const MAX_ATTESTATION_DAYS = 730;

export interface TAttestationFileMeta {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface TAttestation {
  id: string;
  framework: string;
  controlId: string;
  statement: string;
  links: string[];
  owner: string;
  reviewedAt: Date;
  expiresAt: Date;
  attestedByName: string;
  createdAt: Date;
  supersededAt: Date | null;
  revokedAt: Date | null;
  files: TAttestationFileMeta[];
}

const SELECT = {
  id: true,
  framework: true,
  controlId: true,
  statement: true,
  links: true,
  owner: true,
  reviewedAt: true,
  expiresAt: true,
  attestedByName: true,
  createdAt: true,
  supersededAt: true,
  revokedAt: true,
  files: { select: { id: true, name: true, contentType: true, size: true, sha256: true }, orderBy: [{ name: "asc" }, { id: "asc" }] },
} satisfies Prisma.AttestationSelect;

/** In force at `at`: recorded by then, not superseded or revoked by then, not yet expired. */
function inForceAt(at: Date): Prisma.AttestationWhereInput {
  return {
    createdAt: { lte: at },
    expiresAt: { gt: at },
    AND: [{ OR: [{ supersededAt: null }, { supersededAt: { gt: at } }] }, { OR: [{ revokedAt: null }, { revokedAt: { gt: at } }] }],
  };
}

/** Each control's attestation in force at `now` (default: now), by control id. */
export async function listActiveAttestations(input: { orgId: string; framework: string; now?: Date }): Promise<Map<string, TAttestation>> {
  const rows = await db.attestation.findMany({
    where: { orgId: input.orgId, framework: input.framework, ...inForceAt(input.now ?? new Date()) },
    select: SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const out = new Map<string, TAttestation>();
  for (const r of rows) if (!out.has(r.controlId)) out.set(r.controlId, r);
  return out;
}

/** The history of a framework's attestations (or one control's), newest first. */
export async function listAttestations(input: { orgId: string; framework: string; controlId?: string; limit?: number }): Promise<TAttestation[]> {
  return db.attestation.findMany({
    where: { orgId: input.orgId, framework: input.framework, ...(input.controlId ? { controlId: input.controlId } : {}) },
    select: SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(input.limit ?? 500, 1), 1000),
  });
}

export async function getAttestation(input: { orgId: string; attestationId: string }): Promise<TAttestation | null> {
  return db.attestation.findFirst({ where: { id: input.attestationId, orgId: input.orgId }, select: SELECT });
}

export interface TCreateAttestationInput {
  orgId: string;
  /** The signer: a member of the organization; name is a fallback when the user has none. */
  actor: { id: string; name?: string | null };
  framework: string;
  controlId: string;
  statement: string;
  links?: readonly string[];
  owner: string;
  reviewedAt: Date;
  expiresAt: Date;
  files?: ReadonlyArray<{ name: string; contentType?: string | null; bytes: Buffer }>;
  ip?: string | null;
  now?: Date;
}

function checkLinks(links: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of links) {
    const link = raw.trim();
    if (!link) continue;
    if (link.length > MAX_LINK_CHARS) throw new DomainError(`a link is longer than ${MAX_LINK_CHARS} characters`);
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new DomainError(`${JSON.stringify(link.slice(0, 80))} is not a URL (links start with https://)`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new DomainError(`links must be https or http URLs (got ${url.protocol.replace(/:$/, "")})`);
    if (url.username || url.password) throw new DomainError("a link must not contain a user name or password");
    if (!out.includes(url.href)) out.push(url.href);
  }
  if (out.length > MAX_LINKS) throw new DomainError(`at most ${MAX_LINKS} links`);
  return out;
}

function checkDates(reviewedAt: Date, expiresAt: Date, now: Date): void {
  if (Number.isNaN(reviewedAt.getTime())) throw new DomainError("the review date is not a date");
  if (Number.isNaN(expiresAt.getTime())) throw new DomainError("the expiry date is not a date");
  // A review dated today may be entered as a date in a time zone ahead of the server's.
  if (reviewedAt.getTime() > now.getTime() + 86_400_000) throw new DomainError("the review date cannot be in the future");
  if (expiresAt.getTime() <= now.getTime()) throw new DomainError("the expiry date must be in the future");
  if (expiresAt.getTime() <= reviewedAt.getTime()) throw new DomainError("the expiry date must be after the review date");
  if (expiresAt.getTime() > now.getTime() + MAX_ATTESTATION_DAYS * 86_400_000) throw new DomainError(`an attestation may last at most ${MAX_ATTESTATION_DAYS} days; attest again after the next review`);
}

/**
 * Records an attestation with its evidence files and supersedes the control's previous one, in
 * one transaction. Files are checked from their bytes (PDF, PNG or text) and, with an S3 store,
 * uploaded before the rows are written (and removed again if the write fails).
 */
export async function createAttestation(input: TCreateAttestationInput): Promise<TAttestation> {
  const now = input.now ?? new Date();
  const fw = frameworkOrThrow(input.framework);
  const control = fw.controls.find((c) => c.id === input.controlId);
  if (!control) throw new NotFoundError(`control ${JSON.stringify(input.controlId.slice(0, 80))} of ${fw.name}`);
  if (control.notApplicable) throw new DomainError(`${control.id} is not applicable (${control.notApplicable}); there is nothing to attest`);
  const statement = input.statement.trim();
  if (!statement) throw new DomainError("say what is in place and how it was checked (the statement is empty)");
  if (statement.length > MAX_STATEMENT_CHARS) throw new DomainError(`the statement is longer than ${MAX_STATEMENT_CHARS} characters`);
  const owner = input.owner.trim();
  if (!owner) throw new DomainError("name the owner of the control (a person or a team)");
  if (owner.length > MAX_OWNER_CHARS) throw new DomainError(`the owner is longer than ${MAX_OWNER_CHARS} characters`);
  const links = checkLinks(input.links ?? []);
  checkDates(input.reviewedAt, input.expiresAt, now);
  const env = evidenceEnv();
  const uploads = input.files ?? [];
  if (uploads.length > MAX_EVIDENCE_FILES) throw new DomainError(`at most ${MAX_EVIDENCE_FILES} evidence files per attestation`);
  const checked: TCheckedEvidence[] = uploads.map((f) => checkEvidenceFile(f, env.maxBytes));
  const names = new Set<string>();
  for (const f of checked) {
    if (names.has(f.name.toLowerCase())) throw new DomainError(`two files are named ${f.name}`);
    names.add(f.name.toLowerCase());
  }

  const member = await db.membership.findUnique({ where: { orgId_userId: { orgId: input.orgId, userId: input.actor.id } }, select: { user: { select: { name: true, email: true } } } });
  if (!member) throw new DomainError("only a member of the organization can attest");
  const u = member.user;
  const attestedByName = (u.name ? `${u.name} <${u.email}>` : u.email || input.actor.name || "unknown").slice(0, 300);

  const attestationId = newId();
  const stored: Array<TCheckedEvidence & { id: string; where: TStoredEvidence }> = [];
  try {
    for (const f of checked) {
      const id = newId();
      stored.push({ ...f, id, where: await putEvidence({ orgId: input.orgId, attestationId, fileId: id, bytes: f.bytes, contentType: f.contentType }, env) });
    }
    return await db.$transaction(async (tx) => {
      // One writer per control at a time, so two concurrent attestations cannot both stay in force.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attestation:${input.orgId}:${input.framework}:${input.controlId}`}))`;
      const previous = await tx.attestation.findMany({
        where: { orgId: input.orgId, framework: input.framework, controlId: input.controlId, supersededAt: null, revokedAt: null },
        select: { id: true },
      });
      if (previous.length) await tx.attestation.updateMany({ where: { orgId: input.orgId, id: { in: previous.map((p) => p.id) } }, data: { supersededAt: now } });
      const created = await tx.attestation.create({
        data: {
          id: attestationId,
          orgId: input.orgId,
          framework: input.framework,
          controlId: input.controlId,
          statement,
          links,
          owner,
          reviewedAt: input.reviewedAt,
          expiresAt: input.expiresAt,
          attestedById: input.actor.id,
          attestedByName,
          createdAt: now,
          files: {
            create: stored.map((f) => ({
              id: f.id,
              orgId: input.orgId,
              name: f.name,
              contentType: f.contentType,
              size: f.size,
              sha256: f.sha256,
              storage: f.where.storage,
              data: f.where.data ? new Uint8Array(f.where.data) : null,
              objectKey: f.where.objectKey,
              createdAt: now,
            })),
          },
        },
        select: SELECT,
      });
      await writeAudit(
        {
          orgId: input.orgId,
          actorId: input.actor.id,
          action: "attestation.create",
          targetType: "attestation",
          targetId: attestationId,
          data: {
            framework: input.framework,
            controlId: input.controlId,
            owner,
            reviewedAt: input.reviewedAt.toISOString(),
            expiresAt: input.expiresAt.toISOString(),
            links,
            files: stored.map((f) => ({ id: f.id, name: f.name, contentType: f.contentType, size: f.size, sha256: f.sha256, storage: f.where.storage })),
            superseded: previous.map((p) => p.id),
          },
          ip: input.ip ?? null,
        },
        tx,
      );
      return created;
    });
  } catch (err) {
    await discardEvidence(stored.flatMap((f) => (f.where.objectKey ? [f.where.objectKey] : [])), env);
    throw err;
  }
}

/** Ends an attestation early: its control is pending again (an earlier, superseded one does not return). */
export async function revokeAttestation(input: { orgId: string; actorId: string; attestationId: string; reason?: string | null; ip?: string | null; now?: Date }): Promise<TAttestation> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const current = await tx.attestation.findFirst({ where: { id: input.attestationId, orgId: input.orgId }, select: { id: true, framework: true, controlId: true, revokedAt: true, supersededAt: true } });
    if (!current) throw new NotFoundError("attestation");
    if (current.revokedAt) throw new DomainError("this attestation is already revoked");
    if (current.supersededAt) throw new DomainError("this attestation was already replaced by a newer one");
    const res = await tx.attestation.updateMany({ where: { id: current.id, orgId: input.orgId, revokedAt: null, supersededAt: null }, data: { revokedAt: now, revokedById: input.actorId } });
    if (res.count === 0) throw new DomainError("this attestation changed just now; reload and try again");
    const reason = input.reason?.trim().slice(0, 1000) || null;
    await writeAudit(
      { orgId: input.orgId, actorId: input.actorId, action: "attestation.revoke", targetType: "attestation", targetId: current.id, data: { framework: current.framework, controlId: current.controlId, reason }, ip: input.ip ?? null },
      tx,
    );
    return tx.attestation.findUniqueOrThrow({ where: { id: current.id }, select: SELECT });
  });
}

export interface TAttestationFileContent {
  id: string;
  attestationId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

/** One evidence file of the organization with its bytes (checked against its SHA-256), or null. */
export async function getAttestationFile(input: { orgId: string; fileId: string }): Promise<TAttestationFileContent | null> {
  const row = await db.attestationFile.findFirst({
    where: { id: input.fileId, orgId: input.orgId, attestation: { orgId: input.orgId } },
    select: { id: true, attestationId: true, name: true, contentType: true, size: true, sha256: true, storage: true, data: true, objectKey: true },
  });
  if (!row) return null;
  const bytes = await readEvidence(row);
  return { id: row.id, attestationId: row.attestationId, name: row.name, contentType: row.contentType, size: row.size, sha256: row.sha256, bytes };
}

