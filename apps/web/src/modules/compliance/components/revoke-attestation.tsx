"use client";
// Revoke the attestation in force (admins and owners), with an optional reason for the audit log;
// a manual control is pending again at once. The server re-checks the role.
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { DialogFormFooter, Field, Textarea, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { revokeAttestationAction } from "../server/actions";

export function RevokeAttestation({ framework, attestationId, controlId, manual }: { framework: string; attestationId: string; controlId: string; manual: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const id = `revoke-${attestationId}`;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const res = await revokeAttestationAction({ framework, attestationId, reason });
      if (!res.ok) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
      dialog.current?.close();
      setReason("");
      toast.show({ tone: "success", title: "Attestation revoked", body: manual ? `${controlId} is pending again until someone attests it.` : `${controlId} is judged from its rules alone again.` });
      router.refresh();
    });
  }

  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => { setErrors({}); dialog.current?.showModal(); }}>
        <span className="text-red-700">Revoke…</span>
      </Button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl p-0 text-left shadow-xl backdrop:bg-zinc-900/40">
        <form className="space-y-4 p-5" onSubmit={submit} noValidate>
          <div>
            <h2 id={`${id}-title`} className="text-base font-semibold text-zinc-900">Revoke attestation</h2>
            <p className="mt-1 text-sm text-zinc-600">
              The attestation of <span className="font-mono text-xs">{controlId}</span> stops counting now and stays in the history.{" "}
              {manual ? "The control is pending until someone attests it again." : "The control is judged from its rules alone."}
            </p>
          </div>
          <Field id={`${id}-reason`} label={<>Reason <span className="font-normal text-zinc-500">(optional, kept in the audit log)</span></>} error={errors.reason}>
            <Textarea id={`${id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} className="font-sans text-sm" {...describedBy(`${id}-reason`, errors.reason)} />
          </Field>
          <DialogFormFooter error={errors._} pending={pending} danger submitLabel="Revoke" onCancel={() => dialog.current?.close()} />
        </form>
      </dialog>
    </>
  );
}
