// The JSON file: the document of build-report (schema ZReportDocument, GET /api/reports/schema),
// indented at the top level, with each control and each finding on one line of its own, so a
// report of 100,000 findings stays readable with a pager and compact enough to store and sign.
import type { TSink } from "./byte-sink";
import type { TReportData } from "./build-report";

const indent = (s: string, pad: string) => s.replace(/\n/g, `\n${pad}`);

export function renderJson(r: TReportData, out: TSink): void {
  const keys = Object.keys(r) as Array<keyof TReportData>;
  out.write("{\n");
  keys.forEach((k, i) => {
    out.write(`  ${JSON.stringify(k)}: `);
    const v = r[k];
    if ((k === "controls" || k === "findings") && Array.isArray(v)) {
      if (v.length === 0) out.write("[]");
      else {
        out.write("[\n");
        v.forEach((item, j) => out.write(`    ${JSON.stringify(item)}${j < v.length - 1 ? "," : ""}\n`));
        out.write("  ]");
      }
    } else out.write(indent(JSON.stringify(v, null, 2), "  "));
    out.write(i < keys.length - 1 ? ",\n" : "\n");
  });
  out.write("}\n");
}
