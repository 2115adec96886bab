import Link from "next/link";
import { getInviteByToken, getUserById } from "@bulwark/db";
import { AuthCard } from "@/modules/auth/components/auth-card";
import { SignUpForm } from "@/modules/auth/components/sign-up-form";
import { AcceptInvite } from "@/modules/auth/components/accept-invite";
import { getSessionUserId } from "@/modules/auth/server/session";
import { buttonClass } from "@/modules/ui/components/button";

export const metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = token.length >= 10 && token.length <= 200 ? await getInviteByToken(token) : null;
  const usable = invite && !invite.revokedAt && !invite.acceptedAt && invite.expiresAt.getTime() > Date.now();
  if (!invite || !usable) {
    return (
      <AuthCard title="This invite can't be used" subtitle="The link is invalid, has expired, was revoked or was already used.">
        <p className="text-sm text-zinc-600">Ask an admin of the organization for a new invite link.</p>
        <Link href="/sign-in" className={buttonClass("secondary", "md", "mt-6 w-full")}>Go to sign in</Link>
      </AuthCard>
    );
  }
  const userId = await getSessionUserId();
  const user = userId ? await getUserById(userId) : null;
  const subtitle = <>You've been invited to join <strong className="font-medium text-zinc-900">{invite.org.name}</strong> as <strong className="font-medium text-zinc-900">{invite.role}</strong>.</>;
  if (user) {
    return (
      <AuthCard title="Join organization" subtitle={subtitle}>
        <p className="mb-4 text-sm text-zinc-600">Signed in as {user.email}.</p>
        <AcceptInvite token={token} orgName={invite.org.name} />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Join organization"
      subtitle={subtitle}
      footer={<>Already have an account? <Link className="font-medium text-zinc-900 underline-offset-4 hover:underline" href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>Sign in to accept</Link></>}
    >
      <SignUpForm inviteToken={token} inviteEmail={invite.email ?? undefined} />
    </AuthCard>
  );
}
