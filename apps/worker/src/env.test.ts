import { describe, expect, it } from "vitest";
import { workerEnv } from "./env";

const base = { DATABASE_URL: "postgresql://x/y", REDIS_URL: "redis://127.0.0.1:6379", BULWARK_SECRET_KEY: "k".repeat(40) };

describe("worker env", () => {
  it("names a missing secret key", () => {
    expect(() => workerEnv({ ...base, BULWARK_SECRET_KEY: undefined })).toThrow(/BULWARK_SECRET_KEY/);
  });
  it("needs a queue backend", () => {
    expect(() => workerEnv({ ...base, REDIS_URL: "" })).toThrow(/REDIS_URL.*BULWARK_QUEUE_BACKEND=postgres/);
    expect(workerEnv({ ...base, REDIS_URL: "", BULWARK_QUEUE_BACKEND: "postgres" }).BULWARK_QUEUE_BACKEND).toBe("postgres");
  });
  it("private networks are refused unless switched on; concurrency defaults to 2", () => {
    expect(workerEnv(base)).toMatchObject({ BULWARK_ALLOW_PRIVATE_NETWORKS: false, WORKER_CONCURRENCY: 2 });
    expect(workerEnv({ ...base, BULWARK_ALLOW_PRIVATE_NETWORKS: "true" }).BULWARK_ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(() => workerEnv({ ...base, BULWARK_ALLOW_PRIVATE_NETWORKS: "maybe" })).toThrow(/BULWARK_ALLOW_PRIVATE_NETWORKS/);
    expect(() => workerEnv({ ...base, DATABASE_URL: undefined })).toThrow(/DATABASE_URL/);
  });
  it("the scan byte budget defaults to the reader's and takes bytes or Mi/Gi sizes", () => {
    expect(workerEnv(base).BULWARK_SCAN_MAX_BYTES).toBe(512 * 1024 * 1024);
    expect(workerEnv({ ...base, BULWARK_SCAN_MAX_BYTES: "" }).BULWARK_SCAN_MAX_BYTES).toBe(512 * 1024 * 1024);
    expect(workerEnv({ ...base, BULWARK_SCAN_MAX_BYTES: "268435456" }).BULWARK_SCAN_MAX_BYTES).toBe(256 * 1024 * 1024);
    expect(workerEnv({ ...base, BULWARK_SCAN_MAX_BYTES: "2Gi" }).BULWARK_SCAN_MAX_BYTES).toBe(2 * 1024 * 1024 * 1024);
    expect(() => workerEnv({ ...base, BULWARK_SCAN_MAX_BYTES: "lots" })).toThrow(/BULWARK_SCAN_MAX_BYTES must be a size in bytes/);
    expect(() => workerEnv({ ...base, BULWARK_SCAN_MAX_BYTES: "1000" })).toThrow(/BULWARK_SCAN_MAX_BYTES must be at least/);
  });
  it("one organization may run half the slots by default (at least one); the limit can be set", () => {
    expect(workerEnv(base)).toMatchObject({ WORKER_ORG_CONCURRENCY: 1, WORKER_ORG_DEFER_MS: 1000 });
    expect(workerEnv({ ...base, WORKER_CONCURRENCY: "8" }).WORKER_ORG_CONCURRENCY).toBe(4);
    expect(workerEnv({ ...base, WORKER_CONCURRENCY: "5" }).WORKER_ORG_CONCURRENCY).toBe(3);
    expect(workerEnv({ ...base, WORKER_CONCURRENCY: "8", WORKER_ORG_CONCURRENCY: "8" }).WORKER_ORG_CONCURRENCY).toBe(8);
    expect(workerEnv({ ...base, WORKER_ORG_CONCURRENCY: "" }).WORKER_ORG_CONCURRENCY).toBe(1);
    expect(() => workerEnv({ ...base, WORKER_ORG_CONCURRENCY: "0" })).toThrow();
    expect(() => workerEnv({ ...base, WORKER_ORG_CONCURRENCY: "many" })).toThrow(/WORKER_ORG_CONCURRENCY must be a number/);
  });
});
