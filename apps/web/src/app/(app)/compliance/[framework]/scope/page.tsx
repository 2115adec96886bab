import { requirePageContext } from "@/modules/auth/server/session";
import { segment } from "@/modules/compliance/compliance-links";
import { ScopePage } from "@/modules/compliance/components/scope-page";

export const metadata = { title: "Compliance scope" };
export const dynamic = "force-dynamic";

export default async function Page({ params }: { params: Promise<{ framework: string }> }) {
  const ctx = await requirePageContext();
  return <ScopePage ctx={ctx} frameworkId={segment((await params).framework)} />;
}
