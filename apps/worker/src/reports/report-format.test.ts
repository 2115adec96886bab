import { describe, expect, it } from "vitest";
import { combineStatus, statusLabel } from "./build-report";
import { ByteSink } from "./byte-sink";
import { csvCell } from "./render-csv";
import { renderJson } from "./render-json";
import { pdfText } from "./render-pdf";
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

describe("renderJson and ByteSink", () => {
  it("writes valid JSON with one line per control and per finding, across many chunks", () => {
    const findings = Array.from({ length: 30_000 }, (_, i) => ({ id: `F${i + 1}`, note: "é".repeat(40) }));
    const doc = { $schema: "x", nested: { a: [1, 2] }, controls: [{ id: "c1", evidence: [{ findings: ["F1", "F2"] }] }], findings, empty: [] } as unknown as TReportData;
    const text = Buffer.from(renderJson(doc)).toString("utf8");
    expect(JSON.parse(text)).toEqual(doc);
    const lines = text.split("\n");
    expect(lines.filter((l) => l.startsWith('    {"id":"F')).length).toBe(30_000);
    expect(lines).toContain('    {"id":"c1","evidence":[{"findings":["F1","F2"]}]}');
  });
  it("joins multi-byte text split across its buffers intact", () => {
    const sink = new ByteSink();
    const parts = Array.from({ length: 5000 }, (_, i) => `€${i}ü`.repeat(50));
    for (const p of parts) sink.write(p);
    expect(Buffer.from(sink.bytes()).toString("utf8")).toBe(parts.join(""));
  });
});
