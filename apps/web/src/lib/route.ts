// The one wrapper of the API's route handlers. Every /api route (next-auth's aside) is a row of the
// registry (lib/api-routes.ts) turned into a handler here: authenticate by session cookie (refusing
// cross-site requests) or by `Authorization: Bearer <API token>`, check role and token scope, read
// the input (query, one capped JSON body or a capped multipart form with files, plus the URL's ids),
// parse it with the operation's zod schema, call the operation, and answer JSON (or the file a
// download builds).
import type { z } from "zod";
import { allowed, failure, runOp, type TOrgOp } from "@/modules/auth/server/with-org";
import { clientIp, resolveOrgContext, type TOrgContext } from "@/modules/auth/server/session";
import { tokenContext } from "@/modules/tokens/server/token-context";
import { crossSiteRefusal, errorResponse, readDocumentBody, readFormBody, readJsonBody, respond, searchParamsObject, type TFormLimits } from "./api";

/**
 * "form": multipart/form-data with files (or a JSON object without them), see readFormBody.
 * "document": the whole body as its exact text (`text`), or a multipart form with the document as
 * a file; the query string's fields too (see readDocumentBody).
 */
export type TRouteInput = "none" | "query" | "json" | "form" | "document";

/** A route of an organization's data: one operation (withOrg) and how the request feeds it. */
export interface TOrgRouteSpec<S extends z.ZodType, T> {
  summary: string;
  description?: string;
  op: TOrgOp<S, T>;
  /** Where the input comes from besides the URL's ids (default "none"). */
  input?: TRouteInput;
  /** URL parameters copied into the input, e.g. { id: "findingId" }; they override the body. */
  params?: Record<string, string>;
  /** Status of a successful JSON answer (default 200). */
  ok?: number;
  /** The status of a successful JSON answer from its data, when it varies (201 created, 200 existing); `ok` is the documented one. */
  okStatus?: (data: T) => number;
  /** A non-JSON answer (a file): its media types, and the response built from the result. */
  file?: { contentTypes: string[]; reply: (data: T) => Response };
  /** For input "form" and "document": the file limits, read per request (the operator's settings). */
  form?: () => TFormLimits;
}

/** A route anyone may read (it describes formats, not anyone's data). */
export interface TPublicRouteSpec {
  summary: string;
  description?: string;
  public: true;
  /** The JSON answer; a Response is sent as it is (a health check's 503). */
  handler: (req: Request) => unknown;
  /** 0: never cached */
  cacheSeconds?: number;
}

/** A route with its types erased, as the registry and the OpenAPI builder hold it. */
export type TRouteDef = TOrgRouteDef | TPublicRouteSpec;
export interface TOrgRouteDef {
  summary: string;
  description?: string;
  op: TOrgOp<z.ZodType, unknown>;
  input: TRouteInput;
  params: Record<string, string>;
  ok: number;
  okStatus?: (data: unknown) => number;
  file?: { contentTypes: string[]; reply: (data: unknown) => Response };
  form?: () => TFormLimits;
}

export function orgRoute<S extends z.ZodType, T>(spec: TOrgRouteSpec<S, T>): TRouteDef {
  return { input: "none", params: {}, ok: 200, ...spec } as unknown as TOrgRouteDef;
}

export function publicRoute(spec: Omit<TPublicRouteSpec, "public">): TRouteDef {
  return { ...spec, public: true };
}

export function isPublic(def: TRouteDef): def is TPublicRouteSpec {
  return "public" in def;
}

type TRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type TRouteHandler = (req: Request, context: TRouteContext) => Promise<Response>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const TOKEN_CHALLENGE = { "WWW-Authenticate": 'Bearer realm="bulwark"' };

/** Who is calling: an API token's organization, or the session's current organization. */
async function authenticate(req: Request): Promise<{ ctx: TOrgContext } | { refused: Response }> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    // A token is never sent by a browser on its own, so no cross-site check applies; cookies on
    // the same request are ignored, so one request has one identity.
    const m = BEARER.exec(authorization);
    if (!m) return { refused: errorResponse(401, "unauthenticated", "Authorization must be \"Bearer <API token>\"", TOKEN_CHALLENGE) };
    const ctx = await tokenContext(m[1]!, await clientIp().catch(() => null));
    if (!ctx) return { refused: errorResponse(401, "invalid_token", "This API token is unknown, revoked or expired", TOKEN_CHALLENGE) };
    return { ctx };
  }
  // Cookie-authenticated: refuse other sites' pages, GETs included (downloads and exports write audit rows).
  const refused = crossSiteRefusal(req);
  if (refused) return { refused };
  const resolved = await resolveOrgContext();
  if (resolved.kind === "unauthenticated") return { refused: errorResponse(401, "unauthenticated", "Sign in, or send an API token as \"Authorization: Bearer <token>\"") };
  if (resolved.kind === "no-org") return { refused: errorResponse(403, "forbidden", "You are not a member of any organization") };
  return { ctx: resolved.ctx };
}

/** The query string without empty values: `?status=` means "not given", as in the UI's links. */
function queryInput(url: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(searchParamsObject(url)).filter(([, v]) => v !== ""));
}

export function routeHandler(def: TRouteDef): TRouteHandler {
  if (isPublic(def)) {
    return async (req) => {
      try {
        const answer = await def.handler(req);
        if (answer instanceof Response) return answer;
        const cache = def.cacheSeconds === 0 ? "no-store" : `public, max-age=${def.cacheSeconds ?? 3600}`;
        return Response.json(answer, { headers: { "Cache-Control": cache } });
      } catch (err) {
        return respond(failure(err));
      }
    };
  }
  const handle: TRouteHandler = async (req, context) => {
    try {
      const auth = await authenticate(req);
      if ("refused" in auth) return auth.refused;
      const { ctx } = auth;
      // Permission before reading the body: a caller who may not do it learns nothing more.
      if (!allowed(ctx, def.op.def.permission)) return respond(await runOp(def.op.def, {}, ctx));
      let input: Record<string, unknown> = {};
      if (def.input === "query") input = queryInput(req.url);
      else if (def.input === "json") {
        const body = await readJsonBody(req);
        if (!body.ok) return errorResponse(body.status, body.code, body.error);
        if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) return errorResponse(400, "invalid_input", "The request body must be a JSON object");
        input = body.value as Record<string, unknown>;
      } else if (def.input === "form") {
        const body = await readFormBody(req, def.form?.() ?? { maxFiles: 0, maxFileBytes: 0 });
        if (!body.ok) return errorResponse(body.status, body.code, body.error);
        input = body.value;
      } else if (def.input === "document") {
        const body = await readDocumentBody(req, def.form?.() ?? { maxFiles: 1, maxFileBytes: 0 });
        if (!body.ok) return errorResponse(body.status, body.code, body.error);
        input = { ...queryInput(req.url), ...body.value };
      }
      const params = await context.params;
      for (const [name, key] of Object.entries(def.params)) {
        const v = params[name];
        if (typeof v === "string") input = { ...input, [key]: v };
      }
      const result = await runOp(def.op.def, input, ctx);
      if (!result.ok || !def.file) return respond(result, result.ok && def.okStatus ? def.okStatus(result.data) : def.ok);
      return def.file.reply(result.data);
    } catch (err) {
      return respond(failure(err));
    }
  };
  // Server-Timing on every answer: the server's share of a request's time (authentication, the
  // operation, the body), for clients and benchmarks measuring it through HTTP.
  return async (req, context) => {
    const start = performance.now();
    const res = await handle(req, context);
    try {
      res.headers.set("Server-Timing", `app;dur=${(performance.now() - start).toFixed(1)};desc="server time"`);
    } catch {
      // an immutable Response (a redirect): answered without the timing
    }
    return res;
  };
}
