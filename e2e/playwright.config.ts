// Browser tests against the running system: the built web app (next start), a worker and a
// kube-sim cluster (global-setup.ts). Debian's Chromium; no browser downloads.
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3005);
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "./specs",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "../.bulwark/test-results/playwright.json" }]],
  globalSetup: "./global-setup.ts",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  outputDir: "../.bulwark/test-results/playwright",
  webServer: {
    command: `../../node_modules/.bin/next start -p ${PORT}`,
    cwd: "../apps/web",
    url: `${BASE_URL}/api/auth/csrf`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // Specs add clusters and alert receivers on loopback (kube-sim, local webhooks).
    // Specs sign up an organization each (the default is invite-only after the first user).
    env: { NEXTAUTH_URL: BASE_URL, NODE_ENV: "production", BULWARK_ALLOW_PRIVATE_NETWORKS: "true", BULWARK_SIGNUP: "open" },
  },
});
