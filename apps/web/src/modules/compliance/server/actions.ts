"use server";
// Compliance scope and attestations: viewers read, admins and owners (compliance:manage) set the
// scope and attest or revoke. Each operation is one data call of @bulwark/db, which validates the
// domain rules and writes the audit row; a broken rule of the input answers 400 with its message.
import { revalidatePath } from "next/cache";
import { DomainError, createAttestation, getAttestation, getComplianceScope, listAttestations, revokeAttestation, setComplianceScope, type TAttestation } from "@bulwark/db";
import { HttpError, orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZCreateAttestation, ZFrameworkRef, ZListAttestations, ZRevokeAttestation, ZSetScope, expiryDayToInstant, reviewDateToInstant } from "../compliance.schemas";
import { attestationView } from "./attestation-view";

/** Input the data layer refused (bad namespace, link, date, file): 400 with its message. */
async function asInvalid<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DomainError) throw new HttpError(400, err.message, "invalid_input");
    throw err;
  }
}

function refresh() {
  revalidatePath("/compliance", "layout");
  revalidatePath("/reports", "layout");
}

export const getScopeOp = withOrg({ schema: ZFrameworkRef, permission: "org:read" }, async (input, ctx) => getComplianceScope({ orgId: ctx.orgId, framework: input.framework }));

export const setScopeAction = withOrg({ schema: ZSetScope, permission: "compliance:manage" }, async (input, ctx) => {
  const scope = await asInvalid(() => setComplianceScope({ orgId: ctx.orgId, actorId: ctx.userId, framework: input.framework, clusters: input.clusters, ip: ctx.ip }));
  refresh();
  return scope;
});

export const listAttestationsOp = withOrg({ schema: ZListAttestations, permission: "org:read" }, async (input, ctx) => {
  // Unknown framework: 404 (the data layer throws NotFoundError) rather than an empty history.
  await getComplianceScope({ orgId: ctx.orgId, framework: input.framework });
  const rows = await listAttestations({ orgId: ctx.orgId, framework: input.framework, ...(input.control ? { controlId: input.control } : {}) });
  const now = new Date();
  return { items: rows.map((a: TAttestation) => attestationView(a, now)) };
});

export const createAttestationAction = withOrg({ schema: ZCreateAttestation, permission: "compliance:manage" }, async (input, ctx) => {
  const created = await asInvalid(() =>
    createAttestation({
      orgId: ctx.orgId,
      actor: { id: ctx.userId, name: ctx.user.name ? `${ctx.user.name} <${ctx.user.email}>` : ctx.user.email },
      framework: input.framework,
      controlId: input.controlId,
      statement: input.statement,
      links: input.links,
      owner: input.owner,
      reviewedAt: reviewDateToInstant(input.reviewedAt),
      expiresAt: expiryDayToInstant(input.expiresAt),
      files: input.files,
      ip: ctx.ip,
    }),
  );
  refresh();
  return attestationView(created, new Date());
});

export const revokeAttestationAction = withOrg({ schema: ZRevokeAttestation, permission: "compliance:manage" }, async (input, ctx) => {
  // The framework in the URL must be the attestation's: another framework's path finds nothing.
  const current = orNotFound(await getAttestation({ orgId: ctx.orgId, attestationId: input.attestationId }), "Attestation not found");
  if (current.framework !== input.framework) throw new HttpError(404, "Attestation not found");
  const revoked = await revokeAttestation({ orgId: ctx.orgId, actorId: ctx.userId, attestationId: input.attestationId, reason: input.reason ?? null, ip: ctx.ip });
  refresh();
  return attestationView(revoked, new Date());
});
