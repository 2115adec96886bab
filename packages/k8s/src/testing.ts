// Bench and test helpers, kept out of the public entry: only tests, bench/ and reliability/ import
// "@bulwark/k8s/testing" (a lint rule keeps production code off it).
export { benchReader, type ReaderBenchResult } from "./bench";
export { startChildServer, stopChild, type ChildServer } from "./child-server";
