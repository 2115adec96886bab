// SSRF guard: a kubeconfig is hostile input on a multi-tenant server, so its server must not point
// at the server's own network (loopback, link-local metadata endpoints, private ranges) unless the
// operator allows it. Checked on upload and again at connect time (DNS rebinding).
import { lookup as dnsLookup } from "node:dns";
import { isIP, type LookupFunction } from "node:net";

interface Range4 {
  base: number;
  bits: number;
  label: string;
}

function v4ToInt(a: number[]): number {
  return ((a[0]! << 24) | (a[1]! << 16) | (a[2]! << 8) | a[3]!) >>> 0;
}

function parseV4(s: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : undefined;
}

const RANGES_V4: Range4[] = [
  ["0.0.0.0", 8, "unspecified/this-network"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT (shared)"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local (cloud metadata)"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved/broadcast"],
].map(([ip, bits, label]) => ({ base: v4ToInt(parseV4(ip as string)!), bits: bits as number, label: label as string }));

function classifyV4(parts: number[]): string | undefined {
  const n = v4ToInt(parts);
  for (const r of RANGES_V4) {
    const mask = r.bits === 0 ? 0 : (0xffffffff << (32 - r.bits)) >>> 0;
    if ((n & mask) >>> 0 === r.base) return r.label;
  }
  return undefined;
}

/** 16 bytes of an IPv6 address (with optional embedded IPv4 tail and zone id), or undefined. */
function parseV6(input: string): number[] | undefined {
  let s = input.replace(/^\[|\]$/g, "");
  const pct = s.indexOf("%");
  if (pct >= 0) s = s.slice(0, pct);
  if (isIP(s) !== 6) return undefined;
  const lastColon = s.lastIndexOf(":");
  const maybeV4 = s.slice(lastColon + 1);
  if (maybeV4.includes(".")) {
    const v4 = parseV4(maybeV4);
    if (!v4) return undefined;
    const hi = ((v4[0]! << 8) | v4[1]!).toString(16);
    const lo = ((v4[2]! << 8) | v4[3]!).toString(16);
    s = `${s.slice(0, lastColon + 1)}${hi}:${lo}`;
  }
  let groups: string[];
  const dbl = s.indexOf("::");
  if (dbl >= 0) {
    const head = s.slice(0, dbl).split(":").filter((x) => x !== "");
    const rest = s.slice(dbl + 2).split(":").filter((x) => x !== "");
    const fill = 8 - head.length - rest.length;
    if (fill < 0) return undefined;
    groups = [...head, ...Array<string>(fill).fill("0"), ...rest];
  } else {
    groups = s.split(":");
  }
  const nums = groups.map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN));
  if (nums.length !== 8 || nums.some((x) => Number.isNaN(x))) return undefined;
  const bytes: number[] = [];
  for (const g of nums) bytes.push(g >> 8, g & 0xff);
  return bytes;
}

function classifyV6(b: number[]): string | undefined {
  const zeroTo = (n: number) => b.slice(0, n).every((x) => x === 0);
  if (zeroTo(16)) return "unspecified";
  if (zeroTo(15) && b[15] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96): judge the IPv4 inside
  const embedded =
    (zeroTo(10) && b[10] === 0xff && b[11] === 0xff) ||
    zeroTo(12) ||
    (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b.slice(4, 12).every((x) => x === 0));
  if (embedded) {
    const label = classifyV4(b.slice(12, 16));
    return label ? `IPv4-embedded ${label}` : undefined;
  }
  if (b[0] === 0x20 && b[1] === 0x02) {
    // 6to4 carries an IPv4 address in bytes 2..5
    const label = classifyV4(b.slice(2, 6));
    if (label) return `6to4-embedded ${label}`;
  }
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return "link-local";
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return "site-local (deprecated private)";
  if ((b[0]! & 0xfe) === 0xfc) return "unique-local (private)";
  if (b[0] === 0xff) return "multicast";
  return undefined;
}

/** Why an IP address is not a public unicast address, or undefined when it is. */
export function classifyAddress(address: string): string | undefined {
  const v4 = parseV4(address);
  if (v4) return classifyV4(v4);
  const v6 = parseV6(address);
  if (v6) return classifyV6(v6);
  return "not an IP address";
}

export function isIpLiteral(host: string): boolean {
  return isIP(host.replace(/^\[|\]$/g, "")) !== 0;
}

const LOCAL_NAMES = /(^|\.)(localhost|localhost\.localdomain|ip6-localhost|ip6-loopback)\.?$/i;

/** A reason to refuse a hostname without resolving it (names that always mean this machine). */
export function classifyHostName(host: string): string | undefined {
  return LOCAL_NAMES.test(host) ? "a name for this machine (loopback)" : undefined;
}

export class BlockedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(
      host === address
        ? `${address} is a ${reason} address`
        : `${host} resolves to ${address}, a ${reason} address`,
    );
    this.name = "BlockedAddressError";
  }
}

/** Resolves every address of host and throws BlockedAddressError if any is non-public. */
export async function assertPublicHost(host: string): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP(bare)) {
    const reason = classifyAddress(bare);
    if (reason) throw new BlockedAddressError(host, bare, reason);
    return [bare];
  }
  const byName = classifyHostName(bare);
  if (byName) throw new BlockedAddressError(host, bare, byName);
  const addrs = await new Promise<Array<{ address: string; family: number }>>((resolve, reject) =>
    dnsLookup(bare, { all: true, verbatim: true }, (err, res) => (err ? reject(err) : resolve(res))),
  );
  for (const a of addrs) {
    const reason = classifyAddress(a.address);
    if (reason) throw new BlockedAddressError(host, a.address, reason);
  }
  return addrs.map((a) => a.address);
}

/**
 * A `lookup` for sockets that refuses non-public answers at connect time, so a name that resolved
 * to a public address on upload cannot be re-pointed at 127.0.0.1 later (DNS rebinding).
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return ((hostname: string, options: unknown, callback: (...args: unknown[]) => void) => {
    const opts = (typeof options === "object" && options !== null ? options : {}) as Record<string, unknown>;
    const byName = allowPrivate ? undefined : classifyHostName(hostname);
    if (byName) {
      callback(new BlockedAddressError(hostname, hostname, byName));
      return;
    }
    dnsLookup(hostname, { ...opts, all: true }, (err, addrs) => {
      if (err) return callback(err);
      const list = addrs as unknown as Array<{ address: string; family: number }>;
      if (!allowPrivate) {
        for (const a of list) {
          const reason = classifyAddress(a.address);
          if (reason) return callback(new BlockedAddressError(hostname, a.address, reason));
        }
      }
      if (opts.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }));
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}
