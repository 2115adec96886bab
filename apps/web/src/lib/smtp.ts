// A small SMTP client (RFC 5321) over node:net/tls, for the few mails Bulwark sends (email
// verification). SMTP_URL: smtp://[user:pass@]host[:port] (STARTTLS when the server offers it,
// required when credentials are given) or smtps://... (TLS from the start, port 465).
import net from "node:net";
import tls from "node:tls";

export interface TMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Refuses header injection: addresses and subjects are one line of printable text. */
function oneLine(v: string, what: string): string {
  if (/[\r\n\0]/.test(v)) throw new Error(`SMTP: ${what} must be one line`);
  return v;
}

function address(v: string): string {
  const a = oneLine(v, "address").trim();
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(a)) throw new Error("SMTP: address is not valid");
  return a;
}

class Conversation {
  private buf = "";
  private waiters: Array<(line: { code: number; lines: string[] }) => void> = [];
  private pending: string[] = [];
  private failed?: Error;

  constructor(public socket: net.Socket) {
    this.attach(socket);
  }

  attach(socket: net.Socket): void {
    this.socket = socket;
    socket.setEncoding("utf8");
    socket.on("data", (d: string) => this.onData(d));
    socket.on("error", (e) => this.fail(e));
    socket.on("close", () => this.fail(new Error("SMTP: connection closed")));
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const w of this.waiters.splice(0)) w({ code: 0, lines: [e.message] });
  }

  private onData(d: string): void {
    this.buf += d;
    if (this.buf.length > 64 * 1024) return this.fail(new Error("SMTP: reply too long"));
    let i: number;
    while ((i = this.buf.indexOf("\r\n")) >= 0) {
      const line = this.buf.slice(0, i);
      this.buf = this.buf.slice(i + 2);
      this.pending.push(line);
      // "250-..." continues a reply, "250 ..." ends it.
      if (/^\d{3}(?: |$)/.test(line)) {
        const lines = this.pending.splice(0);
        const w = this.waiters.shift();
        w?.({ code: Number(line.slice(0, 3)), lines: lines.map((l) => l.slice(4)) });
      }
    }
  }

  reply(): Promise<{ code: number; lines: string[] }> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiters.push((r) => (r.code === 0 ? reject(this.failed ?? new Error(r.lines[0])) : resolve(r)));
    });
  }

  async command(line: string | null, expect: number[]): Promise<string[]> {
    if (line !== null) this.socket.write(`${line}\r\n`);
    const r = await this.reply();
    if (!expect.includes(r.code)) throw new Error(`SMTP: ${line?.split(" ")[0] ?? "greeting"} answered ${r.code} ${r.lines.join(" ").slice(0, 200)}`);
    return r.lines;
  }
}

function connect(url: URL, timeoutMs: number): Promise<net.Socket> {
  const implicitTls = url.protocol === "smtps:";
  const port = Number(url.port || (implicitTls ? 465 : 25));
  return new Promise((resolve, reject) => {
    const s = implicitTls ? tls.connect({ host: url.hostname, port, servername: url.hostname }) : net.connect({ host: url.hostname, port });
    s.setTimeout(timeoutMs, () => s.destroy(new Error(`SMTP: no answer from ${url.hostname}:${port} within ${timeoutMs / 1000} s`)));
    s.once(implicitTls ? "secureConnect" : "connect", () => resolve(s));
    s.once("error", reject);
  });
}

/** Sends one plain-text mail; throws with the server's answer when it refuses. */
export async function sendMail(smtpUrl: string, mail: TMail, opts: { timeoutMs?: number; tlsOptions?: tls.ConnectionOptions } = {}): Promise<void> {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error("SMTP_URL must start with smtp:// or smtps://");
  const from = address(mail.from);
  const to = address(mail.to);
  const subject = oneLine(mail.subject, "subject");
  const socket = await connect(url, opts.timeoutMs ?? 15_000);
  const c = new Conversation(socket);
  try {
    await c.command(null, [220]);
    let ext = await c.command("EHLO bulwark", [250]);
    const user = decodeURIComponent(url.username);
    if (url.protocol === "smtp:" && ext.some((l) => /^STARTTLS\b/i.test(l))) {
      await c.command("STARTTLS", [220]);
      socket.removeAllListeners("data");
      const secure = tls.connect({ socket, servername: url.hostname, ...opts.tlsOptions });
      await new Promise<void>((resolve, reject) => (secure.once("secureConnect", resolve), secure.once("error", reject)));
      c.attach(secure);
      ext = await c.command("EHLO bulwark", [250]);
    } else if (url.protocol === "smtp:" && user) {
      // Never send a password in the clear.
      throw new Error("SMTP: the server does not offer STARTTLS; refusing to send credentials unencrypted");
    }
    if (user) {
      const plain = Buffer.from(`\0${user}\0${decodeURIComponent(url.password)}`).toString("base64");
      await c.command(`AUTH PLAIN ${plain}`, [235]);
    }
    await c.command(`MAIL FROM:<${from}>`, [250]);
    await c.command(`RCPT TO:<${to}>`, [250, 251]);
    await c.command("DATA", [354]);
    const body = mail.text.replace(/\r?\n/g, "\r\n").replace(/^\./gm, "..");
    const headers = [`From: ${from}`, `To: ${to}`, `Subject: ${subject}`, `Date: ${new Date().toUTCString()}`, "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"];
    await c.command(`${headers.join("\r\n")}\r\n\r\n${body}\r\n.`, [250]);
    await c.command("QUIT", [221]).catch(() => {});
  } finally {
    c.socket.destroy();
  }
}
