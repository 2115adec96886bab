"use server";
// Access reviews: every member reads them; admins and owners (access-review:manage) start, sign
// off and cancel; members and up (access-review:decide) mark items keep or revoke. Each operation
// is one data call of @bulwark/db, which checks the domain rules and writes the audit row.
import { revalidatePath } from "next/cache";
import {
  DomainError,
  cancelAccessReview,
  decideAccessReviewItem,
  getAccessReview,
  listAccessReviews,
  signOffAccessReview,
  startAccessReview,
} from "@bulwark/db";
import { HttpError, orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import type { TOrgContext } from "@/modules/auth/server/session";
import { z } from "zod";
import { ZCancelReview, ZDecideItem, ZReviewRef, ZSignOffReview, ZStartReview, dueDayToInstant } from "./reviews.schemas";

const who = (ctx: TOrgContext) => (ctx.user.name ? `${ctx.user.name} <${ctx.user.email}>` : ctx.user.email);

function refresh(reviewId?: string) {
  revalidatePath("/access/reviews");
  if (reviewId) revalidatePath(`/access/reviews/${reviewId}`);
  revalidatePath("/access");
  revalidatePath("/compliance", "layout");
}

export const listReviewsOp = withOrg({ schema: z.object({}), permission: "org:read" }, async (_input, ctx) => ({ items: await listAccessReviews({ orgId: ctx.orgId }) }));

export const getReviewOp = withOrg({ schema: ZReviewRef, permission: "org:read" }, async (input, ctx) =>
  orNotFound(await getAccessReview({ orgId: ctx.orgId, reviewId: input.reviewId }), "Access review not found"),
);

export const startReviewAction = withOrg({ schema: ZStartReview, permission: "access-review:manage" }, async (input, ctx) => {
  try {
    const started = await startAccessReview({
      orgId: ctx.orgId,
      userId: ctx.userId,
      userName: who(ctx),
      title: input.title,
      clusterIds: input.clusterIds,
      ...(input.dueAt ? { dueAt: dueDayToInstant(input.dueAt)! } : {}),
      validDays: input.validDays,
      includeHigh: input.includeHigh,
      ip: ctx.ip,
    });
    refresh();
    return started;
  } catch (err) {
    // Input the data layer refused (cluster unknown or never scanned, dates): 400 with its message.
    if (err instanceof DomainError) throw new HttpError(400, err.message, "invalid_input");
    throw err;
  }
});

export const decideItemAction = withOrg({ schema: ZDecideItem, permission: "access-review:decide" }, async (input, ctx) => {
  const item = await decideAccessReviewItem({ orgId: ctx.orgId, reviewId: input.reviewId, itemId: input.itemId, userId: ctx.userId, userName: who(ctx), decision: input.decision, note: input.note, ip: ctx.ip });
  refresh(input.reviewId);
  return item;
});

export const signOffReviewAction = withOrg({ schema: ZSignOffReview, permission: "access-review:manage" }, async (input, ctx) => {
  const review = await signOffAccessReview({ orgId: ctx.orgId, reviewId: input.reviewId, userId: ctx.userId, userName: who(ctx), note: input.note, ip: ctx.ip });
  refresh(input.reviewId);
  return review;
});

export const cancelReviewAction = withOrg({ schema: ZCancelReview, permission: "access-review:manage" }, async (input, ctx) => {
  const review = await cancelAccessReview({ orgId: ctx.orgId, reviewId: input.reviewId, userId: ctx.userId, reason: input.reason, ip: ctx.ip });
  refresh(input.reviewId);
  return review;
});
