// Entry of the rules worker thread (run-isolated.ts starts it). Plain JavaScript so Node can start
// it beside a built Next app: the workspace packages ship TypeScript, which tsx compiles here.
// One thread judges one task and is then ended, so nothing outlives a request.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { runRulesTask } = await import("./rules-tasks.ts");
parentPort.once("message", (task) => {
  let reply;
  try {
    reply = { type: "done", value: runRulesTask(task) };
  } catch (e) {
    reply = { type: "failed", message: e instanceof Error ? e.message : String(e) };
  }
  parentPort.postMessage(reply);
});
parentPort.postMessage({ type: "ready" });
