// Outbound URLs a tenant chooses (report webhooks) get the same SSRF guard as kubeconfig servers:
// https only, and no host that is or resolves to loopback, link-local (cloud metadata), private or
// otherwise non-public addresses unless the operator allows private networks. Checked when the URL
// is saved and again right before sending (DNS may have changed in between).
import { lookup as dnsLookup } from "node:dns";
import { isIP } from "node:net";
import { BlockedAddressError, classifyAddress, classifyHostName } from "./net-guard";

export type TResolveHost = (host: string) => Promise<string[]>;

export interface PublicUrlOptions {
  allowPrivateNetworks: boolean;
  /** Resolves a host name to its addresses; defaults to the system resolver (all addresses). */
  resolve?: TResolveHost;
}

export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsafeUrlError";
  }
}

const systemResolve: TResolveHost = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, res) => (err ? reject(err) : resolve(res.map((a) => a.address)))),
  );

/**
 * Parses `raw` and refuses it unless it is an https URL whose host is public. Returns the URL and
 * the addresses its host resolved to. Throws UnsafeUrlError (bad shape) or BlockedAddressError.
 */
export async function assertPublicHttpsUrl(raw: string, options: PublicUrlOptions): Promise<{ url: URL; addresses: string[] }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("not a valid URL");
  }
  if (url.protocol !== "https:") throw new UnsafeUrlError(`the URL must use https (got ${url.protocol.replace(/:$/, "")})`);
  // Credentials in a URL end up in logs and screenshots; webhook secrets belong in the path or query.
  if (url.username || url.password) throw new UnsafeUrlError("the URL must not contain a user name or password");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!host) throw new UnsafeUrlError("the URL has no host");
  if (options.allowPrivateNetworks) return { url, addresses: isIP(host) ? [host] : [] };

  if (isIP(host)) {
    const reason = classifyAddress(host);
    if (reason) throw new BlockedAddressError(host, host, reason);
    return { url, addresses: [host] };
  }
  const byName = classifyHostName(host);
  if (byName) throw new BlockedAddressError(host, host, byName);
  let addresses: string[];
  try {
    addresses = await (options.resolve ?? systemResolve)(host);
  } catch (e) {
    throw new UnsafeUrlError(`${host} could not be resolved (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (addresses.length === 0) throw new UnsafeUrlError(`${host} has no address`);
  // Every answer is judged: a resolver may rotate through them at connect time.
  for (const a of addresses) {
    const reason = classifyAddress(a);
    if (reason) throw new BlockedAddressError(host, a, reason);
  }
  return { url, addresses };
}
