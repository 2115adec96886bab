"use client";
// Sign off (admins, once every item is decided: attests the HIPAA and SOC 2 access-review controls
// with the review's PDF) and cancel (admins, while open) of an access review, each confirmed in a
// dialog with an optional note. The server re-checks role, state and pending items.
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { BadgeCheck } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { DialogFormFooter, Field, Textarea } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { cancelReviewAction, signOffReviewAction } from "../server/reviews-actions";

function useConfirm() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return { dialog, text, setText, error, setError, pending, start, open: () => { setText(""); setError(undefined); dialog.current?.showModal(); }, close: () => dialog.current?.close() };
}

export function ReviewSignOff({ reviewId, pending: left, total, validDays }: { reviewId: string; pending: number; total: number; validDays: number }) {
  const router = useRouter();
  const toast = useToast();
  const c = useConfirm();
  function submit(e: React.FormEvent) {
    e.preventDefault();
    c.start(async () => {
      const res = await signOffReviewAction({ reviewId, note: c.text });
      if (!res.ok) return c.setError(res.error);
      c.close();
      toast.show({ tone: "success", title: "Review signed off", body: `${res.data.attestations.length} controls attested for ${validDays} days.` });
      router.refresh();
    });
  }
  return (
    <>
      <Button variant="primary" size="sm" disabled={left > 0} title={left > 0 ? `${left} of ${total} items still pending` : undefined} onClick={c.open}>
        <BadgeCheck className="size-3.5" aria-hidden />
        Sign off
      </Button>
      <dialog ref={c.dialog} aria-labelledby="sign-off-title" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl p-0 text-left shadow-xl backdrop:bg-zinc-900/40">
        <form className="space-y-4 p-5" onSubmit={submit} noValidate>
          <div>
            <h2 id="sign-off-title" className="text-base font-semibold text-zinc-900">Sign off this review</h2>
            <p className="mt-1 text-sm text-zinc-600">
              The review closes with every decision as it stands. Bulwark attests HIPAA 164.308(a)(3)(ii)(B) and 164.308(a)(4)(ii)(C) and SOC 2 CC6.2 and CC6.3 in your name, for {validDays} days, with the review&apos;s PDF as evidence (replacing their current attestations).
            </p>
          </div>
          <Field id="sign-off-note" label={<>Note <span className="font-normal text-zinc-500">(optional, in the attestations and the PDF)</span></>}>
            <Textarea id="sign-off-note" rows={2} maxLength={2000} value={c.text} onChange={(e) => c.setText(e.target.value)} className="font-sans text-sm" />
          </Field>
          <DialogFormFooter error={c.error} pending={c.pending} submitLabel="Sign off" onCancel={c.close} />
        </form>
      </dialog>
    </>
  );
}

export function ReviewCancel({ reviewId }: { reviewId: string }) {
  const router = useRouter();
  const toast = useToast();
  const c = useConfirm();
  function submit(e: React.FormEvent) {
    e.preventDefault();
    c.start(async () => {
      const res = await cancelReviewAction({ reviewId, reason: c.text });
      if (!res.ok) return c.setError(res.error);
      c.close();
      toast.show({ tone: "success", title: "Review cancelled", body: "Its decisions stay readable; nothing was attested." });
      router.refresh();
    });
  }
  return (
    <>
      <Button variant="ghost" size="sm" onClick={c.open}>
        <span className="text-red-700">Cancel review…</span>
      </Button>
      <dialog ref={c.dialog} aria-labelledby="cancel-review-title" className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl p-0 text-left shadow-xl backdrop:bg-zinc-900/40">
        <form className="space-y-4 p-5" onSubmit={submit} noValidate>
          <div>
            <h2 id="cancel-review-title" className="text-base font-semibold text-zinc-900">Cancel this review</h2>
            <p className="mt-1 text-sm text-zinc-600">No more decisions can be taken and nothing is attested. The review and its decisions stay in the list.</p>
          </div>
          <Field id="cancel-reason" label={<>Reason <span className="font-normal text-zinc-500">(optional, kept in the audit log)</span></>}>
            <Textarea id="cancel-reason" rows={2} maxLength={2000} value={c.text} onChange={(e) => c.setText(e.target.value)} className="font-sans text-sm" />
          </Field>
          <DialogFormFooter error={c.error} pending={c.pending} danger submitLabel="Cancel review" onCancel={c.close} />
        </form>
      </dialog>
    </>
  );
}
