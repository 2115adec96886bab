// Layout primitives of Bulwark's printed documents (compliance reports, access reviews): A4 pages
// drawn with pdfkit's built-in Helvetica, one look for every PDF an auditor receives.

export type TPdfDoc = PDFKit.PDFDocument;

export const PDF_MARGINS = { top: 64, bottom: 60, left: 50, right: 50 };
export const PDF_INK = "#18181b";
export const PDF_MUTED = "#52525b";
export const PDF_RULE = "#d4d4d8";

export interface TPdfColumn {
  header: string;
  width: number;
}
export type TPdfCell = string | { text: string; color?: string; bold?: boolean; size?: number };

/** Keeps text inside WinAnsi (what the standard fonts can draw); anything else becomes "?". */
export function pdfText(s: string | number | null | undefined): string {
  if (s == null) return "";
  return String(s).replace(/[^\t\n\r\x20-\x7e\xa0-\xff\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g, "?");
}

export const pdfBottom = (doc: TPdfDoc) => doc.page.height - PDF_MARGINS.bottom;
export const pdfWidth = (doc: TPdfDoc) => doc.page.width - PDF_MARGINS.left - PDF_MARGINS.right;

/** A new page when `h` points do not fit above the bottom margin. */
export function pdfEnsure(doc: TPdfDoc, h: number) {
  if (doc.y + h > pdfBottom(doc)) doc.addPage();
}

export function pdfHeading(doc: TPdfDoc, text: string, size = 16) {
  pdfEnsure(doc, size * 3);
  doc.moveDown(0.4).font("Helvetica-Bold").fontSize(size).fillColor(PDF_INK).text(pdfText(text), PDF_MARGINS.left, doc.y, { width: pdfWidth(doc) });
  doc.moveDown(0.3);
}

/** "Label: value" with the label bold, wrapping under the value. */
export function pdfField(doc: TPdfDoc, label: string, value: string, opts: { x?: number; width?: number; size?: number } = {}) {
  const x = opts.x ?? PDF_MARGINS.left;
  const w = opts.width ?? doc.page.width - x - PDF_MARGINS.right;
  const size = opts.size ?? 9;
  doc.font("Helvetica").fontSize(size);
  pdfEnsure(doc, Math.min(doc.heightOfString(pdfText(`${label}: ${value}`), { width: w }), 200));
  doc.font("Helvetica-Bold").fillColor(PDF_INK).text(pdfText(`${label}: `), x, doc.y, { width: w, continued: true });
  doc.font("Helvetica").text(pdfText(value));
}

/** A cell as its object form. */
export const pdfCell = (c: TPdfCell) => (typeof c === "string" ? { text: c } : c);

/** A table whose rows never split; the header row is repeated on every page it spans. */
export function pdfTable(doc: TPdfDoc, cols: TPdfColumn[], rows: TPdfCell[][], size = 8) {
  const pad = 3;
  const { left } = PDF_MARGINS;
  const drawHeader = () => {
    doc.font("Helvetica-Bold").fontSize(size);
    const h = Math.max(...cols.map((c) => doc.heightOfString(pdfText(c.header), { width: c.width - 2 * pad }))) + 2 * pad;
    const y = doc.y;
    doc.rect(left, y, cols.reduce((a, c) => a + c.width, 0), h).fill("#f4f4f5");
    let x = left;
    for (const c of cols) {
      doc.fillColor(PDF_INK).text(pdfText(c.header), x + pad, y + pad, { width: c.width - 2 * pad });
      x += c.width;
    }
    doc.y = y + h;
  };
  pdfEnsure(doc, 40);
  drawHeader();
  for (const row of rows) {
    const cells = row.map(pdfCell);
    const h =
      Math.max(
        ...cells.map((c, i) => {
          doc.font(c.bold ? "Helvetica-Bold" : "Helvetica").fontSize(c.size ?? size);
          return doc.heightOfString(pdfText(c.text) || " ", { width: cols[i]!.width - 2 * pad });
        }),
      ) + 2 * pad;
    if (doc.y + h > pdfBottom(doc)) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.font(c.bold ? "Helvetica-Bold" : "Helvetica").fontSize(c.size ?? size).fillColor(c.color ?? PDF_INK);
      doc.text(pdfText(c.text), x + pad, y + pad, { width: cols[i]!.width - 2 * pad });
      x += cols[i]!.width;
    });
    doc.moveTo(left, y + h).lineTo(x, y + h).lineWidth(0.5).strokeColor(PDF_RULE).stroke();
    doc.y = y + h;
  }
  doc.x = left;
  doc.moveDown(0.6);
}
