"use client";
// "Request exception" (members) / "Grant exception" (admins) from a finding: scope, optional label
// selector, expiry (required, at most a year) and justification (required).
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ShieldCheck } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { DialogFormFooter, Field, Input, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZExceptionFromFinding, type TExceptionScopeChoice } from "../exceptions.schemas";
import { createExceptionAction } from "../server/actions";
import { ExceptionTermsFields, useExceptionTerms } from "./exception-terms";


export interface TExceptionDialogProps {
  findingId: string;
  grant: boolean;
  ruleId: string;
  ruleTitle: string;
  object: string;
  namespace: string | null;
  clusterName: string;
}

export function ExceptionDialog(p: TExceptionDialogProps) {
  const router = useRouter();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, start] = useTransition();
  const [scope, setScope] = useState<TExceptionScopeChoice>("object");
  const [labels, setLabels] = useState("");
  const { expiresAt, justification, errors, setErrors, clearJustification, fields } = useExceptionTerms();
  const verb = p.grant ? "Grant exception" : "Request exception";

  const choices: Array<{ value: TExceptionScopeChoice; label: string; hint: string }> = [
    { value: "object", label: "This object", hint: `${p.object} on ${p.clusterName}` },
    { value: "namespace", label: "This namespace", hint: p.namespace ? `every object in ${p.namespace} on ${p.clusterName}` : `cluster-scoped objects on ${p.clusterName}` },
    { value: "cluster", label: "This cluster", hint: `every object on ${p.clusterName}` },
    { value: "all", label: "All clusters", hint: "every object on every cluster of the organization" },
  ];

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = { findingId: p.findingId, scope, labelSelector: labels, expiresAt, justification };
    const parsed = ZExceptionFromFinding.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    start(async () => {
      const res = await createExceptionAction(input);
      if (!res.ok) {
        setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
        return;
      }
      dialog.current?.close();
      clearJustification();
      toast.show(
        res.data.status === "approved"
          ? { tone: "success", title: "Exception granted", body: `${res.data.covered} finding${res.data.covered === 1 ? "" : "s"} now excepted.` }
          : { tone: "success", title: "Exception requested", body: "An admin will approve or reject it; the finding stays open until then." },
      );
      router.refresh();
    });
  }

  return (
    <>
      <Button size="sm" onClick={() => dialog.current?.showModal()}>
        <ShieldCheck className="size-3.5" aria-hidden />
        {verb}…
      </Button>
      {/* <dialog> with showModal traps focus and closes on Escape natively. */}
      <dialog ref={dialog} aria-labelledby="exception-dialog-title" className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-zinc-900/40">
        <form className="space-y-4 p-5" onSubmit={submit} noValidate>
          <div>
            <h2 id="exception-dialog-title" className="text-base font-semibold text-zinc-900">{verb}</h2>
            <p className="mt-1 text-sm text-zinc-600">
              Accept the risk of <span className="font-medium text-zinc-800">{p.ruleTitle}</span> <span className="font-mono text-xs text-zinc-500">({p.ruleId})</span>.{" "}
              {p.grant ? "Covered findings are marked excepted at once and return to open when it expires." : "An admin approves or rejects the request; the finding stays open until then."}
            </p>
          </div>

          <fieldset>
            <legend className="text-sm font-medium text-zinc-800">Covers</legend>
            <div className="mt-1.5 grid gap-1.5 sm:grid-cols-2">
              {choices.map((c) => (
                <label key={c.value} className="flex cursor-pointer gap-2 rounded-md p-2 ring-1 ring-inset ring-zinc-200 has-[:checked]:bg-violet-50 has-[:checked]:ring-violet-400">
                  <input type="radio" name="scope" value={c.value} checked={scope === c.value} onChange={() => setScope(c.value)} className="mt-0.5 accent-violet-700" />
                  <span className="min-w-0">
                    <span className="block text-sm font-medium text-zinc-900">{c.label}</span>
                    <span className="block break-words text-xs text-zinc-500">{c.hint}</span>
                  </span>
                </label>
              ))}
            </div>
            {errors.scope && <p className="mt-1 text-xs text-red-700">{errors.scope}</p>}
          </fieldset>

          <Field id="exc-labels" label={<>Only objects with these labels <span className="font-normal text-zinc-500">(optional)</span></>} hint="key=value pairs, comma separated, e.g. app=web, tier=frontend" error={errors.labelSelector}>
            <Input id="exc-labels" value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="app=web" autoComplete="off" className="font-mono text-xs" {...describedBy("exc-labels", errors.labelSelector, true)} />
          </Field>

          <ExceptionTermsFields
            idPrefix="exc"
            {...fields}
            expiresHint="Required; at most a year away. Findings return to open after this day (UTC)."
            justificationHint="Why is this risk acceptable, and what limits it? Shown in compliance reports."
          />

          <DialogFormFooter error={errors._} pending={pending} submitLabel={verb} onCancel={() => dialog.current?.close()} />
        </form>
      </dialog>
    </>
  );
}
