// One control of a framework: what it asks and why these rules are its evidence (the rationale), its
// status on every cluster in scope with the evidence behind it, the attestation in force, and the
// history of attestations with their evidence files. Admins and owners attest and revoke here;
// everyone else reads.
import Link from "next/link";
import { BadgeCheck } from "lucide-react";
import { MAX_ATTESTATION_DAYS, MAX_EVIDENCE_FILES, evidenceEnv } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { findingsQuery } from "@/modules/findings/findings.schemas";
import { ruleTitle } from "@/modules/findings/server/queries";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { frameworkHref, scopeHref } from "../compliance-links";
import { buildComplianceMatrix } from "../server/matrix";
import { pickControl, pickFramework, queryControlView } from "../server/queries";
import { attestationView } from "../server/attestation-view";
import { AttestDialog } from "./attest-dialog";
import { AttestationDetails, AttestationHistory } from "./attestations";
import { ControlEvidence } from "./control-evidence";
import { ControlStatusBadge } from "./control-status";
import { RevokeAttestation } from "./revoke-attestation";
import { ScopeLine } from "./scope-line";

export async function ControlPage({ ctx, frameworkId, controlId }: { ctx: TOrgContext; frameworkId: string; controlId: string }) {
  const fw = pickFramework(frameworkId);
  const control = pickControl(fw, controlId);
  const view = await queryControlView(ctx.orgId, fw, control);
  const matrix = buildComplianceMatrix(fw, view.posture);
  const row = matrix.controls.find((c) => c.id === control.id)!;
  const now = new Date();
  const history = view.history.map((a) => attestationView(a, now));
  const inForce = view.posture.attestations.get(control.id);
  const current = inForce ? attestationView(inForce, now) : undefined;
  const canAttest = can(ctx.role, "compliance:manage") && !control.notApplicable;
  const manual = Boolean(control.manual);

  const attest = canAttest ? (
    <AttestDialog
      framework={fw.id}
      controlId={control.id}
      controlTitle={control.title}
      {...(control.manual ? { evidence: control.manual.evidence } : {})}
      defaultOwner={ctx.user.name ?? ctx.user.email}
      maxFileBytes={evidenceEnv().maxBytes}
      maxFiles={MAX_EVIDENCE_FILES}
      maxDays={MAX_ATTESTATION_DAYS}
      primary={manual && !current}
      renew={Boolean(current)}
    />
  ) : undefined;

  return (
    <>
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb">
            <Link href="/compliance" className="hover:text-zinc-700">Compliance</Link> / <Link href={frameworkHref(fw.id)} className="hover:text-zinc-700">{fw.name}</Link>
          </nav>
        }
        title={<><span className="font-mono text-base text-zinc-500">{control.id}</span> {control.title}</>}
        wrap
        description={control.description}
        actions={attest}
      />
      <div className="space-y-6">
        {control.notApplicable && <Callout tone="info" title="Not applicable">{control.notApplicable}</Callout>}
        {manual && (
          <Callout tone={current ? "success" : "warning"} title={current ? "Manual control – attested" : "Manual control – pending"}>
            No rule can check this control; it counts only while someone attests it. Evidence needed: {control.manual!.evidence}
            {!current && !canAttest && " Admins and owners attest controls."}
          </Callout>
        )}

        <Section title="Rationale" id="rationale" description="What the auditor asks, which configuration answers it, and what Bulwark cannot see.">
          <p className="max-w-prose text-sm leading-6 text-zinc-800">{control.rationale}</p>
          {control.broadReason && <p className="mt-2 max-w-prose text-sm leading-6 text-zinc-600"><span className="font-medium text-zinc-800">Why so many rules: </span>{control.broadReason}</p>}
          <h3 className="mt-4 text-xs font-medium text-zinc-500">{control.ruleIds.length === 0 ? "No rule is evidence for this control." : manual ? "Supporting rules (evidence, never enough on their own)" : `Rules that are its evidence (${control.ruleIds.length})`}</h3>
          {control.ruleIds.length > 0 && (
            <ul className="mt-1.5 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
              {control.ruleIds.map((id) => (
                <li key={id} className="min-w-0">
                  <Link href={`/findings${findingsQuery({ tab: "all", rule: id })}`} className="text-indigo-700 underline-offset-4 hover:underline">{ruleTitle(id)}</Link>
                  <span className="ml-1.5 font-mono text-xs text-zinc-500">{id}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section title="Status by cluster" id="clusters" bodyClassName="p-0" description="Each cluster in the framework's scope, judged from its last completed scan.">
          <div className="border-b border-zinc-100 p-4"><ScopeLine scope={view.scope} scopeHref={scopeHref(fw.id)} canEdit={can(ctx.role, "compliance:manage")} /></div>
          {matrix.clusters.length === 0 ? (
            <EmptyState title="No cluster in scope" description="Add a cluster or set the framework's scope." />
          ) : (
            <div className={t.wrap}>
              <table className={t.table}>
                <caption className="sr-only">{control.id} on each cluster in scope</caption>
                <thead className={t.thead}>
                  <tr>
                    <th scope="col" className={t.th}>Cluster</th>
                    <th scope="col" className={t.th}>Status</th>
                    <th scope="col" className={t.th}>Evidence</th>
                  </tr>
                </thead>
                <tbody>
                  {matrix.clusters.map((c, i) => (
                    <tr key={c.id} className={t.tr}>
                      <th scope="row" className={`${t.td} align-top text-left font-medium`}>
                        <Link href={frameworkHref(fw.id, c.id, control.id)} className="text-indigo-700 underline-offset-4 hover:underline">{c.name}</Link>
                        {c.namespaces.length > 0 && <span className="block text-xs font-normal text-zinc-500">namespace{c.namespaces.length === 1 ? "" : "s"} {c.namespaces.join(", ")}</span>}
                      </th>
                      <td className={`${t.td} align-top`}><ControlStatusBadge status={row.cells[i]!.status} /></td>
                      <td className={`${t.td} align-top`}><ControlEvidence cell={row.cells[i]!} cluster={c} manual={manual} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>

        <Section title="Attestation in force" id="attestation">
          {current ? (
            <AttestationDetails a={current} actions={can(ctx.role, "compliance:manage") ? <RevokeAttestation framework={fw.id} attestationId={current.id} controlId={control.id} manual={manual} /> : undefined} />
          ) : (
            <p className="flex items-start gap-2 text-sm text-zinc-600">
              <BadgeCheck className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden />
              <span>
                <span className="font-medium text-zinc-900">Not attested. </span>
                {control.notApplicable
                  ? "There is nothing to attest: the control does not apply."
                  : manual
                    ? "Until someone attests it with a statement and evidence, this control is pending in views and reports."
                    : "Optional for a control the rules check: an attestation adds a person's sign-off and evidence, and never hides a failing check."}
              </span>
            </p>
          )}
        </Section>

        <Section title="History" id="history" bodyClassName="p-0" description="Every attestation of this control with who made it, when, and its evidence files' SHA-256 checksums.">
          {history.length === 0 ? <p className="p-4 text-sm text-zinc-500">No attestations yet.</p> : <AttestationHistory items={history} />}
        </Section>
      </div>
    </>
  );
}
