import { z } from "zod";

export const ZRole = z.enum(["owner", "admin", "member", "viewer"]);

export const ZChangeRole = z.object({ userId: z.string().min(1).max(64), role: ZRole });
export const ZRemoveMember = z.object({ userId: z.string().min(1).max(64) });
export const ZCreateInvite = z.object({
  role: ZRole,
  email: z
    .union([z.email("Enter a valid email address or leave it empty"), z.literal("")])
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined)),
  expiresInDays: z.coerce.number().int().min(1).max(30).default(7),
});
export type TCreateInvite = z.input<typeof ZCreateInvite>;
export const ZRevokeInvite = z.object({ inviteId: z.string().min(1).max(64) });
