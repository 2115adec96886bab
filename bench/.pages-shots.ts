import { chromium } from "playwright";
const base = "http://127.0.0.1:3104";
const csrfRes = await fetch(`${base}/api/auth/csrf`);
const jar = new Map<string, string>();
const keep = (r: Response) => { for (const c of r.headers.getSetCookie()) { const [p] = c.split(";"); const i = p!.indexOf("="); jar.set(p!.slice(0, i), p!.slice(i + 1)); } };
keep(csrfRes);
const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
const r = await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() }, body: new URLSearchParams({ csrfToken, email: "bench-owner@example.com", password: "bench-password-0123456789", json: "true" }).toString() });
keep(r);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
await ctx.addCookies([...jar].map(([name, value]) => ({ name, value, url: base })));
const page = await ctx.newPage();
for (const [name, url] of [["overview", "/overview"], ["trends-365", "/trends?range=365"]] as const) {
  await page.goto(base + url, { waitUntil: "networkidle" });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/work/shots/pages-${name}.png`, fullPage: name === "overview" });
}
await browser.close();
