// For tests only: an OpenID Connect provider that follows the spec's request/response shapes
// (OpenID Connect Core 1.0 and Discovery 1.0, RFC 6749 code flow, RFC 7636 PKCE, RFC 7517 JWKS):
// discovery document, authorize endpoint, token endpoint (client_secret_basic or _post) returning
// an RS256 id_token signed with the key published at jwks_uri, and userinfo. Whoever "signs in" at
// the authorize endpoint is the identity the test sets with `nextIdentity`: that is the point, the
// provider vouches for whatever sub/email/email_verified an attacker's IdP account would carry.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface TFakeIdentity {
  sub: string;
  email?: string;
  email_verified?: unknown;
  name?: string;
}

interface TGrant {
  identity: TFakeIdentity;
  clientId: string;
  redirectUri: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url");

export class FakeOidcProvider {
  issuer = "";
  /** the identity the next authorize request signs in as */
  nextIdentity: TFakeIdentity = { sub: "nobody" };
  /** token endpoint calls that were refused, with the reason (a test can assert the client behaved) */
  readonly refusals: string[] = [];
  private server?: http.Server;
  private readonly key: { privateKey: KeyObject; publicKey: KeyObject };
  private readonly kid = b64url(randomBytes(8));
  private readonly codes = new Map<string, TGrant>();
  private readonly tokens = new Map<string, TFakeIdentity>();

  constructor(readonly clientId: string, readonly clientSecret: string) {
    this.key = generateKeyPairSync("rsa", { modulusLength: 2048 });
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      void this.handle(req, res).catch((e: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "server_error", error_description: String(e) }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private idToken(identity: TFakeIdentity, nonce: string | undefined): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: "RS256", typ: "JWT", kid: this.kid };
    const payload = { iss: this.issuer, aud: this.clientId, iat: now, exp: now + 300, ...(nonce ? { nonce } : {}), ...identity };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    return `${input}.${b64url(sign("RSA-SHA256", Buffer.from(input), this.key.privateKey))}`;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    switch (url.pathname) {
      case "/.well-known/openid-configuration":
        return json(200, {
          issuer: this.issuer,
          authorization_endpoint: `${this.issuer}/authorize`,
          token_endpoint: `${this.issuer}/token`,
          userinfo_endpoint: `${this.issuer}/userinfo`,
          jwks_uri: `${this.issuer}/jwks`,
          response_types_supported: ["code"],
          subject_types_supported: ["public"],
          id_token_signing_alg_values_supported: ["RS256"],
          scopes_supported: ["openid", "email", "profile"],
          token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
          code_challenge_methods_supported: ["S256"],
          claims_supported: ["sub", "iss", "aud", "exp", "iat", "nonce", "email", "email_verified", "name"],
        });
      case "/jwks":
        return json(200, { keys: [{ ...this.key.publicKey.export({ format: "jwk" }), kid: this.kid, use: "sig", alg: "RS256" }] });
      case "/authorize": {
        const q = url.searchParams;
        const redirectUri = q.get("redirect_uri") ?? "";
        if (q.get("client_id") !== this.clientId || q.get("response_type") !== "code" || !redirectUri || !(q.get("scope") ?? "").split(" ").includes("openid")) {
          return json(400, { error: "invalid_request" });
        }
        const code = b64url(randomBytes(16));
        this.codes.set(code, {
          identity: this.nextIdentity,
          clientId: this.clientId,
          redirectUri,
          nonce: q.get("nonce") ?? undefined,
          codeChallenge: q.get("code_challenge") ?? undefined,
          codeChallengeMethod: q.get("code_challenge_method") ?? undefined,
        });
        const to = new URL(redirectUri);
        to.searchParams.set("code", code);
        if (q.get("state")) to.searchParams.set("state", q.get("state")!);
        to.searchParams.set("iss", this.issuer);
        res.writeHead(302, { location: to.toString() });
        return void res.end();
      }
      case "/token": {
        if (req.method !== "POST") return json(405, { error: "invalid_request" });
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
        let id = form.get("client_id");
        let secret = form.get("client_secret");
        const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "");
        if (basic) {
          const [u, p] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":");
          id = decodeURIComponent(u ?? "");
          secret = decodeURIComponent(p ?? "");
        }
        const refuse = (why: string) => {
          this.refusals.push(why);
          return json(400, { error: "invalid_grant", error_description: why });
        };
        if (id !== this.clientId || secret !== this.clientSecret) return refuse("client authentication failed");
        const grant = this.codes.get(form.get("code") ?? "");
        this.codes.delete(form.get("code") ?? "");
        if (form.get("grant_type") !== "authorization_code" || !grant) return refuse("unknown or used code");
        if (form.get("redirect_uri") !== grant.redirectUri) return refuse("redirect_uri mismatch");
        if (grant.codeChallenge) {
          const verifier = form.get("code_verifier") ?? "";
          if (grant.codeChallengeMethod !== "S256" || b64url(createHash("sha256").update(verifier).digest()) !== grant.codeChallenge) return refuse("PKCE verification failed");
        }
        const accessToken = b64url(randomBytes(24));
        this.tokens.set(accessToken, grant.identity);
        return json(200, { access_token: accessToken, token_type: "Bearer", expires_in: 300, scope: "openid email profile", id_token: this.idToken(grant.identity, grant.nonce) });
      }
      case "/userinfo": {
        const identity = this.tokens.get((req.headers.authorization ?? "").replace(/^Bearer /i, ""));
        if (!identity) {
          res.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token"' });
          return void res.end();
        }
        return json(200, identity);
      }
      default:
        return json(404, { error: "not_found" });
    }
  }
}
