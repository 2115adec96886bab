"use client";
// "Accept risk": one exception per open finding of the risk, each scoped to its object, with one
// justification and expiry. Members request (admins decide); admins grant at once.
import { useRef, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ShieldCheck } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { DialogFormFooter } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ExceptionTermsFields, useExceptionTerms } from "@/modules/exceptions/components/exception-terms";
import { ZAcceptRisk } from "../risks.schemas";
import { acceptRiskAction } from "../server/actions";


export function AcceptRisk({ riskId, title, findings, grant }: { riskId: string; title: string; findings: string[]; grant: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, start] = useTransition();
  const { expiresAt, justification, errors, setErrors, clearJustification, fields } = useExceptionTerms();
  const verb = grant ? "Accept risk" : "Request to accept risk";

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = { riskId, expiresAt, justification };
    const parsed = ZAcceptRisk.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    start(async () => {
      const res = await acceptRiskAction(input);
      if (!res.ok) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
      dialog.current?.close();
      clearJustification();
      const n = res.data.exceptions.length;
      toast.show(
        res.data.status === "approved"
          ? { tone: "success", title: "Risk accepted", body: `${n} exception${n === 1 ? "" : "s"} granted; ${res.data.covered} finding${res.data.covered === 1 ? "" : "s"} now excepted. The risk is excepted from the next scan on.` }
          : { tone: "success", title: "Exceptions requested", body: `${n} request${n === 1 ? "" : "s"} wait for an admin; the findings stay open until then.` },
      );
      router.refresh();
    });
  }

  return (
    <>
      <Button size="sm" onClick={() => dialog.current?.showModal()} disabled={findings.length === 0}>
        <ShieldCheck className="size-3.5" aria-hidden />{verb}…
      </Button>
      <dialog ref={dialog} aria-labelledby="accept-risk-title" className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-zinc-900/40">
        <form className="space-y-4 p-5" onSubmit={submit} noValidate>
          <div>
            <h2 id="accept-risk-title" className="text-base font-semibold text-zinc-900">{verb}</h2>
            <p className="mt-1 text-sm text-zinc-600">
              Accept <span className="font-medium text-zinc-800">{title}</span> for a limited time: {grant ? "an exception is granted" : "an exception is requested"} for each of its {findings.length} open finding{findings.length === 1 ? "" : "s"}, each covering only its object.
            </p>
            <ul className="mt-2 max-h-32 space-y-0.5 overflow-y-auto text-xs text-zinc-600">
              {findings.map((f) => <li key={f} className="truncate">· {f}</li>)}
            </ul>
          </div>
          <ExceptionTermsFields
            idPrefix="accept"
            {...fields}
            expiresHint="Required; at most a year away. The findings return to open after this day (UTC)."
            justificationHint="Why is this attack path acceptable, and what limits it? Shown in compliance reports."
          />
          <DialogFormFooter error={errors._} pending={pending} submitLabel={verb} onCancel={() => dialog.current?.close()} />
        </form>
      </dialog>
    </>
  );
}
