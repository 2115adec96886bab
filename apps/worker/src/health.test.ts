import { afterEach, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startHealthServer } from "./health";

let server: Server | undefined;
afterEach(() => server?.close());

describe("worker health endpoint", () => {
  it("answers 200 while healthy, 503 when stopping, 404 elsewhere", async () => {
    let healthy = true;
    server = await startHealthServer(0, "127.0.0.1", () => healthy);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ok = await fetch(`${base}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });
    healthy = false;
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    expect((await fetch(`${base}/anything`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: "POST" })).status).toBe(404);
  });
});
