// Trickling receiver: a tenant's webhook endpoint that answers one byte at a time (its TLS
// handshake, its headers or its error body), each byte well within any idle timeout. A real worker
// delivers alert tests to it; each delivery must be abandoned at its one overall deadline (10 s),
// while a fast receiver's delivery queued behind them still goes out.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:https";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Harness } from "./harness";
import { QUICK, log, q, waitFor } from "./lib";
import type { Row } from "./run";

interface Ctx {
  h: Harness;
  rows: Row[];
  extra: Record<string, unknown>;
}

const DEADLINE_MS = 10_000;

export async function runWebhooks(ctx: Ctx): Promise<void> {
  const { h, rows } = ctx;
  const dir = mkdtempSync(path.join(tmpdir(), "bulwark-rel-hook-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1", "-keyout", path.join(dir, "k.pem"), "-out", path.join(dir, "c.pem")], { stdio: "ignore" });
  const cert = readFileSync(path.join(dir, "c.pem"), "utf8");
  const key = readFileSync(path.join(dir, "k.pem"), "utf8");
  const caFile = path.join(dir, "ca.pem");
  writeFileSync(caFile, cert);

  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let trickled = 0;
  /** how long each trickling connection was held open by the worker, seen from the receiver */
  const heldMs: number[] = [];
  const watch = (s: Socket) => {
    if (sockets.has(s)) return;
    sockets.add(s);
    const t0 = Date.now();
    s.once("close", () => heldMs.push(Date.now() - t0));
  };
  const drip = (s: Socket, byte: string | Buffer) => {
    const t = setInterval(() => {
      if (s.destroyed) return void (clearInterval(t), timers.delete(t));
      s.write(byte);
      trickled++;
    }, 1000);
    timers.add(t);
  };
  let fastHits = 0;
  const server = createServer({ key, cert }, (req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.startsWith("/trickle-head")) {
        watch(req.socket);
        req.socket.write("HTTP/1.1 200 OK\r\nX-Slow: ");
        drip(req.socket, "a");
      } else if (req.url?.startsWith("/trickle-body")) {
        watch(req.socket);
        res.writeHead(500, { "content-type": "text/plain" });
        res.flushHeaders();
        const t = setInterval(() => {
          if (res.writableEnded || req.socket.destroyed) return void (clearInterval(t), timers.delete(t));
          res.write("x");
          trickled++;
        }, 1000);
        timers.add(t);
      } else {
        fastHits++;
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const tls = createTcpServer((s) => {
    watch(s);
    s.on("error", () => {});
    s.write(Buffer.from([0x16, 0x03, 0x03, 0x40, 0x00]));
    drip(s, Buffer.from([0]));
  });
  await new Promise<void>((r) => tls.listen(0, "127.0.0.1", r));
  const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tlsBase = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;

  try {
    const { user, org } = await h.db.createUserWithOrganization({ email: `hooks-${Date.now()}@example.com`, passwordHash: null, orgName: "Trickle" });
    const keyring = h.security.parseKeyring(h.secretKey);
    const channel = async (name: string, url: string) => {
      const sealed = h.security.encryptCredential(url, keyring);
      return h.db.createNotificationChannel({
        orgId: org.id, actorId: user.id, name, kind: "webhook", urlCipher: sealed.ciphertext, urlHost: new URL(url).host,
        secretCipher: h.security.encryptCredential("whsec_rel", keyring).ciphertext, keyId: sealed.keyId, minSeverity: "high", clusterIds: [], digest: false, enabled: true,
      });
    };
    const slow = [
      { what: "headers", url: `${base}/trickle-head` },
      { what: "error body", url: `${base}/trickle-body` },
      { what: "TLS handshake", url: `${tlsBase}/hook` },
    ];
    const perKind = QUICK ? 1 : 2;
    const deliveries: Array<{ id: string; what: string; enqueuedAt: number }> = [];
    // The alert queue runs 4 deliveries at once: more trickling deliveries than slots, then a fast one.
    for (let i = 0; i < perKind; i++) {
      for (const s of slow) {
        const c = await channel(`trickle ${s.what} ${i}`, s.url);
        const { deliveryId } = await h.db.createTestDelivery({ orgId: org.id, channelId: c.id, actorId: user.id });
        deliveries.push({ id: deliveryId, what: s.what, enqueuedAt: Date.now() });
        await h.jobs.enqueueAlertDelivery({ orgId: org.id, deliveryId }, { attempts: 1 });
      }
    }
    const fast = await channel("fast", `${base}/ok`);
    const { deliveryId: fastId } = await h.db.createTestDelivery({ orgId: org.id, channelId: fast.id, actorId: user.id });
    const fastEnqueued = Date.now();
    await h.jobs.enqueueAlertDelivery({ orgId: org.id, deliveryId: fastId }, { attempts: 1 });
    await h.db.disconnectDb();

    await h.startWorkers(1, { NODE_EXTRA_CA_CERTS: caFile });
    const ids = [...deliveries.map((d) => d.id), fastId];
    const done = await waitFor(
      "every delivery to end",
      async () => {
        // The channel's lastDeliveryAt is the time of its (only) delivery's attempt.
        const r = await q<{ id: string; status: string; lastError: string | null; updatedAt: Date }>(h.dbUrl, `SELECT d.id, d.status, d."lastError", c."lastDeliveryAt" AS "updatedAt" FROM "AlertDelivery" d JOIN "NotificationChannel" c ON c.id = d."channelId" WHERE d.id = ANY($1::text[])`, [ids]);
        return r.length === ids.length && r.every((x) => x.status !== "pending") ? r : null;
      },
      180_000,
      250,
    ).catch(() => null);
    const byId = new Map((done ?? []).map((r) => [r.id, r]));
    const abandonedS = deliveries.map((d) => (byId.get(d.id) ? (byId.get(d.id)!.updatedAt.getTime() - d.enqueuedAt) / 1000 : Infinity));
    const named = deliveries.filter((d) => /deadline/.test(byId.get(d.id)?.lastError ?? "")).length;
    const fastRow = byId.get(fastId);
    const worst = Math.max(...abandonedS);
    // Seen from the receiver, each trickling connection is dropped at the deadline (a little slack for a busy machine).
    await waitFor("the receiver to see every connection closed", async () => heldMs.length >= deliveries.length, 30_000, 200).catch(() => null);
    const heldMax = heldMs.length ? Math.max(...heldMs) : Infinity;
    const pass = Boolean(done) && named === deliveries.length && heldMs.length === deliveries.length && heldMax <= DEADLINE_MS + 3000 && fastRow?.status === "sent";
    rows.push({
      section: "hostile",
      item: "trickling receiver (1 byte/s: headers, error body, TLS handshake)",
      tried: deliveries.length + 1,
      ok: named + (fastRow?.status === "sent" ? 1 : 0),
      pass,
      notes: `connection held ${(Math.min(...heldMs) / 1000).toFixed(1)}-${(heldMax / 1000).toFixed(1)} s then dropped (deadline ${DEADLINE_MS / 1000} s; an idle timeout alone never fires at 1 byte/s); ${deliveries.length} on 4 alert slots all ended by ${worst.toFixed(1)} s after enqueue; fast receiver queued behind them ${fastRow?.status === "sent" ? `sent at ${((fastRow.updatedAt.getTime() - fastEnqueued) / 1000).toFixed(1)} s` : "NOT sent"}`,
    });
    ctx.extra.tricklingReceiver = { deadlineMs: DEADLINE_MS, heldMs, trickledBytes: trickled, abandonedAfterS: abandonedS, fastSentAfterS: fastRow ? (fastRow.updatedAt.getTime() - fastEnqueued) / 1000 : null, errors: [...byId.values()].map((r) => r.lastError) };
    if (!pass) log(`trickling receiver: ${JSON.stringify(ctx.extra.tricklingReceiver)}`);
  } finally {
    await h.stopWorkers();
    for (const t of timers) clearInterval(t);
    for (const s of sockets) s.destroy();
    await Promise.all([new Promise<void>((r) => server.close(() => r())), new Promise<void>((r) => tls.close(() => r()))]);
    rmSync(dir, { recursive: true, force: true });
  }
}
