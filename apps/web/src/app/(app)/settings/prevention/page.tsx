import { PreventionPage } from "@/modules/prevention/components/prevention-page";

export const metadata = { title: "Admission policies" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <PreventionPage searchParams={await searchParams} />;
}
