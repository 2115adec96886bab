import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/modules/auth/components/auth-card";
import { SignInForm } from "@/modules/auth/components/sign-in-form";
import { getSessionUserId } from "@/modules/auth/server/session";
import { env } from "@/env";

export const metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  OidcNoEmail: "Your identity provider did not share an email address.",
  OAuthSignin: "Single sign-on could not start. Try again or use your password.",
  OAuthCallback: "Single sign-on failed. Try again or use your password.",
  AccessDenied: "Access was denied.",
};

function safeCallback(url: string | undefined): string {
  // Only same-site paths: an open redirect after sign-in is a phishing aid.
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/overview";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallback(sp.callbackUrl);
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
