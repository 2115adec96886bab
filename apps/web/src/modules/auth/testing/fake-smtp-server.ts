// For tests only: a fake SMTP server speaking RFC 5321 over a real socket (220 greeting, EHLO,
// MAIL, RCPT, DATA until <CRLF>.<CRLF>, QUIT), recording what it was told.
import net from "node:net";
import type { AddressInfo } from "node:net";

export interface TReceived {
  commands: string[];
  /** every message's DATA, in order */
  messages: string[];
  data?: string;
}

export async function startFakeSmtp(opts: { refuseRcpt?: boolean; auth?: boolean } = {}): Promise<{ url: string; received: TReceived; close(): Promise<void> }> {
  const received: TReceived = { commands: [], messages: [] };
  const server = net.createServer((s) => {
    let buf = "";
    let inData = false;
    s.write("220 fake.smtp.test ESMTP ready\r\n");
    s.on("data", (d) => {
      buf += d.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buf.indexOf("\r\n.\r\n");
          if (end < 0) return;
          received.data = buf.slice(0, end);
          received.messages.push(received.data);
          buf = buf.slice(end + 5);
          inData = false;
          s.write("250 2.0.0 queued\r\n");
          continue;
        }
        const i = buf.indexOf("\r\n");
        if (i < 0) return;
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        received.commands.push(line);
        const verb = line.split(/[ :]/)[0]!.toUpperCase();
        if (verb === "EHLO") s.write(`250-fake.smtp.test\r\n250-8BITMIME\r\n${opts.auth ? "250-AUTH PLAIN\r\n" : ""}250 SIZE 1000000\r\n`);
        else if (verb === "MAIL") s.write("250 2.1.0 ok\r\n");
        else if (verb === "RCPT") s.write(opts.refuseRcpt ? "550 5.1.1 no such user here\r\n" : "250 2.1.5 ok\r\n");
        else if (verb === "DATA") (inData = true), s.write("354 end with <CRLF>.<CRLF>\r\n");
        else if (verb === "QUIT") s.end("221 2.0.0 bye\r\n");
        else s.write("502 5.5.2 not implemented\r\n");
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
