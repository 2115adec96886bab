"use client";
// A proposed fix's actions: approve or reject with a note (admins), withdraw (its proposer).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { Field, Textarea, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { cancelFixAction, decideFixAction } from "../server/fix-actions";

export function FixDecision({ fixId, canDecide, canCancel, writeCredential, clusterId }: { fixId: string; canDecide: boolean; canCancel: boolean; writeCredential: boolean; clusterId: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  function decide(decision: "approve" | "reject") {
    start(async () => {
      const res = await decideFixAction({ fixId, decision, ...(note.trim() ? { note } : {}) });
      if (!res.ok) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
      setErrors({});
      toast.show({ tone: "success", title: decision === "approve" ? "Fix approved" : "Fix rejected", body: decision === "approve" ? "The worker dry-runs and applies it, then rescans to verify." : "The proposer sees your note." });
      router.refresh();
    });
  }

  function cancel() {
    start(async () => {
      const res = await cancelFixAction({ fixId });
      if (!res.ok) return setErrors({ _: res.error });
      toast.show({ tone: "success", title: "Fix withdrawn" });
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {canDecide && (
        <>
          <Field id="decision-note" label="Note" hint="Required to reject; the proposer reads it." error={errors.note}>
            <Textarea id="decision-note" rows={3} className="font-sans text-sm" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} {...describedBy("decision-note", errors.note, true)} />
          </Field>
          {!writeCredential && (
            <p className="text-xs text-amber-900">
              Approving needs the cluster&apos;s write credential: <a href={`/clusters/${clusterId}#write-credential`} className="font-medium underline underline-offset-4">set it on the cluster&apos;s page</a>.
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" size="sm" disabled={pending || !writeCredential} onClick={() => decide("approve")} title={writeCredential ? undefined : "The cluster has no write credential"}>Approve and apply</Button>
            <Button variant="secondary" size="sm" disabled={pending} onClick={() => decide("reject")}>Reject</Button>
          </div>
        </>
      )}
      {canCancel && (
        <div className={canDecide ? "border-t border-zinc-100 pt-3" : undefined}>
          <Button variant="ghost" size="sm" disabled={pending} onClick={cancel}>Withdraw proposal</Button>
        </div>
      )}
      {errors._ && <p className="text-sm text-red-700" role="alert">{errors._}</p>}
      {!canDecide && !canCancel && <p className="text-xs text-zinc-500">An admin approves or rejects it.</p>}
    </div>
  );
}
