"use client";
// The profile (which rules run) and the platform baseline (findings expected for the components the
// cluster itself needs). Everyone reads them; admins switch the profile and the baseline, replace
// the built-in entries with their own (YAML or JSON, checked on save), or go back to the built-in
// ones. Each change is saved at once, audited, and applied by the next scan.
import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { Section, tableClass as t } from "@/modules/ui/components/layout";
import { Badge } from "@/modules/ui/components/badge";
import { useToast } from "@/modules/ui/components/toast";
import type { BaselineEntry } from "@bulwark/rules";
import { cn } from "@/modules/ui/cn";
import { PROFILES, type TBaselineUpdate, type TProfile } from "../policy.schemas";
import { updateBaselineAction, updateProfileAction } from "../server/actions";
import { CodeEditor } from "./cel-editor";

/** A baseline entry as the page shows it (the engine's BaselineEntry). */
export type TBaselineEntryView = Omit<BaselineEntry, "expects">;

export interface TProfileBaselineView {
  profile: TProfile;
  baselineEnabled: boolean;
  /** "built-in": the engine's entries; "own": the organization replaced them. */
  source: "built-in" | "own";
  entries: TBaselineEntryView[];
  /** The entries shown as YAML, where editing starts. */
  entriesYaml: string;
}

const PROFILE_TEXT: Record<TProfile, { title: string; body: string }> = {
  default: {
    title: "Default",
    body: "What a security reviewer would raise: paths to node or cluster takeover, credential exposure, and the defenses that stop them.",
  },
  strict: {
    title: "Strict",
    body: "Also every hygiene and best-practice rule: probes, labels, replicas, resource limits and similar. Noisier; for teams that want all of it.",
  },
};

const lineOf = (error: string) => Number(/^line (\d+):/.exec(error)?.[1] ?? NaN);

export function ProfileBaseline({ view, canEdit }: { view: TProfileBaselineView; canEdit: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(view.entriesYaml);
  const [errors, setErrors] = useState<string[]>([]);
  // Shown at once; put back if the server refuses.
  const [profile, setProfile] = useState<TProfile>(view.profile);
  const errorLines = useMemo(() => new Set(errors.map(lineOf).filter((n) => Number.isFinite(n))), [errors]);

  function saveProfile(next: TProfile) {
    if (next === profile) return;
    const before = profile;
    setProfile(next);
    start(async () => {
      const res = await updateProfileAction({ profile: next });
      if (!res.ok) {
        setProfile(before);
        return toast.show({ tone: "error", title: "Profile not changed", body: res.error });
      }
      toast.show({ tone: "success", title: `Profile: ${PROFILE_TEXT[next].title}`, body: "The next scan of each cluster runs these rules." });
      router.refresh();
    });
  }

  function saveBaseline(input: TBaselineUpdate, done: string) {
    start(async () => {
      const res = await updateBaselineAction(input);
      if (!res.ok) {
        const list = res.fieldErrors?.text?.split("\n") ?? [];
        setErrors(list.length ? list : [res.error]);
        if (!list.length) toast.show({ tone: "error", title: "Baseline not saved", body: res.error });
        return;
      }
      setErrors([]);
      setEditing(false);
      toast.show({ tone: "success", title: done, body: "The next scan of each cluster applies it." });
      router.refresh();
    });
  }

  return (
    <div className="space-y-6">
      <Section title="Profile" id="profile" description="Which rules run on every scan, CLI run and pasted manifest of this organization.">
        <fieldset disabled={!canEdit || pending}>
          <legend className="sr-only">Profile</legend>
          <div className="grid gap-3 md:grid-cols-2">
            {PROFILES.map((p) => (
              <label
                key={p}
                className={cn(
                  "flex cursor-pointer gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500",
                  profile === p ? "border-zinc-900 bg-zinc-50" : "border-zinc-200 hover:border-zinc-300",
                  !canEdit && "cursor-default",
                )}
              >
                <input type="radio" name="profile" value={p} checked={profile === p} onChange={() => saveProfile(p)} className="mt-0.5 size-4 accent-zinc-900" />
                <span>
                  <span className="font-medium text-zinc-900">{PROFILE_TEXT[p].title}</span>
                  <span className="mt-0.5 block text-zinc-600">{PROFILE_TEXT[p].body}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </Section>

      <Section
        title="Platform baseline"
        id="baseline"
        description="Control-plane static pods, kube-proxy, the CNI and CSI node agents must run privileged or on the host: their findings are kept and listed apart as expected, never counted as open work, queued, alerted or scored. An entry matches only when namespace, kind, name and every image agree."
        bodyClassName="p-0"
        actions={
          <button
            type="button"
            role="switch"
            aria-checked={view.baselineEnabled}
            aria-label="Platform baseline"
            disabled={!canEdit || pending}
            onClick={() => saveBaseline({ op: "enabled", enabled: !view.baselineEnabled }, view.baselineEnabled ? "Platform baseline off: every finding counts" : "Platform baseline on")}
            className="inline-flex items-center gap-2 text-sm text-zinc-700 disabled:cursor-not-allowed"
          >
            <span className={cn("relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors", view.baselineEnabled ? "bg-zinc-900" : "bg-zinc-300")}>
              <span className={cn("absolute top-0.5 size-4 rounded-full bg-white shadow transition-transform", view.baselineEnabled ? "translate-x-4" : "translate-x-0.5")} />
            </span>
            {view.baselineEnabled ? "On" : "Off"}
          </button>
        }
      >
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-4 py-3 text-sm">
          <Badge className={view.source === "own" ? "bg-violet-50 text-violet-800 ring-violet-200" : undefined}>
            {view.source === "own" ? `Your entries (${view.entries.length})` : `Built-in entries (${view.entries.length})`}
          </Badge>
          {!view.baselineEnabled && <span className="text-zinc-600">Off: findings of these components count like any other.</span>}
          {canEdit && !editing && (
            <div className="ml-auto flex gap-2">
              {view.source === "own" && (
                <Button size="sm" disabled={pending} onClick={() => saveBaseline({ op: "reset" }, "Baseline reset to the built-in entries")}>
                  Reset to built-in
                </Button>
              )}
              <Button size="sm" disabled={pending} onClick={() => { setText(view.entriesYaml); setErrors([]); setEditing(true); }}>
                {view.source === "own" ? "Edit entries" : "Replace with your own"}
              </Button>
            </div>
          )}
        </div>

        {editing ? (
          <div className="space-y-3 p-4">
            <label htmlFor="baseline-entries" className="block text-sm font-medium text-zinc-900">Entries (YAML or JSON list)</label>
            <p id="baseline-entries-hint" className="text-xs text-zinc-500">
              Each entry: <code>id</code>, <code>title</code>, <code>reason</code> (shown on its findings), <code>namespaces</code>, <code>kinds</code> of the top controller,{" "}
              <code>names</code> (exact, or a prefix ending in *), optional <code>owners</code>, <code>images</code> (repository prefixes every container image must match) and
              optional <code>expects</code> (rule ids or categories). Saving replaces the built-in entries.
            </p>
            <CodeEditor id="baseline-entries" value={text} onChange={setText} rows={18} errorLines={errorLines} invalid={errors.length > 0} describedById={errors.length ? "baseline-entries-errors" : "baseline-entries-hint"} />
            {errors.length > 0 && (
              <ul id="baseline-entries-errors" className="space-y-1" aria-live="polite">
                {errors.map((e) => <li key={e} className="rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-xs text-red-900">{e}</li>)}
              </ul>
            )}
            <div className="flex justify-end gap-2">
              <Button disabled={pending} onClick={() => { setEditing(false); setErrors([]); }}>Cancel</Button>
              <Button variant="primary" disabled={pending} onClick={() => saveBaseline({ op: "entries", text }, "Baseline entries saved")}>{pending ? "Saving…" : "Save entries"}</Button>
            </div>
          </div>
        ) : (
          <div className={cn(t.wrap, "max-h-[28rem] overflow-y-auto")} tabIndex={0} role="region" aria-label="Built-in platform baseline entries">
            <table className={t.table}>
              <thead className={t.thead}>
                <tr>
                  <th scope="col" className={t.th}>Component</th>
                  <th scope="col" className={t.th}>Matches</th>
                  <th scope="col" className={`${t.th} hidden lg:table-cell`}>Images from</th>
                  <th scope="col" className={`${t.th} hidden md:table-cell`}>Why it is expected</th>
                </tr>
              </thead>
              <tbody>
                {view.entries.map((e) => (
                  <tr key={e.id} className={cn(t.tr, !view.baselineEnabled && "text-zinc-500")}>
                    <td className={`${t.td} align-top`}>
                      <div className="font-medium text-zinc-900">{e.title}</div>
                      <div className="font-mono text-xs text-zinc-500">{e.id}</div>
                    </td>
                    <td className={`${t.td} align-top text-xs text-zinc-700`}>
                      <div>{e.kinds.join(", ")} in {e.namespaces.join(", ")}</div>
                      <div className="font-mono text-zinc-500">{e.names.join(", ")}</div>
                      {e.owners?.length ? <div className="text-zinc-500">owned by {e.owners.join(", ")}</div> : null}
                    </td>
                    <td className={`${t.td} hidden max-w-[18rem] align-top font-mono text-xs text-zinc-600 lg:table-cell`}>
                      {e.images.slice(0, 3).map((i) => <div key={i} className="truncate" title={i}>{i}</div>)}
                      {e.images.length > 3 && <div className="font-sans text-zinc-500">and {e.images.length - 3} more</div>}
                    </td>
                    <td className={`${t.td} hidden max-w-[28rem] align-top text-xs text-zinc-600 md:table-cell`}>{e.reason}</td>
                  </tr>
                ))}
                {view.entries.length === 0 && (
                  <tr><td colSpan={4} className="px-4 py-8 text-center text-sm text-zinc-500">No entries: every finding counts. {canEdit ? "Reset to the built-in entries to expect the platform's own." : ""}</td></tr>
                )}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}
