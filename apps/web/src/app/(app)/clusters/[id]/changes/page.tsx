import { getCluster } from "@bulwark/db";
import { requirePageContext } from "@/modules/auth/server/session";
import { ChangeHistoryPage } from "@/modules/changes/components/change-history-page";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const c = await getCluster({ orgId: ctx.orgId, clusterId: (await params).id });
  return { title: c ? `Changes · ${c.name}` : "Changes" };
}

export default async function ClusterChangesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  return <ChangeHistoryPage ctx={ctx} clusterId={(await params).id} searchParams={await searchParams} />;
}
