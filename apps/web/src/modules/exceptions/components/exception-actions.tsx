"use client";
// Admin actions on one exception: approve or reject a request (with a note), edit expiry and
// justification, revoke. Each opens a small dialog; the server re-checks the role.
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { DialogFormFooter, Field, Input, Textarea, describedBy } from "@/modules/ui/components/form";
import { inDays } from "./exception-terms";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { MAX_DAYS, ZEditException } from "../exceptions.schemas";
import { decideExceptionAction, editExceptionAction, revokeExceptionAction } from "../server/actions";

type TMode = "approve" | "reject" | "edit" | "revoke";


export function ExceptionActions({ id, status, ruleId, expiresAt, justification, size = "sm" }: { id: string; status: string; ruleId: string; expiresAt: string; justification: string; size?: "sm" | "md" }) {
  const router = useRouter();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<TMode>("approve");
  const [note, setNote] = useState("");
  const [expiry, setExpiry] = useState(expiresAt.slice(0, 10));
  const [text, setText] = useState(justification);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();

  function open(m: TMode) {
    setMode(m);
    setErrors({});
    setNote("");
    setExpiry(expiresAt.slice(0, 10));
    setText(justification);
    dialog.current?.showModal();
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (mode === "edit") {
      const parsed = ZEditException.safeParse({ exceptionId: id, expiresAt: expiry, justification: text });
      if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    }
    start(async () => {
      const res =
        mode === "edit"
          ? await editExceptionAction({ exceptionId: id, expiresAt: expiry, justification: text })
          : mode === "revoke"
            ? await revokeExceptionAction({ exceptionId: id, note })
            : await decideExceptionAction({ exceptionId: id, decision: mode, note });
      if (!res.ok) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
      dialog.current?.close();
      const d = res.data as { covered?: number; released?: number };
      const title = { approve: "Exception approved", reject: "Request rejected", edit: "Exception updated", revoke: status === "requested" ? "Request withdrawn" : "Exception revoked" }[mode];
      const body =
        mode === "approve" ? `${d.covered ?? 0} finding${d.covered === 1 ? "" : "s"} now excepted.` : mode === "revoke" && d.released ? `${d.released} finding${d.released === 1 ? "" : "s"} back to open.` : undefined;
      toast.show({ tone: "success", title, ...(body ? { body } : {}) });
      router.refresh();
    });
  }

  const heading = { approve: "Approve exception", reject: "Reject request", edit: "Edit exception", revoke: status === "requested" ? "Withdraw request" : "Revoke exception" }[mode];
  const prefix = `exc-${id}`;
  return (
    <>
      <div className="flex justify-end gap-1.5">
        {status === "requested" && (
          <>
            <Button size={size} variant="primary" onClick={() => open("approve")}>Approve</Button>
            <Button size={size} onClick={() => open("reject")}>Reject</Button>
          </>
        )}
        {(status === "requested" || status === "approved") && <Button size={size} variant="ghost" onClick={() => open("edit")}>Edit</Button>}
        {status === "approved" && <Button size={size} variant="ghost" onClick={() => open("revoke")}><span className="text-red-700">Revoke</span></Button>}
      </div>
      <dialog ref={dialog} aria-labelledby={`${prefix}-title`} className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl p-0 text-left shadow-xl backdrop:bg-zinc-900/40">
        <form className="space-y-4 p-5" onSubmit={submit} noValidate>
          <div>
            <h2 id={`${prefix}-title`} className="text-base font-semibold text-zinc-900">{heading}</h2>
            <p className="mt-1 text-sm text-zinc-600">
              {mode === "approve" && <>Findings of <span className="font-mono text-xs">{ruleId}</span> in its scope are marked excepted now, until {expiresAt.slice(0, 10)}.</>}
              {mode === "reject" && "The requester is told; the findings stay as they are."}
              {mode === "edit" && "The scope stays; to change it, revoke this exception and create a new one."}
              {mode === "revoke" && (status === "requested" ? "The request is closed without a decision." : "Its findings return to open now, and their assignees are told.")}
            </p>
          </div>
          {mode === "edit" ? (
            <>
              <Field id={`${prefix}-expiry`} label="Expires on" hint="At most a year away" error={errors.expiresAt}>
                <Input id={`${prefix}-expiry`} type="date" value={expiry} min={inDays(1)} max={inDays(MAX_DAYS)} onChange={(e) => setExpiry(e.target.value)} className="w-48" {...describedBy(`${prefix}-expiry`, errors.expiresAt, true)} />
              </Field>
              <Field id={`${prefix}-just`} label="Justification" error={errors.justification}>
                <Textarea id={`${prefix}-just`} rows={3} value={text} onChange={(e) => setText(e.target.value)} className="font-sans text-sm" {...describedBy(`${prefix}-just`, errors.justification)} />
              </Field>
            </>
          ) : (
            <Field id={`${prefix}-note`} label={<>Note <span className="font-normal text-zinc-500">(optional, shown to the requester)</span></>} error={errors.note}>
              <Textarea id={`${prefix}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} className="font-sans text-sm" {...describedBy(`${prefix}-note`, errors.note)} />
            </Field>
          )}
          <DialogFormFooter
            error={errors._}
            pending={pending}
            danger={mode === "revoke" || mode === "reject"}
            submitLabel={{ approve: "Approve", reject: "Reject", edit: "Save", revoke: status === "requested" ? "Withdraw" : "Revoke" }[mode]}
            onCancel={() => dialog.current?.close()}
          />
        </form>
      </dialog>
    </>
  );
}
