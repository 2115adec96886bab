"use client";
import { useRef, useState } from "react";
import { ChevronRight, FileWarning, Upload } from "lucide-react";
import { SeverityBadge } from "@/modules/ui/components/badge";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, Textarea, describedBy } from "@/modules/ui/components/form";
import { Callout, EmptyState, Section } from "@/modules/ui/components/layout";
import { Score } from "@/modules/ui/components/score";
import { SEVERITY_ORDER, SEVERITY_STYLE } from "@/modules/ui/severity";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZScanYaml } from "../scan-yaml.schemas";
import { scanYamlAction } from "../server/actions";

type TResult = Extract<Awaited<ReturnType<typeof scanYamlAction>>, { ok: true }>["data"];

const SAMPLE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: nginx:latest
          securityContext:
            privileged: true
`;

export function ScanYamlForm() {
  const fileRef = useRef<HTMLInputElement>(null);
  const [yaml, setYaml] = useState("");
  const [fileName, setFileName] = useState<string>();
  const [kubeVersion, setKubeVersion] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<TResult>();

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(undefined);
    const input = { yaml, fileName, kubeVersion };
    const parsed = ZScanYaml.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    setPending(true);
    const res = await scanYamlAction(input);
    setPending(false);
    if (!res.ok) {
      if (res.fieldErrors) setErrors(res.fieldErrors);
      else setFormError(res.error);
      return;
    }
    setResult(res.data);
    requestAnimationFrame(() => document.getElementById("yaml-results")?.focus());
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-zinc-200 bg-white p-5 shadow-xs">
        {formError && <Callout tone="error">{formError}</Callout>}
        <Field id="yaml" label="Manifests" error={errors.yaml} hint="Multi-document YAML, JSON or List kinds, up to 2 MiB. Secret values are redacted before the rules see them.">
          <div className="flex flex-wrap items-center gap-2 pb-1">
            <input
              ref={fileRef}
              id="yaml-file"
              aria-label="Manifest file"
              tabIndex={-1}
              type="file"
              accept=".yaml,.yml,.json,text/yaml,application/json,text/plain"
              className="sr-only"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setFileName(file.name);
                setYaml(await file.text());
              }}
            />
            <Button size="sm" onClick={() => fileRef.current?.click()}><Upload className="size-3.5" aria-hidden />Upload file</Button>
            <Button size="sm" variant="ghost" onClick={() => { setYaml(SAMPLE); setFileName("example.yaml"); }}>Load an example</Button>
            {fileName && <span className="text-xs text-zinc-500">{fileName}</span>}
          </div>
          <Textarea id="yaml" rows={14} spellCheck={false} value={yaml} onChange={(e) => setYaml(e.target.value)} placeholder="apiVersion: apps/v1&#10;kind: Deployment&#10;…" {...describedBy("yaml", errors.yaml, true)} />
        </Field>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <Field id="kubeVersion" label="Kubernetes version (optional)" hint="For deprecated-API rules, e.g. 1.30" error={errors.kubeVersion} className="w-56">
            <Input id="kubeVersion" value={kubeVersion} onChange={(e) => setKubeVersion(e.target.value)} placeholder="1.30" {...describedBy("kubeVersion", errors.kubeVersion, true)} />
          </Field>
          <Button type="submit" variant="primary" disabled={pending}>{pending ? "Scanning…" : "Scan manifests"}</Button>
        </div>
      </form>

      {result && <Results result={result} />}
    </div>
  );
}

function Results({ result }: { result: TResult }) {
  const groups = SEVERITY_ORDER.map((s) => ({ s, items: result.findings.filter((f) => f.severity === s).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) })).filter((g) => g.items.length);
  return (
    <section id="yaml-results" tabIndex={-1} aria-label="Scan results" className="space-y-4 outline-none">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg border border-zinc-200 bg-white px-4 py-3">
        <div className="flex items-baseline gap-1.5"><span className="text-xs text-zinc-500">Score</span><Score score={result.score} className="text-xl" /></div>
        <div className="text-sm text-zinc-600"><span className="font-medium tabular-nums text-zinc-900">{result.objectCount}</span> objects</div>
        <div className="text-sm text-zinc-600"><span className="font-medium tabular-nums text-zinc-900">{result.findingCount}</span> findings</div>
        {SEVERITY_ORDER.map((s) => result.counts[s] > 0 && (
          <div key={s} className={`text-sm tabular-nums ${SEVERITY_STYLE[s].text}`}>{result.counts[s]} {SEVERITY_STYLE[s].label.toLowerCase()}</div>
        ))}
        {result.notEvaluated > 0 && <div className="text-xs text-zinc-500">{result.notEvaluated} cluster-wide rules not evaluated on manifests</div>}
      </div>

      {result.errors.length > 0 && (
        <Section title={<span className="flex items-center gap-2"><FileWarning className="size-4 text-amber-600" aria-hidden />Parse errors</span>} id="parse-errors" description="These documents were skipped; the rest were scanned." bodyClassName="p-0">
          <ul className="divide-y divide-zinc-100">
            {result.errors.map((e, i) => (
              <li key={i} className="flex gap-3 px-4 py-2 text-sm"><span className="w-16 shrink-0 font-mono text-xs text-zinc-500">line {e.line}</span><span className="text-zinc-800">{e.message}</span></li>
            ))}
          </ul>
        </Section>
      )}

      {result.findingCount > result.findings.length && (
        <Callout tone="info">Showing the first {result.findings.length} of {result.findingCount} findings; the score and counts cover all of them. Use the bulwark CLI for the full list.</Callout>
      )}

      {groups.length === 0 ? (
        result.objectCount > 0 ? (
          <Section><EmptyState title="No findings" description="Every rule that applies to these manifests passes." /></Section>
        ) : (
          <Section><EmptyState title="No Kubernetes objects found" description="Each document needs apiVersion, kind and metadata.name." /></Section>
        )
      ) : (
        groups.map((g) => (
          <Section key={g.s} id={`sev-${g.s}`} title={<span className="flex items-center gap-2"><SeverityBadge severity={g.s} /><span className="tabular-nums text-zinc-500">{g.items.length}</span></span>} bodyClassName="p-0">
            <ul className="divide-y divide-zinc-100">
              {g.items.map((f, i) => (
                <li key={i}>
                  <details className="group">
                    <summary className="flex cursor-pointer list-none items-start gap-3 px-4 py-2.5 hover:bg-zinc-50 [&::-webkit-details-marker]:hidden">
                      <ChevronRight className="mt-0.5 size-4 shrink-0 text-zinc-500 transition group-open:rotate-90" aria-hidden />
                      <span className="w-16 shrink-0 font-mono text-xs leading-5 text-zinc-500">{f.line ? `line ${f.line}` : ""}</span>
                      <span className="min-w-0 flex-1">
                        <span className="block text-sm font-medium text-zinc-900">{f.title}</span>
                        <span className="block truncate text-xs text-zinc-500">{f.object} · {f.message}</span>
                      </span>
                    </summary>
                    <div className="space-y-2 px-4 pb-3 pl-[6.75rem] text-xs text-zinc-700">
                      <div><span className="text-zinc-500">Path </span><code className="break-all font-mono">{f.path}</code>{f.observed !== undefined && <> <span className="text-zinc-500">· observed </span><code className="font-mono">{f.observed}</code></>}</div>
                      <p className="whitespace-pre-line">{f.remediation}</p>
                      {f.fix && <pre className="overflow-x-auto rounded bg-zinc-950 p-2 font-mono text-[11px] leading-4 text-zinc-100"><code>{f.fix}</code></pre>}
                      <div className="text-zinc-500">Rule <code className="font-mono">{f.ruleId}</code></div>
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          </Section>
        ))
      )}
    </section>
  );
}
