import { requirePageContext } from "@/modules/auth/server/session";
import { VulnerabilitiesPage } from "@/modules/images/components/vulnerabilities-page";

export const metadata = { title: "Vulnerabilities" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  return <VulnerabilitiesPage ctx={ctx} search={await searchParams} />;
}
