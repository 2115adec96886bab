"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Field, Input, describedBy } from "@/modules/ui/components/form";
import { Button } from "@/modules/ui/components/button";
import { Callout } from "@/modules/ui/components/layout";
import { ZSignIn } from "../auth.schemas";
import { safeCallbackPath } from "../callback-url";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";

export function SignInForm({ callbackUrl, oidcName, initialError }: { callbackUrl: string; oidcName?: string; initialError?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget));
    const parsed = ZSignIn.safeParse(data);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    setFormError(undefined);
    setPending(true);
    const res = await signIn("credentials", { ...parsed.data, redirect: false });
    setPending(false);
    if (res?.error?.startsWith("Too many attempts") || res?.error?.startsWith("Confirm your email")) return setFormError(res.error);
    if (!res || res.error) return setFormError("That email and password do not match an account.");
    // Checked again here: this component must be safe whatever page renders it.
    router.replace(safeCallbackPath(callbackUrl));
    router.refresh();
  }

  return (
    <div className="space-y-5">
      {formError && <Callout tone="error">{formError}</Callout>}
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field id="email" label="Email" error={errors.email}>
          <Input id="email" name="email" type="email" autoComplete="email" required autoFocus {...describedBy("email", errors.email)} />
        </Field>
        <Field id="password" label="Password" error={errors.password}>
          <Input id="password" name="password" type="password" autoComplete="current-password" required {...describedBy("password", errors.password)} />
        </Field>
        <Button type="submit" variant="primary" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oidcName && (
        <>
          <div className="flex items-center gap-3 text-xs text-zinc-500"><span className="h-px flex-1 bg-zinc-200" />or<span className="h-px flex-1 bg-zinc-200" /></div>
          <Button className="w-full" onClick={() => signIn("oidc", { callbackUrl: safeCallbackPath(callbackUrl) })}>Continue with {oidcName}</Button>
        </>
      )}
    </div>
  );
}
