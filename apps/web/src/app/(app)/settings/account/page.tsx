import { getUserById } from "@bulwark/db";
import { env } from "@/env";
import { ChangePassword, LinkSso, SignOutEverywhere } from "@/modules/auth/components/account-security";
import { requirePageContext } from "@/modules/auth/server/session";
import { Callout, KeyValue, PageHeader, Section } from "@/modules/ui/components/layout";

export const metadata = { title: "Account" };
export const dynamic = "force-dynamic";

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const sp = await searchParams;
  const user = await getUserById(ctx.userId);
  const e = env();
  const providerName = e.OIDC_NAME ?? "single sign-on";
  const hasPassword = Boolean(user?.passwordHash);
  const ssoLinked = Boolean(user?.oidcSubject);

  return (
    <>
      <PageHeader title="Account" description="Your sign-in methods and sessions. These apply to every organization you belong to." />
      <div className="space-y-6">
        {sp.sso === "linked" && ssoLinked && <Callout tone="success">{providerName} is linked: you can sign in with it from now on.</Callout>}
        {sp.sso === "taken" && <Callout tone="error">That {providerName} identity is already linked to another Bulwark account.</Callout>}
        <Section title="Sign-in" id="sign-in">
          <KeyValue
            items={[
              { label: "Email", value: ctx.user.email },
              { label: "Password", value: hasPassword ? "Set" : "None (signs in with single sign-on)" },
              ...(e.oidcEnabled ? [{ label: providerName, value: ssoLinked ? "Linked" : "Not linked" }] : []),
            ]}
          />
        </Section>
        {hasPassword && (
          <Section title="Change password" id="password" description="Changing it signs you out on every other device.">
            <ChangePassword email={ctx.user.email} />
          </Section>
        )}
        {e.oidcEnabled && hasPassword && !ssoLinked && (
          <Section title={`Link ${providerName}`} id="sso" description="Sign in with your organization's identity provider as well as your password.">
            <LinkSso providerName={providerName} />
          </Section>
        )}
        <Section title="Sessions" id="sessions" description="Lost a laptop or signed in on a shared computer? End every session, this one included.">
          <SignOutEverywhere />
        </Section>
      </div>
    </>
  );
}
