"use client";
// Create or edit a notification channel. The URL is write-only: editing shows the host and an
// empty field that replaces the address only when filled in.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, Select, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { SEVERITY_CHOICES, ZCreateChannel, ZUpdateChannel } from "../alerts.schemas";
import { createChannelAction, updateChannelAction } from "../server/actions";
import { SigningSecretOnce } from "./signing-secret";

type TSeverity = "critical" | "high" | "medium" | "low";
interface TInitial {
  id: string;
  name: string;
  kind: string;
  urlHost: string;
  minSeverity: string;
  clusterIds: string[];
  digest: boolean;
  enabled: boolean;
}

export function ChannelForm({ clusters, initial }: { clusters: Array<{ id: string; name: string }>; initial?: TInitial }) {
  const router = useRouter();
  const toast = useToast();
  const editing = Boolean(initial);
  const [name, setName] = useState(initial?.name ?? "");
  const [kind, setKind] = useState<"webhook" | "slack">((initial?.kind as "webhook" | "slack") ?? "webhook");
  const [url, setUrl] = useState("");
  const [minSeverity, setMinSeverity] = useState<TSeverity>(((initial?.minSeverity === "info" ? "low" : initial?.minSeverity) as TSeverity) ?? "high");
  const [allClusters, setAllClusters] = useState((initial?.clusterIds.length ?? 0) === 0);
  const [clusterIds, setClusterIds] = useState<string[]>(initial?.clusterIds ?? []);
  const [digest, setDigest] = useState(initial?.digest ?? true);
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ id: string; secret: string | null; name: string }>();
  const p = editing ? `edit-${initial!.id}` : "new";

  const reset = () => {
    setName("");
    setUrl("");
    setMinSeverity("high");
    setAllClusters(true);
    setClusterIds([]);
    setDigest(true);
    setEnabled(true);
  };

  return (
    <div className="space-y-4">
      <form
        noValidate
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const common = { name, minSeverity, clusterIds: allClusters ? [] : clusterIds, digest, enabled };
          if (!allClusters && clusterIds.length === 0) return setErrors({ clusterIds: "Pick at least one cluster, or choose all clusters" });
          setPending(true);
          setErrors({});
          if (editing) {
            const input = { ...common, channelId: initial!.id, url };
            const parsed = ZUpdateChannel.safeParse(input);
            if (!parsed.success) {
              setPending(false);
              return setErrors(fieldErrorsFromZod(parsed.error));
            }
            const res = await updateChannelAction(input);
            setPending(false);
            if (!res.ok) return setErrors(res.fieldErrors ?? { _: res.error });
            setUrl("");
            toast.show({ tone: "success", title: "Channel saved" });
            router.refresh();
            return;
          }
          const input = { ...common, kind, url };
          const parsed = ZCreateChannel.safeParse(input);
          if (!parsed.success) {
            setPending(false);
            return setErrors(fieldErrorsFromZod(parsed.error));
          }
          const res = await createChannelAction(input);
          setPending(false);
          if (!res.ok) return setErrors(res.fieldErrors ?? { _: res.error });
          setCreated({ id: res.data.id, secret: res.data.secret, name });
          reset();
          toast.show({ tone: "success", title: `Channel "${name}" added` });
          router.refresh();
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${p}-name`} label="Name" error={errors.name}>
            <Input id={`${p}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. #sec-alerts or PagerDuty bridge" {...describedBy(`${p}-name`, errors.name)} />
          </Field>
          {editing ? (
            <Field id={`${p}-kind`} label="Type">
              <Input id={`${p}-kind`} readOnly value={kind === "slack" ? "Slack-compatible incoming webhook" : "Generic webhook (signed JSON)"} className="bg-zinc-50 text-zinc-600" />
            </Field>
          ) : (
            <fieldset className="space-y-1.5">
              <legend className="block text-sm font-medium text-zinc-800">Type</legend>
              <div className="grid grid-cols-2 gap-2">
                {(["webhook", "slack"] as const).map((k) => (
                  <label key={k} className={`flex cursor-pointer items-start gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-inset ${kind === k ? "bg-indigo-50/60 ring-indigo-500" : "ring-zinc-300 hover:bg-zinc-50"}`}>
                    <input type="radio" name={`${p}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} className="mt-0.5 accent-indigo-600" />
                    <span>
                      <span className="block font-medium text-zinc-900">{k === "webhook" ? "Webhook" : "Slack"}</span>
                      <span className="block text-xs text-zinc-500">{k === "webhook" ? "Signed JSON to any HTTPS endpoint" : "Incoming webhook (Slack, Mattermost)"}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
        </div>
        <Field
          id={`${p}-url`}
          label={editing ? "New address (optional)" : kind === "slack" ? "Incoming webhook URL" : "Endpoint URL"}
          error={errors.url}
          hint={editing ? `Currently sending to ${initial!.urlHost}. Leave empty to keep it; the full address is never shown again.` : "https only. Stored encrypted; after saving only the host is shown. Private and loopback addresses are refused unless the operator allows them."}
        >
          <Input id={`${p}-url`} type="url" inputMode="url" autoComplete="off" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} placeholder={kind === "slack" ? "https://hooks.slack.com/services/…" : "https://alerts.example.com/bulwark"} className="font-mono text-xs" {...describedBy(`${p}-url`, errors.url, true)} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${p}-severity`} label="Alert on" error={errors.minSeverity} hint="New or reopened findings at this level are sent right after the scan that found them.">
            <Select id={`${p}-severity`} value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as TSeverity)} {...describedBy(`${p}-severity`, errors.minSeverity, true)}>
              {SEVERITY_CHOICES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
            </Select>
          </Field>
          <fieldset className="space-y-1.5">
            <legend className="block text-sm font-medium text-zinc-800">Clusters</legend>
            <label className="flex items-center gap-2 text-sm text-zinc-700">
              <input type="checkbox" checked={allClusters} onChange={(e) => setAllClusters(e.target.checked)} className="accent-indigo-600" />
              All clusters, including ones added later
            </label>
            {!allClusters && (
              <div className="max-h-36 space-y-1 overflow-y-auto rounded-md p-2 ring-1 ring-inset ring-zinc-200">
                {clusters.length === 0 && <p className="text-xs text-zinc-500">No clusters yet.</p>}
                {clusters.map((c) => (
                  <label key={c.id} className="flex items-center gap-2 text-sm text-zinc-700">
                    <input
                      type="checkbox"
                      checked={clusterIds.includes(c.id)}
                      onChange={(e) => setClusterIds((ids) => (e.target.checked ? [...ids, c.id] : ids.filter((i) => i !== c.id)))}
                      className="accent-indigo-600"
                    />
                    {c.name}
                  </label>
                ))}
              </div>
            )}
            {errors.clusterIds && <p className="text-xs text-red-700">{errors.clusterIds}</p>}
          </fieldset>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          <label className="flex items-start gap-2 text-sm text-zinc-700">
            <input type="checkbox" checked={digest} onChange={(e) => setDigest(e.target.checked)} className="mt-0.5 accent-indigo-600" />
            <span>Daily digest <span className="block text-xs text-zinc-500">Lower-severity new findings, once a day at 08:00 UTC</span></span>
          </label>
          <label className="flex items-start gap-2 text-sm text-zinc-700">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="mt-0.5 accent-indigo-600" />
            <span>Enabled <span className="block text-xs text-zinc-500">A disabled channel keeps its settings and sends nothing</span></span>
          </label>
        </div>
        {errors._ && <p className="text-sm text-red-700" role="alert">{errors._}</p>}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={pending}>
            {editing ? (pending ? "Saving…" : "Save changes") : <><Plus className="size-4" aria-hidden />{pending ? "Adding…" : "Add channel"}</>}
          </Button>
        </div>
      </form>
      {created && (
        <div className="rounded-md border border-green-200 bg-green-50 p-3" role="status">
          <div className="text-sm font-medium text-green-900">
            &ldquo;{created.name}&rdquo; is ready. <Link href={`/settings/alerts/${created.id}`} className="underline">Open it</Link> to send a test.
          </div>
          {created.secret && <SigningSecretOnce key={created.secret} id="channel-secret" secret={created.secret} />}
        </div>
      )}
    </div>
  );
}
