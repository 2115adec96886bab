// What every role sees of an object (the finding page's YAML) must hold no credential: each case
// here plants one the way real manifests do and checks the stored copy against it.
import { evaluate, snapshotFromManifests, type KubeObject } from "@bulwark/rules";
import { describe, expect, it } from "vitest";
import { annotationAllowed, redactArgv, redactText } from "./redact";
import { sanitizeManifest } from "./sanitize-manifest";

const GH_TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
const AWS_KEY = "AKIA" + "IOSFODNN7EXAMPLE";
const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----";

function deployment(container: Record<string, unknown>, annotations: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "api", namespace: "prod", uid: "u1", annotations },
    spec: { template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "app", image: "ghcr.io/acme/api:1.0", ...container }] } } },
  };
}
const firstContainer = (o: KubeObject) => (o.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } }).template.spec.containers[0]!;

describe("redaction before storing", () => {
  it("keeps the user of a URL and hides its password, wherever the URL is", () => {
    const url = "postgres://app:hunter2@db.prod:5432/main?sslmode=require";
    const out = sanitizeManifest(
      deployment({ env: [{ name: "DATABASE_URL", value: url }], args: [`--upstream=${url}`] }, { "link.example.com/dsn": url, "app.kubernetes.io/part-of": `shop ${url}` }),
    );
    const text = JSON.stringify(out);
    expect(text).not.toContain("hunter2");
    expect(firstContainer(out).args).toEqual(["--upstream=postgres://app:***@db.prod:5432/main?sslmode=require"]);
    expect(out.metadata.annotations?.["app.kubernetes.io/part-of"]).toBe("shop postgres://app:***@db.prod:5432/main?sslmode=require");
    expect(redactText("see https://admin:pa%24%24@internal.example/x and https://example.com/no-creds")).toBe("see https://admin:***@internal.example/x and https://example.com/no-creds");
  });

  it("hides the values of sensitive command-line flags in every form, and keeps file paths and other flags", () => {
    const args = [
      "--password=hunter2",
      "--db-token",
      "tok-abc-123",
      "--api-key=k-999",
      "--client-secret",
      "s3cr3t-value",
      "--encryption-key=zzz-top",
      "--tls-private-key-file=/etc/tls/key.pem",
      "--token-auth-file=/etc/kubernetes/tokens.csv",
      "--secret-name",
      "/run/secrets/db",
      "--port=8080",
      "--verbose",
    ];
    expect(redactArgv(["server", ...args])).toEqual([
      "server",
      "--password=***",
      "--db-token",
      "***",
      "--api-key=***",
      "--client-secret",
      "***",
      "--encryption-key=***",
      "--tls-private-key-file=/etc/tls/key.pem",
      "--token-auth-file=/etc/kubernetes/tokens.csv",
      "--secret-name",
      "/run/secrets/db",
      "--port=8080",
      "--verbose",
    ]);
    expect(redactArgv(["mysql", "-uroot", "-phunter2", "-h", "db"])).toEqual(["mysql", "-uroot", "-p***", "-h", "db"]);
    expect(redactArgv(["/usr/bin/redis-cli", "-h", "cache", "-a", "hunter2", "ping"])).toEqual(["/usr/bin/redis-cli", "-h", "cache", "-a", "***", "ping"]);
    expect(redactArgv(["sshpass", "-phunter2", "ssh", "host"])).toEqual(["sshpass", "-p***", "ssh", "host"]);
  });

  it("hides credentials inside shell scripts passed as one argument", () => {
    const script =
      "PGPASSWORD=hunter2 psql -h db -U app && mysqldump -uroot -phunter3 shop | gzip; redis-cli -a hunter4 ping; " +
      'curl -u admin:hunter5 -H "Authorization: Bearer hunter6" https://api.example/x --token hunter7; LOG_LEVEL=debug ./run';
    const out = sanitizeManifest(deployment({ command: ["sh", "-c", script] }));
    const cmd = firstContainer(out).command as string[];
    for (const pw of ["hunter2", "hunter3", "hunter4", "hunter5", "hunter6", "hunter7"]) expect(cmd[2]).not.toContain(pw);
    expect(cmd[2]).toContain("PGPASSWORD=***");
    expect(cmd[2]).toContain("-p***");
    expect(cmd[2]).toContain("LOG_LEVEL=debug ./run");
    expect(cmd.slice(0, 2)).toEqual(["sh", "-c"]);
  });

  it("redacts env values by sensitive name and any literal that looks like a credential, keeps the rest", () => {
    const out = sanitizeManifest(
      deployment({
        env: [
          { name: "DB_PASSWORD", value: "hunter2" },
          { name: "SENTRY_DSN", value: "abc123def" },
          { name: "GOOGLE_APPLICATION_CREDENTIALS_JSON", value: '{"type":"service_account"}' },
          { name: "STRIPE_API_KEY", value: "k-123" },
          { name: "SIGNING_PRIVATE_KEY", value: PEM },
          { name: "GIT_REMOTE", value: GH_TOKEN },
          { name: "SOME_ID", value: AWS_KEY },
          { name: "PASSWORD_FILE", value: "/run/pw" },
          { name: "MODE", value: "fast" },
          { name: "FROM_SECRET", valueFrom: { secretKeyRef: { name: "db", key: "pw" } } },
        ],
      }),
    );
    const env = firstContainer(out).env as Array<{ name: string; value?: string }>;
    const byName = Object.fromEntries(env.map((e) => [e.name, e.value]));
    expect(byName).toEqual({
      DB_PASSWORD: "<redacted:7 bytes>",
      SENTRY_DSN: "<redacted:9 bytes>",
      GOOGLE_APPLICATION_CREDENTIALS_JSON: "<redacted:26 bytes>",
      STRIPE_API_KEY: "<redacted:5 bytes>",
      SIGNING_PRIVATE_KEY: `<redacted:${PEM.length} bytes>`,
      GIT_REMOTE: `<redacted:${GH_TOKEN.length} bytes>`,
      SOME_ID: `<redacted:${AWS_KEY.length} bytes>`,
      PASSWORD_FILE: "/run/pw",
      MODE: "fast",
      FROM_SECRET: undefined,
    });
    expect(env.find((e) => e.name === "FROM_SECRET")).toEqual({ name: "FROM_SECRET", valueFrom: { secretKeyRef: { name: "db", key: "pw" } } });
  });

  it("keeps allow-listed annotations and replaces the value of any other, keeping its key", () => {
    const out = sanitizeManifest(
      deployment(
        {},
        {
          "app.kubernetes.io/name": "api",
          "container.apparmor.security.beta.kubernetes.io/app": "runtime/default",
          "seccomp.security.alpha.kubernetes.io/pod": "runtime/default",
          "service.beta.kubernetes.io/aws-load-balancer-internal": "true",
          "prometheus.io/scrape": "true",
          "argocd.argoproj.io/sync-wave": "2",
          "vault.example.com/db-creds": "user=app password=hunter2",
          "kapp.k14s.io/original": '{"spec":{"env":[{"name":"DB_PASSWORD","value":"hunter2"}]}}',
          team: "payments",
        },
      ),
    );
    expect(out.metadata.annotations).toEqual({
      "app.kubernetes.io/name": "api",
      "container.apparmor.security.beta.kubernetes.io/app": "runtime/default",
      "seccomp.security.alpha.kubernetes.io/pod": "runtime/default",
      "service.beta.kubernetes.io/aws-load-balancer-internal": "true",
      "prometheus.io/scrape": "true",
      "argocd.argoproj.io/sync-wave": "2",
      "vault.example.com/db-creds": "<redacted:25 bytes>",
      "kapp.k14s.io/original": "<redacted:59 bytes>",
      team: "<redacted:8 bytes>",
    });
    expect(annotationAllowed("evil.kubernetes.io.attacker.com/x")).toBe(false);
    expect(annotationAllowed("pod-security.kubernetes.io/enforce")).toBe(true);
  });

  it("does not let last-applied-configuration bring back what was redacted", () => {
    const original = deployment({ env: [{ name: "DB_PASSWORD", value: "hunter2" }], args: ["--token=hunter3"] });
    const withLastApplied = deployment(
      { env: [{ name: "DB_PASSWORD", value: "hunter2" }], args: ["--token=hunter3"] },
      { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify(original) },
    );
    const text = JSON.stringify(sanitizeManifest(withLastApplied));
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("hunter3");
    expect(text).not.toContain("last-applied-configuration");
  });

  it("leaves the rules' input whole: the engine judges the unredacted object, storage gets the redacted copy", () => {
    const obj = deployment({ env: [{ name: "DB_PASSWORD", value: "hunter2" }], args: ["--password=hunter3"] }, { "example.com/note": "x" });
    const before = JSON.stringify(obj);
    const stored = sanitizeManifest(obj);
    expect(JSON.stringify(obj)).toBe(before);
    // the order record-scan-results uses: evaluate first (findings from the real values), then store
    const judged = evaluate(snapshotFromManifests([obj], []));
    expect(judged.findings.map((f) => f.ruleId)).toContain("sensitive-env-var-literal");
    expect(JSON.stringify(stored)).not.toContain("hunter");
    // and redaction is stable, so the stored object's hash does not churn from scan to scan
    expect(sanitizeManifest(stored)).toEqual(stored);
  });

  it("bounds its work on hostile strings (no catastrophic backtracking)", () => {
    const hostile = [
      "mysql ".repeat(10_000),
      `--${"a".repeat(60_000)}`,
      `${"-a".repeat(30_000)}=x`,
      `A${"_".repeat(60_000)}=`,
      `curl -u ${"a".repeat(60_000)}`,
      "eyJ-".repeat(15_000),
      "a://b".repeat(12_000),
      "ghp_".repeat(15_000),
    ];
    const out = sanitizeManifest(deployment({ args: hostile, env: hostile.map((value, i) => ({ name: `V${i}`, value })) }));
    expect((firstContainer(out).args as string[]).map((a) => a.length)).toEqual(hostile.map((h) => h.length));
  });
});
