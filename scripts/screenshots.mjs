#!/usr/bin/env node
// Retakes the README's screenshots (docs/*.png) from a running demo, so they show what the product
// shows today: `npm run demo` in one terminal, then `node scripts/screenshots.mjs` (it reads the
// demo's sign-in from .bulwark/demo/password, or BULWARK_DEMO_EMAIL / BULWARK_DEMO_PASSWORD).
// Uses Debian's Chromium (CHROMIUM_PATH to override) through Playwright. `--only NAME` retakes one.
// The two close-ups of continuous scanning (docs/changes.png, docs/cluster-live.png) need kubectl
// changes made while the demo watches; they are not retaken here.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BASE = process.env.BULWARK_URL ?? "http://localhost:3000";
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

function credentials() {
  if (process.env.BULWARK_DEMO_EMAIL && process.env.BULWARK_DEMO_PASSWORD) return { email: process.env.BULWARK_DEMO_EMAIL, password: process.env.BULWARK_DEMO_PASSWORD };
  const file = path.join(ROOT, ".bulwark/demo/password");
  if (!existsSync(file)) throw new Error(`no demo sign-in: run \`npm run demo\` first (it writes ${path.relative(ROOT, file)}), or set BULWARK_DEMO_EMAIL and BULWARK_DEMO_PASSWORD`);
  return { email: "demo@bulwark.local", password: readFileSync(file, "utf8").trim() };
}

/** Each shot: where to go (a path, or a function finding it through the API), and the viewport height. */
const SHOTS = [
  { name: "overview", to: "/overview" },
  { name: "findings", to: "/findings?tab=all" },
  { name: "risk", to: async (_api, page) => firstRisk(page) },
  { name: "cluster", to: async (api) => `/clusters/${(await api("/api/clusters")).find((c) => c.name === "shop-staging").id}` },
  { name: "finding", to: async (api) => `/findings/${(await api("/api/findings?severity=critical&rule=privileged-container&limit=1")).items[0].id}` },
  { name: "compliance", to: "/compliance" },
  { name: "access", to: "/access" },
  { name: "images", to: "/images", height: 860 },
  { name: "api-tokens", to: "/settings/tokens" },
  { name: "fix", to: async (api) => `/fixes/${(await api("/api/fixes?tab=all&limit=1")).items[0].id}`, height: 1000 },
];

/** The worst open risk: the first one the Findings page's Risks tab links to. */
async function firstRisk(page) {
  await page.goto(`${BASE}/findings?tab=risks`, { waitUntil: "networkidle" });
  const href = await page.locator('a[href^="/risks/"]').first().getAttribute("href");
  if (!href) throw new Error("no open risk on the Findings page");
  return href;
}

const { email, password } = credentials();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"), { timeout: 30_000 });
  const api = async (p) => {
    const res = await context.request.get(`${BASE}${p}`);
    if (!res.ok()) throw new Error(`${p}: HTTP ${res.status()}`);
    return res.json();
  };
  for (const shot of SHOTS) {
    if (only && shot.name !== only) continue;
    const to = typeof shot.to === "string" ? shot.to : await shot.to(api, page);
    await page.setViewportSize({ width: 1280, height: shot.height ?? 800 });
    await page.goto(`${BASE}${to}`, { waitUntil: "networkidle" });
    const out = path.join(ROOT, "docs", `${shot.name}.png`);
    await page.screenshot({ path: out });
    process.stdout.write(`docs/${shot.name}.png  ${to}\n`);
  }
} finally {
  await browser.close();
}
