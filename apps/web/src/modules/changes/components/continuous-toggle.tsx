"use client";
// Turns a cluster's continuous mode on or off (admins). A switch, not a form: the change is one
// audited action and the page's live badge shows what the worker makes of it.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { cn } from "@/modules/ui/cn";
import { useToast } from "@/modules/ui/components/toast";
import { setContinuousAction } from "../server/actions";

export function ContinuousToggle({ clusterId, on, canEdit }: { clusterId: string; on: boolean; canEdit: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [value, setValue] = useState(on);

  function toggle() {
    const next = !value;
    setValue(next);
    start(async () => {
      const res = await setContinuousAction({ clusterId, continuous: next });
      if (!res.ok) {
        setValue(!next);
        toast.show({ tone: "error", title: "Continuous scanning not changed", body: res.error });
        return;
      }
      toast.show({
        tone: "success",
        title: next ? "Continuous scanning on" : "Continuous scanning off",
        body: next ? "A worker opens the watch within a few seconds; changes then show up as they happen." : "The watch closes; scheduled and manual scans continue.",
      });
      router.refresh();
    });
  }

  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        role="switch"
        aria-checked={value}
        aria-labelledby="continuous-label"
        aria-describedby="continuous-hint"
        disabled={!canEdit || pending}
        onClick={toggle}
        className={cn(
          "relative inline-flex h-6 w-11 shrink-0 cursor-pointer rounded-full border-2 border-transparent transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60",
          value ? "bg-indigo-600" : "bg-zinc-300",
        )}
      >
        <span aria-hidden className={cn("inline-block size-5 rounded-full bg-white shadow-sm transition-transform", value ? "translate-x-5" : "translate-x-0")} />
      </button>
      <div className="min-w-0">
        <p id="continuous-label" className="text-sm font-medium text-zinc-900">Watch this cluster for changes</p>
        <p id="continuous-hint" className="text-xs text-zinc-500">
          {value ? "On: findings follow changes within seconds." : "Off: scheduled and manual scans only."}{canEdit ? "" : " Only admins can change it."}
        </p>
      </div>
    </div>
  );
}
