import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/modules/auth/components/auth-card";
import { SignUpForm } from "@/modules/auth/components/sign-up-form";
import { resolveOrgContext } from "@/modules/auth/server/session";
import { countUsers } from "@bulwark/db";
import { env } from "@/env";
import { buttonClass } from "@/modules/ui/components/button";

export const metadata = { title: "Create account" };

export default async function SignUpPage() {
  const r = await resolveOrgContext();
  if (r.kind === "ok") redirect("/overview");
  // Invite-only (the default) still lets the first user of a fresh install create the first
  // organization; "domains" shows the form and the server checks the email.
  if (env().BULWARK_SIGNUP === "invite-only" && (await countUsers()) > 0) {
    return (
      <AuthCard title="Sign-up is by invitation" subtitle="To join Bulwark on this server, ask an owner or admin of your organization for an invite link.">
        <Link href="/sign-in" className={buttonClass("secondary", "md", "w-full")}>Go to sign in</Link>
      </AuthCard>
    );
  }
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
