import { Plus } from "lucide-react";
import { listClusters } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { ClustersTable } from "@/modules/clusters/components/clusters-table";
import { ScanAllButton } from "@/modules/clusters/components/scan-all-button";
import { Onboarding } from "@/modules/overview/components/onboarding";
import { ButtonLink } from "@/modules/ui/components/button";
import { PageHeader, Section } from "@/modules/ui/components/layout";
import { plural } from "@/modules/ui/format";

export const metadata = { title: "Clusters" };
export const dynamic = "force-dynamic";

export default async function ClustersPage() {
  const ctx = await requirePageContext();
  const clusters = await listClusters({ orgId: ctx.orgId });
  const canManage = can(ctx.role, "cluster:manage");
  return (
    <>
      <PageHeader
        title="Clusters"
        description={clusters.length ? `${plural(clusters.length, "cluster")}, worst posture first` : "Connect a cluster to start scanning"}
        actions={
          <>
            {clusters.length > 0 && can(ctx.role, "scan:run") && <ScanAllButton />}
            {canManage && <ButtonLink href="/clusters/new" variant="primary"><Plus className="size-4" aria-hidden />Add cluster</ButtonLink>}
          </>
        }
      />
      {clusters.length === 0 ? (
        <Onboarding canManage={canManage} />
      ) : (
        <Section bodyClassName="p-0"><ClustersTable clusters={clusters} /></Section>
      )}
    </>
  );
}
