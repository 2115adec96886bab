// Fixes applied with approval: the cluster's write credential, proposals, decisions, results.
// Signatures are the contract between helpers H3 (implements) and H5 (the web app).
import type { FixInput } from "@bulwark/rules";
import type { TFixRequestView, TWriteCredentialView } from "./types";

export * from "./types";

const todo = (name: string): never => {
  throw new Error(`${name}: not implemented yet`);
};

/** Vets (as a read credential is vetted: same API server as the cluster), encrypts and stores the write credential. Audit logged. */
export async function setWriteCredential(input: { orgId: string; clusterId: string; actorId: string; kubeconfig: string; context?: string; ip?: string | null }): Promise<TWriteCredentialView> {
  void input;
  return todo("setWriteCredential");
}
export async function clearWriteCredential(input: { orgId: string; clusterId: string; actorId: string; ip?: string | null }): Promise<TWriteCredentialView> {
  void input;
  return todo("clearWriteCredential");
}
export async function getWriteCredentialView(input: { orgId: string; clusterId: string }): Promise<TWriteCredentialView> {
  void input;
  return todo("getWriteCredentialView");
}

/**
 * The findings (org-scoped) with their objects' last manifests, grouped by cluster, ready for
 * planFixes/buildFixBundle: by ids, or every open finding of a risk.
 */
export async function loadFixInputs(input: { orgId: string; findingIds?: readonly string[]; riskId?: string }): Promise<{ clusterId: string; clusterName: string; inputs: FixInput[] }[]> {
  void input;
  return todo("loadFixInputs");
}

/** A member proposes applying the fixes of findings (one cluster) or a risk; 400 (DbError) when nothing can be fixed automatically. */
export async function proposeFix(input: { orgId: string; actorId: string; source: "finding" | "risk" | "selection"; findingIds?: readonly string[]; riskId?: string; reason?: string; ip?: string | null }): Promise<TFixRequestView> {
  void input;
  return todo("proposeFix");
}

/** An admin approves (the caller then enqueues the apply job) or rejects a proposed fix. */
export async function decideFix(input: { orgId: string; actorId: string; id: string; decision: "approve" | "reject"; note?: string; ip?: string | null }): Promise<TFixRequestView> {
  void input;
  return todo("decideFix");
}

/** The proposer (or an admin) withdraws a fix still proposed. */
export async function cancelFix(input: { orgId: string; actorId: string; id: string; ip?: string | null }): Promise<TFixRequestView> {
  void input;
  return todo("cancelFix");
}

export async function listFixRequests(input: { orgId: string; status?: readonly string[]; clusterId?: string; findingId?: string; limit?: number; cursor?: string }): Promise<{ items: TFixRequestView[]; nextCursor: string | null }> {
  void input;
  return todo("listFixRequests");
}

export async function getFixRequest(input: { orgId: string; id: string }): Promise<TFixRequestView | null> {
  void input;
  return todo("getFixRequest");
}
