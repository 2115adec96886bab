// The part the Jira and GitHub fakes share: an HTTPS server on loopback with a throw-away
// certificate, every call recorded, JSON bodies parsed, and failures a test can inject.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TRecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  status: number;
}

export interface TInjectedFailure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** only calls whose "METHOD /path" matches */
  match?: RegExp;
}

export interface TFakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type TFakeHandler = (req: { method: string; path: string; query: Record<string, string>; headers: IncomingMessage["headers"]; body: unknown }) => TFakeReply;

/** A self-signed certificate for 127.0.0.1 (openssl), valid one day. */
export function loopbackTls(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-fake-tls-"));
  try {
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1", "-keyout", join(dir, "k.pem"), "-out", join(dir, "c.pem")], { stdio: "ignore" });
    return { key: readFileSync(join(dir, "k.pem"), "utf8"), cert: readFileSync(join(dir, "c.pem"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export class FakeServer {
  readonly calls: TRecordedCall[] = [];
  private failures: (TInjectedFailure & { left: number })[] = [];
  private server: Server | undefined;
  url = "";

  constructor(
    private readonly tls: { key: string; cert: string },
    private readonly handler: TFakeHandler,
  ) {}

  async start(): Promise<this> {
    this.server = createServer(this.tls, (req, res) => this.serve(req, res));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((r) => this.server!.close(() => r()));
  }

  /** The next `count` calls (matching `match`, if given) answer this instead. */
  failNext(count: number, failure: TInjectedFailure): void {
    this.failures.push({ ...failure, left: count });
  }

  callsTo(method: string, path: RegExp): TRecordedCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  private serve(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= 1024 * 1024) chunks.push(c);
    });
    req.on("end", () => {
      const u = new URL(req.url ?? "/", "https://fake");
      const method = req.method ?? "GET";
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = null;
      let reply: TFakeReply | undefined;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          reply = { status: 400, body: { message: "Problems parsing JSON" } };
        }
      }
      const query = Object.fromEntries(u.searchParams.entries());
      const injected = this.failures.find((f) => f.left > 0 && (!f.match || f.match.test(`${method} ${u.pathname}`)));
      if (!reply && injected) {
        injected.left -= 1;
        reply = { status: injected.status, body: injected.body ?? { message: "injected failure" }, ...(injected.headers ? { headers: injected.headers } : {}) };
      }
      reply ??= this.handler({ method, path: u.pathname, query, headers: req.headers, body });
      this.calls.push({ method, path: u.pathname, query, headers: req.headers, body, status: reply.status });
      const payload = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { ...(payload ? { "content-type": typeof reply.body === "string" ? "text/plain" : "application/json; charset=utf-8" } : {}), ...(reply.headers ?? {}) });
      res.end(payload);
    });
  }
}

/** What both fakes share: one FakeServer serving `handle`, its URL, its recorded calls, start and stop. */
export abstract class FakeApi {
  readonly server: FakeServer;

  constructor(tls: { key: string; cert: string }) {
    this.server = new FakeServer(tls, (req) => this.handle(req));
  }

  protected abstract handle(req: Parameters<TFakeHandler>[0]): TFakeReply;

  get url(): string {
    return this.server.url;
  }
  get calls(): TRecordedCall[] {
    return this.server.calls;
  }
  async start(): Promise<this> {
    await this.server.start();
    return this;
  }
  stop(): Promise<void> {
    return this.server.stop();
  }
}
