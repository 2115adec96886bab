"use client";
// A ticket integration's row actions (admins and owners): sync now, edit in a dialog, remove.
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Pencil, RefreshCw, Trash2 } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { useToast } from "@/modules/ui/components/toast";
import { deleteIntegrationAction, syncIntegrationAction } from "../server/ticket-actions";
import { IntegrationForm, type TIntegrationInitial } from "./integration-form";

export function IntegrationActions({ integration }: { integration: TIntegrationInitial }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const name = integration.name;

  return (
    <div className="flex flex-wrap items-center justify-end gap-1.5">
      <Button
        size="sm"
        disabled={pending}
        aria-label={`Sync ${name} now`}
        onClick={() =>
          start(async () => {
            const res = await syncIntegrationAction({ id: integration.id });
            toast.show(res.ok ? { tone: "success", title: `Syncing "${name}"`, body: "The worker reads every open ticket's status; the row shows the result." } : { tone: "error", title: "Not synced", body: res.error });
          })
        }
      >
        <RefreshCw className="size-3.5" aria-hidden />Sync now
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit ${name}`}>
        <Pencil className="size-3.5" aria-hidden /><span className="hidden sm:inline">Edit</span>
      </Button>
      {confirming ? (
        <span className="inline-flex items-center gap-1.5" role="group" aria-label={`Remove ${name}?`}>
          <Button
            size="sm"
            variant="danger"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await deleteIntegrationAction({ id: integration.id });
                if (!res.ok) return toast.show({ tone: "error", title: "Not removed", body: res.error });
                toast.show({ tone: "success", title: `"${name}" removed`, body: "Its issues stay in Jira or GitHub." });
                router.refresh();
              })
            }
          >
            Remove
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>Keep</Button>
        </span>
      ) : (
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Remove ${name}`}>
          <Trash2 className="size-3.5" aria-hidden /><span className="hidden sm:inline">Remove</span>
        </Button>
      )}
      {editing && <EditDialog integration={integration} onClose={() => setEditing(false)} />}
    </div>
  );
}

function EditDialog({ integration, onClose }: { integration: TIntegrationInitial; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);
  const titleId = `edit-${integration.id}-title`;
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby={titleId} className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl p-0 text-left shadow-xl backdrop:bg-zinc-900/40">
      <div className="space-y-4 p-5">
        <h2 id={titleId} className="text-base font-semibold text-zinc-900">Edit {integration.name}</h2>
        <IntegrationForm initial={integration} onDone={onClose} />
      </div>
    </dialog>
  );
}
