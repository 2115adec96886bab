// Images and vulnerabilities: imports of vulnerability documents, the inventory and CVE history the
// worker saves after each scan, and CVE exceptions (H4's read queries live beside them).
export { importVulnDocument, importMatches, vulnDocumentSha256, VulnImportError, type TImportVulnDocumentInput, type TVulnImportResult, type TVulnImportMatches, type TVulnFormat } from "./import";
export { vulnReportsForSnapshot, snapshotImages, type TSnapshotImages } from "./reports-for-snapshot";
export { saveImageInventory, type TSaveImageInventoryInput, type TSaveImageInventoryOutput } from "./save-inventory";
export { saveImageCves, imageCveRows, IMAGE_VULNERABILITIES_RULE, type TSaveImageCvesInput, type TSaveImageCvesOutput } from "./save-cves";
export {
  createCveException,
  revokeCveException,
  listCveExceptions,
  listActiveCveExceptions,
  normalizeVulnId,
  normalizeRepositoryScope,
  CVE_EXCEPTION_STATES,
  CVE_EXCEPTION_JUSTIFICATIONS,
  MAX_CVE_EXCEPTION_DAYS,
  MAX_CVE_NOTE_CHARS,
  type TCreateCveExceptionInput,
  type TCveExceptionView,
  type TCveExceptionState,
} from "./cve-exceptions";
export {
  listImages,
  listImageRegistries,
  imageFilterChoices,
  imageDetail,
  listVulnerabilities,
  vulnDataPresence,
  imageIdOfContainer,
  type TImageFilters,
  type TListImagesInput,
  type TImageRow,
  type TRegistryRow,
  type TImageDetail,
  type TImageUseView,
  type TImageCveView,
  type TImageReportView,
  type TImageImportView,
  type TListVulnerabilitiesInput,
  type TVulnerabilityRow,
} from "./queries";
export * from "./queries";
