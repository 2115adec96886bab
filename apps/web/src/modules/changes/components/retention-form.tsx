"use client";
// How long the change history is kept (admins; 1..3650 days); everyone else reads it. Checked as
// you type with the schema the server action parses.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZChangeRetention } from "../changes.schemas";
import { updateRetentionAction } from "../server/actions";

export function RetentionForm({ days, canEdit }: { days: number; canEdit: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [value, setValue] = useState(String(days));
  const [saved, setSaved] = useState(days);
  const [serverError, setServerError] = useState<string>();
  const parsed = ZChangeRetention.safeParse({ days: value });
  const error = serverError ?? (parsed.success ? undefined : fieldErrorsFromZod(parsed.error).days);
  const unchanged = parsed.success && parsed.data.days === saved;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!parsed.success || unchanged) return;
    start(async () => {
      const res = await updateRetentionAction({ days: value });
      if (!res.ok) return setServerError(res.fieldErrors?.days ?? res.error);
      setSaved(res.data.changeRetentionDays);
      toast.show({ tone: "success", title: `Change history kept for ${res.data.changeRetentionDays} days`, body: "Older changes are removed at the worker's next hourly clean-up." });
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Change history retention">
      <Field
        id="change-retention"
        label="Keep the change history for"
        hint={canEdit ? "1 to 3650 days. Default 90. Shortening it removes older changes at the next clean-up." : "Only admins can change it."}
        error={error}
        className="max-w-lg"
      >
        <div className="flex items-center gap-2">
          <div className="relative w-40">
            <Input
              id="change-retention"
              inputMode="numeric"
              value={value}
              disabled={!canEdit || pending}
              onChange={(e) => { setValue(e.target.value.trim()); setServerError(undefined); }}
              className="pr-12 tabular-nums"
              {...describedBy("change-retention", error, true)}
            />
            <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-xs text-zinc-500">days</span>
          </div>
          {canEdit && <Button type="submit" variant="secondary" disabled={pending || !parsed.success || unchanged}>{pending ? "Saving…" : "Save"}</Button>}
        </div>
      </Field>
    </form>
  );
}
