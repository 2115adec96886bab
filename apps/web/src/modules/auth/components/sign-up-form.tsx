"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Field, Input, describedBy } from "@/modules/ui/components/form";
import { Button } from "@/modules/ui/components/button";
import { Callout } from "@/modules/ui/components/layout";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZInviteSignUp, ZSignUp } from "../auth.schemas";
import { inviteSignUpAction, signUpAction } from "../server/actions";

/** Sign-up for a new organization, or (with an invite token) into the inviting one. */
export function SignUpForm({ inviteToken, inviteEmail }: { inviteToken?: string; inviteEmail?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [inbox, setInbox] = useState<string>();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    setFormError(undefined);
    const parsed = inviteToken ? ZInviteSignUp.safeParse({ ...data, token: inviteToken }) : ZSignUp.safeParse(data);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    setPending(true);
    const res = inviteToken
      ? await inviteSignUpAction({ ...(data as { name: string; email: string; password: string }), token: inviteToken })
      : await signUpAction(data as { name: string; email: string; password: string; orgName: string });
    if (!res.ok) {
      setPending(false);
      setErrors(res.fieldErrors ?? {});
      if (!res.fieldErrors) setFormError(res.error);
      return;
    }
    if (res.data.verify) {
      setPending(false);
      return setInbox(String(data.email));
    }
    const login = await signIn("credentials", { email: data.email, password: data.password, redirect: false });
    setPending(false);
    // The same words whether the email was new or taken (the server answers both alike).
    if (!login || login.error) return setFormError("We could not sign you in with these details. If you already have an account, sign in instead.");
    // An existing account signing up through an invite lands on the invite to accept it.
    router.replace(inviteToken && !res.data.orgId ? `/invite/${inviteToken}` : "/overview");
    router.refresh();
  }

  if (inbox) {
    return (
      <Callout tone="success" title="Check your inbox">
        We sent a link to {inbox}. Open it to confirm your email, then sign in.
      </Callout>
    );
  }

  return (
    <div className="space-y-5">
      {formError && <Callout tone="error">{formError}</Callout>}
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field id="name" label="Your name" error={errors.name}>
          <Input id="name" name="name" autoComplete="name" required autoFocus {...describedBy("name", errors.name)} />
        </Field>
        <Field id="email" label="Work email" error={errors.email}>
          <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={inviteEmail} {...describedBy("email", errors.email)} />
        </Field>
        <Field id="password" label="Password" hint="At least 10 characters." error={errors.password}>
          <Input id="password" name="password" type="password" autoComplete="new-password" required {...describedBy("password", errors.password, true)} />
        </Field>
        {!inviteToken && (
          <Field id="orgName" label="Organization name" hint="Your team or company. You can invite others later." error={errors.orgName}>
            <Input id="orgName" name="orgName" autoComplete="organization" required {...describedBy("orgName", errors.orgName, true)} />
          </Field>
        )}
        <Button type="submit" variant="primary" className="w-full" disabled={pending}>
          {pending ? "Creating account…" : inviteToken ? "Create account and join" : "Create account"}
        </Button>
      </form>
    </div>
  );
}
