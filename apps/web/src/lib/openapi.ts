// The OpenAPI 3.1 document of /api, built from the route registry (lib/api-routes.ts) and the zod
// schemas its operations parse with: what the document says a route accepts is what it parses.
import { z } from "zod";
import { API_TOKEN_SCOPES } from "@bulwark/db";
import type { TPermission } from "@/modules/auth/permissions";
import { SCOPE_PERMISSIONS } from "@/modules/tokens/token-scopes";
import { isPublic, type TRouteDef } from "./route";

type TJson = Record<string, unknown>;

const ERROR_RESPONSES: Record<string, string> = {
  "400": "Invalid input: fieldErrors names each field",
  "401": "Not signed in, or the API token is unknown, revoked or expired",
  "403": "The role or the token's scopes do not allow this, or a cross-site browser request",
  "404": "Not found in the caller's organization (another organization's ids too)",
  "409": "Conflicts with the current state",
  "500": "Unexpected error (no internals are answered)",
};

/** The JSON Schema of what a request may send (zod's input side), without the URL's ids. */
function inputSchema(schema: z.ZodType, fromUrl: string[]): { properties: Record<string, TJson>; required: string[]; schema: TJson } {
  const js = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as TJson;
  delete js.$schema;
  const properties = { ...((js.properties as Record<string, TJson> | undefined) ?? {}) };
  for (const k of fromUrl) delete properties[k];
  const required = ((js.required as string[] | undefined) ?? []).filter((k) => !fromUrl.includes(k));
  const out: TJson = { ...js };
  if (js.properties) out.properties = properties;
  if (js.required) out.required = required;
  if (out.required && (out.required as string[]).length === 0) delete out.required;
  return { properties, required, schema: out };
}

function scopesFor(permission: TPermission): string[] {
  return API_TOKEN_SCOPES.filter((s) => SCOPE_PERMISSIONS[s].includes(permission));
}

function operationId(method: string, path: string): string {
  const words = path.replace(/^\/api\//, "").split(/[/.{}-]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

export function openApiDocument(routes: Record<string, TRouteDef>): TJson {
  const paths: Record<string, Record<string, TJson>> = {};
  for (const [key, def] of Object.entries(routes)) {
    const [method, path] = key.split(" ") as [string, string];
    const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const op: TJson = { operationId: operationId(method, path), summary: def.summary, tags: [path.split("/")[2]] };
    if (def.description) op.description = def.description;
    if (isPublic(def)) {
      op.security = [];
      op.responses = { "200": { description: "OK", content: { "application/json": { schema: {} } } } };
    } else {
      const { permission, schema } = def.op.def;
      const fromUrl = pathParams.map((p) => def.params[p] ?? p);
      const input = inputSchema(schema, fromUrl);
      const parameters: TJson[] = pathParams.map((p) => ({ name: p, in: "path", required: true, schema: { type: "string" } }));
      if (def.input === "query" || def.input === "document") {
        for (const [name, s] of Object.entries(input.properties)) if (def.input === "query" || (name !== "text" && name !== "files")) parameters.push({ name, in: "query", required: input.required.includes(name), schema: s });
      }
      if (parameters.length) op.parameters = parameters;
      if (def.input === "json") op.requestBody = { required: true, content: { "application/json": { schema: input.schema } } };
      if (def.input === "form") {
        // Files arrive as multipart parts (any field name); JSON carries the same fields without them.
        const props = input.schema.properties as Record<string, TJson> | undefined;
        const withoutFiles = { ...input.schema, ...(props ? { properties: Object.fromEntries(Object.entries(props).filter(([k]) => k !== "files")) } : {}) };
        const multipart = { ...input.schema, properties: { ...(props ?? {}), files: { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" } } } };
        op.requestBody = { required: true, content: { "multipart/form-data": { schema: multipart }, "application/json": { schema: withoutFiles } } };
      }
      if (def.input === "document") {
        // The document is the body itself, or a multipart part; its other fields may be query parameters.
        op.requestBody = {
          required: true,
          content: {
            "application/json": { schema: { description: "The document, as the producer wrote it" } },
            "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", contentMediaType: "application/json" }, ...Object.fromEntries(Object.entries(input.properties).filter(([k]) => k !== "text" && k !== "files")) } } },
          },
        };
      }
      op.security = [{ apiToken: [] }, { session: [] }];
      op["x-bulwark-permission"] = permission;
      op["x-bulwark-token-scopes"] = scopesFor(permission);
      const okContent = def.file
        ? Object.fromEntries(def.file.contentTypes.map((t) => [t, { schema: { type: "string", contentMediaType: t.split(";")[0] } }]))
        : { "application/json": { schema: {} } };
      const errors = Object.fromEntries(
        Object.entries(ERROR_RESPONSES)
          .filter(([code]) => code !== "400" || def.input !== "none" || pathParams.length > 0)
          .map(([code, description]) => [code, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
      );
      if (def.input === "json") errors["413"] = { description: "Body over 1 MiB", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
      if (def.input === "document") {
        errors["413"] = { description: "The document is over its size limit", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
        errors["415"] = { description: "Neither a JSON or text body nor multipart/form-data", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
      }
      if (def.input === "form") {
        errors["413"] = { description: "A file over the evidence size limit, or the whole body over its cap", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
        errors["415"] = { description: "Neither multipart/form-data nor application/json", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
      }
      op.responses = { [String(def.ok)]: { description: "OK", content: okContent }, ...errors };
    }
    (paths[path] ??= {})[method.toLowerCase()] = op;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Bulwark API",
      version: "1",
      description:
        "Kubernetes security posture of your organization. Authenticate with an organization API token (Settings → API tokens) as `Authorization: Bearer bwk_...`, or a browser session. A token acts for its organization only, with its scopes, and never beyond its creator's role.",
    },
    servers: [{ url: "/" }],
    security: [{ apiToken: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: `Organization API token (bwk_...). Scopes: ${API_TOKEN_SCOPES.join(", ")}.` },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "Browser session; cross-site requests are refused." },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error", "code"],
          properties: {
            error: { type: "string", description: "A sentence for people" },
            code: { type: "string", description: "For programs, e.g. invalid_input, not_found, forbidden" },
            fieldErrors: { type: "object", additionalProperties: { type: "string" } },
            details: { type: "object" },
          },
        },
      },
    },
  };
}
