"use client";
// "Start review" (admins and owners): a title, the clusters to review (those whose access model was
// built; none ticked = all of them), a due date, how long the sign-off counts as evidence, and
// whether high-level subjects join the cluster-admin equivalents. Opens the new review.
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ClipboardCheck } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { DialogFormFooter, Field, Input, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZStartReview } from "../server/reviews.schemas";
import { startReviewAction } from "../server/reviews-actions";

export interface TReviewCluster {
  clusterId: string;
  clusterName: string;
  built: boolean;
}

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const quarter = () => {
  const d = new Date();
  return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()} access review`;
};

export function ReviewStartDialog({ clusters, primary = true }: { clusters: TReviewCluster[]; primary?: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, start] = useTransition();
  const blank = () => ({ title: quarter(), dueAt: isoDay(14), validDays: "90", includeHigh: true, clusterIds: [] as string[] });
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const built = clusters.filter((c) => c.built);

  function toggle(id: string) {
    setForm((f) => ({ ...f, clusterIds: f.clusterIds.includes(id) ? f.clusterIds.filter((x) => x !== id) : [...f.clusterIds, id] }));
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = ZStartReview.safeParse(form);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    start(async () => {
      const res = await startReviewAction(form);
      if (!res.ok) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
      dialog.current?.close();
      toast.show({ tone: "success", title: "Review started", body: `${res.data.items} ${res.data.items === 1 ? "subject" : "subjects"} to review.` });
      router.push(`/access/reviews/${res.data.id}`);
    });
  }

  return (
    <>
      <Button
        variant={primary ? "primary" : "secondary"}
        size="sm"
        disabled={built.length === 0}
        title={built.length === 0 ? "No cluster has an access model yet: scan one first" : undefined}
        onClick={() => {
          setForm(blank());
          setErrors({});
          dialog.current?.showModal();
        }}
      >
        <ClipboardCheck className="size-3.5" aria-hidden />
        Start review
      </Button>
      <dialog ref={dialog} aria-labelledby="start-review-title" className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-xl p-0 text-left shadow-xl backdrop:bg-zinc-900/40">
        <form className="space-y-4 p-5" onSubmit={submit} noValidate>
          <div>
            <h2 id="start-review-title" className="text-base font-semibold text-zinc-900">Start an access review</h2>
            <p className="mt-1 text-sm text-zinc-600">
              Every subject with cluster-admin or equivalent rights (and, if you keep it ticked, other high-risk rights) in the chosen clusters becomes an item for reviewers to keep or revoke.
              Kubernetes&apos; and the platform&apos;s own subjects are left out.
            </p>
          </div>
          <Field id="review-title" label="Title" error={errors.title}>
            <Input id="review-title" value={form.title} maxLength={200} onChange={(e) => setForm((f) => ({ ...f, title: e.target.value }))} {...describedBy("review-title", errors.title)} />
          </Field>
          <fieldset className="space-y-1.5">
            <legend className="text-sm font-medium text-zinc-800">Clusters</legend>
            <p className="text-xs text-zinc-500">None ticked: every cluster with an access model ({built.length}).</p>
            <ul className="max-h-48 space-y-1 overflow-y-auto rounded-md p-1 ring-1 ring-inset ring-zinc-200">
              {clusters.map((c) => (
                <li key={c.clusterId}>
                  <label className={`flex items-center gap-2 rounded px-2 py-1 text-sm ${c.built ? "text-zinc-800 hover:bg-zinc-50" : "text-zinc-400"}`}>
                    <input type="checkbox" className="size-4 rounded border-zinc-300" disabled={!c.built} checked={form.clusterIds.includes(c.clusterId)} onChange={() => toggle(c.clusterId)} />
                    <span className="truncate">{c.clusterName}</span>
                    {!c.built && <span className="ml-auto shrink-0 text-xs text-zinc-500">not scanned yet</span>}
                  </label>
                </li>
              ))}
            </ul>
            {errors.clusterIds && <p className="text-xs text-red-700">{errors.clusterIds}</p>}
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="review-due" label="Due date" hint="Reviewers see it; overdue reviews are marked." error={errors.dueAt}>
              <Input id="review-due" type="date" value={form.dueAt} onChange={(e) => setForm((f) => ({ ...f, dueAt: e.target.value }))} {...describedBy("review-due", errors.dueAt, true)} />
            </Field>
            <Field id="review-valid" label="Sign-off counts for (days)" hint="The attestations expire after it." error={errors.validDays}>
              <Input id="review-valid" type="number" min={1} max={730} inputMode="numeric" value={form.validDays} onChange={(e) => setForm((f) => ({ ...f, validDays: e.target.value }))} {...describedBy("review-valid", errors.validDays, true)} />
            </Field>
          </div>
          <label className="flex items-start gap-2 text-sm text-zinc-800">
            <input type="checkbox" className="mt-0.5 size-4 rounded border-zinc-300" checked={form.includeHigh} onChange={(e) => setForm((f) => ({ ...f, includeHigh: e.target.checked }))} />
            <span>
              Include high-risk subjects
              <span className="block text-xs text-zinc-500">Read Secrets, exec into pods, create workloads or tokens, manage RBAC or webhooks. Untick to review cluster-admin equivalents only.</span>
            </span>
          </label>
          <DialogFormFooter error={errors._} pending={pending} submitLabel="Start review" onCancel={() => dialog.current?.close()} />
        </form>
      </dialog>
    </>
  );
}
