import { requirePageContext } from "@/modules/auth/server/session";
import { StalePage } from "@/modules/access/components/stale-page";
import type { TSearch } from "@/modules/access/server/queries";

export const metadata = { title: "Stale access" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<TSearch> }) {
  const ctx = await requirePageContext();
  return <StalePage ctx={ctx} search={await searchParams} />;
}
