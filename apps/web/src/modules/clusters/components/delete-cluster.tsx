"use client";
// Deleting a cluster removes its stored credentials, scans and findings; confirmed by typing its name.
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Input } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { deleteClusterAction } from "../server/actions";

export function DeleteCluster({ clusterId, name }: { clusterId: string; name: string }) {
  const router = useRouter();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => setTyped(""), []);
  return (
    <>
      <Button variant="secondary" className="text-red-700" onClick={() => dialog.current?.showModal()}>
        <Trash2 className="size-4" aria-hidden />Delete cluster
      </Button>
      {/* <dialog> with showModal traps focus and closes on Escape natively. */}
      <dialog ref={dialog} aria-labelledby="delete-title" className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-zinc-900/40">
        <form
          method="dialog"
          className="space-y-4 p-5"
          onSubmit={async (e) => {
            e.preventDefault();
            setPending(true);
            const res = await deleteClusterAction({ clusterId });
            setPending(false);
            if (!res.ok) return setError(res.error);
            dialog.current?.close();
            toast.show({ tone: "success", title: `Deleted ${name}` });
            router.push("/clusters");
            router.refresh();
          }}
        >
          <h2 id="delete-title" className="text-base font-semibold text-zinc-900">Delete {name}?</h2>
          <p className="text-sm text-zinc-600">
            This removes the stored credentials, the scan history and every finding of this cluster. Scheduled scans stop. It cannot be undone.
          </p>
          <div className="space-y-1.5">
            <label htmlFor="confirm-name" className="text-sm text-zinc-700">Type <span className="font-mono font-medium">{name}</span> to confirm</label>
            <Input id="confirm-name" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </div>
          {error && <p className="text-sm text-red-700" role="alert">{error}</p>}
          <div className="flex justify-end gap-2">
            <Button onClick={() => dialog.current?.close()}>Cancel</Button>
            <Button type="submit" variant="danger" disabled={typed !== name || pending}>{pending ? "Deleting…" : "Delete cluster"}</Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
