// Email verification when SMTP_URL is set: a sign-up gets a link by mail and password sign-in
// waits for it. A sign-up for an address that already has an account gets a notice instead, and
// the form answers both alike, so sign-up tells nobody which emails exist.
import { createEmailToken } from "@bulwark/db";
import { env } from "../../../env";
import { sendMail } from "../../../lib/smtp";

export function emailVerificationEnabled(): boolean {
  return Boolean(env().SMTP_URL);
}

function base(): string {
  return env().NEXTAUTH_URL!.replace(/\/$/, "");
}

function from(): string {
  const e = env();
  return e.SMTP_FROM ?? `bulwark@${new URL(e.NEXTAUTH_URL!).hostname}`;
}

export async function sendVerificationMail(user: { id: string; email: string }): Promise<void> {
  const token = await createEmailToken(user.id);
  await sendMail(env().SMTP_URL!, {
    from: from(),
    to: user.email,
    subject: "Confirm your email for Bulwark",
    text: `Open this link to confirm your email address and finish creating your Bulwark account:\n\n${base()}/verify-email/${token}\n\nThe link works once, for 24 hours. If you did not sign up, ignore this mail.\n`,
  });
}

export async function sendAlreadyRegisteredMail(email: string): Promise<void> {
  await sendMail(env().SMTP_URL!, {
    from: from(),
    to: email,
    subject: "Someone tried to sign up to Bulwark with your email",
    text: `Someone (perhaps you) tried to create a Bulwark account with this address, which already has one. Nothing was changed.\n\nSign in: ${base()}/sign-in\n`,
  });
}
