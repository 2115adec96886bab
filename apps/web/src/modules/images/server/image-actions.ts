"use server";
// CVE exceptions (admins and owners: cve-exception:manage), from the vulnerability pages' dialog and
// POST /api/cve-exceptions: one @bulwark/db call each, which checks the fields and writes the audit
// row. Scans from then on list the CVE as excepted; the pages showing it are refreshed.
import { revalidatePath } from "next/cache";
import { DomainError, createCveException, revokeCveException } from "@bulwark/db";
import { HttpError } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZCveExceptionInput, ZRevokeCveExceptionInput } from "../images.schemas";

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

function refresh() {
  revalidatePath("/vulnerabilities");
  revalidatePath("/images", "layout");
}

export const createCveExceptionAction = withOrg({ schema: ZCveExceptionInput, permission: "cve-exception:manage" }, async (input, ctx) => {
  try {
    const created = await createCveException({
      orgId: ctx.orgId,
      actorId: ctx.userId,
      cve: input.cve,
      repository: input.repository ?? null,
      clusterId: input.clusterId ?? null,
      namespace: input.namespace ?? null,
      state: input.state,
      justification: input.justification ?? null,
      note: input.note,
      expiresAt: input.expiresAt ?? null,
      ip: ctx.ip,
    });
    refresh();
    return created;
  } catch (err) {
    // Every refusal of a new exception is about its fields (an id, a scope, a date): a bad request.
    if (err instanceof DomainError) throw new HttpError(400, capitalize(err.message), "invalid_input");
    throw err;
  }
});

export const revokeCveExceptionAction = withOrg({ schema: ZRevokeCveExceptionInput, permission: "cve-exception:manage" }, async (input, ctx) => {
  const revoked = await revokeCveException({ orgId: ctx.orgId, actorId: ctx.userId, id: input.id, ip: ctx.ip });
  refresh();
  return revoked;
});

