// Where to go after signing in: a path on this site, nothing else. Browsers read `/\evil.com` as
// `//evil.com` (another host), and strip tabs and newlines before parsing, so the check resolves
// the value the way a browser does and compares origins instead of looking at the first chars.

const BASE = "http://bulwark.invalid";

/** `raw` as a same-origin path (with query and hash), or `fallback`. */
export function safeCallbackPath(raw: string | null | undefined, fallback = "/overview", origin = BASE): string {
  if (!raw || raw.length > 2000) return fallback;
  // Control characters and backslashes have no place in a path we produce ourselves.
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}

/** next-auth's redirect callback: same-origin URLs only, as absolute URLs on `baseUrl`. */
export function safeRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  return `${baseUrl.replace(/\/$/, "")}${safeCallbackPath(url, "/overview", baseUrl)}`;
}
