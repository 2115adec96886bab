import { describe, expect, it } from "vitest";
import { exportTlsState, importTlsState } from "./certs";
import { startKubeSim } from "./server";

describe("TLS state export", () => {
  it("exports keys that a later process can import, and refuses to replace keys in use", async () => {
    const sim = await startKubeSim({ objects: [] });
    try {
      const state = await exportTlsState();
      expect(state.caCertPem).toContain("BEGIN CERTIFICATE");
      expect(state.caCertPem).toBe(sim.caPem);
      expect(state.caKeyPem).toContain("PRIVATE KEY");
      expect(() => importTlsState(state)).toThrow(/already generated/);
    } finally {
      await sim.close();
    }
  });
});
