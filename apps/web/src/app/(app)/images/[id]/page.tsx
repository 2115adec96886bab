import { requirePageContext } from "@/modules/auth/server/session";
import { ImagePage, imageOf } from "@/modules/images/components/image-page";
import { imageName } from "@/modules/images/components/vuln-bits";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const d = await imageOf(ctx.orgId, (await params).id);
  return { title: d ? imageName(d.image) : "Image" };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  return <ImagePage ctx={ctx} imageId={(await params).id} />;
}
