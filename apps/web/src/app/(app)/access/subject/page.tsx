import { requirePageContext } from "@/modules/auth/server/session";
import { SubjectPage } from "@/modules/access/components/subject-page";
import type { TSearch } from "@/modules/access/server/queries";

export const metadata = { title: "Subject access" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<TSearch> }) {
  const ctx = await requirePageContext();
  return <SubjectPage ctx={ctx} search={await searchParams} />;
}
