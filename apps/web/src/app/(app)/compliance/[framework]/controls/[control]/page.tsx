import { requirePageContext } from "@/modules/auth/server/session";
import { segment } from "@/modules/compliance/compliance-links";
import { ControlPage } from "@/modules/compliance/components/control-page";

export const metadata = { title: "Compliance control" };
export const dynamic = "force-dynamic";

export default async function Page({ params }: { params: Promise<{ framework: string; control: string }> }) {
  const ctx = await requirePageContext();
  const p = await params;
  return <ControlPage ctx={ctx} frameworkId={segment(p.framework)} controlId={segment(p.control)} />;
}
