"use client";
// Work on one finding or risk: who owns it and where it stands. Resolved by hand is allowed; a scan
// that still sees the problem reopens it. What an exception covers changes through the exception.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { UserPlus } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { useToast } from "@/modules/ui/components/toast";
import { cn } from "@/modules/ui/cn";
import { assignTarget, setTargetStatus, type TWorkTarget } from "./work-target";
import { smallSelectClass } from "@/modules/ui/components/small-select";

const STATUSES = [
  { value: "open", label: "Open" },
  { value: "in_progress", label: "In progress" },
  { value: "resolved", label: "Resolved" },
] as const;

export function FindingActions({
  target, status, assigneeId, members, meId, exceptionCovered,
}: {
  target: TWorkTarget;
  status: string;
  assigneeId: string | null;
  members: Array<{ id: string; label: string }>;
  meId: string;
  exceptionCovered: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [choice, setChoice] = useState(assigneeId ?? "");

  function assign(to: string | null) {
    start(async () => {
      const res = await assignTarget(target, to);
      if (!res.ok) return toast.show({ tone: "error", title: "Not assigned", body: res.error });
      setChoice(res.data.assigneeId ?? "");
      const who = res.data.assigneeId === null ? null : res.data.assigneeId === meId ? "you" : members.find((m) => m.id === res.data.assigneeId)?.label;
      toast.show({ tone: "success", title: who ? `Assigned to ${who}` : "Unassigned", ...(assigneeId !== res.data.assigneeId ? { action: { label: "Undo", onClick: () => assign(assigneeId) } } : {}) });
      router.refresh();
    });
  }

  function setStatus(next: (typeof STATUSES)[number]["value"]) {
    start(async () => {
      const res = await setTargetStatus(target, next);
      if (!res.ok) return toast.show({ tone: "error", title: "Status not changed", body: res.error });
      const prev = STATUSES.find((s) => s.value === (status === "reopened" ? "open" : status));
      toast.show({
        tone: "success",
        title: `Marked ${STATUSES.find((s) => s.value === next)!.label.toLowerCase()}`,
        ...(next === "resolved" ? { body: "If the next scan still sees the problem, it reopens." } : {}),
        ...(prev && prev.value !== next ? { action: { label: "Undo", onClick: () => setStatus(prev.value) } } : {}),
      });
      router.refresh();
    });
  }

  const current = status === "reopened" ? "open" : status;
  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <label htmlFor="assignee" className="block text-xs font-medium text-zinc-600">Assignee</label>
        <div className="flex gap-1.5">
          <select id="assignee" value={choice} disabled={pending} onChange={(e) => { setChoice(e.target.value); assign(e.target.value || null); }} className={`${smallSelectClass} min-w-0 flex-1 text-sm`}>
            <option value="">Unassigned</option>
            {members.map((m) => <option key={m.id} value={m.id}>{m.id === meId ? `${m.label} (you)` : m.label}</option>)}
          </select>
          {assigneeId !== meId && (
            <Button size="sm" className="h-8" disabled={pending} onClick={() => assign("me")}>
              <UserPlus className="size-3.5" aria-hidden />Take it
            </Button>
          )}
        </div>
        {target.kind === "risk" && <p className="text-xs text-zinc-500">Its open findings go to the same person.</p>}
      </div>
      <div className="space-y-1.5">
        <div id="status-label" className="text-xs font-medium text-zinc-600">Status</div>
        {exceptionCovered ? (
          <p className="text-xs text-zinc-600">{target.kind === "risk" ? "Exceptions cover this risk's findings; it counts as excepted until they end." : "An approved exception covers this finding; it counts as excepted until the exception ends."}</p>
        ) : (
          <div role="group" aria-labelledby="status-label" className="inline-flex rounded-md shadow-xs ring-1 ring-inset ring-zinc-300">
            {STATUSES.map((s, i) => (
              <button
                key={s.value}
                type="button"
                aria-pressed={current === s.value}
                disabled={pending}
                onClick={() => current !== s.value && setStatus(s.value)}
                className={cn(
                  "h-8 px-3 text-xs font-medium",
                  i === 0 && "rounded-l-md",
                  i === STATUSES.length - 1 && "rounded-r-md",
                  i > 0 && "border-l border-zinc-300",
                  current === s.value ? (s.value === "resolved" ? "bg-green-700 text-white" : "bg-zinc-900 text-white") : "bg-white text-zinc-700 hover:bg-zinc-50",
                )}
              >
                {s.label}
              </button>
            ))}
          </div>
        )}
        {status === "reopened" && <p className="text-xs text-rose-700">Reopened: a scan saw it again after it was resolved.</p>}
      </div>
    </div>
  );
}
