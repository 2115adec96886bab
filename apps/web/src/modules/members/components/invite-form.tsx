"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Check, Copy, Link2 } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, Select, describedBy } from "@/modules/ui/components/form";
import { ROLE_DESCRIPTIONS, ROLES, type TRole } from "@/modules/auth/permissions";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZCreateInvite } from "../members.schemas";
import { createInviteAction } from "../server/actions";

export function InviteForm({ allowOwner }: { allowOwner: boolean }) {
  const router = useRouter();
  const [role, setRole] = useState<TRole>("member");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [link, setLink] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState(false);

  return (
    <div className="space-y-4">
      <form
        noValidate
        className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end"
        onSubmit={async (e) => {
          e.preventDefault();
          const input = { role, email, expiresInDays: 7 };
          const parsed = ZCreateInvite.safeParse(input);
          if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
          setErrors({});
          setPending(true);
          const res = await createInviteAction(input);
          setPending(false);
          if (!res.ok) return setErrors(res.fieldErrors ?? { _: res.error });
          setLink(res.data.url ?? `${window.location.origin}${res.data.path}`);
          setCopied(false);
          setEmail("");
          router.refresh();
        }}
      >
        <Field id="invite-role" label="Role" error={errors.role}>
          <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as TRole)} {...describedBy("invite-role", errors.role)}>
            {ROLES.filter((r) => allowOwner || r !== "owner").map((r) => <option key={r} value={r}>{r}</option>)}
          </Select>
        </Field>
        <Field id="invite-email" label="Email (optional)" error={errors.email}>
          <Input id="invite-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="Restrict the link to one address" {...describedBy("invite-email", errors.email)} />
        </Field>
        <Button type="submit" variant="primary" disabled={pending}><Link2 className="size-4" aria-hidden />{pending ? "Creating…" : "Create invite link"}</Button>
      </form>
      <p className="text-xs text-zinc-500"><span className="font-medium text-zinc-700">{role}:</span> {ROLE_DESCRIPTIONS[role]}. Links expire after 7 days and work once.</p>
      {errors._ && <p className="text-sm text-red-700" role="alert">{errors._}</p>}
      {link && (
        <div className="rounded-md border border-green-200 bg-green-50 p-3" role="status">
          <div className="text-sm font-medium text-green-900">Invite link created. Copy it now: it is shown only once.</div>
          <div className="mt-2 flex gap-2">
            <label htmlFor="invite-link" className="sr-only">Invite link</label>
            <Input id="invite-link" readOnly value={link} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <Button onClick={async () => { await navigator.clipboard.writeText(link); setCopied(true); }}>
              {copied ? <Check className="size-4 text-green-600" aria-hidden /> : <Copy className="size-4" aria-hidden />}{copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
