// File replies of API routes: always an attachment, never cached, never sniffed.
export const download = (body: BodyInit, type: string, filename: string, extra: Record<string, string> = {}) =>
  new Response(body, {
    headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", ...extra },
  });

/** attachment; filename="<ASCII fallback>"; filename*=UTF-8''<the name> (RFC 6266), for names people chose. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

