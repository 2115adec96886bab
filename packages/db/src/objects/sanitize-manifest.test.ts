import { describe, expect, it } from "vitest";
import { sanitizeManifest } from "./sanitize-manifest";

describe("sanitizeManifest", () => {
  it("never keeps a Secret value, even one the reader failed to redact", () => {
    const out = sanitizeManifest({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "db", annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"data":{"pw":"aHVudGVyMg=="}}', team: "a" } },
      data: { pw: "aHVudGVyMg==", ok: "<redacted:7 bytes>" },
      stringData: { token: "abc" },
    });
    const text = JSON.stringify(out);
    expect(text).not.toContain("aHVudGVyMg");
    expect(text).not.toContain("abc");
    expect(out.data).toEqual({ pw: "<redacted:12 bytes>", ok: "<redacted:7 bytes>" });
    // the key stays; a value off the annotation allow-list does not (see redact.test.ts)
    expect(out.metadata.annotations).toEqual({ team: "<redacted:1 bytes>" });
  });

  it("redacts credential-looking ConfigMap values and env literals, keeps the rest", () => {
    const out = sanitizeManifest({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "api", managedFields: [{ manager: "kubectl" }] },
      spec: {
        template: {
          spec: {
            containers: [
              { name: "c", env: [{ name: "DB_PASSWORD", value: "hunter2" }, { name: "PASSWORD_FILE", value: "/run/pw" }, { name: "MODE", value: "fast" }] },
            ],
          },
        },
      },
    });
    const env = (out.spec as any).template.spec.containers[0].env;
    expect(env).toEqual([{ name: "DB_PASSWORD", value: "<redacted:7 bytes>" }, { name: "PASSWORD_FILE", value: "/run/pw" }, { name: "MODE", value: "fast" }]);
    expect(out.metadata.managedFields).toBeUndefined();

    const cm = sanitizeManifest({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "cfg" },
      data: { "app.env": "LEVEL=info\nDB_PASSWORD=hunter2", level: "info", api_key: "k-123" },
    });
    expect(cm.data).toEqual({ "app.env": "<redacted:30 bytes>", level: "info", api_key: "<redacted:5 bytes>" });
  });

  it("does not touch its input", () => {
    const input = { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { a: "eA==" } };
    sanitizeManifest(input);
    expect(input.data.a).toBe("eA==");
  });
});
