// Kubeconfig parsing and vetting. An uploaded kubeconfig is hostile input: it may try to run a
// command (exec, auth-provider), read our files, reach our internal network or smuggle a proxy.
// Vetting reduces it to one context with inline credentials, which is what we encrypt and store.
import { X509Certificate, createPrivateKey } from "node:crypto";
import YAML from "yaml";
import { z } from "zod";
import { KubeconfigError } from "./errors";
import { BlockedAddressError, assertPublicHost, classifyAddress, classifyHostName, isIpLiteral } from "./net-guard";

export const MAX_KUBECONFIG_BYTES = 1024 * 1024;

const ZName = z.string().min(1, "must not be empty");

const ZCluster = z.looseObject({
  server: z.string().optional(),
  "certificate-authority": z.string().optional(),
  "certificate-authority-data": z.string().optional(),
  "insecure-skip-tls-verify": z.boolean().optional(),
  "tls-server-name": z.string().optional(),
  "proxy-url": z.string().optional(),
  "disable-compression": z.boolean().optional(),
});

const ZUser = z.looseObject({
  token: z.string().optional(),
  tokenFile: z.string().optional(),
  "client-certificate": z.string().optional(),
  "client-certificate-data": z.string().optional(),
  "client-key": z.string().optional(),
  "client-key-data": z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  exec: z.unknown().optional(),
  "auth-provider": z.unknown().optional(),
  as: z.string().optional(),
  "as-uid": z.string().optional(),
  "as-groups": z.unknown().optional(),
  "as-user-extra": z.unknown().optional(),
});

const ZContext = z.looseObject({
  cluster: z.string().min(1, "must name a cluster"),
  user: z.string().min(1, "must name a user"),
  namespace: z.string().optional(),
});

export const ZKubeconfig = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  clusters: z.array(z.looseObject({ name: ZName, cluster: ZCluster })).nullish(),
  users: z.array(z.looseObject({ name: ZName, user: ZUser.nullish() })).nullish(),
  contexts: z.array(z.looseObject({ name: ZName, context: ZContext })).nullish(),
  "current-context": z.string().nullish(),
});
export type TKubeconfig = z.infer<typeof ZKubeconfig>;
type TCluster = z.infer<typeof ZCluster>;
type TUser = z.infer<typeof ZUser>;

export interface ParsedKubeconfig {
  contexts: Array<{ name: string; cluster: string; user: string; namespace?: string; server: string }>;
  currentContext?: string;
  raw: unknown;
}

function pathToField(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(root)";
}

const MAX_FLOW_DEPTH = 64;
const MAX_INDENT = 256;

/**
 * Deeply nested input overflows the parser's stack, and at extreme depths exhausts V8 itself
 * (a process crash, not an exception), so nesting is bounded before parsing. Counting brackets
 * without regard to quoting over-estimates, which only matters for absurd inputs.
 */
function checkNesting(text: string): void {
  let depth = 0;
  let indent = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 45) {
        // spaces and "- " sequence markers both add block depth
        if (++indent > MAX_INDENT) throw new KubeconfigError(`kubeconfig is indented more than ${MAX_INDENT} levels deep`);
        continue;
      }
      lineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++depth > MAX_FLOW_DEPTH) throw new KubeconfigError(`kubeconfig nests brackets more than ${MAX_FLOW_DEPTH} levels deep`);
    } else if ((c === 93 || c === 125) && depth > 0) {
      depth--;
    }
  }
}

function loadDocument(text: string): TKubeconfig {
  if (typeof text !== "string") throw new KubeconfigError("kubeconfig must be text");
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_KUBECONFIG_BYTES) {
    throw new KubeconfigError(
      `kubeconfig is ${bytes} bytes; the limit is ${MAX_KUBECONFIG_BYTES} bytes (1 MiB). Upload a single-context kubeconfig.`,
    );
  }
  if (text.trim() === "") throw new KubeconfigError("kubeconfig is empty");
  checkNesting(text);
  let doc: unknown;
  try {
    // A small alias budget defeats "billion laughs" expansion; real kubeconfigs use none.
    doc = YAML.parse(text, {
      maxAliasCount: 16,
      uniqueKeys: true,
      prettyErrors: true,
      strict: true,
      schema: "core",
      // no !!binary/!!set/!!timestamp objects and no merge keys: a kubeconfig is plain data
      resolveKnownTags: false,
      merge: false,
      logLevel: "error",
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message.split("\n")[0] : String(err);
    if (/alias/i.test(msg ?? "")) {
      throw new KubeconfigError(`kubeconfig uses too many YAML aliases (${msg}); expand them or remove anchors`);
    }
    throw new KubeconfigError(`kubeconfig is neither valid YAML nor JSON: ${msg}`);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new KubeconfigError("kubeconfig must be a mapping with clusters, users and contexts");
  }
  const parsed = ZKubeconfig.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KubeconfigError(issue.message, pathToField(issue.path));
  }
  return parsed.data;
}

/** Lists contexts and their servers. Does not vet: use vetKubeconfig before connecting. */
export function parseKubeconfig(text: string): ParsedKubeconfig {
  const kc = loadDocument(text);
  const clusters = new Map((kc.clusters ?? []).map((c) => [c.name, c.cluster]));
  const contexts = (kc.contexts ?? []).map((c) => {
    const out: ParsedKubeconfig["contexts"][number] = {
      name: c.name,
      cluster: c.context.cluster,
      user: c.context.user,
      server: clusters.get(c.context.cluster)?.server ?? "",
    };
    if (c.context.namespace) out.namespace = c.context.namespace;
    return out;
  });
  const result: ParsedKubeconfig = { contexts, raw: kc };
  if (kc["current-context"]) result.currentContext = kc["current-context"];
  return result;
}

export interface VetOptions {
  context?: string;
  allowPrivateNetworks?: boolean;
  allowInsecureTls?: boolean;
  /** Resolve the server's host name and refuse non-public answers; default true. */
  resolveDns?: boolean;
}

export interface VettedKubeconfig {
  context: string;
  server: string;
  /** minimal single-context kubeconfig YAML with only inline data: the thing we encrypt and store */
  kubeconfig: string;
  authType: "token" | "client-certificate" | "basic";
}

/** Everything the reader needs to open a connection, taken from a vetted kubeconfig. */
export interface ConnectionParams {
  context: string;
  /** Index of the context's cluster in clusters[], for error field paths. */
  clusterIndex: number;
  clusterName: string;
  userName: string;
  namespace?: string;
  server: URL;
  caPem?: string;
  tlsServerName?: string;
  insecureSkipTlsVerify: boolean;
  token?: string;
  certPem?: string;
  keyPem?: string;
  username?: string;
  password?: string;
  authType: VettedKubeconfig["authType"];
}

const INLINE_HINT =
  "use a service-account token (`token`) or inline client-certificate-data/client-key-data instead";

function decodePem(value: string, field: string, what: string): string {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/=\s]+$/.test(trimmed)) throw new KubeconfigError(`${what} must be base64-encoded PEM`, field);
  const pem = Buffer.from(trimmed, "base64").toString("utf8");
  if (!pem.includes("-----BEGIN ")) throw new KubeconfigError(`${what} does not decode to PEM`, field);
  return pem;
}

function checkCertificates(pem: string, field: string, what: string): void {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!blocks) throw new KubeconfigError(`${what} contains no PEM certificate`, field);
  for (const b of blocks) {
    try {
      new X509Certificate(b);
    } catch (err) {
      throw new KubeconfigError(`${what} holds an unreadable certificate (${(err as Error).message})`, field);
    }
  }
}

function hasControlChars(s: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(s);
}

function vetCluster(cluster: TCluster, idx: number, opts: VetOptions): { server: URL; caPem?: string; tlsServerName?: string; insecure: boolean } {
  const f = (k: string) => `clusters[${idx}].cluster.${k}`;
  if (cluster["certificate-authority"] !== undefined) {
    throw new KubeconfigError(
      "file references are not allowed (the file is on your machine, not ours); paste the CA inline as certificate-authority-data (base64 PEM)",
      f("certificate-authority"),
    );
  }
  if (cluster["proxy-url"] !== undefined) {
    throw new KubeconfigError("proxies are not supported; remove proxy-url and give a server Bulwark can reach directly", f("proxy-url"));
  }
  const insecure = cluster["insecure-skip-tls-verify"] === true;
  if (insecure && !opts.allowInsecureTls) {
    throw new KubeconfigError(
      "skipping TLS verification is not allowed; remove insecure-skip-tls-verify and add the cluster CA as certificate-authority-data",
      f("insecure-skip-tls-verify"),
    );
  }
  const serverText = cluster.server;
  if (!serverText) throw new KubeconfigError("missing; set it to the API server's https:// URL", f("server"));
  let server: URL;
  try {
    server = new URL(serverText);
  } catch {
    throw new KubeconfigError(`"${serverText.slice(0, 200)}" is not a URL; use https://host[:port][/path]`, f("server"));
  }
  if (server.protocol === "http:") {
    throw new KubeconfigError("plain http:// servers are not allowed (credentials would travel in clear text); use https://", f("server"));
  }
  if (server.protocol !== "https:") {
    throw new KubeconfigError(`scheme ${server.protocol} is not supported; use https://host[:port][/path]`, f("server"));
  }
  if (server.username || server.password) {
    throw new KubeconfigError("credentials in the URL are not allowed; put them in the user entry", f("server"));
  }
  if (server.search || server.hash) {
    throw new KubeconfigError("query strings and fragments are not allowed; use https://host[:port][/path]", f("server"));
  }
  if (!server.hostname) throw new KubeconfigError("has no host; use https://host[:port][/path]", f("server"));
  const out: { server: URL; caPem?: string; tlsServerName?: string; insecure: boolean } = { server, insecure };
  const caData = cluster["certificate-authority-data"];
  if (caData !== undefined) {
    const pem = decodePem(caData, f("certificate-authority-data"), "certificate-authority-data");
    checkCertificates(pem, f("certificate-authority-data"), "certificate-authority-data");
    out.caPem = pem;
  }
  const sni = cluster["tls-server-name"];
  if (sni !== undefined) {
    if (!/^[A-Za-z0-9.-]{1,253}$/.test(sni)) throw new KubeconfigError("must be a DNS name", f("tls-server-name"));
    out.tlsServerName = sni;
  }
  return out;
}

function vetUser(user: TUser, idx: number): Pick<ConnectionParams, "token" | "certPem" | "keyPem" | "username" | "password" | "authType"> {
  const f = (k: string) => `users[${idx}].user.${k}`;
  if (user.exec !== undefined) {
    throw new KubeconfigError(`exec credential plugins would run a command on Bulwark's servers; ${INLINE_HINT}`, f("exec"));
  }
  if (user["auth-provider"] !== undefined) {
    throw new KubeconfigError(`auth-provider plugins are not supported; ${INLINE_HINT}`, f("auth-provider"));
  }
  for (const k of ["client-certificate", "client-key", "tokenFile"] as const) {
    if (user[k] !== undefined) {
      const inline = k === "tokenFile" ? "token" : `${k}-data`;
      throw new KubeconfigError(`file references are not allowed; put the content inline as ${inline}`, f(k));
    }
  }
  for (const k of ["as", "as-uid", "as-groups", "as-user-extra"] as const) {
    if (user[k] !== undefined) {
      throw new KubeconfigError("impersonation is not supported; give Bulwark a credential for the identity it should use", f(k));
    }
  }
  const out: ReturnType<typeof vetUser> = { authType: "token" };
  const certData = user["client-certificate-data"];
  const keyData = user["client-key-data"];
  if ((certData === undefined) !== (keyData === undefined)) {
    const missing = certData === undefined ? "client-certificate-data" : "client-key-data";
    throw new KubeconfigError("client certificates need both client-certificate-data and client-key-data", f(missing));
  }
  if (certData !== undefined && keyData !== undefined) {
    const certPem = decodePem(certData, f("client-certificate-data"), "client-certificate-data");
    checkCertificates(certPem, f("client-certificate-data"), "client-certificate-data");
    const keyPem = decodePem(keyData, f("client-key-data"), "client-key-data");
    try {
      createPrivateKey(keyPem);
    } catch (err) {
      throw new KubeconfigError(`is not a readable private key (${(err as Error).message})`, f("client-key-data"));
    }
    out.certPem = certPem;
    out.keyPem = keyPem;
    out.authType = "client-certificate";
  }
  if (user.username !== undefined || user.password !== undefined) {
    if (!user.username || user.password === undefined) {
      throw new KubeconfigError("basic auth needs both username and password", f(user.username ? "password" : "username"));
    }
    if (hasControlChars(user.username) || hasControlChars(user.password) || user.username.includes(":")) {
      throw new KubeconfigError("contains characters not allowed in basic auth", f("username"));
    }
    out.username = user.username;
    out.password = user.password;
    if (!out.certPem) out.authType = "basic";
  }
  if (user.token !== undefined) {
    const token = user.token.trim();
    if (!token) throw new KubeconfigError("is empty", f("token"));
    if (hasControlChars(token) || /\s/.test(token)) throw new KubeconfigError("contains whitespace or control characters", f("token"));
    out.token = token;
    out.authType = "token";
  }
  if (!out.token && !out.certPem && !out.username) {
    throw new KubeconfigError(`has no credentials; ${INLINE_HINT}`, `users[${idx}].user`);
  }
  return out;
}

/** Structural and credential vetting without network access; shared by vetKubeconfig and the reader. */
export function vetConnection(text: string, opts: VetOptions = {}): ConnectionParams {
  const kc = loadDocument(text);
  const contexts = kc.contexts ?? [];
  const names = contexts.map((c) => c.name);
  const wanted = opts.context ?? kc["current-context"] ?? undefined;
  if (!wanted) {
    throw new KubeconfigError(
      contexts.length === 0
        ? "kubeconfig has no contexts"
        : `no context selected; set current-context or choose one of: ${names.join(", ")}`,
      "current-context",
    );
  }
  const ctxIdx = contexts.findIndex((c) => c.name === wanted);
  if (ctxIdx < 0) {
    throw new KubeconfigError(
      `context "${wanted}" is not defined; available: ${names.join(", ") || "(none)"}`,
      opts.context !== undefined ? "context" : "current-context",
    );
  }
  const ctx = contexts[ctxIdx]!.context;
  const clusterIdx = (kc.clusters ?? []).findIndex((c) => c.name === ctx.cluster);
  if (clusterIdx < 0) {
    throw new KubeconfigError(`refers to cluster "${ctx.cluster}", which is not in clusters[]`, `contexts[${ctxIdx}].context.cluster`);
  }
  const userIdx = (kc.users ?? []).findIndex((u) => u.name === ctx.user);
  if (userIdx < 0) {
    throw new KubeconfigError(`refers to user "${ctx.user}", which is not in users[]`, `contexts[${ctxIdx}].context.user`);
  }
  const cluster = vetCluster(kc.clusters![clusterIdx]!.cluster, clusterIdx, opts);
  const user = vetUser(kc.users![userIdx]!.user ?? {}, userIdx);
  const params: ConnectionParams = {
    context: wanted,
    clusterIndex: clusterIdx,
    clusterName: ctx.cluster,
    userName: ctx.user,
    server: cluster.server,
    insecureSkipTlsVerify: cluster.insecure,
    ...user,
  };
  if (ctx.namespace) params.namespace = ctx.namespace;
  if (cluster.caPem) params.caPem = cluster.caPem;
  if (cluster.tlsServerName) params.tlsServerName = cluster.tlsServerName;
  return params;
}

export async function checkServerHost(server: URL, field: string, opts: Pick<VetOptions, "allowPrivateNetworks" | "resolveDns">): Promise<void> {
  if (opts.allowPrivateNetworks) return;
  const host = server.hostname;
  try {
    if (opts.resolveDns === false) {
      // Without DNS we can still judge literals and local names; the connect-time guard does the rest.
      const bare = host.replace(/^\[|\]$/g, "");
      const reason = isIpLiteral(bare) ? classifyAddress(bare) : classifyHostName(bare);
      if (reason) throw new BlockedAddressError(host, bare, reason);
      return;
    }
    await assertPublicHost(host);
  } catch (err) {
    if (err instanceof BlockedAddressError) {
      throw new KubeconfigError(
        `${err.message}; Bulwark only connects to public addresses unless the operator allows private networks`,
        field,
      );
    }
    const code = (err as NodeJS.ErrnoException).code;
    throw new KubeconfigError(`cannot resolve host "${host}" (${code ?? (err as Error).message}); use a publicly resolvable name or address`, field);
  }
}

function serializeMinimal(p: ConnectionParams): string {
  const cluster: Record<string, unknown> = { server: p.server.toString().replace(/\/$/, "") };
  if (p.caPem) cluster["certificate-authority-data"] = Buffer.from(p.caPem, "utf8").toString("base64");
  if (p.tlsServerName) cluster["tls-server-name"] = p.tlsServerName;
  if (p.insecureSkipTlsVerify) cluster["insecure-skip-tls-verify"] = true;
  const user: Record<string, unknown> = {};
  if (p.token) user.token = p.token;
  if (p.certPem && p.keyPem) {
    user["client-certificate-data"] = Buffer.from(p.certPem, "utf8").toString("base64");
    user["client-key-data"] = Buffer.from(p.keyPem, "utf8").toString("base64");
  }
  if (p.username !== undefined && p.password !== undefined) {
    user.username = p.username;
    user.password = p.password;
  }
  const context: Record<string, unknown> = { cluster: p.clusterName, user: p.userName };
  if (p.namespace) context.namespace = p.namespace;
  return YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: p.clusterName, cluster }],
    users: [{ name: p.userName, user }],
    contexts: [{ name: p.context, context }],
    "current-context": p.context,
  }, { lineWidth: 0 });
}

/**
 * Refuses anything that could execute, read files, reach internal networks or weaken TLS, and
 * returns a minimal single-context kubeconfig holding only inline data.
 */
export async function vetKubeconfig(text: string, opts: VetOptions = {}): Promise<VettedKubeconfig> {
  const params = vetConnection(text, opts);
  await checkServerHost(params.server, `clusters[${params.clusterIndex}].cluster.server`, opts);
  return {
    context: params.context,
    server: params.server.toString().replace(/\/$/, ""),
    kubeconfig: serializeMinimal(params),
    authType: params.authType,
  };
}
