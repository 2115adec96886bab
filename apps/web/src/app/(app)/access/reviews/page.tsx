import { requirePageContext } from "@/modules/auth/server/session";
import { ReviewListPage } from "@/modules/access/components/review-list-page";

export const metadata = { title: "Access reviews" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const ctx = await requirePageContext();
  return <ReviewListPage ctx={ctx} />;
}
