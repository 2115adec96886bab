// What stands behind one control's status on one cluster, in words: the failing rules with their
// findings (each a link to the findings list of that rule on that cluster), why it is not evaluated
// or not applicable, the evidence a pending control needs, who attested it and until when.
import Link from "next/link";
import type { AttestationRef } from "@bulwark/rules";
import { findingsQuery } from "@/modules/findings/findings.schemas";
import { ruleTitle } from "@/modules/findings/server/queries";
import { attesterName, day } from "../compliance-format";
import type { TMatrixCell } from "../server/matrix";

const link = "text-indigo-700 underline-offset-4 hover:underline";

/** The findings list of a rule on a cluster, narrowed to the one namespace in scope when there is one. */
export function ruleFindingsHref(ruleId: string, cluster: { id: string; namespaces: string[] }): string {
  return `/findings${findingsQuery({ tab: "all", cluster: cluster.id, rule: ruleId, namespace: cluster.namespaces.length === 1 ? cluster.namespaces[0] : undefined })}`;
}

export function AttestedBy({ attestation }: { attestation: AttestationRef }) {
  return (
    <>
      Attested by <span className="font-medium text-zinc-800">{attesterName(attestation.by)}</span> until {day(attestation.expiresAt)}
    </>
  );
}

const s = (n: number) => (n === 1 ? "" : "s");

/** `manual`: the control's rules are supporting evidence only (a manual control never passes on them). */
export function ControlEvidence({ cell, cluster, manual = false }: { cell: TMatrixCell; cluster: { id: string; namespaces: string[] }; manual?: boolean }) {
  const failing = cell.rules.filter((r) => r.status === "failed");
  const unjudged = cell.rules.filter((r) => r.status !== "passed" && r.status !== "failed");
  const passed = cell.rules.filter((r) => r.status === "passed");
  return (
    <div className="space-y-1 text-xs text-zinc-600">
      {failing.length > 0 && (cell.status === "failed" || manual) && (
        <ul className="space-y-0.5" aria-label={manual ? "Failing supporting rules" : "Failing rules"}>
          {manual && <li className="font-medium text-zinc-700">Supporting rules failing:</li>}
          {failing.map((r) => (
            <li key={r.id}>
              <Link className={link} href={ruleFindingsHref(r.id, cluster)}>{ruleTitle(r.id)}</Link>
              <span className="text-zinc-500"> · {r.findings} finding{s(r.findings)}</span>
            </li>
          ))}
        </ul>
      )}
      {cell.status === "not-evaluated" && (
        <div>
          <span className="font-medium text-zinc-700">Not evaluated: </span>
          {unjudged.length === 0 ? (
            cell.reason
          ) : (
            <ul className="mt-0.5 space-y-0.5">
              {unjudged.map((r) => (
                <li key={r.id}>
                  {ruleTitle(r.id)} <span className="text-zinc-500">({r.reason ?? (r.status === "disabled" ? "rule disabled by the policy" : "rule not run")})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {cell.status === "not-applicable" && (
        <div><span className="font-medium text-zinc-700">Not applicable: </span>{cell.reason}</div>
      )}
      {cell.status === "pending" && (
        <div className="text-amber-900">{cell.reason}</div>
      )}
      {cell.attestation && (
        <div className={cell.status === "attested" ? "text-green-800" : "text-zinc-600"}>
          <AttestedBy attestation={cell.attestation} />
          {cell.status === "failed" && <span className="text-zinc-500"> (an attestation never hides a failing check)</span>}
        </div>
      )}
      {passed.length > 0 && cell.status !== "not-applicable" && (
        <details>
          <summary className="cursor-pointer select-none text-zinc-500 hover:text-zinc-700">
            {passed.length} of {cell.rules.length} {manual ? "supporting " : ""}rule{s(cell.rules.length)} passed
          </summary>
          <ul className="mt-1 space-y-0.5">
            {passed.map((r) => <li key={r.id} title={r.id}>{ruleTitle(r.id)}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}
