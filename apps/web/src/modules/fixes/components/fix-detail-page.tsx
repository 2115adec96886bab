// /fixes/[id]: one fix request: what it changes per object (the patch), its decision and timeline,
// what the worker did per object (dry run, the fields before and after) and whether the rescan
// found the findings resolved. A GitOps-managed object is refused: "fix it in Git", with the bundle.
import Link from "next/link";
import { getWriteCredentialView, type TFixRequestView } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { Callout, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { changedFields } from "../fix-diff";
import { DownloadBundleButton } from "./download-bundle-button";
import { FixStatusBadge, PatchBlock, patchYaml, plural, targetLabel } from "./fix-bits";
import { FixDecision } from "./fix-decision";

const person = (p: { name: string | null; email: string } | null) => (p ? (p.name ?? p.email) : "a former member");

/** fingerprint -> "rule on object", from the plan (a fingerprint's index in an entry matches its rule's). */
function findingLabels(r: TFixRequestView): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of r.plan) {
    e.fingerprints.forEach((fp, i) => out.set(fp, `${e.ruleIds[i] ?? e.ruleIds[0] ?? "finding"} on ${targetLabel(e.target)}`));
    for (const s of e.skipped) out.set(s.fingerprint, `${s.ruleId} on ${targetLabel(e.target)}`);
  }
  return out;
}

/** The worker's refusal as a sentence, without its own "fix it in Git" (the callout's title says it). */
function gitOpsReason(error: string | null): string {
  const text = (error ?? "The object is managed by GitOps (Argo CD or Flux)").replace(/[\s:;,.-]*fix it in git[\s.]*$/i, "").trim();
  return /[.!]$/.test(text) ? text : `${text}.`;
}

function StatusCallout({ r }: { r: TFixRequestView }) {
  const resolved = r.verification?.resolved.length ?? 0;
  const open = r.verification?.stillOpen.length ?? 0;
  switch (r.status) {
    case "proposed":
      return <Callout tone="info" title="Waiting for approval">An admin approves or rejects it. Nothing changes in the cluster until then.</Callout>;
    case "approved":
      return <Callout tone="info" title="Approved">The worker applies it next: a server-side dry run first, then the patch.</Callout>;
    case "applying":
      return <Callout tone="info" title="Applying">The worker is patching the cluster; this page shows the result when it is done.</Callout>;
    case "applied":
      return <Callout tone="info" title="Applied, verifying">The patch is in; a targeted rescan checks that the findings are resolved.</Callout>;
    case "verified":
      return <Callout tone="success" title="Applied and verified">The rescan found {plural(resolved, "finding")} resolved.</Callout>;
    case "unverified":
      return <Callout tone="warning" title="Applied, but not everything is resolved">The rescan still sees {plural(open, "finding")} open{resolved ? ` (${resolved} resolved)` : ""}; see Verification for why.</Callout>;
    case "failed":
      return <Callout tone="error" title="The fix failed">{r.error ?? "The worker could not apply it; see the result per object."} Nothing was changed by a failed dry run.</Callout>;
    case "refused":
      return (
        <Callout tone="warning" title="Fix it in Git">
          <span className="block">{gitOpsReason(r.error)} A change made in the cluster would be reverted by the next sync: commit the fix bundle to the repository the object comes from instead.</span>
          <span className="mt-2 block"><DownloadBundleButton target={{ findingIds: r.findingIds }} /></span>
        </Callout>
      );
    case "rejected":
      return <Callout tone="info" title={`Rejected by ${person(r.decidedBy)}`}>{r.decisionNote ?? "No note."}</Callout>;
    case "cancelled":
      return <Callout tone="info" title="Withdrawn">The proposal was withdrawn before a decision.</Callout>;
  }
}

function Timeline({ r }: { r: TFixRequestView }) {
  const steps: { label: string; at: Date | null; by?: string; note?: string | null }[] = [{ label: "Proposed", at: r.createdAt, by: person(r.proposedBy), note: r.reason }];
  if (r.decidedAt) steps.push({ label: r.status === "rejected" ? "Rejected" : r.status === "cancelled" ? "Withdrawn" : "Approved", at: r.decidedAt, by: person(r.decidedBy), note: r.decisionNote });
  else if (r.status === "cancelled") steps.push({ label: "Withdrawn", at: r.updatedAt });
  if (r.status === "refused") steps.push({ label: "Refused: managed by GitOps", at: r.updatedAt });
  if (r.status === "failed") steps.push({ label: "Failed", at: r.updatedAt, note: r.error });
  if (r.appliedAt) steps.push({ label: "Applied (field manager bulwark)", at: r.appliedAt });
  if (r.status === "verified" || r.status === "unverified") steps.push({ label: r.status === "verified" ? "Verified by a rescan" : "Rescan: not all resolved", at: r.updatedAt });
  return (
    <ol className="space-y-3" aria-label="Timeline">
      {steps.map((s, i) => (
        <li key={i} className="relative pl-4 text-sm">
          <span aria-hidden className="absolute left-0 top-1.5 size-2 rounded-full bg-zinc-400" />
          <div className="font-medium text-zinc-900">{s.label}</div>
          <div className="text-xs text-zinc-500">{s.by ? `${s.by} · ` : ""}<Time date={s.at} /></div>
          {s.note && <p className="mt-0.5 whitespace-pre-line text-xs text-zinc-700">{s.note}</p>}
        </li>
      ))}
    </ol>
  );
}

export async function FixDetailPage({ ctx, r }: { ctx: TOrgContext; r: TFixRequestView }) {
  const cred = await getWriteCredentialView({ orgId: ctx.orgId, clusterId: r.clusterId }).catch(() => ({ set: false, identity: null, setAt: null }));
  const labels = findingLabels(r);
  const first = r.plan[0];
  const title = first ? `Fix ${targetLabel(first.target)}${r.plan.length > 1 ? ` and ${plural(r.plan.length - 1, "more object")}` : ""}` : "Fix";
  const canDecide = r.status === "proposed" && can(ctx.role, "fix:approve");
  const canCancel = r.status === "proposed" && can(ctx.role, "fix:propose") && (r.proposedBy?.id === ctx.userId || can(ctx.role, "fix:approve"));

  return (
    <>
      <PageHeader
        eyebrow={<><Link href="/fixes" className="hover:text-zinc-900">Fixes</Link> <span aria-hidden>/</span> <span className="font-mono">{r.id.slice(-8)}</span></>}
        title={title}
        wrap
        description={
          <span className="flex flex-wrap items-center gap-2">
            <FixStatusBadge status={r.status} />
            <span className="text-xs">on <Link href={`/clusters/${r.clusterId}`} className="font-medium text-zinc-800 underline-offset-4 hover:underline">{r.clusterName}</Link></span>
            <span className="text-xs">{plural(r.findingIds.length, "finding")} · proposed by {person(r.proposedBy)} <Time date={r.createdAt} /></span>
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <StatusCallout r={r} />

          <Section title="Planned change" id="plan" description="The strategic merge patch per object; owned objects are patched at their controller (the Deployment, not its ReplicaSet)">
            <div className="space-y-5">
              {r.plan.map((e) => (
                <div key={targetLabel(e.target)}>
                  <div className="mb-1.5 flex flex-wrap items-baseline justify-between gap-x-3">
                    <h3 className="font-mono text-xs font-semibold text-zinc-900">{e.target.apiVersion} {targetLabel(e.target)}</h3>
                    <span className="text-xs text-zinc-500">{[...new Set(e.ruleIds)].join(", ")}</span>
                  </div>
                  <PatchBlock yaml={patchYaml(e.patch)} label={`Patch of ${targetLabel(e.target)}`} />
                  {e.skipped.length > 0 && (
                    <ul className="mt-2 space-y-0.5 text-xs text-zinc-700" aria-label={`Left out of ${targetLabel(e.target)}`}>
                      {e.skipped.map((s) => <li key={s.fingerprint}>Not automatic: <span className="font-mono">{s.ruleId}</span>: {s.reason}</li>)}
                    </ul>
                  )}
                </div>
              ))}
            </div>
          </Section>

          {r.result && r.result.length > 0 && (
            <Section title="Result" id="result" description="What the worker did per object: the dry run, then the fields the patch changed">
              <div className="space-y-5">
                {r.result.map((res) => {
                  const changes = res.before !== undefined || res.after !== undefined ? changedFields(res.before, res.after) : [];
                  const label = targetLabel(res.target);
                  return (
                    <div key={label}>
                      <h3 className="font-mono text-xs font-semibold text-zinc-900">{label}</h3>
                      <p className="mt-1 text-xs text-zinc-700">
                        Dry run: {res.dryRun === undefined ? <span className="text-zinc-500">not run</span> : res.dryRun === "ok" ? <span className="font-medium text-green-700">accepted</span> : <span className="font-medium text-red-700">{res.dryRun}</span>}
                      </p>
                      {res.error && <p className="mt-1 text-xs font-medium text-red-700">{res.error}</p>}
                      {changes.length > 0 ? (
                        <div className={`${t.wrap} mt-2 rounded-md ring-1 ring-zinc-200`}>
                          <table className={t.table} aria-label={`Fields changed on ${label}`}>
                            <thead className={t.thead}>
                              <tr>
                                <th scope="col" className={t.th}>Field</th>
                                <th scope="col" className={t.th}>Before</th>
                                <th scope="col" className={t.th}>After</th>
                              </tr>
                            </thead>
                            <tbody>
                              {changes.map((c) => (
                                <tr key={c.path} className={t.tr}>
                                  <td className={`${t.td} break-all font-mono text-xs text-zinc-800`}>{c.path}</td>
                                  <td className={`${t.td} font-mono text-xs`}>{c.before === undefined ? <span className="font-sans text-zinc-500">absent</span> : <span className="text-red-800">{c.before}</span>}</td>
                                  <td className={`${t.td} font-mono text-xs`}>{c.after === undefined ? <span className="font-sans text-zinc-500">removed</span> : <span className="text-green-800">{c.after}</span>}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      ) : res.after !== undefined ? (
                        <p className="mt-1 text-xs text-zinc-500">No field changed (it was already so).</p>
                      ) : null}
                    </div>
                  );
                })}
              </div>
            </Section>
          )}

          {r.verification && (
            <Section title="Verification" id="verification" description={r.verifyScanId ? "From the targeted rescan after the patch" : "From the rescan after the patch"}>
              <div className="grid gap-4 sm:grid-cols-2">
                <div>
                  <h3 className="text-xs font-medium text-green-800">Resolved ({r.verification.resolved.length})</h3>
                  <ul className="mt-1 space-y-0.5 text-xs text-zinc-800">
                    {r.verification.resolved.map((fp) => <li key={fp} className="break-words">{labels.get(fp) ?? fp}</li>)}
                    {r.verification.resolved.length === 0 && <li className="text-zinc-500">none</li>}
                  </ul>
                </div>
                <div>
                  <h3 className="text-xs font-medium text-rose-800">Still open ({r.verification.stillOpen.length})</h3>
                  <ul className="mt-1 space-y-1 text-xs text-zinc-800">
                    {r.verification.stillOpen.map((s) => <li key={s.fingerprint} className="break-words">{labels.get(s.fingerprint) ?? s.fingerprint}<span className="block text-zinc-600">{s.reason}</span></li>)}
                    {r.verification.stillOpen.length === 0 && <li className="text-zinc-500">none</li>}
                  </ul>
                </div>
              </div>
            </Section>
          )}
        </div>

        <aside className="space-y-4">
          {r.status === "proposed" && (
            <Section title="Decision" id="decision">
              <FixDecision fixId={r.id} canDecide={canDecide} canCancel={canCancel} writeCredential={cred.set} clusterId={r.clusterId} />
            </Section>
          )}
          <Section title="Timeline" id="timeline">
            <Timeline r={r} />
          </Section>
          <Section title="Details" id="details">
            <dl className="space-y-3 text-sm">
              <div><dt className="text-xs text-zinc-500">Cluster</dt><dd className="mt-0.5"><Link href={`/clusters/${r.clusterId}`} className="font-medium text-zinc-900 underline-offset-4 hover:underline">{r.clusterName}</Link><span className="ml-1 text-xs text-zinc-500">({cred.set ? "write credential set" : "no write credential"})</span></dd></div>
              <div><dt className="text-xs text-zinc-500">From</dt><dd className="mt-0.5 text-xs">{r.riskId ? <Link href={`/risks/${r.riskId}`} className="underline-offset-4 hover:underline">a risk</Link> : r.source === "selection" ? "a selection of findings" : "a finding"}</dd></div>
              <div>
                <dt className="text-xs text-zinc-500">Findings</dt>
                <dd className="mt-0.5">
                  <ul className="space-y-0.5 text-xs">
                    {r.findingIds.slice(0, 20).map((id, i) => {
                      const e = r.plan.find((p) => p.findingIds.includes(id));
                      const rule = e ? e.ruleIds[e.findingIds.indexOf(id)] : undefined;
                      return <li key={id}><Link href={`/findings/${id}`} className="underline-offset-4 hover:underline">{rule ?? `Finding ${i + 1}`}</Link>{e ? <span className="text-zinc-500"> on {e.target.name}</span> : null}</li>;
                    })}
                    {r.findingIds.length > 20 && <li className="text-zinc-500">and {r.findingIds.length - 20} more</li>}
                  </ul>
                </dd>
              </div>
              {r.verifyScanId && <div><dt className="text-xs text-zinc-500">Verifying scan</dt><dd className="mt-0.5 text-xs"><Link href={`/scans/${r.verifyScanId}`} className="font-mono underline-offset-4 hover:underline">{r.verifyScanId.slice(-8)}</Link></dd></div>}
            </dl>
            {r.findingIds.length > 0 && (
              <div className="mt-4 border-t border-zinc-100 pt-3"><DownloadBundleButton target={{ findingIds: r.findingIds }} /></div>
            )}
          </Section>
        </aside>
      </div>
    </>
  );
}
