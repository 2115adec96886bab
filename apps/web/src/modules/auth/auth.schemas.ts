// Schemas shared by the auth forms and their server actions.
import { z } from "zod";

export const ZEmail = z.email("Enter a valid email address").max(254).transform((v) => v.trim().toLowerCase());

export const ZPassword = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password").max(200),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZSignUp = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: ZEmail,
  password: ZPassword,
  orgName: z.string().trim().min(2, "Name your organization (2 characters or more)").max(80),
});
export type TSignUp = z.infer<typeof ZSignUp>;

/** Sign-up through an invite: the organization comes from the invite. */
export const ZInviteSignUp = z.object({
  token: z.string().min(10).max(200),
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: ZEmail,
  password: ZPassword,
});
export type TInviteSignUp = z.infer<typeof ZInviteSignUp>;

export const ZAcceptInvite = z.object({ token: z.string().min(10).max(200) });

export const ZSwitchOrg = z.object({ orgId: z.string().min(1).max(64) });

export const ZSignOutEverywhere = z.object({});

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
  newPassword: ZPassword,
});

/** Linking single sign-on: the password proves control of the account. */
export const ZStartOidcLink = z.object({ password: z.string().min(1, "Enter your password").max(200) });
