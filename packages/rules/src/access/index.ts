// The access model: who can do what in a cluster and how (see types.ts for the contract).
export * from "./types";
export { buildAccessModel, diffGrants, type BuildAccessModelOptions } from "./model";
export { whoCan, grantAllows, implicitGroups, subjectGrants, grantToVia } from "./match";
export { capabilitiesOf } from "./capabilities";
export { parseResource } from "./resources";
export { describeRule } from "./describe";
