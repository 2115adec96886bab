"use client";
// Account settings: sign out everywhere, change password, link single sign-on. Each ends or
// changes sessions on the server first; the browser then follows (signs out or in again).
import { useState } from "react";
import { signIn, signOut } from "next-auth/react";
import { KeyRound, LogOut, ShieldCheck } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, describedBy } from "@/modules/ui/components/form";
import { Callout } from "@/modules/ui/components/layout";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZChangePassword, ZStartOidcLink } from "../auth.schemas";
import { changePasswordAction, signOutEverywhereAction, startOidcLinkAction } from "../server/actions";

export function SignOutEverywhere() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div className="space-y-3">
      {error && <Callout tone="error">{error}</Callout>}
      <Button
        variant="danger"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const res = await signOutEverywhereAction({});
          if (!res.ok) {
            setPending(false);
            return setError(res.error);
          }
          await signOut({ callbackUrl: "/sign-in?error=SessionRevoked" });
        }}
      >
        <LogOut className="size-4" aria-hidden />
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </div>
  );
}

export function ChangePassword({ email }: { email: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <form
      noValidate
      className="max-w-sm space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = Object.fromEntries(new FormData(form)) as { currentPassword: string; newPassword: string };
        const parsed = ZChangePassword.safeParse(data);
        if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
        setErrors({});
        setDone(false);
        setPending(true);
        const res = await changePasswordAction(data);
        if (!res.ok) {
          setPending(false);
          return setErrors(res.fieldErrors ? { currentPassword: res.fieldErrors.currentPassword ?? res.error } : { _: res.error });
        }
        // Every session ended with the old password, this one too: sign this browser in again.
        const login = await signIn("credentials", { email, password: data.newPassword, redirect: false });
        setPending(false);
        if (!login || login.error) return void (window.location.href = "/sign-in?error=SessionRevoked");
        form.reset();
        setDone(true);
      }}
    >
      {done && <Callout tone="success">Password changed. Every other session was signed out.</Callout>}
      {errors._ && <Callout tone="error">{errors._}</Callout>}
      <Field id="currentPassword" label="Current password" error={errors.currentPassword}>
        <Input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required {...describedBy("currentPassword", errors.currentPassword)} />
      </Field>
      <Field id="newPassword" label="New password" hint="At least 10 characters." error={errors.newPassword}>
        <Input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required {...describedBy("newPassword", errors.newPassword, true)} />
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        <KeyRound className="size-4" aria-hidden />
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}

export function LinkSso({ providerName }: { providerName: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  return (
    <form
      noValidate
      className="max-w-sm space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget)) as { password: string };
        const parsed = ZStartOidcLink.safeParse(data);
        if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
        setErrors({});
        setPending(true);
        const res = await startOidcLinkAction(data);
        if (!res.ok) {
          setPending(false);
          return setErrors(res.fieldErrors ? { password: res.fieldErrors.password ?? res.error } : { _: res.error });
        }
        await signIn("oidc", { callbackUrl: "/settings/account?sso=linked" });
      }}
    >
      {errors._ && <Callout tone="error">{errors._}</Callout>}
      <Field id="link-password" label="Your Bulwark password" hint={`Confirms it's you; then ${providerName} asks you to sign in.`} error={errors.password}>
        <Input id="link-password" name="password" type="password" autoComplete="current-password" required {...describedBy("link-password", errors.password, true)} />
      </Field>
      <Button type="submit" disabled={pending}>
        <ShieldCheck className="size-4" aria-hidden />
        {pending ? "Opening…" : `Link ${providerName}`}
      </Button>
    </form>
  );
}
