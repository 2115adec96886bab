// Finds Postgres and Redis, or starts local ones, for `npm run demo` and `npm test`.
// Plain Node (no dependencies) so it can run before `npm install`.
// Order: what DATABASE_URL / REDIS_URL point at; Debian packages already installed (started when
// root); Debian packages installed with apt-get (root only, when allowed); `docker compose up -d`
// when a Docker engine answers. The demo then has embedded fallbacks (see demo.mjs).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import net from "node:net";

export const DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

export function log(msg) {
  process.stdout.write(`[bulwark] ${msg}\n`);
}

/** Resolves true when something accepts TCP connections at host:port within timeoutMs. */
export function probe(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export function hostPort(url, defaultPort) {
  const u = new URL(url);
  return { host: u.hostname || "127.0.0.1", port: Number(u.port || defaultPort) };
}

async function waitFor(host, port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await probe(host, port, 500)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
export const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  return { ok: r.status === 0, out: `${r.stdout ?? ""}${r.stderr ?? ""}`.trim() };
}

function dockerEngineRunning() {
  return has("docker") && run("docker", ["info"]).ok;
}

/** Installs Debian packages when root with apt-get; false otherwise or on failure. */
export function aptInstall(pkgs) {
  if (!isRoot() || !has("apt-get")) return false;
  log(`installing ${pkgs.join(", ")} with apt-get ...`);
  run("apt-get", ["update", "-q"]);
  const r = spawnSync("apt-get", ["install", "-y", "-q", ...pkgs], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return r.status === 0;
}

function startDebianPostgres() {
  if (!existsSync("/etc/postgresql")) return false;
  const versions = readdirSync("/etc/postgresql");
  for (const v of versions) {
    const r = run("pg_ctlcluster", ["--skip-systemctl-redirect", v, "main", "start"]);
    if (r.ok || /already running/.test(r.out)) return true;
    log(`pg_ctlcluster ${v} main start: ${r.out}`);
  }
  return false;
}

/**
 * Makes sure a Postgres server answers at `url`. Returns { ok, how } or { ok:false, why }.
 * `allowInstall` lets it apt-get install postgresql (root only).
 */
export async function ensurePostgres(url, { allowInstall = true } = {}) {
  const { host, port } = hostPort(url, 5432);
  if (await probe(host, port)) return { ok: true, how: `Postgres at ${host}:${port}` };
  const local = host === "127.0.0.1" || host === "localhost" || host === "::1";
  if (!local) return { ok: false, why: `no Postgres answers at ${host}:${port} (DATABASE_URL)` };
  if (isRoot() && has("pg_ctlcluster")) {
    log("starting the Debian PostgreSQL cluster ...");
    if (startDebianPostgres() && (await waitFor(host, port, 20))) return { ok: true, how: "Debian PostgreSQL (started)" };
  }
  if (allowInstall && isRoot() && !existsSync("/etc/postgresql") && aptInstall(["postgresql"])) {
    // Debian's package creates a cluster that trusts local connections only via peer auth:
    // allow trust on loopback for this developer machine.
    startDebianPostgres();
    trustLoopback();
    if (await waitFor(host, port, 30)) return { ok: true, how: "Debian PostgreSQL (installed with apt-get)" };
  }
  if (dockerEngineRunning()) {
    log("starting Postgres and Redis with docker compose ...");
    if (run("docker", ["compose", "up", "-d", "postgres", "redis"]).ok && (await waitFor(host, port, 60)))
      return { ok: true, how: "docker compose" };
  }
  return {
    ok: false,
    why:
      `no Postgres answers at ${host}:${port}. Provide one: set DATABASE_URL to a reachable server, ` +
      `or install it (as root: apt-get install -y postgresql), or run "docker compose up -d postgres redis".`,
  };
}

function trustLoopback() {
  try {
    for (const v of readdirSync("/etc/postgresql")) {
      const hba = `/etc/postgresql/${v}/main/pg_hba.conf`;
      execFileSync("sh", [
        "-c",
        `grep -q 'bulwark: trust loopback' ${hba} || sed -i '1i host all all 127.0.0.1/32 trust # bulwark: trust loopback\\nhost all all ::1/128 trust # bulwark: trust loopback' ${hba}`,
      ]);
      run("pg_ctlcluster", ["--skip-systemctl-redirect", v, "main", "reload"]);
    }
  } catch (e) {
    log(`could not adjust pg_hba.conf: ${e.message}`);
  }
}

export async function ensureRedis(url, { allowInstall = true } = {}) {
  const { host, port } = hostPort(url, 6379);
  if (await probe(host, port)) return { ok: true, how: `Redis at ${host}:${port}` };
  const local = host === "127.0.0.1" || host === "localhost" || host === "::1";
  if (!local) return { ok: false, why: `no Redis answers at ${host}:${port} (REDIS_URL)` };
  if (!has("redis-server") && allowInstall) aptInstall(["redis-server"]);
  if (has("redis-server")) {
    log("starting redis-server ...");
    run("redis-server", ["--daemonize", "yes", "--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"]);
    if (await waitFor(host, port, 10)) return { ok: true, how: "local redis-server (started)" };
  }
  if (dockerEngineRunning()) {
    if (run("docker", ["compose", "up", "-d", "redis"]).ok && (await waitFor(host, port, 60)))
      return { ok: true, how: "docker compose" };
  }
  return {
    ok: false,
    why:
      `no Redis answers at ${host}:${port}. Provide one: set REDIS_URL, or install it ` +
      `(as root: apt-get install -y redis-server), or run "docker compose up -d redis".`,
  };
}

/** Replaces the database name in a Postgres URL. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
