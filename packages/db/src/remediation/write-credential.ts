// A cluster's optional write credential: vetted exactly as the read one is when a cluster is added
// (no exec plugins, no local files, no proxies, the address guard), pinned to the cluster's own API
// server, sealed with the credential keyring. Only the fix-apply path reads it back
// (getClusterWriteCredential; a lint rule keeps every other file off it).
import { KubeconfigError, encryptCredential, vetConnection, vetKubeconfig, type Keyring } from "@bulwark/security";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { credentialEnv } from "./env";
import type { TWriteCredentialView } from "./types";

/** host:port/path of an API server URL, for comparing two of them. */
export function apiServerKey(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  return `${u.protocol}//${u.hostname.toLowerCase()}:${port}${u.pathname.replace(/\/+$/, "")}`;
}

/** Who the credential authenticates as: a service-account token's subject, else the kubeconfig user's name. */
export function credentialIdentity(params: { userName: string; token?: string }): string {
  const parts = params.token?.split(".");
  if (parts?.length === 3) {
    try {
      const claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as { sub?: unknown };
      if (typeof claims.sub === "string" && claims.sub && claims.sub.length <= 300) return claims.sub;
    } catch {
      // not a JWT: fall back to the name in the kubeconfig
    }
  }
  return params.userName.slice(0, 300);
}

function view(row: { writeCredentialIdentity: string | null; writeCredentialSetAt: Date | null; writeCredentialKeyId: string | null }): TWriteCredentialView {
  return { set: row.writeCredentialKeyId !== null, identity: row.writeCredentialIdentity, setAt: row.writeCredentialSetAt };
}

const VIEW_SELECT = { writeCredentialIdentity: true, writeCredentialSetAt: true, writeCredentialKeyId: true } as const;

/** Vets (as a read credential is vetted: same API server as the cluster), encrypts and stores the write credential. Audit logged. */
export async function setWriteCredential(input: {
  orgId: string;
  clusterId: string;
  actorId: string;
  kubeconfig: string;
  context?: string;
  ip?: string | null;
  /** the caller's keyring (default: from BULWARK_SECRET_KEY) */
  keyring?: Keyring;
  /** default: BULWARK_ALLOW_PRIVATE_NETWORKS */
  allowPrivateNetworks?: boolean;
}): Promise<TWriteCredentialView> {
  const cluster = await db.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: { id: true, name: true, server: true, org: { select: { allowInsecureTls: true } } } });
  if (!cluster) throw new NotFoundError("cluster");
  const env = input.keyring && input.allowPrivateNetworks !== undefined ? undefined : credentialEnv();
  const keyring = input.keyring ?? env!.keyring;
  const allowPrivateNetworks = input.allowPrivateNetworks ?? env!.allowPrivateNetworks;
  const vetOpts = { ...(input.context ? { context: input.context } : {}), allowPrivateNetworks, allowInsecureTls: cluster.org.allowInsecureTls };
  let vetted;
  let identity: string;
  try {
    vetted = await vetKubeconfig(input.kubeconfig, vetOpts);
    identity = credentialIdentity(vetConnection(vetted.kubeconfig, { allowPrivateNetworks, allowInsecureTls: cluster.org.allowInsecureTls }));
  } catch (err) {
    if (err instanceof KubeconfigError) throw new DomainError(err.field ? `kubeconfig ${err.field}: ${err.message.replace(`${err.field}: `, "")}` : `kubeconfig: ${err.message}`);
    throw err;
  }
  if (apiServerKey(vetted.server) !== apiServerKey(cluster.server)) {
    throw new DomainError(`the write credential points at ${vetted.server}, but cluster "${cluster.name}" is ${cluster.server}: use a kubeconfig for the same API server`);
  }
  const { ciphertext, keyId } = encryptCredential(vetted.kubeconfig, keyring);
  const setAt = new Date();
  return db.$transaction(async (tx) => {
    const row = await tx.cluster.update({
      where: { id: cluster.id },
      data: { writeCredentialCipher: ciphertext, writeCredentialKeyId: keyId, writeCredentialIdentity: identity, writeCredentialSetAt: setAt },
      select: VIEW_SELECT,
    });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "cluster.write_credential.set", targetType: "cluster", targetId: cluster.id, data: { identity, server: vetted.server, authType: vetted.authType } }, tx);
    return view(row);
  });
}

export async function clearWriteCredential(input: { orgId: string; clusterId: string; actorId: string; ip?: string | null }): Promise<TWriteCredentialView> {
  const cluster = await db.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: { id: true, writeCredentialIdentity: true, writeCredentialKeyId: true } });
  if (!cluster) throw new NotFoundError("cluster");
  if (cluster.writeCredentialKeyId === null) return { set: false, identity: null, setAt: null };
  return db.$transaction(async (tx) => {
    const row = await tx.cluster.update({
      where: { id: cluster.id },
      data: { writeCredentialCipher: null, writeCredentialKeyId: null, writeCredentialIdentity: null, writeCredentialSetAt: null },
      select: VIEW_SELECT,
    });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "cluster.write_credential.clear", targetType: "cluster", targetId: cluster.id, data: { identity: cluster.writeCredentialIdentity } }, tx);
    return view(row);
  });
}

export async function getWriteCredentialView(input: { orgId: string; clusterId: string }): Promise<TWriteCredentialView> {
  const row = await db.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: VIEW_SELECT });
  if (!row) throw new NotFoundError("cluster");
  return view(row);
}

/**
 * For the worker's fix-apply path only (apps/worker/src/remediation; a lint rule keeps every other
 * file off it): the sealed write credential. Never return this to a browser, never use it to scan.
 */
export async function getClusterWriteCredential(input: { orgId: string; clusterId: string }): Promise<{ cipher: string; keyId: string; identity: string | null } | null> {
  const row = await db.cluster.findFirst({
    where: { id: input.clusterId, orgId: input.orgId },
    select: { writeCredentialCipher: true, writeCredentialKeyId: true, writeCredentialIdentity: true },
  });
  if (!row?.writeCredentialCipher || !row.writeCredentialKeyId) return null;
  return { cipher: row.writeCredentialCipher, keyId: row.writeCredentialKeyId, identity: row.writeCredentialIdentity };
}
