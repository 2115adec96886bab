import { requirePageContext } from "@/modules/auth/server/session";
import { ScanYamlForm } from "@/modules/scan-yaml/components/scan-yaml-form";
import { PageHeader } from "@/modules/ui/components/layout";

export const metadata = { title: "Scan YAML" };

export default async function ScanYamlPage() {
  await requirePageContext();
  return (
    <>
      <PageHeader
        title="Scan YAML"
        description="Check manifests before they reach a cluster, with the same rules as cluster scans. Nothing is stored; for CI use the bulwark CLI."
      />
      <ScanYamlForm />
    </>
  );
}
