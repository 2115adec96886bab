import { describe, expect, it } from "vitest";
import { BlockedAddressError } from "./net-guard";
import { UnsafeUrlError, assertPublicHttpsUrl } from "./url-guard";

const dns = (table: Record<string, string[]>) => async (host: string) => {
  const a = table[host];
  if (!a) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
  return a;
};
const strict = { allowPrivateNetworks: false, resolve: dns({ "hooks.example.com": ["93.184.216.34", "2606:2800:220:1::1"], "rebind.example.com": ["93.184.216.34", "127.0.0.1"], "meta.example.com": ["169.254.169.254"], "v6.example.com": ["fd00::5"] }) };

describe("assertPublicHttpsUrl", () => {
  it("accepts an https URL whose every address is public and returns them", async () => {
    const r = await assertPublicHttpsUrl("https://hooks.example.com/bulwark?token=x", strict);
    expect(r.url.hostname).toBe("hooks.example.com");
    expect(r.addresses).toEqual(["93.184.216.34", "2606:2800:220:1::1"]);
    expect((await assertPublicHttpsUrl("https://93.184.216.34:8443/x", strict)).addresses).toEqual(["93.184.216.34"]);
  });

  it.each([
    ["https://127.0.0.1/hook", /127\.0\.0\.1 is a loopback/],
    ["https://169.254.169.254/latest/meta-data", /link-local/],
    ["https://10.1.2.3/", /private/],
    ["https://[::1]:8443/", /loopback/],
    ["https://[::ffff:169.254.169.254]/", /IPv4-embedded link-local/],
    ["https://localhost/hook", /this machine/],
    ["https://api.localhost./hook", /this machine/],
    ["https://meta.example.com/", /meta\.example\.com resolves to 169\.254\.169\.254, a link-local/],
    ["https://v6.example.com/", /unique-local/],
  ])("refuses %s", async (url, msg) => {
    const err = await assertPublicHttpsUrl(url, strict).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect((err as Error).message).toMatch(msg);
  });

  it("refuses a name when any one of its addresses is private (rebinding across answers)", async () => {
    await expect(assertPublicHttpsUrl("https://rebind.example.com/", strict)).rejects.toThrow(/rebind\.example\.com resolves to 127\.0\.0\.1, a loopback address/);
  });

  it.each([
    ["http://hooks.example.com/", /must use https \(got http\)/],
    ["ftp://hooks.example.com/", /must use https/],
    ["not a url", /not a valid URL/],
    ["https://user:pw@hooks.example.com/", /user name or password/],
    ["https://nowhere.example.com/", /could not be resolved \(ENOTFOUND\)/],
  ])("refuses %s with a clear reason", async (url, msg) => {
    const err = await assertPublicHttpsUrl(url, strict).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsafeUrlError);
    expect((err as Error).message).toMatch(msg);
  });

  it("lets the operator allow private networks, but still only https", async () => {
    const open = { allowPrivateNetworks: true, resolve: strict.resolve };
    expect((await assertPublicHttpsUrl("https://127.0.0.1:9443/hook", open)).url.port).toBe("9443");
    expect((await assertPublicHttpsUrl("https://localhost/hook", open)).url.hostname).toBe("localhost");
    await expect(assertPublicHttpsUrl("http://127.0.0.1/hook", open)).rejects.toThrow(/https/);
  });

  it("uses the system resolver by default", async () => {
    // localhost is refused by name before any lookup; a literal needs none: both work offline.
    await expect(assertPublicHttpsUrl("https://localhost/", { allowPrivateNetworks: false })).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(assertPublicHttpsUrl("https://name.invalid/", { allowPrivateNetworks: false })).rejects.toThrow(/could not be resolved/);
  });
});
