"use client";
// Triage controls: start work, accept the risk (with a reason), or put a finding back to open.
// Resolved is never set by hand: the next scan that no longer sees the problem resolves it.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { Field, Textarea, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZSetFindingStatus } from "../findings.schemas";
import { setFindingStatusAction } from "../server/actions";

type TStatus = "open" | "in_progress" | "excepted";

export function Triage({ findingId, status }: { findingId: string; status: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [excepting, setExcepting] = useState(false);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string>();

  function set(next: TStatus, note?: string) {
    const input = { findingId, status: next, comment: note };
    const parsed = ZSetFindingStatus.safeParse(input);
    if (!parsed.success) return setError(fieldErrorsFromZod(parsed.error).comment);
    setError(undefined);
    start(async () => {
      const res = await setFindingStatusAction(input);
      if (!res.ok) {
        setError(res.fieldErrors?.comment);
        toast.show({ tone: "error", title: "Status not changed", body: res.error });
        return;
      }
      setExcepting(false);
      setComment("");
      const prev = status === "reopened" ? "open" : (status as TStatus);
      toast.show({
        tone: "success",
        title: next === "in_progress" ? "Marked in progress" : next === "excepted" ? "Risk accepted" : "Moved back to open",
        ...(prev === "open" || prev === "in_progress" || prev === "excepted"
          ? { action: { label: "Undo", onClick: () => start(async () => { await setFindingStatusAction({ findingId, status: prev, comment: prev === "excepted" ? "Restored by undo" : undefined }); router.refresh(); }) } }
          : {}),
      });
      router.refresh();
    });
  }

  if (status === "resolved") {
    return <p className="text-xs text-zinc-500">Resolved by a scan that no longer saw the problem. It reopens by itself if a later scan finds it again.</p>;
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {status !== "in_progress" && <Button size="sm" disabled={pending} onClick={() => set("in_progress")}>Start work</Button>}
        {status !== "excepted" && !excepting && <Button size="sm" disabled={pending} onClick={() => setExcepting(true)}>Accept risk…</Button>}
        {(status === "in_progress" || status === "excepted") && <Button size="sm" variant="ghost" disabled={pending} onClick={() => set("open")}>Reopen</Button>}
      </div>
      {excepting && (
        <form className="space-y-2" onSubmit={(e) => { e.preventDefault(); set("excepted", comment); }}>
          <Field id="except-comment" label="Why is this risk accepted?" error={error}>
            <Textarea id="except-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} className="font-sans text-sm" {...describedBy("except-comment", error)} />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant="primary" disabled={pending}>Accept risk</Button>
            <Button size="sm" variant="ghost" onClick={() => setExcepting(false)}>Cancel</Button>
          </div>
        </form>
      )}
    </div>
  );
}
