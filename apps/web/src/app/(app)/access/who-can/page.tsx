import { requirePageContext } from "@/modules/auth/server/session";
import { WhoCanPage } from "@/modules/access/components/who-can-page";
import type { TSearch } from "@/modules/access/server/queries";

export const metadata = { title: "Who can" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<TSearch> }) {
  const ctx = await requirePageContext();
  return <WhoCanPage ctx={ctx} search={await searchParams} />;
}
