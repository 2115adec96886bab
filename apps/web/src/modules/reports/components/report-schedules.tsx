"use client";
// Scheduled reports (admins): a framework on a weekly or monthly cadence, optionally announced to
// a webhook with download links. The worker's job scheduler generates them.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { CalendarClock, Trash2 } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, Select, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { tableClass as t } from "@/modules/ui/components/layout";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZCreateReportSchedule } from "../reports.schemas";
import { createReportScheduleAction, deleteReportScheduleAction } from "../server/actions";
import { SigningSecretOnce } from "@/modules/alerts/components/signing-secret";

export interface TScheduleRow {
  id: string;
  framework: string;
  cadence: string;
  clusters: string;
  webhookHost: string | null;
  lastRunAt: string | null;
}

const CADENCE = { weekly: "Weekly, Mondays 06:00 UTC", monthly: "Monthly, on the 1st at 06:00 UTC" } as const;

export function ReportSchedules({ frameworks, schedules }: { frameworks: { id: string; name: string }[]; schedules: TScheduleRow[] }) {
  const router = useRouter();
  const toast = useToast();
  const [framework, setFramework] = useState(frameworks[0]?.id ?? "");
  const [cadence, setCadence] = useState<"weekly" | "monthly">("weekly");
  const [webhookUrl, setWebhookUrl] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const name = (id: string) => frameworks.find((f) => f.id === id)?.name ?? id;

  return (
    <div>
      {schedules.length > 0 && (
        <div className={t.wrap}>
          <table className={t.table}>
            <caption className="sr-only">Report schedules</caption>
            <thead className={t.thead}>
              <tr>
                <th scope="col" className={t.th}>Framework</th>
                <th scope="col" className={t.th}>When</th>
                <th scope="col" className={`${t.th} hidden md:table-cell`}>Clusters</th>
                <th scope="col" className={`${t.th} hidden md:table-cell`}>Webhook</th>
                <th scope="col" className={`${t.th} hidden sm:table-cell`}>Last run</th>
                <th scope="col" className={t.th}><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((s) => (
                <tr key={s.id} className={t.tr}>
                  <td className={t.td}>{name(s.framework)}</td>
                  <td className={`${t.td} text-xs text-zinc-600`}>{CADENCE[s.cadence as keyof typeof CADENCE] ?? s.cadence}</td>
                  <td className={`${t.td} hidden text-xs text-zinc-600 md:table-cell`}>{s.clusters}</td>
                  <td className={`${t.td} hidden font-mono text-xs text-zinc-600 md:table-cell`}>{s.webhookHost ?? "—"}</td>
                  <td className={`${t.td} hidden text-xs text-zinc-600 sm:table-cell`}>{s.lastRunAt ? s.lastRunAt.slice(0, 16).replace("T", " ") + " UTC" : "not yet"}</td>
                  <td className={`${t.td} text-right`}>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Delete the ${s.cadence} ${name(s.framework)} schedule`}
                      onClick={async () => {
                        const res = await deleteReportScheduleAction({ scheduleId: s.id });
                        toast.show(res.ok ? { tone: "success", title: "Schedule deleted", body: "Reports it produced are kept." } : { tone: "error", title: "Not deleted", body: res.error });
                        router.refresh();
                      }}
                    >
                      <Trash2 className="size-3.5" aria-hidden />Delete
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        noValidate
        aria-label="Schedule a report"
        className="grid gap-4 border-t border-zinc-100 p-4 md:grid-cols-[17rem_16rem_minmax(0,1fr)_auto] md:items-start"
        onSubmit={async (e) => {
          e.preventDefault();
          const input = { framework, cadence, clusterIds: [], webhookUrl };
          const parsed = ZCreateReportSchedule.safeParse(input);
          if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
          setErrors({});
          setPending(true);
          const res = await createReportScheduleAction(input);
          setPending(false);
          if (!res.ok) {
            setErrors(res.fieldErrors ?? { _: res.error });
            return;
          }
          setWebhookUrl("");
          setSecret(res.data.secret);
          toast.show({ tone: "success", title: "Report scheduled", body: CADENCE[cadence] });
          router.refresh();
        }}
      >
        <Field id="schedule-framework" label="Framework" error={errors.framework}>
          <Select id="schedule-framework" value={framework} onChange={(e) => setFramework(e.target.value)} {...describedBy("schedule-framework", errors.framework)}>
            {frameworks.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
          </Select>
        </Field>
        <Field id="schedule-cadence" label="Every" error={errors.cadence} hint="All clusters, 06:00 UTC">
          <Select id="schedule-cadence" value={cadence} onChange={(e) => setCadence(e.target.value as "weekly" | "monthly")} {...describedBy("schedule-cadence", errors.cadence, true)}>
            <option value="weekly">Week (Mondays)</option>
            <option value="monthly">Month (the 1st)</option>
          </Select>
        </Field>
        <Field id="schedule-webhook" label="Webhook (optional)" error={errors.webhookUrl} hint="Receives signed links to the files when a report is ready">
          <Input id="schedule-webhook" type="url" inputMode="url" placeholder="https://hooks.example.com/bulwark" value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} {...describedBy("schedule-webhook", errors.webhookUrl, true)} />
        </Field>
        <div className="md:pt-6">
          <Button type="submit" disabled={pending}><CalendarClock className="size-4" aria-hidden />{pending ? "Saving…" : "Schedule"}</Button>
        </div>
        {errors._ && <p className="text-sm text-red-700 md:col-span-4" role="alert">{errors._}</p>}
      </form>
      {secret && (
        <div className="mx-4 mb-4 rounded-md border border-green-200 bg-green-50 p-3" role="status">
          <SigningSecretOnce key={secret} id="schedule-secret" secret={secret} lead="The schedule's webhook signing secret" />
        </div>
      )}
    </div>
  );
}
