"use client";
// "Import scan results" (members and up): one Trivy, Grype or CycloneDX JSON file and, when the
// file does not name its image by digest, the image reference. Sent to POST /api/images/import as a
// multipart upload (the route CI uses too); a refused file shows the server's reason as it is.
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Upload } from "lucide-react";
import type { VulnCounts } from "@bulwark/rules";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";

interface TImported {
  format: string;
  image: { registry: string; repository: string; tag?: string; digest?: string };
  counts: VulnCounts;
  vulnCount: number;
  duplicate: boolean;
  matches: { workloads: number; clusters: number; by: "digest" | "tag" | "none" };
}

const FORMAT_LABEL: Record<string, string> = { trivy: "Trivy JSON", grype: "Grype JSON", cyclonedx: "CycloneDX" };

function matchText(m: TImported["matches"]): string {
  if (m.by === "none" || m.workloads === 0) return "No running workload uses this image yet: its CVEs attach when one does.";
  const where = `${m.workloads} ${m.workloads === 1 ? "workload" : "workloads"} in ${m.clusters} ${m.clusters === 1 ? "cluster" : "clusters"}`;
  return m.by === "digest" ? `Matches ${where} by digest. Their findings show it on the next scan.` : `Matches ${where} by repository and tag only (lower confidence: the tag may have moved). Their findings show it on the next scan.`;
}

export function ImportDialog({ primary = false }: { primary?: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [pending, start] = useTransition();
  const [image, setImage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [done, setDone] = useState<TImported | null>(null);

  function open() {
    setImage("");
    setError(null);
    setFileError(undefined);
    setDone(null);
    if (fileRef.current) fileRef.current.value = "";
    dialog.current?.showModal();
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setFileError("Choose the JSON file your scanner wrote");
    setFileError(undefined);
    setError(null);
    const body = new FormData();
    body.set("file", file);
    if (image.trim()) body.set("image", image.trim());
    start(async () => {
      try {
        const res = await fetch("/api/images/import", { method: "POST", body });
        const json = (await res.json().catch(() => ({}))) as Partial<TImported> & { error?: string; fieldErrors?: Record<string, string> };
        if (!res.ok) {
          const field = json.fieldErrors ? Object.values(json.fieldErrors)[0] : undefined;
          return setError(`${json.error ?? `The server answered ${res.status}`}${field && field !== json.error ? `: ${field}` : ""}`);
        }
        setDone(json as TImported);
        toast.show({ tone: "success", title: json.duplicate ? "Already imported" : "Scan results imported", body: `${json.vulnCount ?? 0} vulnerabilities` });
        router.refresh();
      } catch {
        setError("The upload did not reach the server. Check your connection and try again.");
      }
    });
  }

  const name = done ? `${done.image.registry}/${done.image.repository}${done.image.tag ? `:${done.image.tag}` : ""}` : "";
  return (
    <>
      <Button variant={primary ? "primary" : "secondary"} size="sm" onClick={open}>
        <Upload className="size-3.5" aria-hidden />
        Import scan results
      </Button>
      <dialog ref={dialog} aria-labelledby="import-title" className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-xl p-0 text-left shadow-xl backdrop:bg-zinc-900/40">
        <form className="space-y-4 p-5" onSubmit={submit} noValidate aria-label="Import scan results">
          <div>
            <h2 id="import-title" className="text-base font-semibold text-zinc-900">Import scan results</h2>
            <p className="mt-1 text-sm text-zinc-600">
              A Trivy JSON (<code className="font-mono text-xs">trivy image -f json</code>), Grype JSON (<code className="font-mono text-xs">grype -o json</code>) or CycloneDX SBOM/VEX file, up to 32 MiB. It is read as data only.
            </p>
          </div>
          <Field id="import-file" label="File" error={fileError}>
            <input
              ref={fileRef}
              id="import-file"
              name="file"
              type="file"
              accept=".json,application/json"
              onChange={() => {
                setDone(null);
                setError(null);
              }}
              className="block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-200"
              {...describedBy("import-file", fileError)}
            />
          </Field>
          <Field id="import-image" label="Image (optional)" hint="Needed when the file does not name its image, or names it by tag only: e.g. ghcr.io/acme/api@sha256:… pins it to a digest.">
            <Input id="import-image" name="image" value={image} maxLength={512} placeholder="ghcr.io/acme/api:2.3.0" onChange={(e) => setImage(e.target.value)} {...describedBy("import-image", undefined, true)} />
          </Field>
          {error && (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-900">
              <div className="font-medium">Not imported</div>
              <div className="mt-0.5 break-words">{error}</div>
            </div>
          )}
          {done && (
            <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2.5 text-sm text-green-900">
              <div className="font-medium">{done.duplicate ? "Already imported" : "Imported"}: {FORMAT_LABEL[done.format] ?? done.format}, {done.vulnCount} vulnerabilities</div>
              <div className="mt-0.5 break-all font-mono text-xs">{name}{done.image.digest ? `@${done.image.digest.slice(0, 19)}…` : ""}</div>
              <div className="mt-1">
                {done.counts.critical.total} critical ({done.counts.critical.fixable} fixable), {done.counts.high.total} high ({done.counts.high.fixable} fixable). {matchText(done.matches)}
              </div>
            </div>
          )}
          <div className="flex justify-end gap-2">
            <Button onClick={() => dialog.current?.close()}>{done ? "Close" : "Cancel"}</Button>
            <Button type="submit" variant="primary" disabled={pending}>{pending ? "Importing…" : "Import"}</Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
