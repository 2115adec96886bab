// Scale: 100,000 objects must load quickly and page with limit=500 without per-page costs that
// grow with the collection (continue handling is a binary search, JSON is cached per object).
import https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCluster, startKubeSim, type KubeSim } from "./index";
import { call, tokenOf } from "./test-util";

describe("100,000 objects", () => {
  let sim: KubeSim;
  let startMs = 0;
  let pods = 0;
  beforeAll(async () => {
    const objects = generateCluster({ objects: 100_000, seed: 11 });
    expect(objects.length).toBe(100_000);
    pods = objects.filter((o) => o.kind === "Pod").length;
    const t = Date.now();
    sim = await startKubeSim({ objects });
    startMs = Date.now() - t;
  }, 60_000);
  afterAll(() => sim?.close());

  it("starts in a few seconds and pages every pod with limit=500", async () => {
    expect(sim.store.count()).toBe(100_000);
    expect(startMs).toBeLessThan(10_000);
    const token = tokenOf(sim, "admin");
    const agent = new https.Agent({ keepAlive: true, ca: sim.caPem });
    const pageMs: number[] = [];
    let seen = 0;
    let cont = "";
    const t = Date.now();
    do {
      const t0 = Date.now();
      const r = await call(sim, `/api/v1/pods?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ""}`, { token, agent });
      pageMs.push(Date.now() - t0);
      seen += r.json.items.length;
      cont = r.json.metadata.continue ?? "";
    } while (cont);
    agent.destroy();
    const total = Date.now() - t;
    expect(seen).toBe(pods);
    expect(pageMs.length).toBe(Math.ceil(pods / 500));
    // Generous bound for a shared 2-core machine; an O(n) continue scan or re-serialising the
    // collection per page would blow far past it.
    expect(total).toBeLessThan(30_000);
    const firstQuarter = pageMs.slice(0, 10).reduce((a, b) => a + b, 0);
    const lastQuarter = pageMs.slice(-10).reduce((a, b) => a + b, 0);
    expect(lastQuarter).toBeLessThan(firstQuarter * 4 + 200);
  }, 60_000);
});
