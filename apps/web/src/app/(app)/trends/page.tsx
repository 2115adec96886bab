import { requirePageContext } from "@/modules/auth/server/session";
import { TrendsView } from "@/modules/trends/components/trends-view";
import { queryTrends } from "@/modules/trends/server/queries";
import { ZTrendsQuery } from "@/modules/trends/trends.schemas";
import { PageHeader } from "@/modules/ui/components/layout";

export const metadata = { title: "Trends" };
export const dynamic = "force-dynamic";

export default async function TrendsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const q = ZTrendsQuery.parse(await searchParams);
  const v = await queryTrends(ctx.orgId, q);
  return (
    <>
      <PageHeader title="Trends" description="Is posture getting better? Score, open findings and remediation over time, from each scan's stored summary." />
      <TrendsView q={q} v={v} />
    </>
  );
}
