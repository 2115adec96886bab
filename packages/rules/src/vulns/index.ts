export * from "./types";
export * from "./image-key";
export * from "./formats";
export { inClusterVulnReports, inClusterSecretReports, VULN_REPORT_KINDS, SECRET_REPORT_KINDS, type ExposedSecret, type SecretReport } from "./in-cluster";
export { imageInventory } from "./inventory";
export { imageFindingSeverity } from "./judge";
