"use client";
// Row and page actions of a channel: send a test and follow it, enable/disable, rotate the secret, delete.
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Check, Copy, KeyRound, Send, Trash2 } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Input } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { deleteChannelAction, deliveryStatusAction, rotateChannelSecretAction, sendTestAction, setChannelEnabledAction } from "../server/actions";

export function SendTestButton({ channelId, size = "sm" }: { channelId: string; size?: "sm" | "md" }) {
  const router = useRouter();
  const toast = useToast();
  const [state, setState] = useState<{ phase: "idle" | "sending" | "sent" | "failed"; detail?: string }>({ phase: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const follow = (deliveryId: string, until: number) => {
    timer.current = setTimeout(async () => {
      const res = await deliveryStatusAction({ deliveryId });
      if (res.ok && res.data.status === "sent") {
        setState({ phase: "sent" });
        toast.show({ tone: "success", title: "Test delivered" });
        router.refresh();
      } else if (res.ok && res.data.status === "failed") {
        setState({ phase: "failed", detail: res.data.lastError ?? undefined });
        toast.show({ tone: "error", title: "Test not delivered", body: res.data.lastError ?? undefined });
        router.refresh();
      } else if (Date.now() > until) {
        setState({ phase: "failed", detail: res.ok && res.data.lastError ? `still retrying: ${res.data.lastError}` : "no answer from the worker yet; is it running?" });
        router.refresh();
      } else follow(deliveryId, until);
    }, 800);
  };

  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size={size}
        disabled={state.phase === "sending"}
        onClick={async () => {
          setState({ phase: "sending" });
          const res = await sendTestAction({ channelId });
          if (!res.ok) {
            setState({ phase: "failed", detail: res.error });
            toast.show({ tone: "error", title: "Test not sent", body: res.error });
            return;
          }
          follow(res.data.deliveryId, Date.now() + 30_000);
        }}
      >
        <Send className="size-3.5" aria-hidden />
        {state.phase === "sending" ? "Sending…" : "Send test"}
      </Button>
      <span role="status" className="text-xs">
        {state.phase === "sent" && <span className="inline-flex items-center gap-1 text-green-700"><Check className="size-3.5" aria-hidden />Delivered</span>}
        {state.phase === "failed" && <span className="text-red-700" title={state.detail}>Failed{state.detail ? `: ${state.detail.length > 60 ? `${state.detail.slice(0, 60)}…` : state.detail}` : ""}</span>}
      </span>
    </span>
  );
}

export function EnabledToggle({ channelId, enabled, name }: { channelId: string; enabled: boolean; name: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  return (
    <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-zinc-700">
      <input
        type="checkbox"
        role="switch"
        checked={enabled}
        disabled={pending}
        aria-label={`${name} enabled`}
        className="accent-indigo-600"
        onChange={(e) => {
          const next = e.target.checked;
          start(async () => {
            const res = await setChannelEnabledAction({ channelId, enabled: next });
            toast.show(res.ok ? { tone: "success", title: next ? "Channel enabled" : "Channel disabled" } : { tone: "error", title: "Not changed", body: res.error });
            router.refresh();
          });
        }}
      />
      Enabled
    </label>
  );
}

export function DeleteChannel({ channelId, name }: { channelId: string; name: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="ghost"
      className="text-red-700"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(`Delete the channel "${name}" and its delivery history? Alerts stop at once.`)) return;
        start(async () => {
          const res = await deleteChannelAction({ channelId });
          if (!res.ok) {
            toast.show({ tone: "error", title: "Not deleted", body: res.error });
            return;
          }
          toast.show({ tone: "success", title: `Deleted "${name}"` });
          router.push("/settings/alerts");
          router.refresh();
        });
      }}
    >
      <Trash2 className="size-4" aria-hidden />Delete
    </Button>
  );
}

export function RotateSecret({ channelId }: { channelId: string }) {
  const toast = useToast();
  const [secret, setSecret] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-3">
      <Button
        disabled={pending}
        onClick={() => {
          if (!window.confirm("Replace the signing secret? Requests signed with the old one stop verifying at once.")) return;
          start(async () => {
            const res = await rotateChannelSecretAction({ channelId });
            if (!res.ok) return toast.show({ tone: "error", title: "Secret not replaced", body: res.error });
            setSecret(res.data.secret);
            setCopied(false);
          });
        }}
      >
        <KeyRound className="size-4" aria-hidden />Replace signing secret
      </Button>
      {secret && (
        <div className="rounded-md border border-green-200 bg-green-50 p-3" role="status">
          <div className="text-sm font-medium text-green-900">New signing secret: copy it now, it is shown only once.</div>
          <div className="mt-2 flex gap-2">
            <label htmlFor="rotated-secret" className="sr-only">Signing secret</label>
            <Input id="rotated-secret" readOnly value={secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <Button onClick={async () => { await navigator.clipboard.writeText(secret); setCopied(true); }}>
              {copied ? <Check className="size-4 text-green-600" aria-hidden /> : <Copy className="size-4" aria-hidden />}{copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
