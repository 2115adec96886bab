// What an evidence file is, decided from its bytes (never from the name or the type the browser
// sent): a PDF, a PNG or plain UTF-8 text. Anything else (HTML, SVG, XML, executables, archives,
// office documents) is refused, so a file served back can never run as a page or a program. The
// name is cleaned for a Content-Disposition header and must not contradict the content.
import { createHash } from "node:crypto";
import { DomainError } from "../errors";

export const EVIDENCE_CONTENT_TYPES = ["application/pdf", "image/png", "text/plain"] as const;
export type TEvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

export const MAX_EVIDENCE_FILES = 10;
export const MAX_EVIDENCE_NAME = 120;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Markup a browser (or an SVG/XML viewer) would render: refused even as text, wherever it starts,
 * because "text" that is really a page is the classic way to smuggle script into a download.
 */
const MARKUP = /<\s*(!doctype|html|head|body|script|iframe|svg|object|embed|meta|link|style|form|img|a\s|\?xml|xsl|math)\b/i;

/** Extensions that say "this is not plain text or is dangerous to open"; refused for text. */
const NOT_TEXT_EXTENSIONS = new Set([
  "htm", "html", "xhtml", "shtml", "svg", "svgz", "xml", "xsl", "xslt", "mht", "mhtml", "hta", "js", "mjs", "cjs", "jsx", "vbs", "vbe", "wsf", "ps1", "psm1",
  "bat", "cmd", "com", "exe", "scr", "msi", "dll", "jar", "app", "sh", "bash", "zsh", "command", "lnk", "pif", "reg", "swf", "php", "asp", "aspx", "jsp",
  "pdf", "png", "jpg", "jpeg", "gif", "webp", "zip", "gz", "tgz", "7z", "rar", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rtf",
]);

const EXTENSION: Record<TEvidenceContentType, string> = { "application/pdf": "pdf", "image/png": "png", "text/plain": "txt" };
const LABEL: Record<TEvidenceContentType, string> = { "application/pdf": "a PDF", "image/png": "a PNG image", "text/plain": "text" };

/** The content type the bytes prove, or null: PDF (%PDF-), PNG (its 8-byte signature), or UTF-8 text without NUL or markup. */
export function sniffEvidenceType(bytes: Uint8Array): TEvidenceContentType | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return "image/png";
  if (buf.length === 0 || buf.includes(0)) return null;
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    return null;
  }
  if (MARKUP.test(text)) return null;
  return "text/plain";
}

/**
 * A file name safe in a header and on any disk: the last path segment, NFC, no control or
 * reserved characters, at most MAX_EVIDENCE_NAME characters with the extension kept.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  // Control characters, quotes and characters reserved on common file systems become "_".
  let name = base.replace(/[\u0000-\u001f\u007f-\u009f"'`<>:|?*;%\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "_").replace(/\s+/g, " ").trim();
  name = name.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if (!name) name = "evidence";
  if ([...name].length > MAX_EVIDENCE_NAME) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = [...name.slice(0, name.length - ext.length)].slice(0, MAX_EVIDENCE_NAME - ext.length).join("") + ext;
  }
  return name;
}

function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}

export interface TCheckedEvidence {
  name: string;
  contentType: TEvidenceContentType;
  size: number;
  sha256: string;
  bytes: Buffer;
}

/**
 * Checks one uploaded file: size, content (from the bytes), and a name that agrees with it. The
 * declared content type, when given, must not contradict it. Throws DomainError with a message for people.
 */
export function checkEvidenceFile(file: { name: string; contentType?: string | null; bytes: Buffer }, maxBytes: number): TCheckedEvidence {
  let name = sanitizeFileName(file.name);
  if (file.bytes.byteLength === 0) throw new DomainError(`${name} is empty`);
  if (file.bytes.byteLength > maxBytes) throw new DomainError(`${name} is larger than ${formatBytes(maxBytes)}`);
  const type = sniffEvidenceType(file.bytes);
  if (!type) throw new DomainError(`${name} is not a PDF, a PNG image or plain text; other kinds of file (HTML, SVG, office documents, archives, programs) cannot be attached`);
  const ext = extensionOf(name);
  if (type === "text/plain") {
    if (ext && NOT_TEXT_EXTENSIONS.has(ext)) throw new DomainError(`${name} is named as .${ext} but its content is text; rename it (e.g. .txt)`);
  } else if (ext !== EXTENSION[type]) {
    if (ext && (NOT_TEXT_EXTENSIONS.has(ext) || ext === "txt")) throw new DomainError(`${name} is named as .${ext} but its content is ${LABEL[type]}`);
    name = sanitizeFileName(`${name}.${EXTENSION[type]}`);
  }
  // The type the browser sent proves nothing (the bytes decide) but must not contradict them.
  const declared = file.contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (/html|svg|xml|javascript|ecmascript|x-msdownload|executable/.test(declared)) throw new DomainError(`${name} was sent as ${declared}, which cannot be attached`);
  if ((declared === "application/pdf" || declared === "image/png") && declared !== type) throw new DomainError(`${name} was sent as ${declared} but its content is ${LABEL[type]}`);
  return { name, contentType: type, size: file.bytes.byteLength, sha256: createHash("sha256").update(file.bytes).digest("hex"), bytes: file.bytes };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
