"use client";
// Keep or revoke one item of an open review (members and up). Keep is one click (a note is
// optional); revoke asks for a note (why, and who removes the access). The server re-checks.
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { DialogFormFooter, Field, Textarea, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { decideItemAction } from "../server/reviews-actions";

export function ReviewDecision({ reviewId, itemId, subject, decision, note }: { reviewId: string; itemId: string; subject: string; decision: "pending" | "keep" | "revoke"; note: string }) {
  const router = useRouter();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<"keep" | "revoke">("revoke");
  const [text, setText] = useState(note);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  // The dialog exists only while open: a review may list hundreds of items.
  const [opened, setOpened] = useState(false);
  const id = `decide-${itemId}`;

  useEffect(() => {
    if (opened && !dialog.current?.open) dialog.current?.showModal();
  }, [opened]);

  function send(d: "keep" | "revoke", n: string, after?: () => void) {
    start(async () => {
      const res = await decideItemAction({ reviewId, itemId, decision: d, note: n });
      if (!res.ok) {
        if (after) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
        toast.show({ tone: "error", title: "Not saved", body: res.error });
        return;
      }
      after?.();
      router.refresh();
    });
  }

  function open(d: "keep" | "revoke") {
    setChoice(d);
    setText(note);
    setErrors({});
    setOpened(true);
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (choice === "revoke" && !text.trim()) return setErrors({ note: "Say why the access goes and who removes it" });
    send(choice, text, () => dialog.current?.close());
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <Button size="sm" variant={decision === "keep" ? "primary" : "secondary"} disabled={pending} aria-pressed={decision === "keep"} aria-label={`Keep ${subject}`} onClick={() => send("keep", decision === "keep" ? note : "")}>
        Keep
      </Button>
      <Button size="sm" variant={decision === "revoke" ? "danger" : "secondary"} disabled={pending} aria-pressed={decision === "revoke"} aria-label={`Revoke ${subject}…`} onClick={() => open("revoke")}>
        Revoke…
      </Button>
      <Button size="sm" variant="ghost" disabled={pending} aria-label={`Note on ${subject}…`} onClick={() => open(decision === "revoke" ? "revoke" : "keep")}>
        Note…
      </Button>
      {opened && (
        <dialog ref={dialog} onClose={() => setOpened(false)} aria-labelledby={`${id}-title`} className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl p-0 text-left shadow-xl backdrop:bg-zinc-900/40">
          <form className="space-y-4 p-5" onSubmit={submit} noValidate>
            <div>
              <h2 id={`${id}-title`} className="text-base font-semibold text-zinc-900">{choice === "revoke" ? "Revoke" : "Keep"} access of {subject}</h2>
              <p className="mt-1 text-sm text-zinc-600">
                {choice === "revoke"
                  ? "Bulwark does not change the cluster: say why the access goes and who removes the binding. The note is in the review's export and the audit log."
                  : "Say why this access is still needed (optional). The note is in the review's export and the audit log."}
              </p>
            </div>
            <fieldset className="flex gap-4 text-sm">
              <legend className="sr-only">Decision</legend>
              {(["keep", "revoke"] as const).map((d) => (
                <label key={d} className="flex items-center gap-1.5">
                  <input type="radio" name={`${id}-choice`} value={d} checked={choice === d} onChange={() => setChoice(d)} />
                  {d === "keep" ? "Keep" : "Revoke"}
                </label>
              ))}
            </fieldset>
            <Field id={`${id}-note`} label={choice === "revoke" ? "Note (required)" : "Note (optional)"} error={errors.note}>
              <Textarea id={`${id}-note`} rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} className="font-sans text-sm" {...describedBy(`${id}-note`, errors.note)} />
            </Field>
            <DialogFormFooter error={errors._} pending={pending} danger={choice === "revoke"} submitLabel={choice === "revoke" ? "Mark revoke" : "Mark keep"} onCancel={() => dialog.current?.close()} />
          </form>
        </dialog>
      )}
    </div>
  );
}
