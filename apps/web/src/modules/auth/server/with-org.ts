// The one wrapper every route handler and server action goes through: parse the input with its
// zod schema, resolve the session and the membership of the current organization, check the
// permission, then run the handler (which calls one data function). Failures become a typed result
// instead of a thrown error, so forms can show field errors and routes can answer JSON.
import { z } from "zod";
import { DomainError, NotFoundError } from "@bulwark/db";
import { can, type TPermission } from "../permissions";
import { tokenAllows } from "../../tokens/token-scopes";
import { HttpError } from "./errors";
import { resolveOrgContext, getSessionUserId, type TOrgContext } from "./session";

export type TActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; error: string; fieldErrors?: Record<string, string>; details?: Record<string, string | number> };

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

export function failure(err: unknown): Extract<TActionResult<never>, { ok: false }> {
  if (err instanceof HttpError) {
    return { ok: false, status: err.status, code: err.code, error: err.message, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}), ...(err.details ? { details: err.details } : {}) };
  }
  if (err instanceof NotFoundError) return { ok: false, status: 404, code: "not_found", error: err.message || "Not found" };
  if (err instanceof DomainError) return { ok: false, status: 409, code: "conflict", error: err.message };
  if (err instanceof z.ZodError) {
    return { ok: false, status: 400, code: "invalid_input", error: "Some fields need attention", fieldErrors: fieldErrorsOf(err) };
  }
  // Unknown errors are logged server-side and answered without internals.
  console.error("[bulwark/web] unexpected error", err);
  return { ok: false, status: 500, code: "internal", error: "Something went wrong on our side. Try again; if it persists, check the server log." };
}

type Handler<S extends z.ZodType, T> = (input: z.output<S>, ctx: TOrgContext) => Promise<T>;

/** What an organization operation is: its input schema, the permission it needs, the one call it makes. */
export interface TOpDef<S extends z.ZodType, T> {
  schema: S;
  permission: TPermission;
  handler: Handler<S, T>;
}

/** A server action for the UI (session) that also carries its definition, for the API's route wrapper. */
export type TOrgOp<S extends z.ZodType, T> = ((raw: z.input<S>) => Promise<TActionResult<T>>) & { def: TOpDef<S, T> };

/** The role allows it and, for an API token, so do its scopes. */
export function allowed(ctx: TOrgContext, permission: TPermission): boolean {
  return can(ctx.role, permission) && (!ctx.token || tokenAllows(ctx.token.scopes, permission));
}

/** Checks the permission, parses the input, calls the handler: the same steps for a session and a token. */
export async function runOp<S extends z.ZodType, T>(def: TOpDef<S, T>, raw: unknown, ctx: TOrgContext): Promise<TActionResult<T>> {
  try {
    // Permission before parsing: a viewer learns nothing about a mutation's input rules.
    if (!allowed(ctx, def.permission)) {
      throw new HttpError(403, ctx.token ? `This API token's scopes do not allow this (needs ${def.permission})` : `Your role (${ctx.role}) cannot do this`);
    }
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success) {
      throw new HttpError(400, "Some fields need attention", "invalid_input", fieldErrorsOf(parsed.error));
    }
    return { ok: true, data: await def.handler(parsed.data, ctx) };
  } catch (err) {
    return failure(err);
  }
}

export function withOrg<S extends z.ZodType, T>(opts: { schema: S; permission: TPermission }, handler: Handler<S, T>): TOrgOp<S, T> {
  const def: TOpDef<S, T> = { schema: opts.schema, permission: opts.permission, handler };
  const op = async (raw: z.input<S>): Promise<TActionResult<T>> => {
    try {
      const resolved = await resolveOrgContext();
      if (resolved.kind === "unauthenticated") throw new HttpError(401, "Sign in to continue");
      if (resolved.kind === "no-org") throw new HttpError(403, "You are not a member of any organization");
      return await runOp(def, raw, resolved.ctx);
    } catch (err) {
      return failure(err);
    }
  };
  return Object.assign(op, { def });
}

/** For actions that need a signed-in user but no organization yet (accepting an invite). */
export function withUser<S extends z.ZodType, T>(
  opts: { schema: S },
  handler: (input: z.output<S>, ctx: { userId: string }) => Promise<T>,
): (raw: z.input<S>) => Promise<TActionResult<T>> {
  return async (raw) => {
    try {
      const userId = await getSessionUserId();
      if (!userId) throw new HttpError(401, "Sign in to continue");
      const parsed = opts.schema.safeParse(raw);
      if (!parsed.success) throw new HttpError(400, "Some fields need attention", "invalid_input", fieldErrorsOf(parsed.error));
      return { ok: true, data: await handler(parsed.data, { userId }) };
    } catch (err) {
      return failure(err);
    }
  };
}

/** For the few public actions (sign-up): schema parsing and error shaping, no session. */
export function withPublic<S extends z.ZodType, T>(
  opts: { schema: S },
  handler: (input: z.output<S>) => Promise<T>,
): (raw: z.input<S>) => Promise<TActionResult<T>> {
  return async (raw) => {
    try {
      const parsed = opts.schema.safeParse(raw);
      if (!parsed.success) throw new HttpError(400, "Some fields need attention", "invalid_input", fieldErrorsOf(parsed.error));
      return { ok: true, data: await handler(parsed.data) };
    } catch (err) {
      return failure(err);
    }
  };
}
