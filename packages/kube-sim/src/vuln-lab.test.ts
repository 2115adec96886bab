// The vuln-lab scenario and the scanners' reports in the demo scenarios: each report is attached
// as its producer attaches it (labels and an owner reference to an existing workload), names the
// image that workload ran, and is served through the API like any custom resource.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarios, startKubeSim, VULN_LAB, type KubeObject, type KubeSim } from "./index";
import { call, tokenOf } from "./test-util";

type Report = KubeObject & { report: { artifact: { repository: string; tag: string; digest?: string }; registry: { server: string }; updateTimestamp: string; summary: Record<string, number>; vulnerabilities: Array<{ vulnerabilityID: string; severity: string; fixedVersion: string }> } };

const find = (objs: KubeObject[], kind: string, name: string, ns?: string) => objs.find((o) => o.kind === kind && o.metadata.name === name && (ns === undefined || o.metadata.namespace === ns));

/** The image a report's owner runs in the named container, as Trivy Operator would have scanned it. */
function imageOfOwner(objs: KubeObject[], r: KubeObject): string | undefined {
  const labels = r.metadata.labels ?? {};
  const owner = find(objs, labels["trivy-operator.resource.kind"]!, labels["trivy-operator.resource.name"]!, labels["trivy-operator.resource.namespace"]);
  const spec = (owner?.spec as any)?.template?.spec ?? (owner?.spec as any)?.jobTemplate?.spec?.template?.spec ?? owner?.spec;
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].find((c: any) => c.name === labels["trivy-operator.container.name"])?.image;
}

function repositoryOf(image: string): string {
  const name = image.split("@")[0]!.replace(/:[^/:]+$/, "");
  const first = name.split("/")[0]!;
  if (name.includes("/") && (first.includes(".") || first.includes(":"))) return name.slice(first.length + 1);
  return name.includes("/") ? name : `library/${name}`;
}

describe("vulnerability reports in scenarios", () => {
  for (const name of ["vuln-lab", "payments-prod", "shop-staging", "legacy-onprem"]) {
    it(`${name}: every report belongs to a workload that runs the image it names`, () => {
      const { objects } = scenarios[name]!();
      const reports = objects.filter((o): o is Report => o.kind === "VulnerabilityReport");
      expect(reports.length, name).toBeGreaterThan(0);
      expect(find(objects, "CustomResourceDefinition", "vulnerabilityreports.aquasecurity.github.io")).toBeDefined();
      const byUid = new Map(objects.map((o) => [o.metadata.uid, o]));
      for (const r of reports) {
        const ref = r.metadata.ownerReferences?.[0];
        const owner = ref ? byUid.get(ref.uid) : undefined;
        expect(owner, `${name} ${r.metadata.name}`).toBeDefined();
        expect(r.metadata.labels?.["trivy-operator.resource.kind"]).toBe(owner!.kind);
        expect(r.metadata.labels?.["trivy-operator.resource.name"]).toBe(owner!.metadata.name);
        expect(r.metadata.namespace).toBe(owner!.metadata.namespace);
        const image = imageOfOwner(objects, r);
        expect(image, `${name} ${r.metadata.name}`).toBeDefined();
        expect(r.report.artifact.repository, `${name} ${r.metadata.name}`).toBe(repositoryOf(image!));
        expect(r.report.summary.criticalCount).toBe(r.report.vulnerabilities.filter((v) => v.severity === "CRITICAL").length);
      }
    });
  }

  it("payments-prod (hardened) has no critical CVE, and no high one with a fix", () => {
    const reports = scenarios["payments-prod"]!().objects.filter((o): o is Report => o.kind === "VulnerabilityReport");
    const vulns = reports.flatMap((r) => r.report.vulnerabilities);
    expect(vulns.filter((v) => v.severity === "CRITICAL")).toEqual([]);
    expect(vulns.filter((v) => v.severity === "HIGH" && v.fixedVersion)).toEqual([]);
  });

  it("shop-staging has high fixable CVEs and legacy-onprem critical fixable ones", () => {
    const fixable = (name: string, sev: string) =>
      scenarios[name]!().objects.filter((o): o is Report => o.kind === "VulnerabilityReport").flatMap((r) => r.report.vulnerabilities.filter((v) => v.severity === sev && v.fixedVersion));
    expect(fixable("shop-staging", "HIGH").length).toBeGreaterThan(0);
    expect(fixable("shop-staging", "CRITICAL")).toEqual([]);
    expect(fixable("legacy-onprem", "CRITICAL").map((v) => v.vulnerabilityID)).toEqual(expect.arrayContaining(["CVE-2022-22965", "CVE-2021-44228", "CVE-2024-23897"]));
  });

  it("vuln-lab holds each case as VULN_LAB states it", () => {
    const { objects } = scenarios["vuln-lab"]!();
    const reportsOf = (ns: string, deployment: string) => {
      const dep = find(objects, "Deployment", deployment, ns)!;
      const rsUids = new Set(objects.filter((o) => o.kind === "ReplicaSet" && o.metadata.ownerReferences?.some((r) => r.uid === dep.metadata.uid)).map((o) => o.metadata.uid));
      return objects.filter((o): o is Report => o.kind === "VulnerabilityReport" && o.metadata.ownerReferences!.some((r) => rsUids.has(r.uid)));
    };
    // exposed: privileged, LoadBalancer, pods whose imageID carries the digest the report names
    const web = find(objects, "Deployment", VULN_LAB.exposed.deployment, VULN_LAB.exposed.namespace)!;
    expect((web.spec as any).template.spec.containers[0].securityContext.privileged).toBe(true);
    expect((find(objects, "Service", VULN_LAB.exposed.service, VULN_LAB.exposed.namespace)!.spec as any).type).toBe("LoadBalancer");
    const [webReport] = reportsOf(VULN_LAB.exposed.namespace, VULN_LAB.exposed.deployment);
    expect(webReport!.report.vulnerabilities.find((v) => v.vulnerabilityID === VULN_LAB.exposed.cve)).toMatchObject({ severity: "CRITICAL", fixedVersion: "1.21.1-1~buster" });
    const webPods = objects.filter((o) => o.kind === "Pod" && o.metadata.namespace === VULN_LAB.exposed.namespace && o.metadata.name!.startsWith(`${VULN_LAB.exposed.deployment}-`));
    expect(webPods.length).toBe(2);
    for (const p of webPods) expect((p.status as any).containerStatuses[0].imageID).toBe(`nginx@${webReport!.report.artifact.digest}`);
    // rolled out: the only report is the old ReplicaSet's, for the old image
    const old = reportsOf(VULN_LAB.rolledOut.namespace, VULN_LAB.rolledOut.deployment);
    expect(old).toHaveLength(1);
    expect(old[0]!.report.artifact.tag).toBe(VULN_LAB.rolledOut.oldImage.split(":").pop());
    expect((find(objects, "Deployment", VULN_LAB.rolledOut.deployment, VULN_LAB.rolledOut.namespace)!.spec as any).template.spec.containers[0].image).toBe(VULN_LAB.rolledOut.image);
    // stale: scanned 12 days before the scenario's day
    const [stale] = reportsOf(VULN_LAB.stale.namespace, VULN_LAB.stale.deployment);
    const age = (Date.now() - Date.parse(stale!.report.updateTimestamp)) / 86_400_000;
    expect(age).toBeGreaterThan(VULN_LAB.stale.days);
    expect(age).toBeLessThan(VULN_LAB.stale.days + 1.1);
    // policy report: the adapter's result names the CVE with its fixed version
    const polr = objects.find((o) => o.kind === "PolicyReport" && (o as any).results?.some((r: any) => r.policy === VULN_LAB.policyReport.cve));
    expect((polr as any).results.find((r: any) => r.policy === VULN_LAB.policyReport.cve)).toMatchObject({ result: "fail", severity: "high", properties: { fixedVersion: "6.10.3, 6.9.7, 6.8.3" } });
    expect(reportsOf(VULN_LAB.policyReport.namespace, VULN_LAB.policyReport.deployment)).toEqual([]);
  });

  describe("served through the API", () => {
    let sim: KubeSim;
    let token: string;
    beforeAll(async () => {
      const s = scenarios["vuln-lab"]!();
      sim = await startKubeSim({ objects: s.objects, version: s.version });
      token = tokenOf(sim, "admin");
    }, 60_000);
    afterAll(async () => {
      await sim?.close();
    });

    it("lists VulnerabilityReports and PolicyReports in their groups, and discovery advertises them", async () => {
      const groups = await call(sim, "/apis", { token });
      const names = (groups.json.groups as Array<{ name: string }>).map((g) => g.name);
      expect(names).toEqual(expect.arrayContaining(["aquasecurity.github.io", "wgpolicyk8s.io"]));
      const list = await call(sim, `/apis/aquasecurity.github.io/v1alpha1/namespaces/${VULN_LAB.exposed.namespace}/vulnerabilityreports`, { token });
      expect(list.status).toBe(200);
      const items = list.json.items as Report[];
      expect(items.some((r) => r.report.vulnerabilities.some((v) => v.vulnerabilityID === VULN_LAB.exposed.cve))).toBe(true);
      const polr = await call(sim, "/apis/wgpolicyk8s.io/v1alpha2/policyreports", { token });
      expect(polr.status).toBe(200);
      expect((polr.json.items as unknown[]).length).toBeGreaterThan(0);
    });
  });
});
