// Test-only HTTPS client for talking to the simulator the way a Kubernetes client does.
import https from "node:https";
import type { IncomingHttpHeaders } from "node:http";
import type { KubeSim } from "./types";
import { parse } from "yaml";

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
}

export function tokenOf(sim: KubeSim, identity: string): string {
  const cfg = parse(sim.kubeconfig({ identity })) as { users: Array<{ user: { token?: string } }> };
  const t = cfg.users[0]?.user.token;
  if (!t) throw new Error(`identity ${identity} has no token`);
  return t;
}

export function call(
  sim: { url: string; caPem: string },
  path: string,
  opts: { token?: string; method?: string; body?: unknown; headers?: Record<string, string>; cert?: string; key?: string; agent?: https.Agent } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const u = new URL(path, sim.url);
    const headers: Record<string, string> = { Accept: "application/json", ...(opts.headers ?? {}) };
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    const payload = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    if (payload !== undefined) headers["Content-Type"] ??= "application/json";
    // Node frames DELETE bodies only with an explicit length (it never chunks a DELETE).
    if (payload !== undefined) headers["Content-Length"] = String(Buffer.byteLength(payload));
    const req = https.request(
      u,
      { method: opts.method ?? "GET", headers, ca: sim.caPem, cert: opts.cert, key: opts.key, agent: opts.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("aborted", () => reject(new Error("response aborted")));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on("error", reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Calls `onLine` with each complete, non-empty line of a newline-delimited stream (a watch). */
export function eachLine(res: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buf = "";
  res.on("data", (c: Buffer) => {
    buf += c.toString("utf8");
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line.trim()) onLine(line);
    }
  });
}

/** Reads a watch stream until `until` says stop (or the server ends it); returns the events. */
export function watch(
  sim: { url: string; caPem: string },
  path: string,
  token: string,
  until: (events: Array<{ type: string; object: any }>) => boolean,
  onOpen?: () => void,
): Promise<Array<{ type: string; object: any }>> {
  return new Promise((resolve, reject) => {
    const events: Array<{ type: string; object: any }> = [];
    const req = https.request(new URL(path, sim.url), { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" }, ca: sim.caPem }, (res) => {
      let opened = false;
      eachLine(res, (line) => events.push(JSON.parse(line)));
      res.on("data", () => {
        if (!opened && onOpen) {
          opened = true;
          onOpen();
        }
        if (until(events)) {
          req.destroy();
          resolve(events);
        }
      });
      res.on("end", () => resolve(events));
      res.on("error", () => resolve(events));
      if (onOpen && res.statusCode === 200) setTimeout(() => { if (!opened) { opened = true; onOpen(); } }, 50);
    });
    req.on("error", (e) => (events.length ? resolve(events) : reject(e)));
    req.end();
  });
}
