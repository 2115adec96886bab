"use client";
// Set, replace or remove a cluster's write credential (admins). The kubeconfig is sent once, vetted
// and encrypted by the server, and never shown again: the form empties after saving.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, Textarea, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZWriteCredential } from "../fixes.schemas";
import { clearWriteCredentialAction, setWriteCredentialAction } from "../server/fix-actions";

export function WriteCredentialForm({ clusterId, set }: { clusterId: string; set: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [open, setOpen] = useState(!set);
  const [kubeconfig, setKubeconfig] = useState("");
  const [context, setContext] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  function save(e: React.FormEvent) {
    e.preventDefault();
    const input = { clusterId, kubeconfig, ...(context.trim() ? { context } : {}) };
    const parsed = ZWriteCredential.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    start(async () => {
      const res = await setWriteCredentialAction(input);
      if (!res.ok) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
      setKubeconfig("");
      setContext("");
      setOpen(false);
      toast.show({ tone: "success", title: "Write credential saved", body: `Approved fixes apply as ${res.data.identity ?? "this identity"}.` });
      router.refresh();
    });
  }

  function remove() {
    start(async () => {
      const res = await clearWriteCredentialAction({ clusterId });
      if (!res.ok) return toast.show({ tone: "error", title: "Not removed", body: res.error });
      toast.show({ tone: "success", title: "Write credential removed", body: "Approved fixes cannot be applied until one is set again." });
      setOpen(true);
      router.refresh();
    });
  }

  if (!open) {
    return (
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={() => setOpen(true)}>Replace…</Button>
        <Button size="sm" variant="danger" disabled={pending} onClick={remove}>{pending ? "Removing…" : "Remove"}</Button>
      </div>
    );
  }
  return (
    <form className="space-y-3" onSubmit={save} noValidate aria-label="Write credential">
      <Field id="write-kubeconfig" label={set ? "New kubeconfig" : "Kubeconfig with write access"} hint="Vetted like the read credential (the same API server), encrypted at rest and never shown again." error={errors.kubeconfig}>
        <Textarea id="write-kubeconfig" rows={6} spellCheck={false} autoComplete="off" value={kubeconfig} onChange={(e) => setKubeconfig(e.target.value)} placeholder="apiVersion: v1&#10;kind: Config&#10;…" {...describedBy("write-kubeconfig", errors.kubeconfig, true)} />
      </Field>
      <Field id="write-context" label="Context (optional)" hint="The kubeconfig's current context when empty." error={errors.context}>
        <Input id="write-context" value={context} autoComplete="off" onChange={(e) => setContext(e.target.value)} {...describedBy("write-context", errors.context, true)} />
      </Field>
      {errors._ && !errors.kubeconfig && <p className="text-sm text-red-700" role="alert">{errors._}</p>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" variant="primary" disabled={pending}>{pending ? "Checking…" : "Save write credential"}</Button>
        {set && <Button size="sm" variant="ghost" onClick={() => { setOpen(false); setErrors({}); }}>Cancel</Button>}
      </div>
    </form>
  );
}
