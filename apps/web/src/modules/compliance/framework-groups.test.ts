// The Compliance page's framework list: every registered framework once, in a named group, laws
// first; chips that tell the CIS profiles apart.
import { frameworks } from "@bulwark/rules";
import { describe, expect, it } from "vitest";
import { frameworkLabel, groupFrameworks } from "./framework-groups";

describe("groupFrameworks", () => {
  it("lists every framework exactly once, regulations first, nothing under Other", () => {
    const groups = groupFrameworks();
    const ids = groups.flatMap((g) => g.frameworks.map((f) => f.id));
    expect([...ids].sort()).toEqual(frameworks.map((f) => f.id).sort());
    expect(groups[0]!.label).toBe("Regulations");
    expect(groups[0]!.frameworks.map((f) => f.id)).toEqual(["hipaa", "gdpr"]);
    expect(groups.map((g) => g.label)).not.toContain("Other");
    expect(groups.find((g) => g.label === "Security frameworks")!.frameworks.map((f) => f.id)).toEqual(expect.arrayContaining(["soc2", "nist-800-53", "iso-27001"]));
  });

  it("puts a framework of an unknown kind under Other instead of dropping it", () => {
    const groups = groupFrameworks([{ id: "pci-dss-4", name: "PCI DSS", version: "4.0" }, { id: "hipaa", name: "HIPAA", version: "x" }]);
    expect(groups.map((g) => [g.label, g.frameworks.map((f) => f.id)])).toEqual([["Regulations", ["hipaa"]], ["Other", ["pci-dss-4"]]]);
  });
});

describe("frameworkLabel", () => {
  it("tells every framework's chip apart, CIS profiles by platform and version", () => {
    const labels = frameworks.map(frameworkLabel);
    expect(new Set(labels).size).toBe(labels.length);
    expect(frameworkLabel({ name: "CIS Amazon Elastic Kubernetes Service (EKS) Benchmark", version: "1.8.0" })).toBe("CIS EKS 1.8.0");
    expect(frameworkLabel({ name: "CIS Kubernetes Benchmark", version: "1.10" })).toBe("CIS Kubernetes 1.10");
    expect(frameworkLabel({ name: "GDPR", version: "2016/679" })).toBe("GDPR");
  });
});
