import { requirePageContext } from "@/modules/auth/server/session";
import { SigningKey } from "@/modules/reports/components/signing-key";
import { reportSigningKeyOp } from "@/modules/reports/server/files";
import { Callout, PageHeader } from "@/modules/ui/components/layout";

export const metadata = { title: "Report signing" };
export const dynamic = "force-dynamic";

export default async function ReportSigningPage() {
  await requirePageContext();
  // The same operation as GET /api/reports/signing-key: the key is created on first use.
  const key = await reportSigningKeyOp({});
  return (
    <>
      <PageHeader title="Report signing" description="Every report file Bulwark generates carries a SHA-256 checksum and a detached Ed25519 signature made with this organization's key, so an auditor can check that a report is the one Bulwark produced, unchanged." />
      <div className="space-y-6">
        {key.ok ? <SigningKey keyId={key.data.keyId} publicKeyPem={key.data.publicKeyPem} /> : <Callout tone="error" title="The signing key could not be read">{key.error}</Callout>}
      </div>
    </>
  );
}
