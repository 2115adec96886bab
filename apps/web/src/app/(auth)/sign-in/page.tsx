import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/modules/auth/components/auth-card";
import { SignInForm } from "@/modules/auth/components/sign-in-form";
import { getSessionUserId } from "@/modules/auth/server/session";
import { env } from "@/env";
import { safeCallbackPath } from "@/modules/auth/callback-url";

export const metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  OidcNoEmail: "Your identity provider did not share an email address.",
  OidcEmailUnverified: "Your identity provider has not verified your email address, so it can't be used to find or create your account.",
  OidcPasswordAccount: "An account with this email signs in with a password. Sign in with your password, then link single sign-on from Account settings.",
  OidcLinkedElsewhere: "This email belongs to an account linked to another single sign-on identity. Sign in the way you usually do.",
  SignUpClosed: "There is no account for you yet, and sign-up is by invitation. Ask an organization owner for an invite link.",
  SessionRevoked: "You were signed out. Sign in again.",
  OAuthSignin: "Single sign-on could not start. Try again or use your password.",
  OAuthCallback: "Single sign-on failed. Try again or use your password.",
  AccessDenied: "Access was denied.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  // Only same-site paths: an open redirect after sign-in is a phishing aid.
  const callbackUrl = safeCallbackPath(sp.callbackUrl);
  if (await getSessionUserId()) redirect(callbackUrl);
  const e = env();
  return (
    <AuthCard
      title="Sign in to Bulwark"
      subtitle="Kubernetes security posture for your team."
      footer={<>New to Bulwark? <Link className="font-medium text-zinc-900 underline-offset-4 hover:underline" href="/sign-up">Create an account</Link></>}
    >
      <SignInForm callbackUrl={callbackUrl} oidcName={e.oidcEnabled ? (e.OIDC_NAME ?? "single sign-on") : undefined} initialError={sp.error ? (ERRORS[sp.error] ?? "Sign-in failed. Try again.") : undefined} />
    </AuthCard>
  );
}
