// Every route file under app/api (next-auth's aside) is in /api/openapi.json with each method it
// exports, and the document describes the inputs the routes' zod schemas really parse.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const API_DIR = fileURLToPath(new URL("../app/api/", import.meta.url));
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === "[...nextauth]" ? [] : routeFiles(p);
    return name === "route.ts" ? [p] : [];
  });
}

type TDoc = { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; security?: unknown[]; responses: Record<string, unknown>; "x-bulwark-token-scopes"?: string[] }>> };

async function document(): Promise<TDoc> {
  const { apiRoute } = await import("./api-routes");
  const res = await apiRoute("GET /api/openapi.json")(new Request("http://app.test/api/openapi.json"), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  return (await res.json()) as TDoc;
}

describe("/api/openapi.json", () => {
  it("lists every route file and every method it exports", async () => {
    const doc = await document();
    expect(doc.openapi).toBe("3.1.0");
    const files = routeFiles(API_DIR);
    expect(files.length).toBeGreaterThanOrEqual(18);
    const missing: string[] = [];
    for (const file of files) {
      const rel = path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
      const apiPath = `/api/${rel}`.replace(/\[(\w+)\]/g, "{$1}");
      const mod = (await import(file)) as Record<string, unknown>;
      const exported = METHODS.filter((m) => typeof mod[m] === "function");
      expect(exported.length, `${rel} exports no handler`).toBeGreaterThan(0);
      for (const m of exported) if (!doc.paths[apiPath]?.[m.toLowerCase()]) missing.push(`${m} ${apiPath}`);
    }
    expect(missing).toEqual([]);
  });

  it("describes bodies, query parameters and URL ids from the routes' zod schemas", async () => {
    const doc = await document();
    const status = doc.paths["/api/findings/{id}/status"]!.post!;
    // The URL's id is a path parameter, never a body field.
    expect(status.parameters).toEqual([expect.objectContaining({ name: "id", in: "path" })]);
    const body = status.requestBody!.content["application/json"]!.schema;
    expect(Object.keys(body.properties ?? {})).toContain("status");
    expect(body.properties).not.toHaveProperty("findingId");
    expect(body.required).toContain("status");
    const cluster = doc.paths["/api/clusters"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(cluster.required).toEqual(expect.arrayContaining(["name", "kubeconfig"]));
    const findingsQuery = (doc.paths["/api/findings"]!.get!.parameters ?? []).map((p) => `${p.in}:${p.name}`);
    expect(findingsQuery).toEqual(expect.arrayContaining(["query:severity", "query:cursor", "query:limit"]));
    expect(doc.paths["/api/clusters/{id}/scans"]!.post!.responses).toHaveProperty("202");
    expect(doc.paths["/api/clusters/{id}/scans"]!.post!["x-bulwark-token-scopes"]).toEqual(["scan", "admin"]);
    expect(doc.paths["/api/reports/schema"]!.get!.security).toEqual([]);
  });
});
