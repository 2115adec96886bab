"use client";
// Adding a cluster: paste or upload a kubeconfig (the server lists its contexts; credentials are
// never echoed back), or first create a read-only scanner identity from the manifest.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Check, Copy, Download, KeyRound, ShieldCheck, Upload } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, Textarea, describedBy } from "@/modules/ui/components/form";
import { Callout, Section } from "@/modules/ui/components/layout";
import { useToast } from "@/modules/ui/components/toast";
import { cn } from "@/modules/ui/cn";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZAddCluster } from "../clusters.schemas";
import { addClusterAction, inspectKubeconfigAction } from "../server/actions";

type Method = "kubeconfig" | "manifest";
interface Ctx { name: string; server: string; namespace: string | null }

export function AddCluster({
  initialMethod, manifests, commands,
}: { initialMethod: Method; manifests: { withSecrets: string; withoutSecrets: string }; commands: string }) {
  const [method, setMethod] = useState<Method>(initialMethod);
  const tabs: Array<{ id: Method; label: string; icon: typeof KeyRound }> = [
    { id: "manifest", label: "Read-only scanner (recommended)", icon: ShieldCheck },
    { id: "kubeconfig", label: "Upload a kubeconfig", icon: KeyRound },
  ];
  return (
    <div className="space-y-6">
      <div role="tablist" aria-label="How to connect" className="inline-flex flex-wrap gap-1 rounded-lg bg-zinc-100 p-1">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`tab-${t.id}`}
            aria-selected={method === t.id}
            aria-controls={`panel-${t.id}`}
            onClick={() => setMethod(t.id)}
            className={cn(
              "flex items-center gap-2 rounded-md px-3 py-1.5 text-sm",
              method === t.id ? "bg-white font-medium text-zinc-900 shadow-xs" : "text-zinc-600 hover:text-zinc-900",
            )}
          >
            <t.icon className="size-4" aria-hidden />
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${method}`} aria-labelledby={`tab-${method}`}>
        {method === "manifest" ? (
          <ScannerManifest manifests={manifests} commands={commands} onNext={() => setMethod("kubeconfig")} />
        ) : (
          <KubeconfigForm />
        )}
      </div>
    </div>
  );
}

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState(false);
  return (
    <Button
      size="sm"
      onClick={async () => {
        await navigator.clipboard.writeText(text);
        setDone(true);
        setTimeout(() => setDone(false), 1500);
      }}
      aria-label={label}
    >
      {done ? <Check className="size-3.5 text-green-600" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      {done ? "Copied" : "Copy"}
    </Button>
  );
}

function ScannerManifest({ manifests, commands, onNext }: { manifests: { withSecrets: string; withoutSecrets: string }; commands: string; onNext: () => void }) {
  const [secrets, setSecrets] = useState(false);
  const yaml = secrets ? manifests.withSecrets : manifests.withoutSecrets;
  return (
    <div className="space-y-4">
      <Section
        title="1. Apply the scanner manifest"
        id="manifest"
        description="A ServiceAccount, a ClusterRole that can only get, list and watch the kinds the rules read, its binding, and a token Secret."
        actions={
          <>
            <CopyButton text={yaml} label="Copy manifest" />
            <Button size="sm" onClick={() => download("bulwark-scanner.yaml", yaml)}><Download className="size-3.5" aria-hidden />Download</Button>
          </>
        }
        bodyClassName="p-0"
      >
        <div className="border-b border-zinc-100 px-4 py-3">
          <label className="flex items-start gap-2.5 text-sm">
            <input type="checkbox" className="mt-0.5 size-4 rounded border-zinc-300 accent-indigo-600" checked={secrets} onChange={(e) => setSecrets(e.target.checked)} />
            <span>
              <span className="font-medium text-zinc-900">Allow reading Secret metadata</span>
              <span className="block text-xs text-zinc-500">
                Enables rules about Secrets (for example, service-account tokens that never expire). The API returns Secret values with
                the metadata; Bulwark discards the values and keeps only key names and sizes. Leave off if that is not acceptable.
              </span>
            </span>
          </label>
        </div>
        <pre tabIndex={0} aria-label="Scanner manifest" className="max-h-96 overflow-auto bg-zinc-950 p-4 font-mono text-xs leading-5 text-zinc-100"><code>{yaml}</code></pre>
      </Section>
      <Section title="2. Turn its token into a kubeconfig" id="commands" actions={<CopyButton text={commands} label="Copy commands" />} bodyClassName="p-0">
        <pre tabIndex={0} aria-label="kubectl commands" className="overflow-auto bg-zinc-950 p-4 font-mono text-xs leading-5 text-zinc-100"><code>{commands}</code></pre>
      </Section>
      <div className="flex items-center justify-between gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3">
        <p className="text-sm text-zinc-600"><span className="font-medium text-zinc-900">3. Upload it.</span> Bulwark encrypts it at rest and never shows it again.</p>
        <Button variant="primary" onClick={onNext}>Upload kubeconfig</Button>
      </div>
    </div>
  );
}

function KubeconfigForm() {
  const router = useRouter();
  const toast = useToast();
  const fileRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string>();
  const [contexts, setContexts] = useState<Ctx[] | null>(null);
  const [context, setContext] = useState<string>("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [inspecting, setInspecting] = useState(false);
  const [pending, setPending] = useState(false);

  async function inspect(kubeconfig: string) {
    setContexts(null);
    if (!kubeconfig.trim()) return;
    setInspecting(true);
    const res = await inspectKubeconfigAction({ kubeconfig });
    setInspecting(false);
    if (!res.ok) {
      setErrors((e) => ({ ...e, kubeconfig: res.fieldErrors?.kubeconfig ?? res.error }));
      return;
    }
    setErrors(({ kubeconfig: _k, ...rest }) => rest);
    setContexts(res.data.contexts);
    const pick = res.data.currentContext ?? res.data.contexts[0]?.name ?? "";
    setContext(pick);
    if (!name && pick) setName(pick.replace(/^arn:aws:eks:[^:]+:\d+:cluster\//, "").slice(0, 63));
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (file.size > 1024 * 1024) {
      setErrors((e) => ({ ...e, kubeconfig: "The file is larger than 1 MiB; upload a single-context kubeconfig" }));
      return;
    }
    const t = await file.text();
    setFileName(file.name);
    setText(t);
    await inspect(t);
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(undefined);
    const input = { name, kubeconfig: text, context };
    const parsed = ZAddCluster.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    setPending(true);
    const res = await addClusterAction(input);
    if (!res.ok) {
      setPending(false);
      if (res.fieldErrors) setErrors(res.fieldErrors);
      else setFormError(res.error);
      return;
    }
    toast.show({ tone: "success", title: `Added ${res.data.name}`, body: "Testing the connection and running the first scan." });
    router.push(`/clusters/${res.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5 rounded-lg border border-zinc-200 bg-white p-5 shadow-xs">
      {formError && <Callout tone="error" title="The cluster was not added">{formError}</Callout>}
      <Field id="kubeconfig" label="Kubeconfig" error={errors.kubeconfig} hint="Exec plugins, auth providers and file references are refused: embed the token or certificate. Max 1 MiB.">
        <div className="flex flex-wrap items-center gap-2 pb-1">
          <input ref={fileRef} type="file" accept=".yaml,.yml,.conf,.config,text/yaml,text/plain,application/octet-stream" className="sr-only" id="kubeconfig-file" aria-label="Kubeconfig file" tabIndex={-1} onChange={(e) => onFile(e.target.files?.[0])} />
          <Button size="sm" onClick={() => fileRef.current?.click()}><Upload className="size-3.5" aria-hidden />Upload file</Button>
          <span className="text-xs text-zinc-500">{fileName ? `Loaded ${fileName}` : "or paste it below"}</span>
        </div>
        <Textarea
          id="kubeconfig"
          rows={10}
          spellCheck={false}
          autoComplete="off"
          placeholder={"apiVersion: v1\nkind: Config\nclusters: …"}
          value={text}
          onChange={(e) => { setText(e.target.value); setContexts(null); }}
          onBlur={() => text && !contexts && inspect(text)}
          {...describedBy("kubeconfig", errors.kubeconfig, true)}
        />
      </Field>

      {inspecting && <p className="text-xs text-zinc-500" role="status">Reading contexts…</p>}
      {contexts && contexts.length > 1 && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800">Context</legend>
          <p className="text-xs text-zinc-500">This kubeconfig has {contexts.length} contexts. Bulwark keeps only the one you pick.</p>
          <div className="divide-y divide-zinc-100 rounded-md ring-1 ring-zinc-200">
            {contexts.map((c) => (
              <label key={c.name} className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-zinc-50">
                <input type="radio" name="context" value={c.name} checked={context === c.name} onChange={() => setContext(c.name)} className="accent-indigo-600" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium text-zinc-900">{c.name}</span>
                  <span className="block truncate text-xs text-zinc-500">{c.server}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.context && <p className="text-xs text-red-700">{errors.context}</p>}
        </fieldset>
      )}
      {contexts && contexts.length === 1 && (
        <p className="rounded-md bg-zinc-50 px-3 py-2 text-xs text-zinc-600 ring-1 ring-zinc-200">
          Context <span className="font-medium text-zinc-900">{contexts[0]!.name}</span> · {contexts[0]!.server}
        </p>
      )}

      <Field id="name" label="Cluster name" error={errors.name} hint="How it appears in Bulwark, e.g. prod-eu-west-1.">
        <Input id="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" {...describedBy("name", errors.name, true)} />
      </Field>

      <div className="flex items-center justify-end gap-3 border-t border-zinc-100 pt-4">
        <p className="mr-auto text-xs text-zinc-500">After adding, Bulwark tests the connection and runs a first scan.</p>
        <Button type="submit" variant="primary" disabled={pending}>{pending ? "Vetting and adding…" : "Add cluster"}</Button>
      </div>
    </form>
  );
}
