"use client";
// Custom CEL rules: a list with enable/disable/edit/delete, and an editor that checks the
// expression as you type (errors at their line and column), tries it against pasted YAML, and saves.
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, PrefixedInput, Select, describedBy } from "@/modules/ui/components/form";
import { EmptyState, Section, tableClass as t } from "@/modules/ui/components/layout";
import { SeverityBadge } from "@/modules/ui/components/badge";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import type { TSeverity } from "@/modules/ui/severity";
import { SEVERITIES, ZCustomRuleForm, ZTryCustomRule, type TCustomRuleForm } from "../policy.schemas";
import { checkExpressionAction, deleteCustomRuleAction, saveCustomRuleAction, setCustomRuleEnabledAction, tryCustomRuleAction } from "../server/actions";
import { CodeEditor, ErrorAt } from "./cel-editor";

export interface TCustomRuleView {
  id: string;
  ruleId: string;
  title: string;
  severity: TSeverity;
  kinds: string[];
  expression: string;
  message: string;
  remediation: string;
  path: string | null;
  enabled: boolean;
  updatedAt: string;
}

type TErr = { message: string; line?: number; column?: number };
type TTry = Extract<Extract<Awaited<ReturnType<typeof tryCustomRuleAction>>, { ok: true }>["data"], { ok: true }>;

const CUSTOM_PREFIX = "custom-";

const EMPTY: TCustomRuleForm = {
  ruleId: CUSTOM_PREFIX,
  title: "",
  severity: "medium",
  kinds: "Deployment",
  expression: "",
  message: "{{kind}} {{namespace}}/{{name}} ",
  remediation: "",
  path: "",
};

const SAMPLE_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

function Editor({ initial, onDone }: { initial: TCustomRuleForm; onDone: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const [form, setForm] = useState<TCustomRuleForm>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [compile, setCompile] = useState<{ ok: boolean; errors: TErr[] } | null>(null);
  const [yaml, setYaml] = useState(SAMPLE_YAML);
  const [tried, setTried] = useState<TTry | null>(null);
  const [pending, start] = useTransition();
  const seq = useRef(0);
  const set = (k: keyof TCustomRuleForm) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  // Compile on the server as the expression changes (debounced); the newest answer wins.
  useEffect(() => {
    const expression = form.expression;
    if (!expression.trim()) return setCompile(null);
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      const res = await checkExpressionAction({ expression });
      if (mine !== seq.current) return;
      setCompile(res.ok ? res.data : { ok: false, errors: [{ message: res.error }] });
    }, 400);
    return () => clearTimeout(timer);
  }, [form.expression]);

  const errorLines = useMemo(() => new Set((compile?.errors ?? []).map((e) => e.line).filter((l): l is number => !!l)), [compile]);

  function tryIt() {
    const input = { expression: form.expression, kinds: form.kinds, message: form.message, path: form.path, yaml };
    const parsed = ZTryCustomRule.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    start(async () => {
      const res = await tryCustomRuleAction(input);
      if (!res.ok) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
      if (!res.data.ok) {
        setTried(null);
        setCompile({ ok: false, errors: res.data.errors });
        return;
      }
      setTried(res.data);
    });
  }

  function save() {
    const parsed = ZCustomRuleForm.safeParse(form);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    start(async () => {
      const res = await saveCustomRuleAction(form);
      if (!res.ok) return setErrors({ ...(res.fieldErrors ?? {}), _: res.error });
      if (!res.data.ok) return setCompile({ ok: false, errors: res.data.errors });
      toast.show({ tone: "success", title: form.id ? "Custom rule updated" : "Custom rule saved", body: "The next scan of each cluster runs it." });
      onDone();
      router.refresh();
    });
  }

  const f = (k: string) => errors[k];
  // The id is checked as it is typed (a new rule's only; a saved rule's id cannot change).
  const idCheck = ZCustomRuleForm.shape.ruleId.safeParse(form.ruleId);
  const idError = f("ruleId") ?? (!form.id && form.ruleId !== CUSTOM_PREFIX && !idCheck.success ? idCheck.error.issues[0]?.message : undefined);
  return (
    <div className="space-y-4 border-t border-zinc-100 bg-zinc-50/50 p-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="cr-id" label="Rule id" hint={`Every custom rule id starts with "${CUSTOM_PREFIX}": type the rest in kebab-case, e.g. min-replicas. Findings carry it; it cannot change later.`} error={idError}>
          <PrefixedInput
            id="cr-id"
            prefix={CUSTOM_PREFIX}
            value={form.ruleId.startsWith(CUSTOM_PREFIX) ? form.ruleId.slice(CUSTOM_PREFIX.length) : form.ruleId}
            disabled={!!form.id}
            onChange={(e) => {
              // Pasting a whole id ("custom-x") keeps one prefix; a save error on the id goes once it changes.
              set("ruleId")(CUSTOM_PREFIX + e.target.value.replace(new RegExp(`^${CUSTOM_PREFIX}`), ""));
              setErrors(({ ruleId: _stale, ...rest }) => rest);
            }}
            placeholder="min-replicas"
            className="font-mono text-xs"
            autoComplete="off"
            {...describedBy("cr-id", idError, true)}
          />
        </Field>
        <Field id="cr-title" label="Title" error={f("title")}>
          <Input id="cr-title" value={form.title} onChange={(e) => set("title")(e.target.value)} placeholder="Deployments run at least two replicas" {...describedBy("cr-title", f("title"))} />
        </Field>
        <Field id="cr-severity" label="Severity" error={f("severity")}>
          <Select id="cr-severity" value={form.severity} onChange={(e) => set("severity")(e.target.value)} className="w-40">
            {SEVERITIES.map((s) => <option key={s} value={s}>{s[0]!.toUpperCase() + s.slice(1)}</option>)}
          </Select>
        </Field>
        <Field id="cr-kinds" label="Kinds" hint="Comma separated, e.g. Deployment, StatefulSet; * for every object" error={f("kinds")}>
          <Input id="cr-kinds" value={form.kinds} onChange={(e) => set("kinds")(e.target.value)} className="font-mono text-xs" autoComplete="off" {...describedBy("cr-kinds", f("kinds"), true)} />
        </Field>
      </div>

      <div className="space-y-1.5">
        <label htmlFor="cr-expression" className="block text-sm font-medium text-zinc-800">CEL expression <span className="font-normal text-zinc-500">— over <code className="font-mono text-xs">object</code>; true means the object violates the rule</span></label>
        <CodeEditor id="cr-expression" value={form.expression} onChange={set("expression")} rows={5} errorLines={errorLines} invalid={compile?.ok === false || !!f("expression")} describedById="cr-expression-status" placeholder={"has(object.spec.replicas) && object.spec.replicas < 2"} />
        <div id="cr-expression-status" aria-live="polite">
          {f("expression") && <p className="text-xs text-red-700">{f("expression")}</p>}
          {compile?.ok === true && <p className="text-xs text-green-700">Compiles.</p>}
          {compile?.ok === false && compile.errors.length > 0 && (
            <ul className="space-y-1.5" aria-label="Expression errors">
              {compile.errors.map((e, i) => <ErrorAt key={i} source={form.expression} error={e} />)}
            </ul>
          )}
        </div>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <Field id="cr-message" label="Finding message" hint="{{kind}}, {{namespace}} and {{name}} are filled in" error={f("message")}>
          <Input id="cr-message" value={form.message} onChange={(e) => set("message")(e.target.value)} {...describedBy("cr-message", f("message"), true)} />
        </Field>
        <Field id="cr-path" label={<>Field path <span className="font-normal text-zinc-500">(optional)</span></>} hint="Where the finding points, e.g. spec.replicas" error={f("path")}>
          <Input id="cr-path" value={form.path ?? ""} onChange={(e) => set("path")(e.target.value)} className="font-mono text-xs" autoComplete="off" {...describedBy("cr-path", f("path"), true)} />
        </Field>
        <Field id="cr-remediation" label="How to fix" error={f("remediation")} className="md:col-span-2">
          <Input id="cr-remediation" value={form.remediation} onChange={(e) => set("remediation")(e.target.value)} placeholder="Set spec.replicas to 2 or more." {...describedBy("cr-remediation", f("remediation"))} />
        </Field>
      </div>

      <div className="space-y-1.5">
        <label htmlFor="cr-yaml" className="block text-sm font-medium text-zinc-800">Try it against YAML <span className="font-normal text-zinc-500">— paste manifests (several documents separated by ---)</span></label>
        <CodeEditor id="cr-yaml" value={yaml} onChange={setYaml} rows={8} invalid={!!f("yaml")} />
        {f("yaml") && <p className="text-xs text-red-700">{f("yaml")}</p>}
      </div>

      {tried && (
        <div className="rounded-md border border-zinc-200 bg-white p-3 text-sm" role="status" aria-label="Try result">
          <p className="font-medium text-zinc-900">
            {tried.status.status === "failed" ? `${tried.findingCount} finding${tried.findingCount === 1 ? "" : "s"}` : tried.status.status === "passed" ? "No findings" : `Not evaluated${tried.status.reason ? `: ${tried.status.reason}` : ""}`}
            <span className="ml-2 font-normal text-zinc-500">in {tried.objectCount} object{tried.objectCount === 1 ? "" : "s"}</span>
          </p>
          {tried.findings.length > 0 && (
            <ul className="mt-2 space-y-1 text-xs">
              {tried.findings.map((x, i) => (
                <li key={i} className="text-zinc-700">
                  <span className="font-mono">{x.object.kind} {x.object.namespace ? `${x.object.namespace}/` : ""}{x.object.name}</span>{x.line ? <span className="text-zinc-500"> (line {x.line})</span> : null}: {x.message}
                </li>
              ))}
            </ul>
          )}
          {tried.findingCount > tried.findings.length && <p className="mt-1 text-xs text-zinc-500">Showing the first {tried.findings.length} of {tried.findingCount} findings.</p>}
          {tried.objectErrors.length > 0 && (
            <ul className="mt-2 space-y-1 text-xs text-amber-800">
              {tried.objectErrors.map((x, i) => <li key={i}><span className="font-mono">{x.object.kind} {x.object.name}</span>: {x.message}</li>)}
            </ul>
          )}
          {tried.parseErrors.length > 0 && (
            <ul className="mt-2 space-y-1 text-xs text-red-700">
              {tried.parseErrors.map((x, i) => <li key={i}>YAML line {x.line}: {x.message}</li>)}
            </ul>
          )}
        </div>
      )}

      {errors._ && <p className="text-sm text-red-700" role="alert">{errors._}</p>}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onDone} disabled={pending}>Cancel</Button>
        <Button onClick={tryIt} disabled={pending}>Try against YAML</Button>
        <Button variant="primary" onClick={save} disabled={pending}>{pending ? "Working…" : form.id ? "Save changes" : "Save rule"}</Button>
      </div>
    </div>
  );
}

export function CustomRules({ rules, canEdit }: { rules: TCustomRuleView[]; canEdit: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState<TCustomRuleForm | null>(null);
  const [pending, start] = useTransition();

  function toggle(r: TCustomRuleView) {
    start(async () => {
      const res = await setCustomRuleEnabledAction({ id: r.id, enabled: !r.enabled });
      if (!res.ok) return toast.show({ tone: "error", title: "Not changed", body: res.error });
      toast.show({ tone: "success", title: `${r.ruleId} ${r.enabled ? "disabled" : "enabled"}` });
      router.refresh();
    });
  }
  function remove(r: TCustomRuleView) {
    if (!window.confirm(`Delete ${r.ruleId}? Its findings resolve on the next scan.`)) return;
    start(async () => {
      const res = await deleteCustomRuleAction({ id: r.id });
      if (!res.ok) return toast.show({ tone: "error", title: "Not deleted", body: res.error });
      toast.show({ tone: "success", title: `${r.ruleId} deleted` });
      router.refresh();
    });
  }

  return (
    <Section
      title="Custom rules"
      id="custom-rules"
      description="Your own checks in CEL, as Kubernetes admission policies write them. Used by the next scan of every cluster."
      actions={canEdit && !editing ? <Button size="sm" onClick={() => setEditing(EMPTY)}><Plus className="size-3.5" aria-hidden />New custom rule</Button> : undefined}
      bodyClassName="p-0"
    >
      {rules.length === 0 && !editing ? (
        <EmptyState title="No custom rules yet" description={canEdit ? "Write one in CEL: for example, deployments must run at least two replicas." : "Admins can add checks of their own here."} />
      ) : rules.length > 0 ? (
        <div className={t.wrap}>
          <table className={t.table}>
            <thead className={t.thead}>
              <tr>
                <th scope="col" className={t.th}>Rule</th>
                <th scope="col" className={t.th}>Severity</th>
                <th scope="col" className={`${t.th} hidden md:table-cell`}>Kinds</th>
                <th scope="col" className={`${t.th} hidden lg:table-cell`}>Expression</th>
                <th scope="col" className={t.th}>State</th>
                {canEdit && <th scope="col" className={t.th}><span className="sr-only">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id} className={t.tr}>
                  <td className={t.td}>
                    <div className="font-medium text-zinc-900">{r.title}</div>
                    <div className="font-mono text-xs text-zinc-500">{r.ruleId}</div>
                  </td>
                  <td className={t.td}><SeverityBadge severity={r.severity} /></td>
                  <td className={`${t.td} hidden font-mono text-xs md:table-cell`}>{r.kinds.join(", ")}</td>
                  <td className={`${t.td} hidden max-w-[22rem] lg:table-cell`}><code className="line-clamp-2 break-all font-mono text-xs text-zinc-700">{r.expression}</code></td>
                  <td className={t.td}><span className={r.enabled ? "text-xs font-medium text-green-700" : "text-xs text-zinc-500"}>{r.enabled ? "Enabled" : "Disabled"}</span></td>
                  {canEdit && (
                    <td className={`${t.td} text-right`}>
                      <div className="flex justify-end gap-1.5">
                        <Button size="sm" variant="ghost" disabled={pending} onClick={() => setEditing({ id: r.id, ruleId: r.ruleId, title: r.title, severity: r.severity, kinds: r.kinds.join(", "), expression: r.expression, message: r.message, remediation: r.remediation, path: r.path ?? "" })}>Edit</Button>
                        <Button size="sm" variant="ghost" disabled={pending} onClick={() => toggle(r)}>{r.enabled ? "Disable" : "Enable"}</Button>
                        <Button size="sm" variant="ghost" disabled={pending} onClick={() => remove(r)}><span className="text-red-700">Delete</span></Button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing && <Editor key={editing.id ?? "new"} initial={editing} onDone={() => setEditing(null)} />}
    </Section>
  );
}
