export { startWorker, syncSchedulers, recover, type RunningWorker } from "./worker";
export { workerEnv, type TWorkerEnv } from "./env";
export { processScan, type ScanJobResult } from "./processors/scan.processor";
export { processTestConnection } from "./processors/test-connection.processor";
export { scanSettings } from "./policy";
