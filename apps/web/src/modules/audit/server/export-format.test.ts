import { describe, expect, it } from "vitest";
import { auditCsvLine, auditJsonLine, csvCell, csvLine } from "./export-format";

describe("CSV cells", () => {
  it("leaves plain values alone", () => {
    expect(csvCell("cluster.create")).toBe("cluster.create");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes separators, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  it("defuses formulas a spreadsheet would run", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\",\"x\")")).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    // objects are JSON; a name inside is not at the start, so it stays as it is
    expect(csvCell({ name: "=x" })).toBe('"{""name"":""=x""}"');
  });

  it("ends lines with CRLF", () => {
    expect(csvLine(["a", "b,c"])).toBe('a,"b,c"\r\n');
  });

  it("writes an audit row as CSV and as one JSON line", () => {
    const row = { id: "a1", orgId: "o", createdAt: new Date("2026-01-02T03:04:05Z"), action: "cluster.create", actorId: "u1", actor: { email: "x@example.com", name: null }, targetType: "cluster", targetId: "c1", ip: "203.0.113.5", data: { name: "=cmd|' /C calc'!A0" } };
    const csv = auditCsvLine(row);
    expect(csv.startsWith("2026-01-02T03:04:05.000Z,cluster.create,Added a cluster,u1,x@example.com,203.0.113.5,cluster,c1,")).toBe(true);
    const json = auditJsonLine(row);
    expect(json.endsWith("\n")).toBe(true);
    expect(JSON.parse(json)).toMatchObject({ action: "cluster.create", actor: { id: "u1", email: "x@example.com" }, ip: "203.0.113.5", target: { type: "cluster", id: "c1" } });
  });
});
