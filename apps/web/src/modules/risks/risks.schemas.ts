// A risk's actions as a unit: assign (with its findings), track its status, comment, accept it
// (exceptions for every finding behind it, scoped to the object). One schema per form, shared by the
// client form and the server action.
import { z } from "zod";
import { ZExpiryDate, ZJustification } from "@/modules/exceptions/exceptions.schemas";
import { PERSON_STATUSES, ZAssigneeInput, ZCommentBody, ZId } from "@/modules/findings/findings.schemas";

export const ZRiskId = z.object({ riskId: z.string().min(1).max(64) });

export const ZAssignRisk = z.object({ riskId: ZId, assigneeId: ZAssigneeInput });
export type TAssignRisk = z.input<typeof ZAssignRisk>;

export const ZSetRiskStatus = z.object({ riskId: ZId, status: z.enum(PERSON_STATUSES), comment: z.string().trim().max(1000).optional().transform((v) => v || undefined) });
export type TSetRiskStatus = z.input<typeof ZSetRiskStatus>;

export const ZCommentRisk = z.object({ riskId: ZId, body: ZCommentBody });
export type TCommentRisk = z.input<typeof ZCommentRisk>;

/** "Accept risk": one exception per finding of the risk, each scoped to that finding's object. */
export const ZAcceptRisk = z.object({ riskId: ZId, expiresAt: ZExpiryDate, justification: ZJustification });
export type TAcceptRisk = z.input<typeof ZAcceptRisk>;
