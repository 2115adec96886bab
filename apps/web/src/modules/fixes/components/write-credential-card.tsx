// The cluster page's "Write access for fixes" card: whether the cluster has a second, write-capable
// credential (used only to apply approved fixes, never for scans), whose identity it is, and the
// form to set, replace or remove it (admins). The credential itself never leaves the server.
import { getWriteCredentialView } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { Section } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { WriteCredentialForm } from "./write-credential-form";

const RBAC_EXAMPLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: bulwark-fixer
rules:
- apiGroups: ["apps"]
  resources: ["deployments", "statefulsets", "daemonsets", "replicasets"]
  verbs: ["get", "patch"]
- apiGroups: ["batch"]
  resources: ["cronjobs", "jobs"]
  verbs: ["get", "patch"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "patch"]`;

export async function WriteCredentialCard({ ctx, clusterId }: { ctx: TOrgContext; clusterId: string }) {
  const view = await getWriteCredentialView({ orgId: ctx.orgId, clusterId }).catch((err: unknown) => {
    console.error("[bulwark/web] write credential view failed", err);
    return null;
  });
  const canManage = can(ctx.role, "fix:approve");
  return (
    <Section
      title="Write access for fixes"
      id="write-credential"
      description="A second credential, used only to apply fixes an admin approved; scans always use the read-only one"
    >
      {view === null ? (
        <p className="text-sm text-zinc-600">The write credential&apos;s state could not be read right now.</p>
      ) : view.set ? (
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div className="min-w-0"><dt className="text-xs text-zinc-500">Identity</dt><dd className="mt-0.5 break-all font-mono text-xs text-zinc-900">{view.identity ?? "unknown"}</dd></div>
          <div><dt className="text-xs text-zinc-500">Set</dt><dd className="mt-0.5 text-xs"><Time date={view.setAt} /></dd></div>
        </dl>
      ) : (
        <div className="space-y-2 text-sm text-zinc-700">
          <p>Not set: fixes can be proposed and downloaded as bundles, but not applied to this cluster.</p>
          <details className="text-xs">
            <summary className="cursor-pointer font-medium text-zinc-800">Least privilege: get and patch on workloads</summary>
            <p className="mt-1.5 text-zinc-600">Bind a role like this one to a dedicated ServiceAccount and paste its kubeconfig. Bulwark reads the object, dry-runs the patch on the server, then patches it (field manager <code className="font-mono">bulwark</code>).</p>
            <pre className="mt-1.5 overflow-x-auto rounded-md bg-zinc-950 p-3 font-mono text-xs leading-5 text-zinc-100"><code>{RBAC_EXAMPLE}</code></pre>
          </details>
        </div>
      )}
      {view !== null && (
        <div className="mt-4 border-t border-zinc-100 pt-3">
          {canManage ? <WriteCredentialForm clusterId={clusterId} set={view.set} /> : <p className="text-xs text-zinc-500">Admins set or remove the write credential.</p>}
        </div>
      )}
    </Section>
  );
}
