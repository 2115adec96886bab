import Link from "next/link";
import { redirect } from "next/navigation";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { AddCluster } from "@/modules/clusters/components/add-cluster";
import { kubeconfigCommands, scannerManifest } from "@/modules/clusters/scanner-manifest";
import { PageHeader } from "@/modules/ui/components/layout";

export const metadata = { title: "Add cluster" };

export default async function NewClusterPage({ searchParams }: { searchParams: Promise<{ method?: string }> }) {
  const ctx = await requirePageContext();
  if (!can(ctx.role, "cluster:manage")) redirect("/clusters");
  const { method } = await searchParams;
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/clusters" className="hover:text-zinc-900">Clusters</Link>}
        title="Add a cluster"
        description="Bulwark needs read-only access to the Kubernetes API. It never writes to your cluster and never runs anything from the kubeconfig."
      />
      <AddCluster
        initialMethod={method === "kubeconfig" ? "kubeconfig" : "manifest"}
        manifests={{
          withoutSecrets: scannerManifest({ allowSecretMetadata: false, namespace: "bulwark" }),
          withSecrets: scannerManifest({ allowSecretMetadata: true, namespace: "bulwark" }),
        }}
        commands={kubeconfigCommands("bulwark")}
      />
    </>
  );
}
