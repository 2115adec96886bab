"use client";
// Add or change a ticket integration: Jira Cloud (site, project key, issue type, account email,
// API token, done transition) or GitHub Issues (API base, owner/repo, token). The token is
// write-only: editing shows that one is set and an empty field that replaces it only when filled in.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { GITHUB_API, KIND_LABEL, ZCreateIntegration, ZUpdateIntegration, projectError, type TTicketKindValue } from "../tickets.schemas";
import { createIntegrationAction, updateIntegrationAction } from "../server/ticket-actions";

export interface TIntegrationInitial {
  id: string;
  kind: TTicketKindValue;
  name: string;
  baseUrl: string;
  project: string;
  issueType: string | null;
  username: string | null;
  doneTransition: string | null;
  enabled: boolean;
}

const KIND_HINT: Record<TTicketKindValue, string> = {
  jira: "Jira Cloud: issues in a project, closed with a transition",
  github: "Issues in a repository (github.com or Enterprise)",
};

export function IntegrationForm({ initial, onDone }: { initial?: TIntegrationInitial; onDone?: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const editing = Boolean(initial);
  const p = initial ? `ti-${initial.id}` : "ti-new";
  const blank = { name: "", baseUrl: "", project: "", issueType: "Task", username: "", doneTransition: "Done", token: "", enabled: true };
  const [kind, setKind] = useState<TTicketKindValue>(initial?.kind ?? "github");
  const [form, setForm] = useState(
    initial
      ? { name: initial.name, baseUrl: initial.baseUrl, project: initial.project, issueType: initial.issueType ?? "Task", username: initial.username ?? "", doneTransition: initial.doneTransition ?? "Done", token: "", enabled: initial.enabled }
      : blank,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const jira = kind === "jira";

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const jiraFields = jira ? { issueType: form.issueType, username: form.username, doneTransition: form.doneTransition } : {};
    if (initial) {
      const input = { id: initial.id, name: form.name, baseUrl: form.baseUrl, project: form.project, enabled: form.enabled, token: form.token, ...jiraFields };
      const parsed = ZUpdateIntegration.safeParse(input);
      const bad = projectError(kind, form.project);
      if (!parsed.success || bad) return setErrors({ ...(parsed.success ? {} : fieldErrorsFromZod(parsed.error)), ...(bad ? { project: bad } : {}) });
      setErrors({});
      start(async () => {
        const res = await updateIntegrationAction(input);
        if (!res.ok) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
        toast.show({ tone: "success", title: `"${res.data.name}" saved` });
        onDone?.();
        router.refresh();
      });
      return;
    }
    const input = { kind, name: form.name, baseUrl: form.baseUrl || (jira ? "" : GITHUB_API), project: form.project, token: form.token, enabled: form.enabled, ...jiraFields };
    const parsed = ZCreateIntegration.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    start(async () => {
      const res = await createIntegrationAction(input as never);
      if (!res.ok) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
      toast.show({ tone: "success", title: `"${res.data.name}" added`, body: "Members can now create tickets from findings, risks and rule groups." });
      setForm(blank);
      onDone?.();
      router.refresh();
    });
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label={editing ? `Edit ${initial!.name}` : "Add a ticket integration"}>
      {!editing && (
        <fieldset className="space-y-1.5">
          <legend className="block text-sm font-medium text-zinc-800">Where tickets go</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {(["github", "jira"] as const).map((k) => (
              <label key={k} className={`flex cursor-pointer items-start gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-inset ${kind === k ? "bg-indigo-50/60 ring-indigo-500" : "ring-zinc-300 hover:bg-zinc-50"}`}>
                <input type="radio" name={`${p}-kind`} value={k} checked={kind === k} onChange={() => { setKind(k); setErrors({}); }} className="mt-0.5 accent-indigo-600" />
                <span>
                  <span className="block font-medium text-zinc-900">{KIND_LABEL[k]}</span>
                  <span className="block text-xs text-zinc-500">{KIND_HINT[k]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${p}-name`} label="Name" error={errors.name}>
          <Input id={`${p}-name`} value={form.name} onChange={(e) => set({ name: e.target.value })} placeholder={jira ? "e.g. Jira SEC" : "e.g. platform issues"} {...describedBy(`${p}-name`, errors.name)} />
        </Field>
        <Field id={`${p}-project`} label={jira ? "Project key" : "Repository"} error={errors.project} hint={jira ? "The key in issue numbers, e.g. SEC for SEC-12" : "owner/repo"}>
          <Input id={`${p}-project`} value={form.project} onChange={(e) => set({ project: e.target.value })} placeholder={jira ? "SEC" : "acme/platform"} autoComplete="off" spellCheck={false} className="font-mono text-xs" {...describedBy(`${p}-project`, errors.project, true)} />
        </Field>
      </div>
      <Field
        id={`${p}-url`}
        label={jira ? "Jira site" : "API base URL"}
        error={errors.baseUrl}
        hint={jira ? "Your Atlassian site. Private and loopback addresses are refused unless the operator allows them." : `Leave empty for github.com (${GITHUB_API}); GitHub Enterprise: https://HOST/api/v3`}
      >
        <Input id={`${p}-url`} type="url" inputMode="url" autoComplete="off" spellCheck={false} value={form.baseUrl} onChange={(e) => set({ baseUrl: e.target.value })} placeholder={jira ? "https://acme.atlassian.net" : GITHUB_API} className="font-mono text-xs" {...describedBy(`${p}-url`, errors.baseUrl, true)} />
      </Field>
      {jira && (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id={`${p}-user`} label="Account email" error={errors.username} hint="The account the API token belongs to">
            <Input id={`${p}-user`} type="email" autoComplete="off" value={form.username} onChange={(e) => set({ username: e.target.value })} placeholder="bot@acme.com" {...describedBy(`${p}-user`, errors.username, true)} />
          </Field>
          <Field id={`${p}-type`} label="Issue type" error={errors.issueType}>
            <Input id={`${p}-type`} value={form.issueType} onChange={(e) => set({ issueType: e.target.value })} {...describedBy(`${p}-type`, errors.issueType)} />
          </Field>
          <Field id={`${p}-done`} label="Done transition" error={errors.doneTransition} hint="Closes the issue when the finding is fixed">
            <Input id={`${p}-done`} value={form.doneTransition} onChange={(e) => set({ doneTransition: e.target.value })} {...describedBy(`${p}-done`, errors.doneTransition, true)} />
          </Field>
        </div>
      )}
      <Field
        id={`${p}-token`}
        label={editing ? "New token (optional)" : jira ? "API token" : "Token"}
        error={errors.token}
        hint={editing ? "A token is set. Leave empty to keep it; it is never shown again." : jira ? "From id.atlassian.com → Security → API tokens. Stored encrypted, never shown again." : "A fine-grained token with Issues: read and write on the repository. Stored encrypted, never shown again."}
      >
        <Input id={`${p}-token`} type="password" autoComplete="new-password" spellCheck={false} value={form.token} onChange={(e) => set({ token: e.target.value })} className="font-mono text-xs" {...describedBy(`${p}-token`, errors.token, true)} />
      </Field>
      <label className="flex items-start gap-2 text-sm text-zinc-700">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} className="mt-0.5 accent-indigo-600" />
        <span>Enabled <span className="block text-xs text-zinc-500">A disabled integration keeps its settings and takes no new tickets</span></span>
      </label>
      {errors._ && <p className="text-sm text-red-700" role="alert">{errors._}</p>}
      <div className="flex justify-end gap-2">
        {onDone && editing && <Button onClick={onDone}>Cancel</Button>}
        <Button type="submit" variant="primary" disabled={pending}>
          {editing ? (pending ? "Saving…" : "Save changes") : <><Plus className="size-4" aria-hidden />{pending ? "Adding…" : `Add ${KIND_LABEL[kind]} integration`}</>}
        </Button>
      </div>
    </form>
  );
}
