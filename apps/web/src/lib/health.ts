// Health checks for probes and load balancers. Liveness says the process answers; readiness also
// reaches Postgres and the queue backend (each within 2 s), so a web replica that lost them stops
// getting traffic. Neither names an organization or reads anyone's data.
import { db } from "@bulwark/db";
import { QUEUE_SCAN, getQueue } from "@bulwark/jobs";

const CHECK_MS = 2000;

async function within<T>(what: string, p: Promise<T>): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`${what}: no answer within ${CHECK_MS} ms`), CHECK_MS);
  });
  try {
    return await Promise.race([p.then(() => null), timeout]);
  } catch (e) {
    return `${what}: ${(e as Error).message.split("\n")[0]}`;
  } finally {
    clearTimeout(timer);
  }
}

export function liveness(): { status: "ok" } {
  return { status: "ok" };
}

export async function readiness(): Promise<Response> {
  const problems = (await Promise.all([within("database", db.$queryRaw`SELECT 1`), within("queue", getQueue(QUEUE_SCAN).count())])).filter(
    (p): p is string => p !== null,
  );
  return Response.json(problems.length ? { status: "unavailable", problems } : { status: "ok" }, {
    status: problems.length ? 503 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
