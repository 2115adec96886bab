import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { combineStatus, statusLabel } from "./build-report";
import { FileBuffer, renderToBytes } from "./byte-sink";
import { csvCell } from "./render-csv";
import { renderJson } from "./render-json";
import { pdfText, renderPdf } from "./render-pdf";
import type { TReportData } from "./build-report";

describe("combineStatus (a control over several clusters)", () => {
  it("passes only when every cluster passed; failed, then not evaluated, then pending win", () => {
    expect(combineStatus(["passed", "passed"])).toBe("passed");
    expect(combineStatus(["passed", "not-evaluated"])).toBe("not-evaluated");
    expect(combineStatus(["passed", "attested"])).toBe("attested");
    expect(combineStatus(["attested", "pending"])).toBe("pending");
    expect(combineStatus(["pending", "not-evaluated"])).toBe("not-evaluated");
    expect(combineStatus(["not-evaluated", "failed", "attested"])).toBe("failed");
    expect(combineStatus(["not-applicable", "not-applicable"])).toBe("not-applicable");
    expect(combineStatus(["not-applicable", "failed"])).toBe("failed");
    expect(combineStatus([])).toBe("not-evaluated");
  });
  it("labels an attested control with who and until when", () => {
    expect(statusLabel("attested", { attestedByName: "Ana <ana@example.com>", expiresAt: new Date("2027-01-31T12:00:00Z") })).toBe("Manual – attested by Ana <ana@example.com> until 2027-01-31");
    expect(statusLabel("pending")).toBe("Manual – pending");
    expect(statusLabel("not-evaluated")).toBe("Not evaluated");
  });
});

describe("csvCell", () => {
  it("quotes separators, quotes and newlines", () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(3)).toBe("3");
  });
  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("--anonymous-auth=true")).toBe("'--anonymous-auth=true");
  });
});

describe("pdfText", () => {
  it("keeps what the standard fonts can draw (WinAnsi) and replaces the rest", () => {
    expect(pdfText("Größe · 164.312(a)(1)")).toBe("Größe · 164.312(a)(1)");
    expect(pdfText("“quoted” – dash… • €")).toBe("“quoted” – dash… • €");
    expect(pdfText("名前 → ✓")).toBe("?? ? ?");
  });
});

describe("renderJson and FileBuffer", () => {
  it("writes valid JSON with one line per control and per finding, across many chunks", () => {
    const findings = Array.from({ length: 30_000 }, (_, i) => ({ id: `F${i + 1}`, note: "é".repeat(40) }));
    const doc = { $schema: "x", nested: { a: [1, 2] }, controls: [{ id: "c1", evidence: [{ findings: ["F1", "F2"] }] }], findings, empty: [] } as unknown as TReportData;
    const text = Buffer.from(renderToBytes((out) => renderJson(doc, out))).toString("utf8");
    expect(JSON.parse(text)).toEqual(doc);
    const lines = text.split("\n");
    expect(lines.filter((l) => l.startsWith('    {"id":"F')).length).toBe(30_000);
    expect(lines).toContain('    {"id":"c1","evidence":[{"findings":["F1","F2"]}]}');
  });
  it("writes multi-byte text exactly, reusing one buffer for the next file that fits", () => {
    const file = new FileBuffer();
    const parts = Array.from({ length: 5000 }, (_, i) => `€${i}ü`.repeat(50));
    const big = file.render((out) => parts.forEach((p) => out.write(p)));
    expect(Buffer.from(big).toString("utf8")).toBe(parts.join(""));
    const small = file.render((out) => out.write("ß,€\r\n"));
    expect(Buffer.from(small).toString("utf8")).toBe("ß,€\r\n");
    expect(small.buffer).toBe(big.buffer);
    // A renderer that writes something else the second time is refused, not stored cut short.
    let n = 0;
    expect(() => file.render((out) => out.write(n++ ? "longer" : "short"))).toThrow(/wrote 6 bytes after counting 5/);
  });
});

/** A report document with one control whose one rule has `n` failing objects (the appendix case). */
function syntheticReport(n: number): TReportData {
  const findings = Array.from({ length: n }, (_, i) => ({
    id: `F${i + 1}`,
    clusterId: "c1",
    cluster: i % 2 ? "payments-prod" : "analytics",
    ruleId: "privileged-container",
    checks: ["privileged-container"],
    severity: "critical" as const,
    state: "open" as const,
    status: "open" as const,
    object: { apiVersion: "apps/v1", kind: "Deployment", namespace: `team-${i % 7}`, name: `service-with-a-long-name-${i}` },
    path: `spec.template.spec.containers[${i % 3}].securityContext.privileged`,
    observed: i % 5 ? "true" : "x".repeat(120),
    message: "Container runs privileged.",
    remediation: "Remove securityContext.privileged.",
    firstSeenAt: "2026-12-01T00:00:00.000Z",
    resolvedAt: null,
    exception: null,
    expected: null,
  }));
  const counts = { passed: 0, failed: 1, notEvaluated: 0, notApplicable: 0, attested: 0, pending: 0 };
  return {
    $schema: "bulwark-report/v2",
    reportId: "r1",
    generatedAt: "2026-12-07T12:00:00.000Z",
    bulwarkVersion: "0.1.0",
    rulesVersion: "test",
    organization: { id: "o1", name: "Acme Health" },
    framework: { id: "hipaa", name: "HIPAA Security Rule", version: "v", description: "d", disclaimer: null },
    scope: { source: "chosen-clusters", asOf: null, clusters: [{ id: "c1", name: "payments-prod", server: "https://x", kubeVersion: null, namespaces: [] }] },
    period: { from: "2026-12-07T11:00:00.000Z", to: "2026-12-07T11:00:00.000Z" },
    signing: { algorithm: "Ed25519", keyId: "0123456789abcdef" },
    summary: { controls: { ...counts, total: 1 }, perCluster: [{ clusterId: "c1", cluster: "payments-prod", controls: counts }], findings: { open: { critical: n, high: 0, medium: 0, low: 0, info: 0 }, excepted: 0, expected: 0 }, previous: null },
    controls: [
      {
        id: "164.312(a)(1)", title: "Access control", description: "d", rationale: "Why this control needs these rules, at some length for the reader.", status: "failed", statusLabel: "Failed",
        reason: "failed on 1 of 1 cluster", kind: "automated", manualEvidence: null, attestation: null,
        rules: [{ id: "privileged-container", title: "Container runs privileged", severity: "critical", remediation: "r" }],
        clusters: [{ clusterId: "c1", cluster: "payments-prod", status: "failed", reason: "failed", rules: [{ id: "privileged-container", status: "failed", findings: n, reason: null }] }],
        evidence: [{ ruleId: "privileged-container", open: n, excepted: 0, expected: 0, findings: findings.map((f) => f.id) }],
      },
    ],
    findings,
    exceptions: [],
    settings: { severityOverrides: {}, disabledRules: [], params: {}, customRules: [], sla: {} },
    scans: [{ clusterId: "c1", cluster: "payments-prod", scanId: "s1", status: "succeeded", startedAt: null, finishedAt: "2026-12-07T11:00:00.000Z", rulesVersion: "test", kubeVersion: null, objectCount: 10 }],
  };
}

describe("renderPdf with a long evidence appendix", () => {
  it("lists every object, numbers every page of the total its layout pass counted, and yields to the event loop while drawing", async () => {
    const n = 1500;
    let turns = 0;
    let rendering = true;
    const spin = () => {
      turns++;
      if (rendering) setImmediate(spin);
    };
    setImmediate(spin);
    const bytes = await renderPdf(syntheticReport(n));
    rendering = false;
    // Both passes (layout, then drawing) give the event loop a turn every 250 rows at least.
    expect(turns).toBeGreaterThanOrEqual((2 * n) / 250);
    const dir = mkdtempSync(path.join(tmpdir(), "bulwark-pdf-"));
    try {
      writeFileSync(path.join(dir, "r.pdf"), bytes);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [path.join(dir, "r.pdf")], { encoding: "utf8" }))![1]);
      const text = execFileSync("pdftotext", ["-raw", path.join(dir, "r.pdf"), "-"], { encoding: "utf8" });
      expect(pages).toBeGreaterThan(20);
      for (let p = 2; p <= pages; p++) expect(text, `page ${p}`).toContain(`Page ${p} of ${pages}`);
      expect(text).toContain("all listed in Appendix B.1.");
      const refs = new Set([...text.matchAll(/^F(\d+) /gm)].map((m) => Number(m[1])));
      expect(refs.size).toBe(n);
      expect(text.replace(/\s+/g, "")).toContain("payments-prod:Deploymentteam-1/service-with-a-long-name-1499");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
