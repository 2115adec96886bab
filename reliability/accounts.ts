// Accounts under attack, through next-auth's real flow (its handler with the app's authOptions on
// a local server) against a fake OpenID provider that follows the spec, on the suite's private
// Postgres and Redis. Rows: SSO takeover attempts and open redirects after sign-in, with timings.
import { randomBytes } from "node:crypto";
import type { Harness } from "./harness";
import { log } from "./lib";
import type { Row } from "./run";
import { FakeOidcProvider } from "../apps/web/src/modules/auth/testing/fake-oidc-provider";
import { TestBrowser, oidcSignIn, sessionOf, startAuthServer } from "../apps/web/src/modules/auth/testing/next-auth-harness";
import { safeCallbackPath } from "../apps/web/src/modules/auth/callback-url";

interface Ctx {
  h: Harness;
  rows: Row[];
  extra: Record<string, unknown>;
}

/** Each is an attack on the callback URL a sign-in returns to; a browser must stay on the site. */
export const REDIRECT_ATTACKS = [
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "//evil.example",
  "///evil.example",
  "/\t/evil.example",
  "/\r\n/evil.example",
  " //evil.example",
  "https://evil.example/",
  "javascript:alert(document.domain)",
  "data:text/html,<script>alert(1)</script>",
  "https://127.0.0.1.evil.example/",
  "https://bulwark@evil.example/",
];

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : 0);

export async function runAccounts(ctx: Ctx): Promise<void> {
  const idp = new FakeOidcProvider("bulwark-reliability", randomBytes(16).toString("hex"));
  await idp.start();
  // Restored at the end: later sections start the web app with this process's environment.
  const saved = Object.fromEntries(["NEXTAUTH_SECRET", "NEXTAUTH_URL", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "BULWARK_SIGNUP"].map((k) => [k, process.env[k]]));
  Object.assign(process.env, {
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64"),
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    BULWARK_SIGNUP: "open",
  });
  const db = await import("@bulwark/db");
  const { authOptions } = await import("../apps/web/src/modules/auth/server/auth-options");
  const { currentSessionUserId } = await import("../apps/web/src/modules/auth/server/session");
  const app = await startAuthServer(authOptions);
  process.env.NEXTAUTH_URL = app.url;
  const browser = () => new TestBrowser([app.url, idp.issuer]);
  const tag = randomBytes(3).toString("hex");
  const flowMs: number[] = [];
  const timed = async <T>(fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      flowMs.push(performance.now() - t);
    }
  };

  try {
    // ---- OIDC takeover attempts
    const victim = `victim-${tag}@corp.example`;
    const ceo = `ceo-${tag}@corp.example`;
    await db.createUserWithOrganization({ email: victim, passwordHash: "held-by-the-attacker", orgName: "Attacker's trap" });
    idp.nextIdentity = { sub: `ceo-${tag}`, email: ceo, email_verified: true };
    const real = browser();
    await timed(() => oidcSignIn(real, app.url, "/overview"));
    const ceoId = (await sessionOf(real, app.url))?.id ?? null;

    const attacks: Array<{ what: string; identity: typeof idp.nextIdentity; victimId: () => Promise<string | null> }> = [
      { what: "victim's SSO into the attacker's password account", identity: { sub: `victim-${tag}`, email: victim, email_verified: true }, victimId: async () => (await db.getUserByEmail(victim))?.id ?? null },
      { what: "unverified email (false)", identity: { sub: `evil-${tag}`, email: ceo, email_verified: false }, victimId: async () => ceoId },
      { what: "unverified email (\"true\" string)", identity: { sub: `evil-${tag}`, email: ceo, email_verified: "true" }, victimId: async () => ceoId },
      { what: "no email_verified claim", identity: { sub: `evil-${tag}`, email: ceo }, victimId: async () => ceoId },
      { what: "verified email, another subject", identity: { sub: `evil-${tag}`, email: ceo.toUpperCase(), email_verified: true }, victimId: async () => ceoId },
    ];
    let refused = 0;
    const leaks: string[] = [];
    for (const a of attacks) {
      idp.nextIdentity = a.identity;
      const b = browser();
      const end = await timed(() => oidcSignIn(b, app.url, "/overview"));
      const got = await sessionOf(b, app.url);
      const target = await a.victimId();
      if (!got && new URL(end.final).pathname === "/sign-in") refused++;
      else leaks.push(`${a.what}: ${got?.id === target ? "SIGNED IN AS THE VICTIM" : `ended at ${end.final}`}`);
    }
    const trap = await db.getUserByEmail(victim);
    const genuine = ceoId !== null && (await currentSessionUserId({ user: { id: ceoId }, sessionVersion: 0 })) === ceoId;
    ctx.rows.push({
      section: "accounts",
      item: "OIDC takeover attempt (email-only linking, unverified email, password account)",
      tried: attacks.length,
      ok: refused,
      pass: refused === attacks.length && !trap?.oidcSubject && genuine,
      notes: leaks.length
        ? leaks.join("; ")
        : `all refused at the sign-in page, the real owner signed in; ${flowMs.length} full flows (discovery, PKCE, RS256 id_token), median ${Math.round(median(flowMs))} ms`,
    });

    // ---- open redirect after sign-in: next-auth's redirect callback and the sign-in page's check
    idp.nextIdentity = { sub: `ceo-${tag}`, email: ceo, email_verified: true };
    let stayed = 0;
    const offsite: string[] = [];
    for (const attack of REDIRECT_ATTACKS) {
      const end = await oidcSignIn(browser(), app.url, attack);
      // The sign-in page (and form) send the browser to safeCallbackPath(callbackUrl): resolve it
      // the way a browser resolves a Location header.
      const page = new URL(safeCallbackPath(attack), app.url);
      if (!end.left && new URL(end.final).origin === app.url && page.origin === app.url) stayed++;
      else offsite.push(`${JSON.stringify(attack)} -> ${end.left ? end.final : page.toString()}`);
    }
    ctx.rows.push({
      section: "accounts",
      item: "open redirect after sign-in (callbackUrl such as /\\evil.example)",
      tried: REDIRECT_ATTACKS.length,
      ok: stayed,
      pass: stayed === REDIRECT_ATTACKS.length,
      notes: offsite.length ? `LEFT THE SITE: ${offsite.join("; ")}` : "every flow and the sign-in page's target stayed on the site (next-auth redirect callback + safeCallbackPath)",
    });
    ctx.extra.accounts = { oidcFlowMedianMs: Math.round(median(flowMs)), oidcFlows: flowMs.length, redirectAttacks: REDIRECT_ATTACKS.length, idpRefusals: idp.refusals };
  } catch (e) {
    log(`accounts: ${(e as Error).stack ?? e}`);
    ctx.rows.push({ section: "accounts", item: "accounts cases", tried: 1, ok: 0, pass: false, notes: (e as Error).message });
  } finally {
    await app.stop();
    await idp.stop();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
