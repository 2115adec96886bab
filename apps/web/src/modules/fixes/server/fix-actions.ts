"use server";
// Fix requests and a cluster's write credential, from the pages' dialogs and the /api/fixes and
// /api/clusters/{id}/write-credential routes: one @bulwark/db call each (which checks the request's
// state and writes the audit row), plus the apply job an approval enqueues. The web never talks to
// the cluster: the worker applies what an admin approved.
import { revalidatePath } from "next/cache";
import { DomainError, NotFoundError, cancelFix, clearWriteCredential, decideFix, getCluster, proposeFix, setWriteCredential } from "@bulwark/db";
import { enqueueFixApply } from "@bulwark/jobs";
import { KubeconfigError } from "@bulwark/security";
import { env } from "@/env";
import { HttpError, orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { getKeyring } from "@/modules/clusters/server/credentials";
import { enqueueOrExplain } from "@/modules/clusters/server/scan-requests";
import { ZClusterRef, ZFixDecision, ZFixId, ZProposeFix, ZWriteCredential } from "../fixes.schemas";

function refresh(id?: string) {
  revalidatePath("/fixes");
  if (id) revalidatePath(`/fixes/${id}`);
}

/** A refusal of the data layer: a request already under way, or a state that changed, is a conflict (409). */
function domainStatus(err: DomainError): number {
  const s = (err as DomainError & { status?: unknown }).status;
  return typeof s === "number" && s >= 400 && s < 500 ? s : 409;
}

/** A proposal's refusals are about what it names (nothing fixable, several clusters), except a request already open. */
const proposeStatus = (err: DomainError) => (/already|meanwhile/i.test(err.message) ? 409 : 400);

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

export const proposeFixAction = withOrg({ schema: ZProposeFix, permission: "fix:propose" }, async (input, ctx) => {
  const source = input.riskId ? "risk" : (input.findingIds?.length ?? 0) > 1 ? "selection" : "finding";
  try {
    const created = await proposeFix({
      orgId: ctx.orgId,
      actorId: ctx.userId,
      source,
      ...(input.riskId ? { riskId: input.riskId } : { findingIds: input.findingIds ?? [] }),
      ...(input.reason ? { reason: input.reason } : {}),
      ip: ctx.ip,
    });
    refresh(created.id);
    return created;
  } catch (err) {
    if (err instanceof DomainError) throw new HttpError(proposeStatus(err), capitalize(err.message), proposeStatus(err) === 400 ? "nothing_fixable" : "conflict");
    if (err instanceof NotFoundError) throw new HttpError(404, `${capitalize(err.message)} not found`);
    throw err;
  }
});

/** Approve (then the worker applies it: dry run, patch, verifying rescan) or reject with a note. */
export const decideFixAction = withOrg({ schema: ZFixDecision, permission: "fix:approve" }, async (input, ctx) => {
  let decided;
  try {
    decided = await decideFix({ orgId: ctx.orgId, actorId: ctx.userId, id: input.fixId, decision: input.decision, ...(input.note ? { note: input.note } : {}), ip: ctx.ip });
  } catch (err) {
    if (err instanceof DomainError) throw new HttpError(domainStatus(err), capitalize(err.message), "conflict");
    throw err;
  }
  if (decided.status === "approved") {
    await enqueueOrExplain("fix", () => enqueueFixApply({ orgId: ctx.orgId, fixRequestId: decided.id }));
  }
  refresh(decided.id);
  return decided;
});

export const cancelFixAction = withOrg({ schema: ZFixId, permission: "fix:propose" }, async (input, ctx) => {
  try {
    const cancelled = await cancelFix({ orgId: ctx.orgId, actorId: ctx.userId, id: input.fixId, ip: ctx.ip });
    refresh(cancelled.id);
    return cancelled;
  } catch (err) {
    if (err instanceof DomainError) throw new HttpError(domainStatus(err), capitalize(err.message), "conflict");
    throw err;
  }
});

/** Stores a cluster's write credential (vetted like the read one, encrypted); answers only its identity. */
export const setWriteCredentialAction = withOrg({ schema: ZWriteCredential, permission: "fix:approve" }, async (input, ctx) => {
  orNotFound(await getCluster({ orgId: ctx.orgId, clusterId: input.clusterId }), "Cluster not found");
  try {
    const view = await setWriteCredential({
      orgId: ctx.orgId,
      clusterId: input.clusterId,
      actorId: ctx.userId,
      kubeconfig: input.kubeconfig,
      ...(input.context ? { context: input.context } : {}),
      ip: ctx.ip,
      // the web's configuration, as the read credential is vetted and sealed with
      keyring: getKeyring(),
      allowPrivateNetworks: env().BULWARK_ALLOW_PRIVATE_NETWORKS,
    });
    revalidatePath(`/clusters/${input.clusterId}`);
    return view;
  } catch (err) {
    if (err instanceof KubeconfigError) {
      const where = err.field ? `kubeconfig ${err.field}` : "kubeconfig";
      throw new HttpError(400, err.message, "invalid_kubeconfig", { kubeconfig: err.field ? `${where}: ${err.message.replace(`${err.field}: `, "")}` : err.message });
    }
    if (err instanceof DomainError) throw new HttpError(400, capitalize(err.message), "invalid_kubeconfig", { kubeconfig: capitalize(err.message) });
    throw err;
  }
});

export const clearWriteCredentialAction = withOrg({ schema: ZClusterRef, permission: "fix:approve" }, async (input, ctx) => {
  orNotFound(await getCluster({ orgId: ctx.orgId, clusterId: input.clusterId }), "Cluster not found");
  const view = await clearWriteCredential({ orgId: ctx.orgId, clusterId: input.clusterId, actorId: ctx.userId, ip: ctx.ip });
  revalidatePath(`/clusters/${input.clusterId}`);
  return view;
});
