import { requirePageContext } from "@/modules/auth/server/session";
import { CompliancePage, type TComplianceSearch } from "@/modules/compliance/components/compliance-page";

export const metadata = { title: "Compliance" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<TComplianceSearch> }) {
  const ctx = await requirePageContext();
  return <CompliancePage ctx={ctx} search={await searchParams} />;
}
