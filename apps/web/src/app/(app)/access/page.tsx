import { requirePageContext } from "@/modules/auth/server/session";
import { AccessOverviewPage } from "@/modules/access/components/access-overview-page";

export const metadata = { title: "Access" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const ctx = await requirePageContext();
  return <AccessOverviewPage ctx={ctx} />;
}
