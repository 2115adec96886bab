import { requirePageContext } from "@/modules/auth/server/session";
import { FixesPage } from "@/modules/fixes/components/fixes-page";

export const metadata = { title: "Fixes" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  return <FixesPage ctx={ctx} search={await searchParams} />;
}
