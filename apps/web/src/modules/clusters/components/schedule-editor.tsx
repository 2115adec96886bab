"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, Select, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZSchedule } from "../clusters.schemas";
import { updateScheduleAction } from "../server/actions";

const INTERVALS = [
  { v: 60, l: "Every hour" },
  { v: 360, l: "Every 6 hours" },
  { v: 720, l: "Every 12 hours" },
  { v: 1440, l: "Every day" },
  { v: 10080, l: "Every week" },
];

export interface TScheduleValue { enabled: boolean; mode: string; everyMinutes: number | null; cron: string | null; timezone: string }

export function ScheduleEditor({ clusterId, initial, canEdit }: { clusterId: string; initial: TScheduleValue | null; canEdit: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [mode, setMode] = useState<"interval" | "cron">(initial?.mode === "cron" ? "cron" : "interval");
  const [every, setEvery] = useState(String(initial?.everyMinutes ?? 1440));
  const [cron, setCron] = useState(initial?.cron ?? "0 3 * * *");
  const [timezone, setTimezone] = useState(initial?.timezone ?? "UTC");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const disabled = !canEdit || pending;

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const input = { clusterId, enabled, mode, everyMinutes: mode === "interval" ? Number(every) : undefined, cron: mode === "cron" ? cron : undefined, timezone };
    const parsed = ZSchedule.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    setPending(true);
    const res = await updateScheduleAction(input);
    setPending(false);
    if (!res.ok) {
      if (res.fieldErrors) setErrors(res.fieldErrors);
      toast.show({ tone: "error", title: "Schedule not saved", body: res.error });
      return;
    }
    toast.show({ tone: "success", title: enabled ? "Schedule saved" : "Scheduled scans paused" });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <label className="flex items-center gap-2.5 text-sm">
        <input type="checkbox" checked={enabled} disabled={disabled} onChange={(e) => setEnabled(e.target.checked)} className="size-4 accent-indigo-600" />
        <span className="font-medium text-zinc-900">Scan on a schedule</span>
      </label>
      <fieldset disabled={disabled || !enabled} className="space-y-4 disabled:opacity-60">
        <legend className="sr-only">Schedule</legend>
        <div className="inline-flex rounded-md bg-zinc-100 p-0.5 text-xs" role="radiogroup" aria-label="Schedule type">
          {(["interval", "cron"] as const).map((m) => (
            <label key={m} className={`cursor-pointer rounded px-2.5 py-1 ${mode === m ? "bg-white font-medium shadow-xs" : "text-zinc-600"}`}>
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="sr-only" />
              {m === "interval" ? "Interval" : "Cron"}
            </label>
          ))}
        </div>
        {mode === "interval" ? (
          <Field id="everyMinutes" label="How often" error={errors.everyMinutes}>
            <Select id="everyMinutes" value={every} onChange={(e) => setEvery(e.target.value)} {...describedBy("everyMinutes", errors.everyMinutes)}>
              {INTERVALS.map((i) => <option key={i.v} value={i.v}>{i.l}</option>)}
              {!INTERVALS.some((i) => String(i.v) === every) && <option value={every}>Every {every} minutes</option>}
            </Select>
          </Field>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="cron" label="Cron expression" hint="minute hour day month weekday" error={errors.cron}>
              <Input id="cron" value={cron} onChange={(e) => setCron(e.target.value)} className="font-mono" {...describedBy("cron", errors.cron, true)} />
            </Field>
            <Field id="timezone" label="Time zone" error={errors.timezone}>
              <Input id="timezone" value={timezone} onChange={(e) => setTimezone(e.target.value)} {...describedBy("timezone", errors.timezone)} />
            </Field>
          </div>
        )}
      </fieldset>
      {canEdit ? (
        <Button type="submit" size="sm" disabled={pending}>{pending ? "Saving…" : "Save schedule"}</Button>
      ) : (
        <p className="text-xs text-zinc-500">Only admins can change the schedule.</p>
      )}
    </form>
  );
}
