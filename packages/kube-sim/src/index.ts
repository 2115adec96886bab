export type { FaultSpec, KubeObject, KubeSim, KubeSimOptions, SimIdentity, SimPlatform, SimStore } from "./types";
export { startKubeSim } from "./server";
export { loadManifests } from "./manifests";
export { scenarios } from "./scenarios";
export { VULN_LAB } from "./scenarios/vuln-lab";
export { generateCluster } from "./generate";
export { exportTlsState, importTlsState, type TlsState } from "./certs";
