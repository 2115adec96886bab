// Settings → Admission policies: what prevention is, the download's options (a GET form: the
// options live in the URL, the preview follows them), the policies it holds and the CLI equivalent.
import { Download, ShieldBan } from "lucide-react";
import { requirePageContext } from "@/modules/auth/server/session";
import { buttonClass } from "@/modules/ui/components/button";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { HttpError } from "@/modules/auth/server/errors";
import { ADMISSION_ACTIONS, ADMISSION_ACTION_HINT, ADMISSION_ACTION_LABEL, ADMISSION_FILENAME, ZAdmissionQuery, admissionHref, excludedNamespaces, type TAdmissionQuery } from "../prevention.schemas";
import { buildAdmissionSet, type TAdmissionSet } from "../server/admission";

const STEPS = [
  { action: "audit", text: "Apply with Audit: nothing is refused; violations land in the API server's audit log." },
  { action: "warn", text: "Switch to Warn: kubectl and CI show a warning naming the rule; fix or except what still trips it." },
  { action: "deny", text: "Switch to Deny: the API server refuses violating objects with the rule's message." },
] as const;

export async function PreventionPage({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  const ctx = await requirePageContext();
  const one = (k: string) => (typeof searchParams[k] === "string" ? (searchParams[k] as string) : undefined);
  // The page starts where a rollout starts: Audit.
  const parsed = ZAdmissionQuery.safeParse({ action: one("action") ?? "audit", exclude: one("exclude") ?? "", exceptions: one("exceptions") ?? "1", custom: one("custom") ?? "1" });
  const q: TAdmissionQuery = parsed.success ? parsed.data : ZAdmissionQuery.parse({ action: "audit" });
  const excludeError = parsed.success ? null : (parsed.error.issues[0]?.message ?? "Check the options");
  let set: TAdmissionSet | null = null;
  let failure: string | null = null;
  try {
    set = await buildAdmissionSet(ctx.orgId, q);
  } catch (err) {
    if (err instanceof HttpError) failure = err.message;
    else {
      console.error("[bulwark/web] admission policies", err);
      failure = "The policies could not be generated. Try again; if it persists, check the server log.";
    }
  }
  const href = admissionHref(q);
  const cli = [
    `bulwark admission-policies --action ${q.action}`,
    // The CLI's list replaces its default: name the control plane's namespaces too.
    ...(q.exclude.length ? excludedNamespaces(q.exclude).map((ns) => `--exclude-namespace ${ns}`) : []),
    ...(set?.allowedRegistries ?? []).map((r) => `--allowed-registry ${r}`),
    `> ${ADMISSION_FILENAME}`,
  ].join(" ");

  return (
    <>
      <PageHeader
        title="Admission policies"
        description="Stop misconfigurations before they reach a cluster: Kubernetes' own ValidatingAdmissionPolicies check every create and update against the rules Bulwark scans for, using CEL inside the API server, with no webhook to run."
        actions={set && set.policies.length > 0 ? <a href={href} download={ADMISSION_FILENAME} className={buttonClass("primary")}><Download className="size-4" aria-hidden />Download YAML</a> : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Section title="Options" id="options" description="The preview below and the download follow these options.">
            <form method="get" className="space-y-4">
              <fieldset className="space-y-1.5">
                <legend className="block text-sm font-medium text-zinc-800">Action on a violation</legend>
                <div className="grid gap-2 sm:grid-cols-3">
                  {ADMISSION_ACTIONS.map((a) => (
                    <label key={a} className="flex cursor-pointer items-start gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-zinc-300 has-[:checked]:bg-indigo-50/60 has-[:checked]:ring-indigo-500">
                      <input type="radio" name="action" value={a} defaultChecked={q.action === a} className="mt-0.5 accent-indigo-600" />
                      <span>
                        <span className="block font-medium text-zinc-900">{ADMISSION_ACTION_LABEL[a]}</span>
                        <span className="block text-xs text-zinc-500">{ADMISSION_ACTION_HINT[a]}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="space-y-1.5">
                <label htmlFor="exclude" className="block text-sm font-medium text-zinc-800">Namespaces to leave out</label>
                <input
                  id="exclude"
                  name="exclude"
                  defaultValue={one("exclude") ?? ""}
                  placeholder="e.g. monitoring, istio-system"
                  spellCheck={false}
                  aria-invalid={excludeError ? true : undefined}
                  aria-describedby="exclude-hint"
                  className="block w-full rounded-md border-0 bg-white px-3 py-2 font-mono text-xs text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-500 focus:ring-2 focus:ring-inset focus:ring-indigo-500 focus:outline-none aria-[invalid=true]:ring-red-500"
                />
                <p id="exclude-hint" className={excludeError ? "text-xs text-red-700" : "text-xs text-zinc-500"}>{excludeError ?? "Comma-separated. kube-system, kube-public and kube-node-lease are always left out."}</p>
              </div>
              <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
                {/* Unchecked boxes send nothing; the hidden field says "off" so the default (on) does not win. */}
                <input type="hidden" name="exceptions" value="0" />
                <label className="flex items-start gap-2 text-sm text-zinc-700">
                  <input type="checkbox" name="exceptions" value="1" defaultChecked={q.exceptions} className="mt-0.5 accent-indigo-600" />
                  <span>Approved exceptions <span className="block text-xs text-zinc-500">Excepted objects are let through (match conditions)</span></span>
                </label>
                <input type="hidden" name="custom" value="0" />
                <label className="flex items-start gap-2 text-sm text-zinc-700">
                  <input type="checkbox" name="custom" value="1" defaultChecked={q.custom} className="mt-0.5 accent-indigo-600" />
                  <span>Custom rules <span className="block text-xs text-zinc-500">Your organization&apos;s enabled CEL rules</span></span>
                </label>
              </div>
              <div className="flex justify-end">
                <button type="submit" className={buttonClass("secondary")}>Update preview</button>
              </div>
            </form>
          </Section>

          <Section
            title={set ? `${set.policies.length} ${set.policies.length === 1 ? "policy" : "policies"} · ${ADMISSION_ACTION_LABEL[set.action]}` : "Policies"}
            id="policies"
            description={set ? `Each policy has its binding (${set.policies.length * 2} objects in the file).` : undefined}
            bodyClassName="p-0"
          >
            {failure ? (
              <div className="p-4"><Callout tone="error" title="No policies">{failure}</Callout></div>
            ) : !set || set.policies.length === 0 ? (
              <EmptyState icon={<ShieldBan className="size-5" aria-hidden />} title="No policies to emit" description="Every rule that can be enforced at admission is disabled by your policy." />
            ) : (
              <div className={`${t.wrap} max-h-[32rem] overflow-y-auto`} tabIndex={0} role="region" aria-label="Policies in the download">
                <table className={t.table}>
                  <thead className={t.thead}>
                    <tr>
                      <th scope="col" className={t.th}>Rule</th>
                      <th scope="col" className={`${t.th} hidden sm:table-cell`}>Policy</th>
                      <th scope="col" className={t.th}>Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {set.policies.map((p) => (
                      <tr key={p.name} className={t.tr}>
                        <td className={t.td}>
                          <div className="font-medium text-zinc-900">{p.title}{p.custom && <span className="ml-1.5 text-xs font-normal text-zinc-500">(custom)</span>}</div>
                          <div className="font-mono text-xs text-zinc-500">{p.ruleId}</div>
                        </td>
                        <td className={`${t.td} hidden font-mono text-xs text-zinc-700 sm:table-cell`}>{p.name}</td>
                        <td className={`${t.td} text-xs text-zinc-700`}>{ADMISSION_ACTION_LABEL[set.action]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
          {set && set.skipped.length > 0 && (
            <Section title="Not enforceable at admission" id="skipped" description="These rules need more than one object (or the cluster's state) to judge; scans keep checking them.">
              <ul className="space-y-1 text-xs text-zinc-700">
                {set.skipped.map((s) => <li key={s.ruleId}><span className="font-mono">{s.ruleId}</span>: {s.reason}</li>)}
              </ul>
            </Section>
          )}
        </div>

        <aside className="space-y-4">
          <Section title="Roll out in three steps" id="rollout" description="ValidatingAdmissionPolicy is GA in Kubernetes 1.30">
            <ol className="space-y-2 text-sm text-zinc-700">
              {STEPS.map((s, i) => (
                <li key={s.action} className="flex gap-2">
                  <span aria-hidden className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-700">{i + 1}</span>
                  <span>{s.text}</span>
                </li>
              ))}
            </ol>
          </Section>
          {set && (
            <Section title="What the file holds" id="contents">
              <ul className="space-y-1.5 text-sm text-zinc-700">
                <li>{set.exceptions.included} approved exception{set.exceptions.included === 1 ? "" : "s"} as match conditions{set.exceptions.notExpressible ? ` (${set.exceptions.notExpressible} with a label selector left out: admission cannot match them safely)` : ""}</li>
                <li>{set.customRules} custom rule{set.customRules === 1 ? "" : "s"}</li>
                <li>{set.allowedRegistries.length ? <>Allowed registries: <span className="font-mono text-xs">{set.allowedRegistries.join(", ")}</span></> : "No allowed-registry list in your policy"}</li>
                <li>Namespaces left out: <span className="font-mono text-xs">{excludedNamespaces(set.exclude).join(", ")}</span></li>
              </ul>
            </Section>
          )}
          <Section title="Apply it" id="apply">
            <pre className="whitespace-pre-wrap break-all rounded-md bg-zinc-950 p-3 font-mono text-xs leading-5 text-zinc-100"><code>kubectl apply -f {ADMISSION_FILENAME}</code></pre>
            <p className="mt-3 text-xs text-zinc-600">The built-in rules from the CLI, with the same action, namespaces and registries (<code className="font-mono">--exceptions FILE</code> adds exceptions):</p>
            <pre className="mt-1.5 whitespace-pre-wrap break-all rounded-md bg-zinc-950 p-3 font-mono text-xs leading-5 text-zinc-100"><code>{cli}</code></pre>
            <p className="mt-3 text-xs text-zinc-600">Or with an API token (read scope): <code className="break-all font-mono">curl -H &quot;Authorization: Bearer $TOKEN&quot; &quot;$BULWARK{href}&quot;</code></p>
          </Section>
        </aside>
      </div>
    </>
  );
}
