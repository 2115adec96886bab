import Link from "next/link";
import { verifyEmailToken } from "@bulwark/db";
import { AuthCard } from "@/modules/auth/components/auth-card";
import { buttonClass } from "@/modules/ui/components/button";

export const metadata = { title: "Confirm email" };
export const dynamic = "force-dynamic";

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const done = token.length >= 20 && token.length <= 200 ? await verifyEmailToken(token) : null;
  return done ? (
    <AuthCard title="Email confirmed" subtitle={<>{done.email} is confirmed. You can sign in now.</>}>
      <Link href="/sign-in" className={buttonClass("primary", "md", "w-full")}>Sign in</Link>
    </AuthCard>
  ) : (
    <AuthCard title="This link can't be used" subtitle="It is invalid, has expired or was already used.">
      <Link href="/sign-in" className={buttonClass("secondary", "md", "w-full")}>Go to sign in</Link>
    </AuthCard>
  );
}
