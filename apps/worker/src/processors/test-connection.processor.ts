// "Test this connection": one authenticated /version call, result stored on the cluster.
import { getClusterCredential, getOrganization, setConnectionStatus } from "@bulwark/db";
import { decryptCredential } from "@bulwark/security";
import { testConnection } from "@bulwark/k8s";
import { ZTestConnectionJob } from "@bulwark/jobs";
import type { WorkerContext } from "../context";

export async function processTestConnection(job: { data: unknown }, ctx: WorkerContext): Promise<{ ok: boolean; reason?: string }> {
  const { orgId, clusterId } = ZTestConnectionJob.parse(job.data);
  const [credential, org] = await Promise.all([getClusterCredential({ orgId, clusterId }), getOrganization({ orgId })]);
  if (!credential || !org) return { ok: false, reason: "cluster deleted" };
  await setConnectionStatus({ orgId, clusterId, status: "testing" });
  let kubeconfig: string;
  try {
    kubeconfig = decryptCredential(credential.credentialCipher, ctx.keyring);
  } catch (e) {
    const reason = `cannot decrypt the stored kubeconfig: ${(e as Error).message}`;
    await setConnectionStatus({ orgId, clusterId, status: "error", error: reason });
    return { ok: false, reason };
  }
  // testConnection reports expected failures as { ok: false }; anything it throws (a kubeconfig
  // that no longer passes vetting, say) must still leave the cluster out of "testing".
  const res = await testConnection(kubeconfig, { allowPrivateNetworks: ctx.allowPrivateNetworks, allowInsecureTls: org.allowInsecureTls }).catch(
    (e: Error) => ({ ok: false as const, reason: e.message }),
  );
  if (res.ok) {
    await setConnectionStatus({ orgId, clusterId, status: "connected", kubeVersion: res.kubeVersion, gitVersion: res.gitVersion, provider: res.platform });
    return { ok: true };
  }
  await setConnectionStatus({ orgId, clusterId, status: "error", error: res.reason });
  return { ok: false, reason: res.reason };
}
