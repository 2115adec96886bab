"use client";
// "Apply to cluster…": a dialog with the planned patch per object (what the worker will send after
// an admin approves), the findings left out and why, and a reason for the approver.
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Wrench } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { DialogFormFooter, Field, Textarea, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { proposeFixAction } from "../server/fix-actions";
import { PatchBlock } from "./fix-bits";

export interface TFixPreview {
  clusterId: string;
  clusterName: string;
  /** whether the cluster has a write credential (needed to approve, not to propose) */
  writeCredential: boolean;
  targets: { label: string; yaml: string; rules: string[]; findings: number }[];
  skipped: { ruleId: string; reason: string }[];
}

export function ProposeFixButton({ target, preview, label = "Apply to cluster…" }: { target: { findingIds: string[] } | { riskId: string }; preview: TFixPreview; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="primary" onClick={() => setOpen(true)} disabled={preview.targets.length === 0}>
        <Wrench className="size-3.5" aria-hidden />
        {label}
      </Button>
      {open && <ProposeFixDialog target={target} preview={preview} onClose={() => setOpen(false)} />}
    </>
  );
}

function ProposeFixDialog({ target, preview, onClose }: { target: { findingIds: string[] } | { riskId: string }; preview: TFixPreview; onClose: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, start] = useTransition();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const res = await proposeFixAction({ ...target, ...(reason.trim() ? { reason } : {}) });
      if (!res.ok) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
      toast.show({ tone: "success", title: "Fix proposed", body: "An admin approves it before anything changes in the cluster." });
      onClose();
      router.push(`/fixes/${res.data.id}`);
    });
  }

  const fields = preview.targets.reduce((n, t) => n + t.findings, 0);
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="propose-fix-title" className="m-auto w-[min(44rem,calc(100vw-2rem))] rounded-xl p-0 text-left shadow-xl backdrop:bg-zinc-900/40">
      <form className="space-y-4 p-5" onSubmit={submit} noValidate>
        <div>
          <h2 id="propose-fix-title" className="text-base font-semibold text-zinc-900">Apply the fix to {preview.clusterName}</h2>
          <p className="mt-1 text-sm text-zinc-600">
            Proposes this change; nothing happens in the cluster until an admin approves. Then the worker runs a server-side dry run, patches with field manager <code className="font-mono text-xs">bulwark</code> and rescans to check {fields === 1 ? "the finding is" : "the findings are"} resolved.
          </p>
        </div>
        {!preview.writeCredential && (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
            {preview.clusterName} has no write credential yet. You can propose now; an admin sets one on the cluster&apos;s page before approving.
          </p>
        )}
        <div className="space-y-3">
          {preview.targets.map((t) => (
            <div key={t.label}>
              <div className="mb-1.5 flex flex-wrap items-baseline justify-between gap-x-3 text-xs">
                <span className="font-mono font-medium text-zinc-900">{t.label}</span>
                <span className="text-zinc-500">{t.rules.join(", ")}</span>
              </div>
              <PatchBlock yaml={t.yaml} label={`Patch of ${t.label}`} />
            </div>
          ))}
        </div>
        {preview.skipped.length > 0 && (
          <div>
            <h3 className="text-sm font-medium text-zinc-800">Not fixed automatically</h3>
            <ul className="mt-1 space-y-1 text-xs text-zinc-700">
              {preview.skipped.map((s, i) => <li key={`${s.ruleId}-${i}`}><span className="font-mono">{s.ruleId}</span>: {s.reason}</li>)}
            </ul>
          </div>
        )}
        <Field id="propose-reason" label="Reason (optional)" hint="What the approver should know: the change window, who owns the workload." error={errors.reason}>
          <Textarea id="propose-reason" rows={2} className="font-sans text-sm" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} {...describedBy("propose-reason", errors.reason, true)} />
        </Field>
        <DialogFormFooter error={errors._ ?? errors.findingIds} pending={pending} submitLabel="Propose fix" onCancel={onClose} />
      </form>
    </dialog>
  );
}
