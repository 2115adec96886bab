import { describe, expect, it } from "vitest";
import { containsPrivateKey, isSensitiveName, looksLikeSecretValue, sensitiveAssignments } from "./secrets";

describe("secret heuristics", () => {
  it("names", () => {
    for (const n of ["DB_PASSWORD", "api_key", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "AZURE_STORAGE_KEY", "client-secret"]) {
      expect(isSensitiveName(n), n).toBe(true);
    }
    for (const n of ["DB_PASSWORD_FILE", "SECRET_NAME", "TOKEN_URL", "LOG_LEVEL", "db_user", "secretName", "token-ttl", "passwordFile"]) expect(isSensitiveName(n), n).toBe(false);
  });
  it("values", () => {
    expect(looksLikeSecretValue("hunter2")).toBe(true);
    for (const v of ["", "  ", "${X}", "$(cat /x)", "{{ .Values.pw }}", "3600", "true"]) expect(looksLikeSecretValue(v), v).toBe(false);
  });
  it("private keys", () => {
    expect(containsPrivateKey("-----BEGIN RSA PRIVATE KEY-----\nabc")).toBe(true);
    expect(containsPrivateKey("---BEGIN OPENSSH PRIVATE KEY---")).toBe(true);
    expect(containsPrivateKey("-----BEGIN CERTIFICATE-----")).toBe(false);
  });
  it("assignments in config blobs name the setting, never the value", () => {
    const text = 'LOG_LEVEL=info\nexport REDIS_PASSWORD="abcd1234"\npassword:\n  file: /x\napi_token: ${TOKEN}\n"clientSecret": "s3cr3t",\n';
    expect(sensitiveAssignments(text)).toEqual(["REDIS_PASSWORD", "clientSecret"]);
  });
});
