import { db } from "../client";

/** For the worker only: the encrypted kubeconfig. Never return this to a browser. */
export async function getClusterCredential(input: { orgId: string; clusterId: string }): Promise<{ credentialCipher: string; credentialKeyId: string } | null> {
  return db.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: { credentialCipher: true, credentialKeyId: true } });
}
