import { notFound } from "next/navigation";
import { getAccessReview } from "@bulwark/db";
import { requirePageContext } from "@/modules/auth/server/session";
import { ReviewPage } from "@/modules/access/components/review-page";

export const metadata = { title: "Access review" };
export const dynamic = "force-dynamic";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const review = await getAccessReview({ orgId: ctx.orgId, reviewId: (await params).id });
  if (!review) notFound();
  return <ReviewPage ctx={ctx} review={review} />;
}
