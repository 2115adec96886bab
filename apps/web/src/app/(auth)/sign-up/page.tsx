import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/modules/auth/components/auth-card";
import { SignUpForm } from "@/modules/auth/components/sign-up-form";
import { resolveOrgContext } from "@/modules/auth/server/session";

export const metadata = { title: "Create account" };

export default async function SignUpPage() {
  const r = await resolveOrgContext();
  if (r.kind === "ok") redirect("/overview");
  return (
    <AuthCard
      title="Create your account"
      subtitle="You'll get an organization to add clusters to and invite your team."
      footer={<>Already have an account? <Link className="font-medium text-zinc-900 underline-offset-4 hover:underline" href="/sign-in">Sign in</Link></>}
    >
      <SignUpForm />
    </AuthCard>
  );
}
