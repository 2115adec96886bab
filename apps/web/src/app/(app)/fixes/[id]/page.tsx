import { notFound } from "next/navigation";
import { getFixRequest } from "@bulwark/db";
import { requirePageContext } from "@/modules/auth/server/session";
import { FixDetailPage } from "@/modules/fixes/components/fix-detail-page";

export const dynamic = "force-dynamic";

export const metadata = { title: "Fix" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const r = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await getFixRequest({ orgId: ctx.orgId, id }) : null;
  if (!r) notFound();
  return <FixDetailPage ctx={ctx} r={r} />;
}
