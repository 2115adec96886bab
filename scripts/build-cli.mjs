// Bundles the `bulwark` CLI into plain JavaScript (apps/cli/dist), so it starts without compiling
// TypeScript: `npm install` runs this (the root package's "prepare"), and `npm run build:cli` does
// it by hand. Lazy commands (push, access, fix, admission-policies, live scans) stay separate
// chunks, loaded only when used. apps/cli/bin/bulwark.mjs runs the bundle while it is newer than
// every source file it was built from, and the TypeScript sources otherwise (a checkout being
// edited), so a stale bundle never answers.
import { build } from "esbuild";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "apps/cli/dist");

/** Bundles into `out` (default apps/cli/dist; tests use a directory of their own). */
export async function buildCli({ quiet = false, out = DIST } = {}) {
  const started = Date.now();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { bulwark: "apps/cli/src/main.ts" },
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "chunks/[name]-[hash]",
    // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
    banner: { js: 'import { createRequire as __bulwarkRequire } from "node:module"; const require = __bulwarkRequire(import.meta.url);' },
    metafile: true,
    legalComments: "none",
    logLevel: quiet ? "error" : "warning",
  });
  // The sources the bundle was built from, relative to the root: the bin compares their times.
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules/"));
  writeFileSync(path.join(out, "inputs.json"), JSON.stringify({ builtAt: Date.now(), inputs }));
  if (!quiet) process.stdout.write(`bulwark CLI bundled into apps/cli/dist (${inputs.length} source files, ${Date.now() - started} ms)\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli({ quiet: process.argv.includes("--quiet") });
}
