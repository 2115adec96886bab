#!/usr/bin/env node
// Runs the bundled CLI (apps/cli/dist, built by scripts/build-cli.mjs at `npm install`) when it is
// up to date, so a scan starts without compiling TypeScript; otherwise (no bundle, or a source file
// edited since it was built) the TypeScript sources through tsx, so a stale bundle never answers.
// BULWARK_CLI_SOURCE=1 forces the sources.
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const dist = new URL("../dist/", import.meta.url);

function bundleIsCurrent() {
  if (process.env.BULWARK_CLI_SOURCE === "1") return false;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL("inputs.json", dist), "utf8"));
    for (const f of inputs) if (statSync(root + f).mtimeMs > builtAt) return false;
    return true;
  } catch {
    return false;
  }
}

if (bundleIsCurrent()) {
  await import(new URL("bulwark.js", dist).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}
