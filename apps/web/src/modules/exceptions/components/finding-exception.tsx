// The finding page's exception panel: the exception that covers the finding (if any), pending
// requests made from it, and the request/grant dialog for those allowed to use it.
import Link from "next/link";
import { getException, getFinding, listExceptions } from "@bulwark/db";
import { getRule } from "@bulwark/rules";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { Section } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { describeExceptionScope as scopeText } from "@bulwark/db";
import { toExceptionView } from "../server/view";
import { ExceptionDialog } from "./exception-dialog";

export async function FindingException({ findingId }: { findingId: string }) {
  const ctx = await requirePageContext();
  const f = await getFinding({ orgId: ctx.orgId, findingId });
  if (!f) return null;
  const [holder, pending] = await Promise.all([
    f.exceptionId ? getException({ orgId: ctx.orgId, exceptionId: f.exceptionId }) : Promise.resolve(null),
    listExceptions({ orgId: ctx.orgId, findingId: f.id, statuses: ["requested"], limit: 5 }),
  ]);
  const active = holder ? toExceptionView(holder) : null;
  const mayAsk = can(ctx.role, "exception:request");
  const grant = can(ctx.role, "exception:decide");
  const open = f.status !== "resolved" && !active;
  return (
    <Section title="Exception" id="exception" description={active ? undefined : "Accept the risk for a limited time, with a reason"}>
      {active && (
        <div className="space-y-1.5 text-xs text-zinc-600">
          <p className="text-sm text-zinc-800">
            Excepted until <time dateTime={active.expiresAt} className="font-medium tabular-nums">{active.expiresAt.slice(0, 10)}</time> by{" "}
            <Link href={`/exceptions/${active.id}`} className="font-medium text-violet-800 underline-offset-4 hover:underline">an exception</Link> covering {scopeText(active)}.
          </p>
          <p className="text-zinc-500">“{active.justification}”</p>
          {active.decidedBy && <p>Approved by {active.decidedBy.name}</p>}
        </div>
      )}
      {pending.length > 0 && (
        <ul className="mb-3 space-y-1 text-xs text-zinc-600">
          {pending.map((p) => (
            <li key={p.id}>
              <Link href={`/exceptions/${p.id}`} className="font-medium text-zinc-800 underline-offset-4 hover:underline">Request pending</Link> from {p.requestedBy?.name ?? p.requestedBy?.email ?? "someone"} · <Time date={p.createdAt} />
            </li>
          ))}
        </ul>
      )}
      {open && mayAsk && (
        <ExceptionDialog
          findingId={f.id}
          grant={grant}
          ruleId={f.ruleId}
          ruleTitle={getRule(f.ruleId)?.title ?? f.ruleId}
          object={`${f.kind} ${f.namespace ? `${f.namespace}/` : ""}${f.name}`}
          namespace={f.namespace}
          clusterName={f.cluster.name}
        />
      )}
      {open && !mayAsk && <p className="text-xs text-zinc-500">Viewers cannot request exceptions.</p>}
      {!open && !active && <p className="text-xs text-zinc-500">Resolved findings need no exception.</p>}
    </Section>
  );
}
