// TLS material for the simulator: one CA and one leaf key per process (RSA key generation is the
// slow part, native crypto makes it ~100 ms), certificates signed with node-forge on demand and
// cached, so tests that start dozens of servers pay the key cost once.
import { generateKeyPair, randomBytes } from "node:crypto";
import { isIP } from "node:net";
import forge from "node-forge";

export type CertMode = "valid" | "expired" | "wrong-host";

interface KeyPem {
  privatePem: string;
  publicPem: string;
}

interface CaMaterial {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  certPem: string;
}

export interface ServerTls {
  caPem: string;
  certPem: string;
  keyPem: string;
}

export interface ClientTls {
  certPem: string;
  keyPem: string;
}

let caCache: CaMaterial | undefined;
let leafKeyCache: KeyPem | undefined;
let keysReady: Promise<void> | undefined;
const serverCertCache = new Map<string, string>();
const clientCertCache = new Map<string, string>();

function newRsaKey(): Promise<KeyPem> {
  return new Promise((resolve, reject) =>
    generateKeyPair("rsa", { modulusLength: 2048 }, (err, publicKey, privateKey) => {
      if (err) return reject(err);
      resolve({
        privatePem: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
        publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      });
    }),
  );
}

/** Generates the CA and leaf keys once per process, both at the same time on the thread pool. */
export function ensureKeys(): Promise<void> {
  keysReady ??= Promise.all([newRsaKey(), newRsaKey()]).then(([caKey, leaf]) => {
    leafKeyCache = leaf;
    caCache = makeCa(caKey);
  });
  return keysReady;
}

function serial(): string {
  // Positive, non-zero leading byte: Go's x509 rejects negative serials.
  return "01" + randomBytes(15).toString("hex");
}

function ca(): CaMaterial {
  if (!caCache) throw new Error("kube-sim: TLS keys not generated yet (call ensureKeys first)");
  return caCache;
}

function makeCa(keys: KeyPem): CaMaterial {
  const key = forge.pki.privateKeyFromPem(keys.privatePem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = serial();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 24 * 3600_000);
  cert.validity.notAfter = new Date(now + 10 * 365 * 24 * 3600_000);
  const attrs = [{ name: "commonName", value: "kube-sim-ca" }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { cert, key, certPem: forge.pki.certificateToPem(cert) };
}

function leafKey(): KeyPem {
  if (!leafKeyCache) throw new Error("kube-sim: TLS keys not generated yet (call ensureKeys first)");
  return leafKeyCache;
}

function signLeaf(opts: {
  commonName: string;
  organization?: string;
  altNames?: Array<{ type: 2; value: string } | { type: 7; ip: string }>;
  notBefore: Date;
  notAfter: Date;
  usage: "server" | "client";
}): string {
  const authority = ca();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(leafKey().publicPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = opts.notBefore;
  cert.validity.notAfter = opts.notAfter;
  const subject: forge.pki.CertificateField[] = [{ name: "commonName", value: opts.commonName }];
  if (opts.organization) subject.push({ name: "organizationName", value: opts.organization });
  cert.setSubject(subject);
  cert.setIssuer(authority.cert.subject.attributes);
  const ext: unknown[] = [
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    opts.usage === "server" ? { name: "extKeyUsage", serverAuth: true } : { name: "extKeyUsage", clientAuth: true },
    { name: "authorityKeyIdentifier", keyIdentifier: authority.cert.generateSubjectKeyIdentifier().getBytes() },
  ];
  if (opts.altNames) ext.push({ name: "subjectAltName", altNames: opts.altNames });
  cert.setExtensions(ext as never[]);
  cert.sign(authority.key, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

export function serverTls(host: string, mode: CertMode): ServerTls {
  const cacheKey = `${host}|${mode}`;
  let certPem = serverCertCache.get(cacheKey);
  if (!certPem) {
    const now = Date.now();
    const altNames: Array<{ type: 2; value: string } | { type: 7; ip: string }> =
      mode === "wrong-host"
        ? [{ type: 2, value: "wrong-host.kube-sim.invalid" }]
        : [
            { type: 2, value: "localhost" },
            { type: 2, value: "kubernetes.default.svc" },
            { type: 7, ip: "127.0.0.1" },
            ...(isIP(host) === 4 && host !== "127.0.0.1" ? [{ type: 7 as const, ip: host }] : []),
            ...(isIP(host) === 0 && host !== "localhost" ? [{ type: 2 as const, value: host }] : []),
          ];
    certPem = signLeaf({
      commonName: mode === "wrong-host" ? "wrong-host.kube-sim.invalid" : "kube-apiserver",
      altNames,
      notBefore: mode === "expired" ? new Date(now - 2 * 365 * 24 * 3600_000) : new Date(now - 3600_000),
      notAfter: mode === "expired" ? new Date(now - 30 * 24 * 3600_000) : new Date(now + 365 * 24 * 3600_000),
      usage: "server",
    });
    serverCertCache.set(cacheKey, certPem);
  }
  return { caPem: ca().certPem, certPem, keyPem: leafKey().privatePem };
}

export function clientTls(commonName: string): ClientTls {
  let certPem = clientCertCache.get(commonName);
  if (!certPem) {
    const now = Date.now();
    certPem = signLeaf({
      commonName,
      organization: "kube-sim:users",
      notBefore: new Date(now - 3600_000),
      notAfter: new Date(now + 365 * 24 * 3600_000),
      usage: "client",
    });
    clientCertCache.set(commonName, certPem);
  }
  return { certPem, keyPem: leafKey().privatePem };
}

export function caPem(): string {
  return ca().certPem;
}

/** The process's TLS keys and CA, so a long-running demo can keep one CA across restarts. */
export interface TlsState {
  caCertPem: string;
  caKeyPem: string;
  leafPrivatePem: string;
  leafPublicPem: string;
}

export async function exportTlsState(): Promise<TlsState> {
  await ensureKeys();
  const authority = ca();
  return {
    caCertPem: authority.certPem,
    caKeyPem: forge.pki.privateKeyToPem(authority.key),
    leafPrivatePem: leafKey().privatePem,
    leafPublicPem: leafKey().publicPem,
  };
}

/** Installs keys saved by exportTlsState; call before the first startKubeSim of the process. */
export function importTlsState(state: TlsState): void {
  if (caCache) throw new Error("kube-sim: TLS keys already generated in this process");
  caCache = {
    cert: forge.pki.certificateFromPem(state.caCertPem),
    key: forge.pki.privateKeyFromPem(state.caKeyPem) as forge.pki.rsa.PrivateKey,
    certPem: state.caCertPem,
  };
  leafKeyCache = { privatePem: state.leafPrivatePem, publicPem: state.leafPublicPem };
  keysReady = Promise.resolve();
}
