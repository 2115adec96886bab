// A control's attestation in force (statement, owner, dates, links, evidence files with their
// SHA-256 and download links) and the history of every attestation of it, newest first. Evidence
// files are only ever links to the download route (an attachment), never shown inline.
import { Download, ExternalLink } from "lucide-react";
import { cn } from "@/modules/ui/cn";
import { tableClass as t } from "@/modules/ui/components/layout";
import { attesterName, day, fileSize } from "../compliance-format";
import type { TAttestationState, TAttestationView } from "../server/attestation-view";

const STATE: Record<TAttestationState, { label: string; cls: string }> = {
  active: { label: "In force", cls: "bg-green-50 text-green-800 ring-green-600/25" },
  superseded: { label: "Superseded", cls: "bg-zinc-50 text-zinc-600 ring-zinc-200" },
  revoked: { label: "Revoked", cls: "bg-red-50 text-red-700 ring-red-600/20" },
  expired: { label: "Expired", cls: "bg-amber-50 text-amber-800 ring-amber-600/25" },
};

export function AttestationStateBadge({ state }: { state: TAttestationState }) {
  return <span className={cn("inline-flex whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", STATE[state].cls)}>{STATE[state].label}</span>;
}

export function EvidenceFiles({ files, compact = false }: { files: TAttestationView["files"]; compact?: boolean }) {
  if (files.length === 0) return <p className="text-xs text-zinc-500">No evidence files.</p>;
  return (
    <ul className="space-y-1.5" aria-label="Evidence files">
      {files.map((f) => (
        <li key={f.id} className="min-w-0 text-xs">
          <a href={f.url} download={f.name} className="inline-flex items-center gap-1 font-medium text-indigo-700 underline-offset-4 hover:underline">
            <Download className="size-3.5 shrink-0" aria-hidden />
            <span className="break-all">{f.name}</span>
          </a>
          <span className="text-zinc-500"> · {f.contentType.replace("application/", "").replace("image/", "").replace("text/plain", "text").toUpperCase()} · {fileSize(f.size)}</span>
          <span className={cn("block text-zinc-500", compact && "truncate")}>
            SHA-256 <code className="break-all font-mono text-[11px] text-zinc-700">{f.sha256}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}

function Links({ links }: { links: string[] }) {
  if (links.length === 0) return <span className="text-zinc-500">None</span>;
  return (
    <ul className="space-y-0.5">
      {links.map((l) => (
        <li key={l} className="min-w-0">
          <a href={l} rel="noopener noreferrer nofollow" target="_blank" className="inline-flex items-center gap-1 break-all text-indigo-700 underline-offset-4 hover:underline">
            {l}
            <ExternalLink className="size-3 shrink-0" aria-hidden />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The attestation in force, in full. */
export function AttestationDetails({ a, actions }: { a: TAttestationView; actions?: React.ReactNode }) {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="text-sm text-zinc-700">
          <AttestationStateBadge state={a.state} /> Attested by <span className="font-medium text-zinc-900">{attesterName(a.attestedByName)}</span> on {day(a.createdAt)}; counts until{" "}
          <span className="font-medium text-zinc-900">{day(a.expiresAt)}</span>.
        </p>
        {actions}
      </div>
      <blockquote className="whitespace-pre-line border-l-2 border-zinc-200 pl-3 text-sm leading-6 text-zinc-800">{a.statement}</blockquote>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
        <div><dt className="text-xs text-zinc-500">Owner</dt><dd className="mt-0.5 break-words text-zinc-900">{a.owner}</dd></div>
        <div><dt className="text-xs text-zinc-500">Reviewed on</dt><dd className="mt-0.5 text-zinc-900">{day(a.reviewedAt)}</dd></div>
        <div><dt className="text-xs text-zinc-500">Expires on</dt><dd className="mt-0.5 text-zinc-900">{day(a.expiresAt)}</dd></div>
        <div className="sm:col-span-3"><dt className="text-xs text-zinc-500">Links</dt><dd className="mt-0.5 text-sm"><Links links={a.links} /></dd></div>
        <div className="sm:col-span-3"><dt className="text-xs text-zinc-500">Evidence files</dt><dd className="mt-1"><EvidenceFiles files={a.files} /></dd></div>
      </dl>
    </div>
  );
}

/** Every attestation of the control, newest first. */
export function AttestationHistory({ items }: { items: TAttestationView[] }) {
  return (
    <div className={t.wrap}>
      <table className={t.table}>
        <caption className="sr-only">Attestations of this control, newest first</caption>
        <thead className={t.thead}>
          <tr>
            <th scope="col" className={t.th}>Attested</th>
            <th scope="col" className={`${t.th} hidden sm:table-cell`}>State</th>
            <th scope="col" className={t.th}>Statement</th>
            <th scope="col" className={`${t.th} hidden lg:table-cell`}>Evidence files</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} className={t.tr}>
              <td className={`${t.td} align-top text-xs`}>
                <div className="whitespace-nowrap font-medium text-zinc-900">{day(a.createdAt)}</div>
                <div className="text-zinc-600">{attesterName(a.attestedByName)}</div>
                <div className="text-zinc-500">owner {a.owner}</div>
                <div className="mt-1 sm:hidden"><AttestationStateBadge state={a.state} /></div>
              </td>
              <td className={`${t.td} hidden align-top text-xs sm:table-cell`}>
                <AttestationStateBadge state={a.state} />
                <div className="mt-1 whitespace-nowrap text-zinc-500">
                  {a.state === "revoked" && a.revokedAt ? `revoked ${day(a.revokedAt)}` : a.state === "superseded" && a.supersededAt ? `replaced ${day(a.supersededAt)}` : `${a.state === "expired" ? "expired" : "until"} ${day(a.expiresAt)}`}
                </div>
              </td>
              <td className={`${t.td} align-top`}>
                <p className="line-clamp-3 max-w-prose whitespace-pre-line text-sm text-zinc-800">{a.statement}</p>
                <div className="mt-1.5 lg:hidden"><EvidenceFiles files={a.files} compact /></div>
              </td>
              <td className={`${t.td} hidden max-w-md align-top lg:table-cell`}><EvidenceFiles files={a.files} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
