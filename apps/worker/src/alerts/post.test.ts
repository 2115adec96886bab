// A real HTTPS receiver on loopback that trickles: its TLS handshake, its answer's headers or its
// error body arrive a few bytes at a time, each well within any idle timeout. The delivery must be
// abandoned at its one overall deadline, and never read more than a few KiB of an answer.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeliveryDeadlineError, MAX_ANSWER_BYTES, postAlert } from "./post";

let server: Server;
let tcp: TcpServer;
let base: string;
let tcpBase: string;
let ca: string;
const timers = new Set<NodeJS.Timeout>();
const sockets = new Set<Socket>();
let bigBodyWritten = 0;

/** Writes one byte every `everyMs` until the socket closes (or `limit` bytes). */
function trickle(socket: Socket, byte: string, everyMs: number, limit = 100_000): void {
  let n = 0;
  const t = setInterval(() => {
    if (socket.destroyed || n++ >= limit) {
      clearInterval(t);
      timers.delete(t);
      return;
    }
    socket.write(byte);
  }, everyMs);
  timers.add(t);
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-trickle-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1", "-keyout", join(dir, "k.pem"), "-out", join(dir, "c.pem")], { stdio: "ignore" });
  ca = readFileSync(join(dir, "c.pem"), "utf8");
  const key = readFileSync(join(dir, "k.pem"), "utf8");
  rmSync(dir, { recursive: true, force: true });
  server = createServer({ key, cert: ca }, (req, res) => {
    sockets.add(req.socket);
    req.resume();
    req.on("end", () => {
      if (req.url === "/trickle-head") {
        // A status line, then one header byte at a time: the head never ends.
        req.socket.write("HTTP/1.1 200 OK\r\nX-Slow: ");
        trickle(req.socket, "a", 50);
      } else if (req.url === "/trickle-body") {
        res.writeHead(500, { "content-type": "text/plain" });
        res.flushHeaders();
        const t = setInterval(() => (res.writableEnded ? clearInterval(t) : res.write("x")), 50);
        timers.add(t);
      } else if (req.url === "/big-body") {
        res.writeHead(500, { "content-type": "text/plain" });
        const chunk = "e".repeat(1024);
        // As much as the client will take, up to 64 MiB: it should stop after a few KiB.
        const pump = () => {
          while (bigBodyWritten < 64 * 1024 * 1024) {
            bigBodyWritten += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("close", () => res.removeAllListeners("drain"));
        pump();
      } else if (req.url === "/ok-then-trickle") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.flushHeaders();
        const t = setInterval(() => (res.writableEnded ? clearInterval(t) : res.write("y")), 50);
        timers.add(t);
      } else {
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A TCP listener that announces a 16 KiB TLS handshake record, then sends it a byte at a time.
  tcp = createTcpServer((s) => {
    sockets.add(s);
    s.on("error", () => {});
    s.write(Buffer.from([0x16, 0x03, 0x03, 0x40, 0x00]));
    trickle(s, "\x00", 50);
  });
  await new Promise<void>((r) => tcp.listen(0, "127.0.0.1", r));
  tcpBase = `https://127.0.0.1:${(tcp.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of timers) clearInterval(t);
  for (const s of sockets) s.destroy();
  await Promise.all([new Promise<void>((r) => server.close(() => r())), new Promise<void>((r) => tcp.close(() => r()))]);
});

const opts = (timeoutMs: number) => ({ allowPrivateNetworks: true, ca, timeoutMs });

async function abandoned(url: string, timeoutMs: number): Promise<{ error: Error; elapsed: number }> {
  const t0 = Date.now();
  const error = await postAlert(url, "{}", {}, opts(timeoutMs)).then(
    () => new Error("delivered"),
    (e: Error) => e,
  );
  return { error, elapsed: Date.now() - t0 };
}

describe("postAlert deadline", () => {
  it("abandons a receiver that trickles its answer's headers at the deadline", async () => {
    const { error, elapsed } = await abandoned(`${base}/trickle-head`, 800);
    expect(error).toBeInstanceOf(DeliveryDeadlineError);
    expect(error.message).toMatch(/no complete answer within 800 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(790);
  });

  it("abandons a receiver that trickles an error body at the deadline", async () => {
    const { error } = await abandoned(`${base}/trickle-body`, 800);
    expect(error).toBeInstanceOf(DeliveryDeadlineError);
  });

  it("abandons a server that trickles bytes instead of a TLS handshake", async () => {
    const { error } = await abandoned(`${tcpBase}/hook`, 800);
    expect(error).toBeInstanceOf(DeliveryDeadlineError);
  });

  it("a 2xx is the whole answer: a body that trickles afterwards holds nothing", async () => {
    // Generous deadline: the answer must come from the status line, not from the deadline.
    await expect(postAlert(`${base}/ok-then-trickle`, "{}", {}, opts(60_000))).resolves.toEqual({ status: 200 });
  });

  it("reads at most a few KiB of an error answer", async () => {
    const err = await postAlert(`${base}/big-body`, "{}", {}, opts(60_000)).then(
      () => new Error("delivered"),
      (e: Error) => e,
    );
    expect(err.message).toMatch(/^answered HTTP 500: e{200}$/);
    // The server stops once the client stops reading; socket buffers allow some slack, never 64 MiB.
    expect(MAX_ANSWER_BYTES).toBe(4096);
    expect(bigBodyWritten).toBeLessThan(16 * 1024 * 1024);
  });

  it("still refuses private addresses before any byte is sent", async () => {
    await expect(postAlert(`${base}/hook`, "{}", {}, { allowPrivateNetworks: false, ca, timeoutMs: 5000 })).rejects.toThrow(/loopback/);
  });
});
