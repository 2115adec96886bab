import { describe, expect, it } from "vitest";
import { combineStatus } from "./build-report";
import { csvCell } from "./render-csv";
import { pdfText } from "./render-pdf";

describe("combineStatus (a control over several clusters)", () => {
  it("passes only when every cluster passed", () => {
    expect(combineStatus(["passed", "passed"])).toBe("passed");
    expect(combineStatus(["passed", "not-evaluated"])).toBe("not-evaluated");
    expect(combineStatus(["passed", "manual"])).toBe("manual");
    expect(combineStatus(["not-evaluated", "failed"])).toBe("failed");
    expect(combineStatus([])).toBe("not-evaluated");
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
  it("keeps WinAnsi text and replaces what the standard fonts cannot draw", () => {
    expect(pdfText("Größe · 164.312(a)(1)")).toBe("Größe · 164.312(a)(1)");
    expect(pdfText("“quoted” – dash…")).toBe('"quoted" - dash...');
    expect(pdfText("名前")).toBe("??");
  });
});
