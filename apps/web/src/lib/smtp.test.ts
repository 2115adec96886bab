// The SMTP client against a fake server speaking RFC 5321 over a real socket: the conversation,
// dot-stuffing, refusals reported with the server's answer, no header injection, and no password
// sent without TLS.
import { afterEach, describe, expect, it } from "vitest";
import { startFakeSmtp } from "../modules/auth/testing/fake-smtp-server";
import { sendMail } from "./smtp";

const servers: Array<{ close(): Promise<void> }> = [];
async function fakeSmtp(opts: { refuseRcpt?: boolean; auth?: boolean } = {}) {
  const s = await startFakeSmtp(opts);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
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
