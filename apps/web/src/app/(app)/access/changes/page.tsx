import { requirePageContext } from "@/modules/auth/server/session";
import { AccessChangesPage } from "@/modules/access/components/changes-page";
import type { TSearch } from "@/modules/access/server/queries";

export const metadata = { title: "Access changes" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<TSearch> }) {
  const ctx = await requirePageContext();
  return <AccessChangesPage ctx={ctx} search={await searchParams} />;
}
