import { requirePageContext } from "@/modules/auth/server/session";
import { ImagesPage } from "@/modules/images/components/images-page";

export const metadata = { title: "Images" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  return <ImagesPage ctx={ctx} search={await searchParams} />;
}
