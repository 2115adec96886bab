// The SMTP client against a fake server speaking RFC 5321 over a real socket: the conversation,
// dot-stuffing, refusals reported with the server's answer, no header injection, and no password
// sent without TLS.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendMail } from "./smtp";

interface TReceived {
  commands: string[];
  data?: string;
}

/** A minimal RFC 5321 server: 220 greeting, EHLO, MAIL, RCPT, DATA (until <CRLF>.<CRLF>), QUIT. */
async function fakeSmtp(opts: { refuseRcpt?: boolean; auth?: boolean } = {}) {
  const received: TReceived = { commands: [] };
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
  servers.push(server);
  return { url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

const mail = { from: "bulwark@example.test", to: "ann@example.test", subject: "Confirm your email", text: "Hello\n.hidden line\nbye" };

describe("sendMail", () => {
  it("speaks the RFC 5321 conversation and dot-stuffs the body", async () => {
    const smtp = await fakeSmtp();
    await sendMail(smtp.url, mail);
    expect(smtp.received.commands.slice(0, 4)).toEqual(["EHLO bulwark", "MAIL FROM:<bulwark@example.test>", "RCPT TO:<ann@example.test>", "DATA"]);
    expect(smtp.received.data).toContain("Subject: Confirm your email\r\n");
    expect(smtp.received.data).toContain("\r\n\r\nHello\r\n..hidden line\r\nbye");
  });

  it("reports the server's refusal", async () => {
    const smtp = await fakeSmtp({ refuseRcpt: true });
    await expect(sendMail(smtp.url, mail)).rejects.toThrow(/RCPT answered 550 5\.1\.1 no such user/);
  });

  it("refuses header injection in addresses and subject", async () => {
    const smtp = await fakeSmtp();
    await expect(sendMail(smtp.url, { ...mail, subject: "hi\r\nBcc: everyone@example.test" })).rejects.toThrow(/one line/);
    await expect(sendMail(smtp.url, { ...mail, to: "ann@example.test>\r\nRCPT TO:<x@evil.test" })).rejects.toThrow(/one line/);
    expect(smtp.received.commands).toEqual([]);
  });

  it("never sends credentials over a connection without STARTTLS", async () => {
    const smtp = await fakeSmtp({ auth: true });
    const url = smtp.url.replace("smtp://", "smtp://mailer:s3cret@");
    await expect(sendMail(url, mail)).rejects.toThrow(/unencrypted/);
    expect(smtp.received.commands.join("\n")).not.toMatch(/AUTH/);
  });
});
