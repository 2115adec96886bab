// The architecture's seams are lint rules (eslint.config.mjs); this proves each one still bites, so
// a seam cannot be dropped or widened without a failing test. Snippets are linted in memory at a
// path inside the package whose seam is checked; nothing is written to disk.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const eslint = new ESLint({ cwd: ROOT });

async function seamErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

const forms = (mod: string) => [
  `import { x } from "${mod}";\nexport const y = x;\n`,
  `export { x } from "${mod}";\n`,
  `export async function f() {\n  return import("${mod}");\n}\n`,
  `export const m = require("${mod}");\n`,
];

describe("lint seams", () => {
  it.each([
    ["packages/rules/src/seam-probe.ts", "node:fs", /pure: no I\/O/],
    ["packages/rules/src/seam-probe.ts", "fs/promises", /pure: no I\/O/],
    ["packages/rules/src/seam-probe.ts", "node:child_process", /pure: no I\/O/],
    ["packages/rules/src/seam-probe.ts", "node:https", /pure: no I\/O/],
    ["packages/rules/src/seam-probe.ts", "@bulwark/db", /never imports database, queue, cluster or network/],
    ["packages/rules/src/seam-probe.ts", "@bulwark/k8s", /never imports database, queue, cluster or network/],
    ["packages/rules/src/seam-probe.ts", "@bulwark/jobs", /never imports database, queue, cluster or network/],
    ["packages/rules/src/seam-probe.ts", "@kubernetes/client-node", /never imports database, queue, cluster or network/],
    ["packages/rules/src/seam-probe.ts", "pg", /never imports database, queue, cluster or network/],
    ["packages/rules/src/seam-probe.ts", "ioredis", /never imports database, queue, cluster or network/],
    ["packages/rules/src/seam-probe.ts", "bullmq", /never imports database, queue, cluster or network/],
    ["packages/rules/src/seam-probe.test.ts", "@bulwark/db", /never imports database, queue, cluster or network/],
    ["apps/web/src/modules/seam-probe.ts", "@bulwark/k8s", /never reads clusters/],
    ["apps/web/src/modules/seam-probe.tsx", "@bulwark/k8s", /never reads clusters/],
    ["apps/web/src/modules/seam-probe.ts", "@bulwark/k8s/testing", /never reads clusters/],
    ["apps/web/src/modules/seam-probe.ts", "@kubernetes/client-node", /never reads clusters/],
    // the web and production seams both cover this one; either message will do
    ["apps/web/src/modules/seam-probe.ts", "@bulwark/kube-sim", /never imports the simulator|production code never imports it/],
    ["apps/web/src/modules/seam-probe.test.ts", "@bulwark/k8s", /never reads clusters/],
    ["apps/web/src/modules/seam-probe.test.ts", "@bulwark/kube-sim", /never imports the simulator/],
    ["apps/worker/src/seam-probe.ts", "@bulwark/kube-sim", /production code never imports it/],
    ["apps/worker/src/seam-probe.ts", "@bulwark/k8s/testing", /Testing helpers are for tests/],
    ["apps/cli/src/seam-probe.ts", "@bulwark/kube-sim", /production code never imports it/],
    ["packages/k8s/src/seam-probe.ts", "@bulwark/security/testing", /Testing helpers are for tests/],
    ["packages/db/src/seam-probe.ts", "@bulwark/kube-sim", /production code never imports it/],
    ["packages/security/src/seam-probe.ts", "@bulwark/k8s", /sits below every other package/],
    ["packages/security/src/seam-probe.ts", "@bulwark/db", /sits below every other package/],
    ["packages/security/src/seam-probe.test.ts", "@bulwark/k8s/testing", /sits below every other package/],
  ])("%s may not import %s", async (file, mod, message) => {
    for (const code of forms(mod)) {
      // (one import may break two seams, e.g. kube-sim in the web app)
      expect(await seamErrors(file, code), code).toContainEqual(expect.stringMatching(message));
    }
  });

  it.each([
    ["packages/rules/src/seam-probe.ts", "node:crypto"],
    ["packages/rules/src/seam-probe.ts", "yaml"],
    ["packages/rules/src/seam-probe.test.ts", "node:fs"],
    ["apps/web/src/modules/seam-probe.ts", "@bulwark/security"],
    ["apps/web/src/modules/seam-probe.ts", "@bulwark/k8s/resources"],
    ["apps/web/src/modules/seam-probe.ts", "@bulwark/db"],
    ["apps/worker/src/seam-probe.ts", "@bulwark/k8s"],
    ["apps/worker/src/seam-probe.test.ts", "@bulwark/kube-sim"],
    ["packages/k8s/src/seam-probe.test.ts", "@bulwark/security/testing"],
    ["packages/security/src/seam-probe.ts", "yaml"],
    ["reliability/seam-probe.ts", "@bulwark/k8s/testing"],
    ["bench/seam-probe.ts", "@bulwark/kube-sim"],
  ])("%s may import %s", async (file, mod) => {
    for (const code of forms(mod)) expect(await seamErrors(file, code), code).toEqual([]);
  });

  it("still refuses deep imports into another package's src/ everywhere", async () => {
    for (const file of ["apps/worker/src/seam-probe.ts", "reliability/seam-probe.ts", "packages/rules/src/seam-probe.test.ts"]) {
      expect(await seamErrors(file, `import { x } from "@bulwark/db/src/client";\nexport const y = x;\n`)).toContainEqual(expect.stringMatching(/root barrel/));
    }
  });
});

// Issue 19: the write credential is read by the fix-apply path only, never by scans or watches.
describe("write credential seam", () => {
  const uses = [
    `import { getClusterWriteCredential } from "@bulwark/db";\nexport const f = getClusterWriteCredential;\n`,
    `export async function f() {\n  const { getClusterWriteCredential: g } = await import("@bulwark/db");\n  return g;\n}\n`,
    `import { db } from "@bulwark/db";\nexport const f = () => db.cluster.findFirst({ select: { writeCredentialCipher: true } });\n`,
    `export const f = (c: { writeCredentialCipher: string }) => c.writeCredentialCipher;\n`,
    `export const f = (c: { writeCredentialCipher: string }) => c["writeCredentialCipher"];\n`,
    `export const f = ({ writeCredentialCipher }: { writeCredentialCipher: string }) => writeCredentialCipher;\n`,
  ];
  it.each(["apps/worker/src/processors/seam-probe.ts", "apps/worker/src/live/seam-probe.ts", "packages/db/src/clusters/seam-probe.ts", "packages/k8s/src/seam-probe.ts", "apps/web/src/modules/clusters/seam-probe.ts"])(
    "%s may not read it",
    async (file) => {
      for (const code of uses) expect(await seamErrors(file, code), code).toContainEqual(expect.stringMatching(/write credential is for applying approved fixes only/));
    },
  );
  it.each(["apps/worker/src/remediation/seam-probe.ts", "packages/db/src/remediation/seam-probe.ts", "apps/worker/src/seam-probe.test.ts"])("%s may", async (file) => {
    for (const code of uses) expect(await seamErrors(file, code), code).toEqual([]);
  });
  it("omitting it from a view is not reading it", async () => {
    expect(await seamErrors("packages/db/src/clusters/seam-probe.ts", `export const OMIT = { credentialCipher: true, writeCredentialCipher: true } as const;\n`)).toEqual([]);
  });
});
