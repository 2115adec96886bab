"use client";
// Bulk actions on a selection, or on everything the current filter matches (after a confirmation
// that says how many findings will change).
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { cn } from "@/modules/ui/cn";
import { useToast } from "@/modules/ui/components/toast";
import type { TFilterValues } from "../findings.schemas";
import { bulkAction, countMatchingAction } from "../server/actions";
import { smallSelectClass } from "@/modules/ui/components/small-select";
import { DownloadBundleButton } from "@/modules/fixes/components/download-bundle-button";

export interface TMember { id: string; label: string }

type TChange = { kind: "assign"; assigneeId: string | null } | { kind: "status"; status: "open" | "in_progress" | "resolved" };

const STATUS_LABEL = { open: "Open", in_progress: "In progress", resolved: "Resolved" } as const;

export function describeChange(change: TChange, members: TMember[], meId: string): string {
  if (change.kind === "status") return `set status to ${STATUS_LABEL[change.status]}`;
  if (change.assigneeId === null) return "unassign";
  if (change.assigneeId === "me" || change.assigneeId === meId) return "assign to you";
  return `assign to ${members.find((m) => m.id === change.assigneeId)?.label ?? "that member"}`;
}

export function BulkBar({
  selectedIds, filter, members, meId, matchingLabel, onDone, onClear,
}: {
  selectedIds: string[];
  filter: TFilterValues;
  members: TMember[];
  meId: string;
  /** e.g. "1,000+" or "37": how many the filter matches, as the page knows it. */
  matchingLabel: string;
  onDone: () => void;
  onClear: () => void;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [assignee, setAssignee] = useState("me");
  const [status, setStatus] = useState<"open" | "in_progress" | "resolved">("in_progress");
  const [confirm, setConfirm] = useState<{ change: TChange; count: number; capped: boolean } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  function run(target: { ids: string[] } | { filter: TFilterValues }, change: TChange) {
    start(async () => {
      const res = await bulkAction({ target, change });
      if (!res.ok) {
        toast.show({ tone: "error", title: "Nothing changed", body: res.error });
        return;
      }
      toast.show({ tone: "success", title: `${res.data.changed.toLocaleString("en-US")} finding${res.data.changed === 1 ? "" : "s"} changed`, body: res.data.changed < res.data.matched ? `${res.data.matched - res.data.changed} already were so (or are covered by an exception).` : undefined });
      dialog.current?.close();
      setConfirm(null);
      onDone();
      router.refresh();
    });
  }

  function askAll(change: TChange) {
    start(async () => {
      const res = await countMatchingAction({ filter });
      if (!res.ok) {
        toast.show({ tone: "error", title: "Could not count the matching findings", body: res.error });
        return;
      }
      setConfirm({ change, count: res.data.value, capped: res.data.capped });
      dialog.current?.showModal();
    });
  }

  const assignChange: TChange = { kind: "assign", assigneeId: assignee === "none" ? null : assignee };
  const statusChange: TChange = { kind: "status", status };
  const n = selectedIds.length;

  return (
    <div className={cn("flex flex-wrap items-center gap-x-4 gap-y-2 border-b px-4 py-2 text-xs", n ? "border-indigo-100 bg-indigo-50/70" : "border-zinc-100 bg-zinc-50/60")} role="region" aria-label="Bulk actions">
      <span className="font-medium text-indigo-950 tabular-nums">{n ? `${n} selected` : "Nothing selected"}</span>
      <div className="flex items-center gap-1.5">
        <label htmlFor="bulk-assignee" className="whitespace-nowrap text-zinc-600">Assign to</label>
        <select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)} className={`${smallSelectClass} w-44`}>
          <option value="me">Me</option>
          <option value="none">Nobody (unassign)</option>
          {members.filter((m) => m.id !== meId).map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
        </select>
        <Button size="sm" disabled={pending || !n} onClick={() => run({ ids: selectedIds }, assignChange)}>Assign</Button>
      </div>
      <div className="flex items-center gap-1.5">
        <label htmlFor="bulk-status" className="whitespace-nowrap text-zinc-600">New status</label>
        <select id="bulk-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)} className={`${smallSelectClass} w-32`}>
          <option value="in_progress">In progress</option>
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
        </select>
        <Button size="sm" disabled={pending || !n} onClick={() => run({ ids: selectedIds }, statusChange)}>Set status</Button>
      </div>
      <DownloadBundleButton target={{ findingIds: selectedIds }} disabled={!n} />
      <div className="flex items-center gap-2 sm:ml-auto">
        <span className="text-zinc-500">All {matchingLabel} matching:</span>
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => askAll(assignChange)}>Assign all…</Button>
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => askAll(statusChange)}>Set status of all…</Button>
        {n > 0 && <Button size="sm" variant="ghost" onClick={onClear}>Clear selection</Button>}
      </div>
      <dialog
        ref={dialog}
        aria-labelledby="bulk-confirm-title"
        onClose={() => setConfirm(null)}
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-0 shadow-xl backdrop:bg-zinc-900/30"
      >
        {confirm && (
          <form method="dialog" className="space-y-4 p-5" onSubmit={(e) => { e.preventDefault(); run({ filter }, confirm.change); }}>
            <h2 id="bulk-confirm-title" className="text-sm font-semibold text-zinc-900">
              {describeChange(confirm.change, members, meId).replace(/^./, (c) => c.toUpperCase())}: {confirm.count.toLocaleString("en-US")}{confirm.capped ? "+" : ""} finding{confirm.count === 1 ? "" : "s"}?
            </h2>
            <p className="text-sm text-zinc-600">
              {confirm.capped
                ? "The filter matches more findings than one bulk change may touch. Narrow the filter first."
                : confirm.count === 0
                  ? "The filter matches no findings."
                  : "Every finding the current filter matches will change, including those on later pages. Each change is recorded in the finding's history and the audit log."}
            </p>
            <div className="flex justify-end gap-2">
              <Button variant="ghost" size="sm" onClick={() => dialog.current?.close()}>Cancel</Button>
              <Button type="submit" variant="primary" size="sm" disabled={pending || confirm.capped || confirm.count === 0} autoFocus>
                Change {confirm.count.toLocaleString("en-US")} finding{confirm.count === 1 ? "" : "s"}
              </Button>
            </div>
          </form>
        )}
      </dialog>
    </div>
  );
}
