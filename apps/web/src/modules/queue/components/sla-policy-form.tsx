"use client";
// The organization's SLA policy: days to fix a finding by severity. Admins edit it (saving moves
// the due date of every unresolved finding); everyone else reads it.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { describedBy, Input } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { SEVERITY_ORDER, SEVERITY_STYLE, type TSeverity } from "@/modules/ui/severity";
import { cn } from "@/modules/ui/cn";
import { ZSlaPolicyInput } from "../queue.schemas";
import { updateSlaAction } from "../server/actions";

export type TSlaPolicyView = Record<TSeverity, number | null>;
export const SLA_DEFAULTS: TSlaPolicyView = { critical: 7, high: 30, medium: 90, low: 180, info: null };

export function SlaPolicyForm({ policy, canEdit }: { policy: TSlaPolicyView; canEdit: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [values, setValues] = useState<Record<TSeverity, string>>(() => Object.fromEntries(SEVERITY_ORDER.map((s) => [s, policy[s] === null ? "" : String(policy[s])])) as Record<TSeverity, string>);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function save(e: React.FormEvent) {
    e.preventDefault();
    const parsed = ZSlaPolicyInput.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    start(async () => {
      const res = await updateSlaAction(values);
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        toast.show({ tone: "error", title: "SLA policy not saved", body: res.error });
        return;
      }
      toast.show({ tone: "success", title: "SLA policy saved", body: `${res.data.findingsUpdated.toLocaleString("en-US")} open finding${res.data.findingsUpdated === 1 ? "" : "s"} got a new due date.` });
      router.refresh();
    });
  }

  return (
    <form onSubmit={save} className="space-y-4" aria-label="SLA policy">
      <p className="text-sm text-zinc-600">
        Days to fix a finding, counted from when a scan first saw it (or saw it again after it was resolved).
        {canEdit ? " Leave a field empty for no due date. Saving recomputes the due date of every unresolved finding." : " Only admins can change it."}
      </p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {SEVERITY_ORDER.map((s) => {
          const id = `sla-${s}`;
          return (
            <div key={s} className="space-y-1.5">
              <label htmlFor={id} className="flex items-center gap-1.5 text-sm font-medium text-zinc-800">
                <span aria-hidden className={cn("size-2 rounded-full", SEVERITY_STYLE[s].dot)} />
                {SEVERITY_STYLE[s].label}
              </label>
              <div className="relative">
                <Input
                  id={id}
                  name={s}
                  inputMode="numeric"
                  value={values[s]}
                  disabled={!canEdit || pending}
                  placeholder="none"
                  onChange={(e) => setValues((v) => ({ ...v, [s]: e.target.value.trim() }))}
                  className="pr-12 tabular-nums"
                  {...describedBy(id, errors[s])}
                />
                <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-xs text-zinc-500">days</span>
              </div>
              {errors[s] && <p id={`${id}-error`} className="text-xs text-red-700">{errors[s]}</p>}
              <p className="text-xs text-zinc-500">Default {SLA_DEFAULTS[s] ?? "none"}</p>
            </div>
          );
        })}
      </div>
      {canEdit && (
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary" size="sm" disabled={pending}>{pending ? "Saving…" : "Save SLA policy"}</Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={pending}
            onClick={() => setValues(Object.fromEntries(SEVERITY_ORDER.map((s) => [s, SLA_DEFAULTS[s] === null ? "" : String(SLA_DEFAULTS[s])])) as Record<TSeverity, string>)}
          >
            Reset to defaults
          </Button>
        </div>
      )}
    </form>
  );
}
