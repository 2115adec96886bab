export { runCli, USAGE, DEFAULT_FAIL_ON, type Io } from "./cli";
export { runScan, type ScanOptions } from "./scan";
export { formatJson } from "./format-json";
export { formatSarif } from "./format-sarif";
export { formatJunit } from "./format-junit";
export { formatTable } from "./format-table";
export type { ScanReport, ReportFinding } from "./report";
