// Imported vulnerability documents: Trivy JSON, Grype JSON and CycloneDX SBOM/VEX, detected,
// validated and normalized to one VulnReport. Anything wrong is a VulnDocumentError whose message
// a CI user can act on (the import answers it as a 4xx, the CLI exits with it).
import { MAX_VULN_DOCUMENT_BYTES, VulnDocumentError, type VulnReport } from "../types";
import { isObject, type Json } from "./common";
import { isCycloneDxDocument, parseCycloneDx } from "./cyclonedx";
import { isGrypeDocument, parseGrype } from "./grype";
import { isTrivyDocument, parseTrivy } from "./trivy";

export type VulnDocumentFormat = "trivy" | "grype" | "cyclonedx";

export interface ParsedVulnDocument {
  format: VulnDocumentFormat;
  report: VulnReport;
}

const MIB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MiB` : `${bytes} bytes`;
}

/**
 * UTF-8 size without Buffer (the rules package also runs in the browser). Each UTF-16 unit is 1 to
 * 3 bytes (a surrogate pair, two units, 4), so the length alone decides far from the limit: then
 * the answer is the length, a lower bound, which is all the limit check and its message need.
 */
function utf8Bytes(s: string): number {
  if (s.length > MAX_VULN_DOCUMENT_BYTES || s.length * 3 <= MAX_VULN_DOCUMENT_BYTES) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return n;
}

const EXPECTED = "expected Trivy JSON (trivy image -f json), Grype JSON (grype -o json) or CycloneDX JSON (bomFormat \"CycloneDX\")";

/** Why a parsed JSON value is none of the three: names the lookalikes people upload by mistake. */
function unknownFormat(doc: unknown): VulnDocumentError {
  let what = "its top level is not an object";
  if (Array.isArray(doc)) what = "its top level is an array (Trivy's SchemaVersion 1 output, before Trivy 0.20, is not supported)";
  else if (isObject(doc)) {
    if (typeof doc.$schema === "string" && /sarif/i.test(doc.$schema)) what = "it is a SARIF log";
    else if ("runs" in doc && "version" in doc) what = "it looks like a SARIF log";
    else if ("spdxVersion" in doc) what = "it is an SPDX document";
    else if ("bomFormat" in doc) what = `bomFormat is ${JSON.stringify(String(doc.bomFormat).slice(0, 40))}`;
    else if (isObject(doc.report) && ("vulnerabilities" in doc.report || "artifact" in doc.report)) what = "it looks like a Trivy Operator VulnerabilityReport; Bulwark reads those from the cluster";
    else {
      const keys = Object.keys(doc).slice(0, 5);
      what = keys.length ? `its top-level fields are ${keys.map((k) => JSON.stringify(k.slice(0, 40))).join(", ")}` : "it is an empty object";
    }
  }
  return new VulnDocumentError(`not a Trivy, Grype or CycloneDX JSON document: ${what}; ${EXPECTED}`);
}

/**
 * Detects, validates and normalizes a vulnerability document. `opts.image` (a reference) names the
 * image when the document does not (a filesystem scan, a VEX document) and pins a tag-only name to
 * a digest; a digest that contradicts the document's is refused.
 */
export function parseVulnDocument(text: string, opts: { image?: string } = {}): ParsedVulnDocument {
  if (typeof text !== "string") throw new VulnDocumentError("the document must be JSON text");
  const bytes = utf8Bytes(text);
  if (bytes > MAX_VULN_DOCUMENT_BYTES) throw new VulnDocumentError(`the document is ${size(bytes)}, the limit is ${size(MAX_VULN_DOCUMENT_BYTES)}; import one document per image`);
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (!trimmed) throw new VulnDocumentError("the document is empty");
  if (trimmed.startsWith("<")) throw new VulnDocumentError(`the document is XML; ${EXPECTED} (CycloneDX XML is not supported: use cyclonedx-json)`);
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch (e) {
    throw new VulnDocumentError(`not valid JSON: ${(e as Error).message}; ${EXPECTED}`);
  }
  if (!isObject(doc)) throw unknownFormat(doc);
  const d: Json = doc;
  if (isCycloneDxDocument(d)) return { format: "cyclonedx", report: parseCycloneDx(d, opts.image) };
  if (isTrivyDocument(d)) return { format: "trivy", report: parseTrivy(d, opts.image) };
  if (isGrypeDocument(d)) return { format: "grype", report: parseGrype(d, opts.image) };
  throw unknownFormat(d);
}
