"use client";
// "Attest this control" (admins and owners): a statement of what is in place and how it was checked,
// the owner, the review date, an expiry, links and evidence files (PDF, PNG or text, each under the
// size limit). Sent as multipart/form-data to the attestations API, which checks every file from its
// bytes; the page refreshes to show the new attestation in force and in the history.
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { BadgeCheck } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { DialogFormFooter, Field, Input, Textarea, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZCreateAttestation } from "../compliance.schemas";
import { fileSize, isoDay } from "../compliance-format";

export interface TAttestDialogProps {
  framework: string;
  controlId: string;
  controlTitle: string;
  /** The evidence a manual control needs, shown as the statement's hint. */
  evidence?: string;
  defaultOwner: string;
  maxFileBytes: number;
  maxFiles: number;
  /** Longest an attestation may last, in days. */
  maxDays: number;
  primary: boolean;
  /** Renewing: a current attestation exists and the new one supersedes it. */
  renew: boolean;
}

const ZFields = ZCreateAttestation.omit({ files: true });
const ACCEPT = ".pdf,.png,.txt,.md,.csv,.log,.json,.yaml,.yml,application/pdf,image/png,text/plain";

export function AttestDialog(p: TAttestDialogProps) {
  const router = useRouter();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [pending, start] = useTransition();
  const blank = () => ({ statement: "", owner: p.defaultOwner, reviewedAt: isoDay(0), expiresAt: isoDay(365), links: "" });
  const [form, setForm] = useState(blank);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof ReturnType<typeof blank>) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const id = (k: string) => `attest-${k}`;
  const verb = p.renew ? "Attest again" : "Attest this control";

  // The cluster table's "Attest…" links here with #attest: open the form straight away.
  useEffect(() => {
    if (window.location.hash === "#attest") dialog.current?.showModal();
  }, []);

  function pickFiles(e: React.ChangeEvent<HTMLInputElement>) {
    const picked = [...(e.target.files ?? [])];
    setFiles(picked);
    const big = picked.find((f) => f.size > p.maxFileBytes);
    setErrors(({ files: _drop, ...rest }) => ({
      ...rest,
      ...(picked.length > p.maxFiles ? { files: `At most ${p.maxFiles} files` } : big ? { files: `${big.name} is ${fileSize(big.size)}; each file may be at most ${fileSize(p.maxFileBytes)}` } : {}),
    }));
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = ZFields.safeParse({ framework: p.framework, controlId: p.controlId, ...form });
    const local = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
    if (form.expiresAt && form.expiresAt <= isoDay(0)) local.expiresAt ??= "The expiry must be after today";
    if (form.expiresAt > isoDay(p.maxDays)) local.expiresAt ??= `An attestation may last at most ${p.maxDays} days`;
    if (errors.files) local.files = errors.files;
    if (Object.keys(local).length > 0) return setErrors(local);
    setErrors({});
    const body = new FormData();
    body.set("controlId", p.controlId);
    body.set("statement", form.statement);
    body.set("owner", form.owner);
    body.set("reviewedAt", form.reviewedAt);
    body.set("expiresAt", form.expiresAt);
    body.set("links", form.links);
    for (const f of files) body.append("files", f, f.name);
    start(async () => {
      let res: Response;
      try {
        res = await fetch(`/api/compliance/${encodeURIComponent(p.framework)}/attestations`, { method: "POST", body });
      } catch {
        setErrors({ _: "The server could not be reached. Check the connection and try again." });
        return;
      }
      const answer = (await res.json().catch(() => ({}))) as { error?: string; code?: string; fieldErrors?: Record<string, string>; files?: unknown[] };
      if (!res.ok) {
        const fieldErrors = Object.fromEntries(Object.entries(answer.fieldErrors ?? {}).map(([k, v]) => [k.startsWith("files") ? "files" : k, v]));
        const message = answer.error ?? `The server answered ${res.status}`;
        // Size and content refusals are about the files: say so next to them.
        const aboutFiles = res.status === 413 || /file|PDF|PNG|text/i.test(message);
        setErrors({ ...fieldErrors, ...(aboutFiles && !fieldErrors.files ? { files: message } : { _: message }) });
        return;
      }
      dialog.current?.close();
      setForm(blank());
      setFiles([]);
      if (fileInput.current) fileInput.current.value = "";
      toast.show({ tone: "success", title: "Control attested", body: `${p.controlId} is attested until ${form.expiresAt}${files.length ? `, with ${files.length} evidence file${files.length === 1 ? "" : "s"}` : ""}.` });
      router.refresh();
    });
  }

  return (
    <>
      <Button variant={p.primary ? "primary" : "secondary"} size="sm" onClick={() => { setErrors({}); dialog.current?.showModal(); }}>
        <BadgeCheck className="size-3.5" aria-hidden />
        {verb}…
      </Button>
      <dialog ref={dialog} aria-labelledby="attest-title" className="m-auto max-h-[calc(100vh-2rem)] w-[min(38rem,calc(100vw-2rem))] overflow-y-auto rounded-xl p-0 shadow-xl backdrop:bg-zinc-900/40">
        <form className="space-y-4 p-5" onSubmit={submit} noValidate aria-label={verb}>
          <div>
            <h2 id="attest-title" className="text-base font-semibold text-zinc-900">{verb}</h2>
            <p className="mt-1 text-sm text-zinc-600">
              <span className="font-mono text-xs text-zinc-500">{p.controlId}</span> {p.controlTitle}.{" "}
              {p.renew ? "The attestation in force is kept in the history and replaced by this one." : "Auditors read the statement, the evidence files and their SHA-256 checksums in the reports."}
            </p>
          </div>

          <Field id={id("statement")} label="Statement" hint={p.evidence ? `What is in place and how it was checked. Evidence needed: ${p.evidence}` : "What is in place and how it was checked."} error={errors.statement}>
            <Textarea id={id("statement")} rows={4} value={form.statement} onChange={set("statement")} className="font-sans text-sm" {...describedBy(id("statement"), errors.statement, true)} />
          </Field>

          <div className="grid gap-4 sm:grid-cols-3">
            <Field id={id("owner")} label="Owner" hint="A person or a team" error={errors.owner} className="sm:col-span-3">
              <Input id={id("owner")} value={form.owner} onChange={set("owner")} autoComplete="off" {...describedBy(id("owner"), errors.owner, true)} />
            </Field>
            <Field id={id("reviewed")} label="Reviewed on" error={errors.reviewedAt}>
              <Input id={id("reviewed")} type="date" value={form.reviewedAt} max={isoDay(0)} onChange={set("reviewedAt")} {...describedBy(id("reviewed"), errors.reviewedAt)} />
            </Field>
            <Field id={id("expires")} label="Expires on" hint={`At most ${p.maxDays} days away`} error={errors.expiresAt} className="sm:col-span-2">
              <Input id={id("expires")} type="date" value={form.expiresAt} min={isoDay(1)} max={isoDay(p.maxDays)} onChange={set("expiresAt")} className="sm:w-48" {...describedBy(id("expires"), errors.expiresAt, true)} />
            </Field>
          </div>

          <Field id={id("links")} label={<>Links <span className="font-normal text-zinc-500">(optional)</span></>} hint="One https:// link per line: the policy, the ticket, the runbook." error={errors.links}>
            <Textarea id={id("links")} rows={2} value={form.links} onChange={set("links")} placeholder="https://wiki.example.com/policies/access-review" {...describedBy(id("links"), errors.links, true)} />
          </Field>

          <Field
            id={id("files")}
            label={<>Evidence files <span className="font-normal text-zinc-500">(optional)</span></>}
            hint={`PDF, PNG or plain text; up to ${p.maxFiles} files of at most ${fileSize(p.maxFileBytes)} each. Files are kept as evidence and only ever downloaded, never displayed.`}
            error={errors.files}
          >
            <input
              ref={fileInput}
              id={id("files")}
              type="file"
              multiple
              accept={ACCEPT}
              onChange={pickFiles}
              className="block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-200"
              {...describedBy(id("files"), errors.files, true)}
            />
            {files.length > 0 && (
              <ul className="mt-1.5 space-y-0.5 text-xs text-zinc-600" aria-label="Chosen files">
                {files.map((f) => (
                  <li key={`${f.name}-${f.size}`} className={f.size > p.maxFileBytes ? "text-red-700" : undefined}>{f.name} · {fileSize(f.size)}</li>
                ))}
              </ul>
            )}
          </Field>

          <DialogFormFooter error={errors._} pending={pending} submitLabel={p.renew ? "Attest again" : "Attest"} onCancel={() => dialog.current?.close()} />
        </form>
      </dialog>
    </>
  );
}
