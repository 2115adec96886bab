export { parseManifests, findFieldLine, splitPath, MAX_MANIFEST_BYTES, MAX_ALIAS_COUNT } from "./parse-manifests";
export type { ParsedManifests, ManifestError } from "./parse-manifests";
export { snapshotFromManifests } from "./snapshot";
export { redactObject } from "./redact";
export { apiGroupOf, isBuiltinApiGroup, isNamespacedKind, unknownKindProblem } from "./kinds";
export { isNamespaceName, placeInNamespace } from "./namespace";
