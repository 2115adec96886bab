// Settings › Report signing: the organization's Ed25519 public key and its id, and how an auditor
// checks a downloaded report against its detached signature (bulwark verify-report, or openssl).
import { Download } from "lucide-react";
import { buttonClass } from "@/modules/ui/components/button";
import { Section } from "@/modules/ui/components/layout";
import { CopyText } from "./copy-text";

const code = "block overflow-x-auto whitespace-pre rounded-md bg-zinc-900 px-3 py-2.5 font-mono text-xs leading-5 text-zinc-100";

export function SigningKey({ keyId, publicKeyPem }: { keyId: string; publicKeyPem: string }) {
  const pem = `bulwark-report-signing-key-${keyId}.pem`;
  return (
    <>
      <Section
        title="Public key"
        id="public-key"
        description="Ed25519, SPKI PEM. The private key never leaves Bulwark: it is stored encrypted with the server's key, like cluster credentials."
        actions={<a href="/api/reports/signing-key" download={pem} className={buttonClass("secondary", "sm")}><Download className="size-3.5" aria-hidden />Download .pem</a>}
      >
        <dl className="mb-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-xs text-zinc-500 sm:pt-0.5">Key id</dt>
          <dd className="font-mono text-sm text-zinc-900" id="signing-key-id">{keyId}</dd>
          <dt className="text-xs text-zinc-500 sm:pt-0.5">Algorithm</dt>
          <dd className="text-sm text-zinc-900">Ed25519 (detached signature over each file&apos;s exact bytes)</dd>
        </dl>
        <pre className={code} aria-label="Public key (PEM)" id="signing-public-key" tabIndex={0}>{publicKeyPem.trim()}</pre>
        <div className="mt-2"><CopyText text={publicKeyPem} label="Copy public key" /></div>
      </Section>
      <Section title="How to verify a report" id="verify" description="Give the auditor the report file, its .sig and this public key; any change to the file, even one byte, fails the check.">
        <ol className="list-decimal space-y-3 pl-5 text-sm text-zinc-800">
          <li>On Reports, download the file (PDF, CSV or JSON) and its signature (the .sig beside it). Each report also prints this key id.</li>
          <li>
            With the Bulwark CLI: it prints <span className="font-mono text-xs">signature valid</span> and exits 0, or <span className="font-mono text-xs">signature INVALID</span> and exits 1.
            <code className={`${code} mt-1.5`} tabIndex={0}>{`bulwark verify-report report.pdf report.pdf.sig --public-key ${pem}`}</code>
          </li>
          <li>
            Or with OpenSSL 3 (the .sig is base64):
            <code className={`${code} mt-1.5`} tabIndex={0}>{`base64 -d report.pdf.sig > report.pdf.sig.bin\nopenssl pkeyutl -verify -pubin -inkey ${pem} -rawin -in report.pdf -sigfile report.pdf.sig.bin`}</code>
          </li>
        </ol>
        <p className="mt-3 text-xs text-zinc-500">
          More in docs/reports.md of the Bulwark distribution. Scripts fetch the key from <a className="text-indigo-700 underline underline-offset-2" href="/api/reports/signing-key">GET /api/reports/signing-key</a> (see the <a className="text-indigo-700 underline underline-offset-2" href="/api/openapi.json">API description</a>).
        </p>
      </Section>
    </>
  );
}
