import { type FlagCheck, controlPlaneRule, flagList, flagNotSet } from "../../helpers/control-plane";

/** AEAD suites with forward secrecy (the TLS 1.3 ones and the ECDHE GCM/ChaCha20 ones of TLS 1.2). */
const STRONG_CIPHERS = new Set([
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
]);

const WHY = "weaker TLS ciphers can be negotiated";

const strongCiphersOnly: FlagCheck = (inst) => {
  const f = inst.flags.get("tls-cipher-suites");
  if (!f) return flagNotSet(inst, "tls-cipher-suites", WHY);
  const weak = flagList(f.value).filter((c) => !STRONG_CIPHERS.has(c));
  if (weak.length === 0) return undefined;
  return { path: f.path, observed: weak.join(","), message: `${inst.component}: weak TLS cipher suites allowed (${weak.join(", ")}); ${WHY}` };
};

export const apiserverStrongCiphers = controlPlaneRule({
  id: "apiserver-strong-ciphers",
  title: "API server TLS cipher suites not restricted",
  category: "control-plane",
  severity: "low",
  component: "kube-apiserver",
  description: "Without --tls-cipher-suites limited to strong AEAD suites the API server also negotiates weaker ciphers.",
  remediation:
    "Set --tls-cipher-suites to strong suites only, e.g. TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.29"], nsa: ["CP"] },
  check: strongCiphersOnly,
});
