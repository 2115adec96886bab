import { lookup } from "node:dns/promises";
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { KubeconfigError } from "./errors";
import { parseKubeconfig, vetKubeconfig, type VetOptions } from "./kubeconfig";
import { classifyAddress } from "./net-guard";
import { CA_PEM, CLIENT_CERT_PEM, CLIENT_KEY_PEM } from "./tls.fixtures";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const PUBLIC = "https://93.184.215.14:6443";

function config(cluster: Record<string, unknown> = {}, user: Record<string, unknown> = { token: "abc.def" }, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "prod", cluster: { server: PUBLIC, "certificate-authority-data": b64(CA_PEM), ...cluster } }],
    users: [{ name: "scanner", user }],
    contexts: [{ name: "prod", context: { cluster: "prod", user: "scanner", namespace: "default" } }],
    "current-context": "prod",
    ...extra,
  };
}
const y = (o: unknown) => YAML.stringify(o);

async function refusal(text: string, opts: VetOptions = {}): Promise<KubeconfigError> {
  try {
    await vetKubeconfig(text, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(KubeconfigError);
    return err as KubeconfigError;
  }
  throw new Error("expected vetKubeconfig to refuse");
}

describe("parseKubeconfig", () => {
  it("lists contexts with their servers from YAML and JSON", () => {
    const obj = config();
    obj.contexts.push({ name: "other", context: { cluster: "missing", user: "scanner" } } as never);
    for (const text of [y(obj), JSON.stringify(obj)]) {
      const p = parseKubeconfig(text);
      expect(p.currentContext).toBe("prod");
      expect(p.contexts).toEqual([
        { name: "prod", cluster: "prod", user: "scanner", namespace: "default", server: PUBLIC },
        { name: "other", cluster: "missing", user: "scanner", server: "" },
      ]);
    }
  });

  it("rejects garbage, wrong types, oversize and alias bombs with clear errors", () => {
    expect(() => parseKubeconfig("")).toThrow(/empty/);
    expect(() => parseKubeconfig("{ not: [valid")).toThrow(/neither valid YAML nor JSON/);
    expect(() => parseKubeconfig("- a\n- b\n")).toThrow(/must be a mapping/);
    const wrong = config({ server: 6443 });
    const err = (() => {
      try {
        parseKubeconfig(y(wrong));
      } catch (e) {
        return e as KubeconfigError;
      }
    })();
    expect(err).toBeInstanceOf(KubeconfigError);
    expect(err!.field).toBe("clusters[0].cluster.server");
    expect(err!.message).toMatch(/string/);
    expect(() => parseKubeconfig(y({ ...config(), contexts: "prod" }))).toThrow(KubeconfigError);
    const big = y(config()) + `# ${"x".repeat(1024 * 1024)}\n`;
    expect(() => parseKubeconfig(big)).toThrow(/limit is 1048576 bytes/);
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "clusters: [*e]",
    ].join("\n");
    expect(() => parseKubeconfig(bomb)).toThrow(/alias/i);
    // deep nesting would overflow the parser (and at extreme depth crash V8), so it is refused first
    expect(() => parseKubeconfig(`{"a":${"[".repeat(200_000)}${"]".repeat(200_000)}}`)).toThrow(/nests brackets more than 64 levels/);
    expect(() => parseKubeconfig("- ".repeat(300) + "x")).toThrow(/indented more than 256 levels/);
    // YAML 1.1 object tags do not turn into objects
    expect(() => parseKubeconfig("clusters:\n- name: x\n  cluster: !!binary aGVsbG8=\n")).toThrow(/clusters\[0\]\.cluster: .*expected object/);
  });
});

describe("vetKubeconfig refusals", () => {
  const cases: Array<[string, unknown, string, RegExp, VetOptions?]> = [
    ["exec plugin", config({}, { exec: { command: "sh", args: ["-c", "curl evil"] } }), "users[0].user.exec", /token/],
    ["auth-provider", config({}, { "auth-provider": { name: "gcp" } }), "users[0].user.auth-provider", /token/],
    ["CA file", config({ "certificate-authority": "/etc/passwd", "certificate-authority-data": undefined }), "clusters[0].cluster.certificate-authority", /certificate-authority-data/],
    ["client cert file", config({}, { "client-certificate": "/root/c.crt", "client-key-data": b64(CLIENT_KEY_PEM) }), "users[0].user.client-certificate", /client-certificate-data/],
    ["client key file", config({}, { "client-certificate-data": b64(CLIENT_CERT_PEM), "client-key": "/root/c.key" }), "users[0].user.client-key", /client-key-data/],
    ["token file", config({}, { tokenFile: "/var/run/secrets/kubernetes.io/serviceaccount/token" }), "users[0].user.tokenFile", /inline as token/],
    ["http server", config({ server: "http://93.184.215.14:8080" }), "clusters[0].cluster.server", /https/],
    ["other scheme", config({ server: "file:///etc/passwd" }), "clusters[0].cluster.server", /https/],
    ["not a URL", config({ server: "not a url" }), "clusters[0].cluster.server", /https:\/\/host/],
    ["URL with query", config({ server: `${PUBLIC}/?x=1` }), "clusters[0].cluster.server", /query/],
    ["credentials in URL", config({ server: "https://u:p@93.184.215.14" }), "clusters[0].cluster.server", /URL/],
    ["proxy-url", config({ "proxy-url": "socks5://10.0.0.1:1080" }), "clusters[0].cluster.proxy-url", /proxies/],
    ["insecure-skip-tls-verify", config({ "insecure-skip-tls-verify": true }), "clusters[0].cluster.insecure-skip-tls-verify", /certificate-authority-data/],
    ["loopback", config({ server: "https://127.0.0.1:6443" }), "clusters[0].cluster.server", /loopback/],
    ["loopback short form", config({ server: "https://127.1:6443" }), "clusters[0].cluster.server", /loopback/],
    ["loopback decimal form", config({ server: "https://2130706433:6443" }), "clusters[0].cluster.server", /loopback/],
    ["IPv6 loopback", config({ server: "https://[::1]:6443" }), "clusters[0].cluster.server", /loopback/],
    ["private 10/8", config({ server: "https://10.1.2.3" }), "clusters[0].cluster.server", /private/],
    ["private 172.16/12", config({ server: "https://172.20.0.1" }), "clusters[0].cluster.server", /private/],
    ["private 192.168/16", config({ server: "https://192.168.1.10" }), "clusters[0].cluster.server", /private/],
    ["CGNAT", config({ server: "https://100.64.0.7" }), "clusters[0].cluster.server", /carrier-grade NAT/],
    ["metadata endpoint", config({ server: "https://169.254.169.254" }), "clusters[0].cluster.server", /link-local/],
    ["IPv6 link-local", config({ server: "https://[fe80::1]" }), "clusters[0].cluster.server", /link-local/],
    ["IPv6 unique-local", config({ server: "https://[fd12::1]" }), "clusters[0].cluster.server", /unique-local/],
    ["unspecified", config({ server: "https://0.0.0.0" }), "clusters[0].cluster.server", /unspecified/],
    ["IPv6 unspecified", config({ server: "https://[::]" }), "clusters[0].cluster.server", /unspecified/],
    ["IPv4-mapped loopback", config({ server: "https://[::ffff:127.0.0.1]:6443" }), "clusters[0].cluster.server", /IPv4-embedded loopback/],
    ["IPv4-mapped metadata", config({ server: "https://[::ffff:a9fe:a9fe]" }), "clusters[0].cluster.server", /IPv4-embedded link-local/],
    ["localhost name", config({ server: "https://localhost:6443" }), "clusters[0].cluster.server", /loopback/],
    ["missing context", config({}, undefined, { "current-context": undefined }), "current-context", /no context selected; set current-context or choose one of: prod/],
    ["unknown current context", config({}, undefined, { "current-context": "staging" }), "current-context", /"staging" is not defined; available: prod/],
    ["no credentials", config({}, {}), "users[0].user", /no credentials/],
    ["half a client cert", config({}, { "client-certificate-data": b64(CLIENT_CERT_PEM) }), "users[0].user.client-key-data", /both/],
    ["garbage CA data", config({ "certificate-authority-data": b64("hello") }), "clusters[0].cluster.certificate-authority-data", /PEM/],
    ["impersonation", config({}, { token: "t", as: "system:admin" }), "users[0].user.as", /impersonation/],
    ["token with newline", config({}, { token: "abc\r\nX-Evil: 1" }), "users[0].user.token", /control|whitespace/],
    ["basic without password", config({}, { username: "admin" }), "users[0].user.password", /both username and password/],
    ["wrong type", config({ "insecure-skip-tls-verify": "yes" }), "clusters[0].cluster.insecure-skip-tls-verify", /boolean/],
  ];
  for (const [name, cfg, field, msg, opts] of cases) {
    it(`refuses ${name}`, async () => {
      const err = await refusal(y(cfg), opts);
      expect(err.field).toBe(field);
      expect(err.message).toContain(field);
      expect(err.message).toMatch(msg);
    });
  }

  it("refuses an unknown explicitly chosen context", async () => {
    const err = await refusal(y(config()), { context: "nope" });
    expect(err.field).toBe("context");
  });

  it("refuses a host name that resolves to loopback", async () => {
    const name = hostname();
    const addrs = await lookup(name, { all: true });
    // precondition of this machine kind: its own name resolves to a loopback address
    expect(addrs.some((a) => classifyAddress(a.address) !== undefined)).toBe(true);
    const err = await refusal(y(config({ server: `https://${name}:6443` })));
    expect(err.field).toBe("clusters[0].cluster.server");
    expect(err.message).toMatch(new RegExp(`${name} resolves to .*(loopback|private)`));
  });

  it("refuses a host name that does not resolve", async () => {
    const err = await refusal(y(config({ server: "https://does-not-exist.invalid:6443" })));
    expect(err.message).toMatch(/cannot resolve host "does-not-exist.invalid"/);
  });
});

describe("vetKubeconfig acceptance", () => {
  it("reduces a token kubeconfig to one context with inline data only", async () => {
    const cfg = config();
    cfg.clusters.push({ name: "other", cluster: { server: "https://93.184.215.15", "certificate-authority": "/x" } } as never);
    const v = await vetKubeconfig(y(cfg));
    expect(v).toMatchObject({ context: "prod", server: PUBLIC, authType: "token" });
    const out = YAML.parse(v.kubeconfig);
    expect(out.clusters).toHaveLength(1);
    expect(out.clusters[0].cluster).toEqual({ server: PUBLIC, "certificate-authority-data": b64(CA_PEM) });
    expect(out.users[0].user).toEqual({ token: "abc.def" });
    expect(out["current-context"]).toBe("prod");
    // the stored form passes vetting again unchanged
    expect((await vetKubeconfig(v.kubeconfig)).kubeconfig).toBe(v.kubeconfig);
  });

  it("accepts client certificates and basic auth over https, and picks a named context", async () => {
    const cert = await vetKubeconfig(y(config({}, { "client-certificate-data": b64(CLIENT_CERT_PEM), "client-key-data": b64(CLIENT_KEY_PEM) })));
    expect(cert.authType).toBe("client-certificate");
    const basic = await vetKubeconfig(y(config({}, { username: "admin", password: "s3cret" })));
    expect(basic.authType).toBe("basic");
    const two = config();
    two.contexts.push({ name: "second", context: { cluster: "prod", user: "scanner" } } as never);
    expect((await vetKubeconfig(y(two), { context: "second" })).context).toBe("second");
  });

  it("allows loopback and insecure TLS only when the operator says so", async () => {
    const loop = y(config({ server: "https://127.0.0.1:6443", "insecure-skip-tls-verify": true }));
    await expect(vetKubeconfig(loop, { allowPrivateNetworks: true })).rejects.toThrow(/insecure-skip-tls-verify/);
    const v = await vetKubeconfig(loop, { allowPrivateNetworks: true, allowInsecureTls: true });
    expect(v.server).toBe("https://127.0.0.1:6443");
    expect(YAML.parse(v.kubeconfig).clusters[0].cluster["insecure-skip-tls-verify"]).toBe(true);
  });
});
