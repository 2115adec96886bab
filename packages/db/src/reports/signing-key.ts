// The organization's report signing key, as stored: the private key sealed with the credential
// keyring (never unsealed here), the public key and its id. Created on first use by whoever needs
// it first (the worker signing a report, or Settings showing the public key); two racing creators
// end up with the one key that was stored first.
import { db } from "../client";
import { writeAudit } from "../audit/write-audit";

export interface TStoredSigningKey {
  privateKeyCipher: string;
  publicKeyPem: string;
  keyId: string;
}

export async function getReportSigningKey(input: { orgId: string }): Promise<TStoredSigningKey | null> {
  const o = await db.organization.findUnique({ where: { id: input.orgId }, select: { reportSigningKeyCipher: true, reportSigningPublicKey: true, reportSigningKeyId: true } });
  if (!o?.reportSigningKeyCipher || !o.reportSigningPublicKey || !o.reportSigningKeyId) return null;
  return { privateKeyCipher: o.reportSigningKeyCipher, publicKeyPem: o.reportSigningPublicKey, keyId: o.reportSigningKeyId };
}

/** The stored key, or the one `create` makes, stored only when the organization has none yet. */
export async function ensureReportSigningKey(input: { orgId: string; create: () => TStoredSigningKey }): Promise<TStoredSigningKey> {
  const existing = await getReportSigningKey(input);
  if (existing) return existing;
  const k = input.create();
  await db.$transaction(async (tx) => {
    const res = await tx.organization.updateMany({
      where: { id: input.orgId, reportSigningKeyCipher: null },
      data: { reportSigningKeyCipher: k.privateKeyCipher, reportSigningPublicKey: k.publicKeyPem, reportSigningKeyId: k.keyId },
    });
    if (res.count) await writeAudit({ orgId: input.orgId, action: "report_signing_key.create", targetType: "organization", targetId: input.orgId, data: { keyId: k.keyId, algorithm: "Ed25519" } }, tx);
  });
  const stored = await getReportSigningKey(input);
  if (!stored) throw new Error("organization not found");
  return stored;
}
