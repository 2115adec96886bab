"use client";
// Create an API token: name, scopes, expiry. The secret is shown once, with a copy button.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Check, Copy, KeyRound } from "lucide-react";
import type { TApiTokenScope } from "@bulwark/db";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, Select, describedBy } from "@/modules/ui/components/form";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { SCOPE_LABELS, TOKEN_SCOPES } from "../token-scopes";
import { TOKEN_EXPIRY_CHOICES, ZCreateToken, type TCreateToken } from "../tokens.schemas";
import { createTokenAction } from "../server/actions";

export function TokenForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TApiTokenScope[]>(["read"]);
  const [expires, setExpires] = useState<TCreateToken["expires"]>("90");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState(false);

  return (
    <div className="space-y-4">
      <form
        noValidate
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const input = { name, scopes, expires };
          const parsed = ZCreateToken.safeParse(input);
          if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
          setErrors({});
          setPending(true);
          const res = await createTokenAction(input);
          setPending(false);
          if (!res.ok) return setErrors(res.fieldErrors ?? { _: res.error });
          setCreated({ name: res.data.name, token: res.data.token });
          setCopied(false);
          setName("");
          router.refresh();
        }}
      >
        <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
          <Field id="token-name" label="Name" error={errors.name}>
            <Input id="token-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder="e.g. CI pipeline" {...describedBy("token-name", errors.name)} />
          </Field>
          <Field id="token-expires" label="Expires" error={errors.expires}>
            <Select id="token-expires" value={expires} onChange={(e) => setExpires(e.target.value as TCreateToken["expires"])} {...describedBy("token-expires", errors.expires)}>
              {TOKEN_EXPIRY_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </Select>
          </Field>
        </div>
        <fieldset aria-describedby={errors.scopes ? "token-scopes-error" : undefined}>
          <legend className="text-sm font-medium text-zinc-800">Scopes</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {TOKEN_SCOPES.map((s) => (
              <label key={s} className="flex cursor-pointer items-start gap-2.5 rounded-md border border-zinc-200 p-2.5 hover:bg-zinc-50 has-[:checked]:border-zinc-400 has-[:checked]:bg-zinc-50">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 rounded border-zinc-300"
                  checked={scopes.includes(s)}
                  onChange={(e) => setScopes((prev) => (e.target.checked ? [...prev, s] : prev.filter((x) => x !== s)))}
                />
                <span className="min-w-0">
                  <span className="block text-sm font-medium text-zinc-900">{SCOPE_LABELS[s].label} <code className="ml-1 text-xs font-normal text-zinc-500">{s}</code></span>
                  <span className="block text-xs text-zinc-500">{SCOPE_LABELS[s].description}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.scopes && <p id="token-scopes-error" className="mt-1 text-xs text-red-700">{errors.scopes}</p>}
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={pending}><KeyRound className="size-4" aria-hidden />{pending ? "Creating…" : "Create token"}</Button>
          <p className="text-xs text-zinc-500">A token never does more than your own role allows, and stops working if you leave the organization.</p>
        </div>
      </form>
      {errors._ && <p className="text-sm text-red-700" role="alert">{errors._}</p>}
      {created && (
        <div className="rounded-md border border-green-200 bg-green-50 p-3" role="status">
          <div className="text-sm font-medium text-green-900">Token “{created.name}” created. Copy it now: it is shown only once.</div>
          <div className="mt-2 flex gap-2">
            <label htmlFor="token-secret" className="sr-only">API token</label>
            <Input id="token-secret" readOnly value={created.token} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <Button onClick={async () => { await navigator.clipboard.writeText(created.token); setCopied(true); }}>
              {copied ? <Check className="size-4 text-green-600" aria-hidden /> : <Copy className="size-4" aria-hidden />}{copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="mt-2 text-xs text-green-900">Send it as <code>Authorization: Bearer {created.token.slice(0, 8)}…</code></p>
        </div>
      )}
    </div>
  );
}
