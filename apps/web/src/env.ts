// The web app's configuration, read from process.env once and validated with zod. Nothing else in
// apps/web reads process.env. Validation is lazy (first server use) so `next build` does not need
// production secrets; a missing or bad setting fails the first request with a message naming it.
import { parseKeyring } from "@bulwark/security";
import { z } from "zod";

const ZBool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

const ZEnv = z
  .object({
    DATABASE_URL: z.string({ error: "is not set (postgresql://user@host:5432/db)" }).min(1, "is empty (postgresql://user@host:5432/db)"),
    REDIS_URL: z.string().optional(),
    BULWARK_QUEUE_BACKEND: z.string().optional(),
    BULWARK_SECRET_KEY: z
      .string({ error: "is not set (the key that encrypts stored kubeconfigs: openssl rand -base64 32)" })
      .min(1, "is empty (the key that encrypts stored kubeconfigs: openssl rand -base64 32)"),
    NEXTAUTH_SECRET: z.string().optional(),
    AUTH_SECRET: z.string().optional(),
    NEXTAUTH_URL: z.url("must be a URL like https://bulwark.example.com").optional(),
    OIDC_ISSUER: z.url("must be the issuer URL").optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_NAME: z.string().optional(),
    BULWARK_ALLOW_PRIVATE_NETWORKS: ZBool,
    /**
     * Reverse proxies in front of the web app that append to X-Forwarded-For (audit IP, sign-in
     * limits). 0: the socket's address, X-Forwarded-For ignored (see lib/client-ip).
     */
    BULWARK_TRUSTED_PROXIES: z.coerce.number().int("must be a whole number").min(0, "must be at least 0").max(10, "must be at most 10").default(0),
    /** Who may create an organization by signing up (modules/auth/signup-policy). */
    BULWARK_SIGNUP: z.enum(["open", "domains", "invite-only"], { error: "must be open, domains or invite-only" }).default("invite-only"),
    /** With BULWARK_SIGNUP=domains: email domains that may sign up, comma-separated. */
    BULWARK_SIGNUP_DOMAINS: z.string().optional(),
    /** smtp://[user:pass@]host[:port] or smtps://…: sign-ups confirm their email by a mailed link. */
    SMTP_URL: z.url("must be a URL like smtp://user:pass@mail.example.com:587").optional(),
    /** Bearer token a Prometheus scraper presents at GET /api/metrics; unset: the route is 404. */
    BULWARK_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    /** The sender of Bulwark's mails (default bulwark@<NEXTAUTH_URL's host>). */
    SMTP_FROM: z.email("must be an email address").optional(),
  })
  .superRefine((e, ctx) => {
    if (!e.NEXTAUTH_SECRET && !e.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required (or AUTH_SECRET): signs session tokens" });
    }
    const secret = e.NEXTAUTH_SECRET ?? e.AUTH_SECRET;
    if (secret && secret.length < 16) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "must be at least 16 characters" });
    }
    if (!e.REDIS_URL && !e.BULWARK_QUEUE_BACKEND) {
      ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "is required (redis://host:6379) unless BULWARK_QUEUE_BACKEND is set" });
    }
    if (e.BULWARK_SECRET_KEY) {
      try {
        parseKeyring(e.BULWARK_SECRET_KEY);
      } catch (err) {
        ctx.addIssue({ code: "custom", path: ["BULWARK_SECRET_KEY"], message: (err as Error).message.replace(/^BULWARK_SECRET_KEY:? ?/, "") });
      }
    }
    if (e.BULWARK_SIGNUP === "domains" && !e.BULWARK_SIGNUP_DOMAINS?.trim()) {
      ctx.addIssue({ code: "custom", path: ["BULWARK_SIGNUP_DOMAINS"], message: "is required with BULWARK_SIGNUP=domains (e.g. example.com,example.org)" });
    }
    if (e.SMTP_URL && !/^smtps?:\/\//.test(e.SMTP_URL)) {
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "must start with smtp:// or smtps://" });
    }
    if (e.SMTP_URL && !e.NEXTAUTH_URL) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "is required with SMTP_URL (verification links point at it)" });
    }
    const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc > 0 && oidc < 3) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together" });
    }
  });

export type TEnv = z.infer<typeof ZEnv> & { authSecret: string; oidcEnabled: boolean };

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

let cached: TEnv | undefined;

export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"} ${i.message}`);
    throw new ConfigError(`Bulwark web: invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  cached = {
    ...e,
    authSecret: (e.NEXTAUTH_SECRET ?? e.AUTH_SECRET)!,
    oidcEnabled: Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET),
  };
  return cached;
}

/**
 * Called once when the Node server boots (src/instrumentation.ts) so that a bad setting stops the
 * server with a message naming it, instead of failing the first request.
 */
export function validateEnvAtStartup(): void {
  try {
    env();
  } catch (err) {
    console.error((err as Error).message);
    // A server without valid configuration cannot serve anything useful: stop now, loudly.
    process.exit(1);
  }
}
