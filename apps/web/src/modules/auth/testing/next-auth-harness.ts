// For tests only: next-auth's own request handling (its API-route entry, the same core as the app's
// /api/auth route) mounted on a plain Node http server with the app's authOptions, and a minimal
// browser (cookie jar, redirects followed by hand) to walk a real sign-in through it and a
// provider. Pages other than /api/auth answer 200 with their path, so a flow's end is visible.
import http from "node:http";
import type { AddressInfo } from "node:net";
import NextAuth, { type NextAuthOptions } from "next-auth";

type ApiReq = http.IncomingMessage & { query: Record<string, unknown>; cookies: Record<string, string>; body: Record<string, string> | undefined };
type ApiRes = http.ServerResponse & { status(c: number): ApiRes; json(b: unknown): void; send(b: unknown): void };

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

type ApiHandler = (q: ApiReq, s: ApiRes, o: NextAuthOptions) => Promise<void>;
// next-auth is CommonJS: Node's ESM loader (tsx) hands over module.exports, bundlers its default.
const nextAuth: ApiHandler = ((NextAuth as unknown as { default?: ApiHandler }).default ?? NextAuth) as unknown as ApiHandler;

export async function startAuthServer(options: () => NextAuthOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (!url.pathname.startsWith("/api/auth/")) {
        res.writeHead(200, { "content-type": "text/plain" });
        return res.end(`page ${url.pathname}${url.search}`);
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks).toString("utf8");
      const r = req as ApiReq;
      r.query = { ...Object.fromEntries(url.searchParams), nextauth: url.pathname.slice("/api/auth/".length).split("/") };
      r.cookies = parseCookies(req.headers.cookie);
      r.body = raw ? Object.fromEntries(new URLSearchParams(raw)) : undefined;
      const s = res as ApiRes;
      s.status = (c) => ((s.statusCode = c), s);
      s.json = (b) => (s.setHeader("content-type", "application/json"), s.end(JSON.stringify(b)));
      s.send = (b) => s.end(typeof b === "string" || Buffer.isBuffer(b) ? b : JSON.stringify(b));
      await nextAuth(r, s, options());
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A browser's part of the flow: cookies per host, redirects followed only to hosts it knows. */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();
  constructor(private readonly knownOrigins: string[]) {}

  private cookieHeader(u: URL): string {
    return [...(this.jar.get(u.hostname) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private store(u: URL, res: Response): void {
    const jar = this.jar.get(u.hostname) ?? new Map<string, string>();
    this.jar.set(u.hostname, jar);
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now()));
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  }

  cookies(origin: string): Map<string, string> {
    return this.jar.get(new URL(origin).hostname) ?? new Map();
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const u = new URL(url);
    const res = await fetch(u, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: { cookie: this.cookieHeader(u), ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    this.store(u, res);
    return res;
  }

  /** Follows redirects; stops at a page, or at a location outside the known origins (returned). */
  async follow(first: Response, from: string): Promise<{ final: string; left: boolean; hops: string[] }> {
    let res = first;
    let at = from;
    const hops: string[] = [];
    for (let i = 0; i < 15 && res.status >= 300 && res.status < 400; i++) {
      // Resolved the way a browser resolves Location (WHATWG URL, relative to the current page).
      const next = new URL(res.headers.get("location") ?? "", at).toString();
      hops.push(next);
      if (!this.knownOrigins.includes(new URL(next).origin)) return { final: next, left: true, hops };
      at = next;
      res = await this.request(next);
    }
    return { final: at, left: false, hops };
  }
}

/** Starts an OIDC sign-in the way next-auth's client does (csrf, then POST /signin/oidc). */
export async function oidcSignIn(browser: TestBrowser, app: string, callbackUrl: string): Promise<{ final: string; left: boolean; hops: string[] }> {
  const { csrfToken } = (await (await browser.request(`${app}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await browser.request(`${app}/api/auth/signin/oidc`, { method: "POST", form: { csrfToken, callbackUrl } });
  return browser.follow(res, `${app}/api/auth/signin/oidc`);
}

/** The session as next-auth answers it to the browser (user id and version), or null. */
export async function sessionOf(browser: TestBrowser, app: string): Promise<{ id: string; sessionVersion: number } | null> {
  const s = (await (await browser.request(`${app}/api/auth/session`)).json()) as { user?: { id?: string }; sessionVersion?: number };
  return s.user?.id ? { id: s.user.id, sessionVersion: s.sessionVersion ?? 0 } : null;
}
